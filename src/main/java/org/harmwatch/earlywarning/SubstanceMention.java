package org.harmwatch.earlywarning;

/**
 * A substance a report names, in the reporter's words, and how they know.
 *
 * @param text what the reporter wrote, e.g. {@code china white}
 * @param howKnown how they know
 */
public record SubstanceMention(String text, HowKnown howKnown) {

}
