package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One version of a sample's result. The latest is the current result; earlier ones are
 * its history.
 */
public record ResultVersion(UUID id, int version, boolean confirmed, List<ResultFlag> flags, List<String> reasons,
		@Nullable String notes, String analyst, Instant recordedAt, List<Component> components,
		List<Spectrum> spectra) {

	public ResultVersion {
		flags = List.copyOf(flags);
		reasons = List.copyOf(reasons);
		components = List.copyOf(components);
		spectra = List.copyOf(spectra);
	}

	/** One component found. */
	public record Component(String text, @Nullable String substanceCode, @Nullable String substanceName,
			@Nullable String substanceClass, @Nullable BigDecimal quantity, @Nullable QuantityUnit unit,
			@Nullable Basis basis, Confidence confidence, AnalysisMethod method) {

		/** The name to show: the vocabulary's, else the text as written. */
		public String name() {
			return substanceName != null ? substanceName : text;
		}

		/**
		 * The quantity in words, e.g. {@code 240 mg per unit (salt)} or
		 * {@code 12.5% w/w}; empty when not measured.
		 */
		public String amount() {
			if (quantity == null || unit == null) {
				return "";
			}
			var q = quantity.stripTrailingZeros().toPlainString();
			return unit == QuantityUnit.PERCENT_W_W ? q + "% w/w"
					: q + " mg per unit" + (basis == null ? "" : " (" + basis.name().toLowerCase() + ")");
		}

	}

	/** A JCAMP-DX spectrum attached to this version. */
	public record Spectrum(UUID id, String filename, String title) {
	}

	/** The methods used, in words. */
	public String methods() {
		return components.stream().map(c -> c.method().label()).distinct().collect(Collectors.joining(", "));
	}

}
