package org.harmwatch.custodytesting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the custody testing tests share: the demo users, the agreement under which West
 * Midlands Police refers to the demo treatment team, and a positive test taken through to
 * a referral.
 */
public final class CustodyTestingFixtures {

	/** The demo police force. */
	public static final String FORCE = "WMP";

	/** The demo treatment team. */
	public static final String TEAM = "BHM-TREAT";

	private CustodyTestingFixtures() {
	}

	public static HarmwatchUser staff(UserDetailsService users, String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	/** Records the agreement to refer to the team, unless one is in force. */
	public static void shareWithTeam(CustodyTestingManagement custody, SharingManagement sharing,
			HarmwatchUser officer) {
		if (!custody.teams(officer).containsKey(TEAM)) {
			sharing
				.record(new SharingManagement.Draft("CT-" + UUID.randomUUID(), FORCE, TEAM, Capability.CUSTODY_TESTING,
						Action.READ, Purpose.HEALTH, "Drugs Act 2005 ss.9-10 and Data Protection Act 2018 s.10 (test)",
						LocalDate.now().minusDays(30), null), "admin");
		}
	}

	/** A positive test for theft at Perry Barr (Birmingham), two hours ago. */
	public static ArrestDraft positiveTheft(String personCode) {
		var arrested = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
		return new ArrestDraft("PERRY_BARR", personCode, arrested, TestBasis.TRIGGER_OFFENCE, "THEFT", null,
				new TestDraft(arrested.plus(Duration.ofHours(1)), "DrugWipe 5S", TestOutcome.RESULT,
						SubstanceResult.POSITIVE, SubstanceResult.NEGATIVE));
	}

	/** A positive test taken through an attended assessment to a referral to the team. */
	public static UUID referredArrest(CustodyTestingManagement custody, HarmwatchUser officer, String personCode) {
		var id = custody.recordArrest(positiveTheft(personCode), officer);
		var assessment = custody.arrest(id, officer).assessments().get(0);
		custody.updateAssessment(assessment.id(), new AssessmentUpdate(AssessmentStatus.ATTENDED,
				Instant.now().minus(Duration.ofHours(1)), custody.today(), null), officer);
		custody.refer(id, TEAM, custody.today(), officer);
		return id;
	}

}
