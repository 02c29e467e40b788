package org.harmwatch.substances;

/**
 * A substance offered while someone types, with the name that matched what they typed.
 *
 * @param substance the substance
 * @param matchedTerm the name, alias or street name that matched
 * @param kind what kind of name that is
 */
public record Suggestion(SubstanceSummary substance, String matchedTerm, TermKind kind) {

}
