package org.harmwatch.platform.imports;

/**
 * What an import stored.
 *
 * @param records records the file describes (e.g. samples, which may span several rows)
 * @param stored records stored
 * @param skipped records not stored because an earlier import stored them
 */
public record ImportOutcome(int records, int stored, int skipped) {
}
