package org.harmwatch.drugchecking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one reader may see of a sample: the only way results leave the module. When the
 * licence conditions withhold them, {@code results} is empty, {@code consultation} is
 * {@code null} and {@code withheld} says why: the code of a message in the module's
 * bundle, e.g. {@code drugchecking.withheld.lawEnforcement}.
 *
 * @param results newest version first; the first is the current result
 */
public record Release(SampleView sample, SessionView session, Audience audience, List<ResultVersion> results,
		@Nullable Consultation consultation, @Nullable String withheld) {

	public Release {
		results = List.copyOf(results);
	}

	public @Nullable ResultVersion current() {
		return results.isEmpty() ? null : results.get(0);
	}

	public boolean isWithheld() {
		return withheld != null;
	}

}
