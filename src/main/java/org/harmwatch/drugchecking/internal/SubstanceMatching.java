package org.harmwatch.drugchecking.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.harmwatch.substances.SubstanceManagement;
import org.springframework.stereotype.Component;

/**
 * Matches what a sample was sold as, and the components found, against the substance
 * vocabulary.
 */
@Component
public class SubstanceMatching {

	private final SubstanceManagement substances;

	SubstanceMatching(SubstanceManagement substances) {
		this.substances = substances;
	}

	/**
	 * The substances a sold-as text names: one, or several separated by ";", ",", "/",
	 * "+" or "and".
	 */
	public List<String> expectedCodes(String soldAs) {
		var whole = substances.resolve(soldAs.strip());
		if (whole.isPresent()) {
			return List.of(whole.get().substance().id().code());
		}
		return Arrays.stream(soldAs.split("\\s*(?:[;,/+&]|\\band\\b)\\s*"))
			.filter(part -> !part.isBlank())
			.map(part -> substances.resolve(part.strip()))
			.flatMap(Optional::stream)
			.map(r -> r.substance().id().code())
			.distinct()
			.toList();
	}

	/** The vocabulary's substance a component's text names, if any. */
	public Optional<Result.Resolved> resolve(String text) {
		return substances.resolve(text.strip())
			.map(r -> r.substance())
			.map(s -> new Result.Resolved(s.id().code(), s.name(), s.substanceClass().name()));
	}

}
