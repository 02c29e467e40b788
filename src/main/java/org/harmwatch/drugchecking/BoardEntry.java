package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One anonymised result on the public board: when (month), where (district at most), what
 * it was sold as and looked like, and what was found. No code, session, site, staff or
 * person.
 *
 * @param photos the sample's published photos: empty unless the session's licence allows
 * photographs to be published
 */
public record BoardEntry(YearMonth month, @Nullable String district, DosageForm form, String soldAs,
		@Nullable String colour, @Nullable String logo, @Nullable String shape, @Nullable BigDecimal weightMg,
		List<Found> found, List<ResultFlag> flags, List<Photo> photos) {

	public BoardEntry {
		found = List.copyOf(found);
		flags = List.copyOf(flags);
		photos = List.copyOf(photos);
	}

	/**
	 * A published photo of the sample: its id for the public photo address (a random id
	 * that names no sample) and its alternative text, from the sample's description.
	 */
	public record Photo(java.util.UUID id, String alt) {
	}

	/** A substance found and how much, in words (empty when not measured). */
	public record Found(String name, @Nullable String code, String amount) {
	}

	/**
	 * Whether it is a pill of concern: flagged high strength, unexpected high-risk or
	 * mis-sold.
	 */
	public boolean ofConcern() {
		return !flags.isEmpty();
	}

	/** Colour, logo and shape, as recorded, e.g. {@code pink, Tesla, round}. */
	public String looks() {
		return String.join(", ",
				java.util.stream.Stream.of(colour, logo, shape)
					.filter(java.util.Objects::nonNull)
					.map(String::valueOf)
					.toList());
	}

	/** What was found, in words, e.g. {@code MDMA 240 mg per unit (salt); caffeine}. */
	public String foundText() {
		return String.join("; ",
				found.stream().map(f -> f.amount().isEmpty() ? f.name() : f.name() + " " + f.amount()).toList());
	}

}
