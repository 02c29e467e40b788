package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One anonymised final result on the public board: when (month), where (district at
 * most), what it was sold as and looked like, and what was found, with each component's
 * confidence and method. No code, session, site, staff or person.
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

	/**
	 * A substance found, how much in words (empty when not measured), and how sure the
	 * analyst is of it and by which method: "possible by test strip" is never
	 * "confirmed".
	 */
	public record Found(String name, @Nullable String code, String amount, Confidence confidence,
			AnalysisMethod method) {

		/**
		 * The component in words, e.g. {@code MDMA 240 mg per unit (salt) (confirmed,
		 * FTIR)}.
		 */
		public String text() {
			return (amount.isEmpty() ? name : name + " " + amount) + " ("
					+ confidence.name().toLowerCase(java.util.Locale.ROOT) + ", " + method.label() + ")";
		}

	}

	/**
	 * What this entry shows of a result, without when and where: two entries that look
	 * the same on the board are one kind of pill of concern.
	 */
	public List<Object> kind() {
		return java.util.Arrays.asList(form, soldAs, colour, logo, shape,
				weightMg == null ? null : weightMg.stripTrailingZeros(), found, flags);
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

	/**
	 * What was found, in words, e.g.
	 * {@code MDMA 240 mg per unit (salt) (confirmed, FTIR); caffeine (possible, reagent test)}.
	 */
	public String foundText() {
		return String.join("; ", found.stream().map(Found::text).toList());
	}

}
