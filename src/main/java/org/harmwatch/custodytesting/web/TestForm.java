package org.harmwatch.custodytesting.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.custodytesting.SubstanceResult;
import org.harmwatch.custodytesting.TestDraft;
import org.harmwatch.custodytesting.TestOutcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * The retest form: when, on which device, and the result per substance (or a refusal).
 */
record TestForm(@NotBlank(message = "{custodytesting.outcome.required}") @Nullable String outcome,
		@Nullable String sampleTakenAt, @Nullable String device, @Nullable String cocaine, @Nullable String opiates) {

	static TestForm empty() {
		return new TestForm(null, null, null, null, null);
	}

	/**
	 * The retest this form describes.
	 * @throws InputRejectedException naming every field that cannot be read
	 */
	TestDraft draft(ZoneId zone) {
		var problems = new ArrayList<FieldProblem>();
		var test = test(outcome, sampleTakenAt, device, cocaine, opiates, zone, false, problems);
		if (!problems.isEmpty() || test == null) {
			throw new InputRejectedException(problems);
		}
		return test;
	}

	/**
	 * A test from the fields; {@code null} when none was taken (allowed only when
	 * {@code mayBeNone}) or when a field cannot be read (the problem added).
	 */
	static @Nullable TestDraft test(@Nullable String outcome, @Nullable String sampleTakenAt, @Nullable String device,
			@Nullable String cocaine, @Nullable String opiates, ZoneId zone, boolean mayBeNone,
			List<FieldProblem> problems) {
		var outcomeOf = FormValues.constant(TestOutcome.class, outcome, "outcome", problems);
		if (outcomeOf == null) {
			return null;
		}
		if (outcomeOf == TestOutcome.NOT_TESTED) {
			if (!mayBeNone) {
				problems.add(FieldProblem.of("outcome", "custodytesting.choice.invalid"));
			}
			return null;
		}
		var taken = FormValues.localTime(sampleTakenAt, "sampleTakenAt", problems);
		if (taken == null && FormValues.text(sampleTakenAt) == null) {
			problems.add(FieldProblem.of("sampleTakenAt", "custodytesting.sampleTakenAt.required"));
		}
		SubstanceResult cocaineOf = null;
		SubstanceResult opiatesOf = null;
		if (outcomeOf == TestOutcome.RESULT) {
			cocaineOf = FormValues.constant(SubstanceResult.class, cocaine, "cocaine", problems);
			opiatesOf = FormValues.constant(SubstanceResult.class, opiates, "opiates", problems);
			if (FormValues.text(cocaine) == null) {
				problems.add(FieldProblem.of("cocaine", "custodytesting.result.required"));
			}
			if (FormValues.text(opiates) == null) {
				problems.add(FieldProblem.of("opiates", "custodytesting.result.required"));
			}
		}
		if (taken == null) {
			return null;
		}
		return new TestDraft(taken.atZone(zone).toInstant(),
				outcomeOf == TestOutcome.RESULT ? FormValues.text(device) : null, outcomeOf, cocaineOf, opiatesOf);
	}

}
