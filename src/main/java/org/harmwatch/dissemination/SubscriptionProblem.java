package org.harmwatch.dissemination;

/**
 * What is wrong with one field of a subscription form.
 */
public record SubscriptionProblem(String field, String message) {

}
