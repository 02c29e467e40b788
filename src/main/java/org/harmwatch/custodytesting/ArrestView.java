package org.harmwatch.custodytesting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An arrest with its tests, required assessments and referral, as its owner's police
 * staff (or a police agency it shares with) read it.
 */
public record ArrestView(UUID id, String ownerAgency, CustodySuite suite, String districtName, String personCode,
		Instant arrestedAt, TestBasis basis, @Nullable TriggerOffence offence, @Nullable String inspector,
		List<TestView> tests, List<AssessmentView> assessments, @Nullable ReferralView referral, boolean mayWrite) {

	public ArrestView {
		tests = List.copyOf(tests);
		assessments = List.copyOf(assessments);
	}

	/** Whether any test found cocaine or opiates. */
	public boolean positive() {
		return tests.stream().anyMatch(TestView::positive);
	}

	/** Whether a test was read (not only refused). */
	public boolean tested() {
		return tests.stream().anyMatch(t -> t.outcome() == TestOutcome.RESULT);
	}

	/** Whether an assessment was attended: the person may be referred. */
	public boolean assessed() {
		return assessments.stream().anyMatch(a -> a.status() == AssessmentStatus.ATTENDED);
	}

	/**
	 * Whether a follow-up assessment may be required now: the initial one attended, none
	 * yet.
	 */
	public boolean followUpPossible() {
		return assessments.stream()
			.anyMatch(a -> a.kind() == AssessmentKind.INITIAL && a.status() == AssessmentStatus.ATTENDED)
				&& assessments.stream().noneMatch(a -> a.kind() == AssessmentKind.FOLLOW_UP);
	}

}
