package org.harmwatch.hatclinic;

/**
 * Where a referral that arrived by event came from: the referring service's code for the
 * person (so that clinic staff can match the person with the referring worker) and the
 * sending agency. Clinic staff only.
 */
public record ReferralArrival(String sourceReference, String sendingAgency, String sendingAgencyName) {

}
