package org.harmwatch.dissemination.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.harmwatch.geography.Area;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;

/**
 * The area and kind-of-drug filters the subscription forms share, and their choices for
 * {@code fragments/forms :: checkboxes}.
 */
final class Filters {

	private Filters() {
	}

	/** The ticked boxes; none when nothing was sent. */
	static List<String> values(@Nullable List<String> sent) {
		return sent == null ? List.of() : sent.stream().filter(Objects::nonNull).toList();
	}

	/** Each district's code and name, in the order given. */
	static Map<String, String> districts(List<Area> districts) {
		var options = new LinkedHashMap<String, String>();
		districts.forEach(d -> options.put(d.code(), d.name()));
		return options;
	}

	/** Each kind of drug and its label's message code. */
	static Map<String, String> classes() {
		var options = new LinkedHashMap<String, String>();
		for (var c : SubstanceClass.values()) {
			options.put(c.name(), "substances.class." + c.name());
		}
		return options;
	}

}
