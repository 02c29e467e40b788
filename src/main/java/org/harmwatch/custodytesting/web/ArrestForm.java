package org.harmwatch.custodytesting.web;

import java.time.ZoneId;
import java.util.ArrayList;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.custodytesting.ArrestDraft;
import org.harmwatch.custodytesting.SubstanceResult;
import org.harmwatch.custodytesting.TestBasis;
import org.harmwatch.custodytesting.TestDraft;
import org.harmwatch.custodytesting.TestOutcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * The test-on-arrest form (the DT1's facts): the suite, the person's custody code, the
 * arrest and why they were eligible, and the test.
 */
record ArrestForm(@NotBlank(message = "{custodytesting.suiteCode.required}") @Nullable String suiteCode,
		@NotBlank(message = "{custodytesting.personCode.required}") @Nullable String personCode,
		@NotBlank(message = "{custodytesting.arrestedAt.required}") @Nullable String arrestedAt,
		@NotBlank(message = "{custodytesting.basis.required}") @Nullable String basis, @Nullable String offenceCode,
		@Nullable String inspector, @NotBlank(message = "{custodytesting.outcome.required}") @Nullable String outcome,
		@Nullable String sampleTakenAt, @Nullable String device, @Nullable String cocaine, @Nullable String opiates) {

	static ArrestForm empty() {
		return new ArrestForm(null, null, null, TestBasis.TRIGGER_OFFENCE.name(), null, null, null, null, null, null,
				null);
	}

	/**
	 * The draft this form describes, its local times read in the zone.
	 * @throws InputRejectedException naming every field that cannot be read
	 */
	ArrestDraft draft(ZoneId zone) {
		var problems = new ArrayList<FieldProblem>();
		var arrested = FormValues.localTime(arrestedAt, "arrestedAt", problems);
		var basisOf = FormValues.constant(TestBasis.class, basis, "basis", problems);
		var test = TestForm.test(outcome, sampleTakenAt, device, cocaine, opiates, zone, true, problems);
		if (!problems.isEmpty() || arrested == null || basisOf == null || suiteCode == null || personCode == null) {
			throw new InputRejectedException(problems);
		}
		return new ArrestDraft(suiteCode.strip(), personCode, arrested.atZone(zone).toInstant(), basisOf,
				basisOf == TestBasis.TRIGGER_OFFENCE ? FormValues.text(offenceCode) : null,
				basisOf == TestBasis.INSPECTOR_DISCRETION ? inspector : null, test);
	}

}
