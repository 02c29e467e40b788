package org.harmwatch.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.ArrestDraft;
import org.harmwatch.custodytesting.AssessmentStatus;
import org.harmwatch.custodytesting.AssessmentUpdate;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.TeamReferralManagement;
import org.harmwatch.custodytesting.MissedConsequence;
import org.harmwatch.custodytesting.SubstanceResult;
import org.harmwatch.custodytesting.TestBasis;
import org.harmwatch.custodytesting.TestDraft;
import org.harmwatch.custodytesting.TestOutcome;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Custody testing in the demo, so that the arrests, the referrals and the funnel are not
 * empty: West Midlands Police's agreement to refer to the demo treatment team, and a
 * month of tests on arrest at three suites (negatives, a refusal, a discretionary test,
 * positives whose assessments were attended or missed), some referred, two of them
 * answered by the treatment worker.
 *
 * <p>
 * Everything goes through custody testing's and the agency's management APIs in the
 * custody officer's and the treatment worker's names. Loaded once, when
 * {@code harmwatch.demo.scenario} is on and no arrest is recorded yet.
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(31)
class DemoCustodyTesting extends DemoRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustodyTesting.class);

	private final CustodyTestingManagement custody;

	private final TeamReferralManagement referrals;

	private final SharingManagement sharing;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	DemoCustodyTesting(CustodyTestingManagement custody, TeamReferralManagement referrals, SharingManagement sharing,
			UserDetailsService users, JdbcClient jdbc) {
		super("system:demo-custody-testing");
		this.custody = custody;
		this.referrals = referrals;
		this.sharing = sharing;
		this.users = users;
		this.jdbc = jdbc;
	}

	@Override
	void runAsSystem() {
		locked("harmwatch-demo-custody", () -> {
			if (jdbc.sql("SELECT count(*) FROM custodytesting.arrest").query(Long.class).single() > 0) {
				return;
			}
			load((HarmwatchUser) users.loadUserByUsername("custody"), (HarmwatchUser) users.loadUserByUsername("cjit"));
		});
	}

	private void load(HarmwatchUser officer, HarmwatchUser worker) {
		var today = custody.today();
		if (!custody.teams(officer).containsKey(worker.agencyCode())) {
			sharing.record(new SharingManagement.Draft("DEMO-CT-1", officer.agencyCode(), worker.agencyCode(),
					Capability.CUSTODY_TESTING, Action.READ, Purpose.HEALTH,
					"Drugs Act 2005 ss.9-10 (required assessment); Data Protection Act 2018 s.10 and Sch.1 para 10",
					today.minusMonths(6), null), "system:demo-custody-testing");
		}
		int n = 0;
		String[] suites = { "PERRY_BARR", "PERRY_BARR", "COVENTRY", "PERRY_BARR", "WOLVERHAMPTON" };
		String[] offences = { "THEFT", "BURGLARY", "CLASS_A_POSSESSION", "HANDLING_STOLEN_GOODS", "BEGGING" };
		for (int day = 27; day >= 2; day -= 2) {
			n++;
			var suite = suites[n % suites.length];
			var offence = offences[n % offences.length];
			var arrested = today.minusDays(day).atTime(10 + n % 8, 15).atZone(custody.zone()).toInstant();
			var sample = arrested.plus(Duration.ofMinutes(90));
			boolean positive = n % 3 != 0;
			TestDraft test = n % 7 == 0 ? new TestDraft(sample, null, TestOutcome.REFUSED, null, null)
					: new TestDraft(sample, "DrugWipe 5S", TestOutcome.RESULT,
							positive ? SubstanceResult.POSITIVE : SubstanceResult.NEGATIVE,
							n % 2 == 0 ? SubstanceResult.POSITIVE : SubstanceResult.NEGATIVE);
			var id = custody.recordArrest(new ArrestDraft(suite, "DEMO-CR-" + (1000 + n), arrested,
					n == 5 ? TestBasis.INSPECTOR_DISCRETION : TestBasis.TRIGGER_OFFENCE, n == 5 ? null : offence,
					n == 5 ? "Insp. Rao 4471" : null, test), officer);
			var assessments = custody.arrest(id, officer).assessments();
			if (assessments.isEmpty()) {
				continue;
			}
			var initial = assessments.get(0).id();
			var appointment = arrested.plus(Duration.ofDays(2));
			if (n % 4 == 1) {
				custody.updateAssessment(initial, new AssessmentUpdate(AssessmentStatus.MISSED, appointment, null,
						n % 8 == 1 ? MissedConsequence.CHARGED_FAILURE_TO_ATTEND : MissedConsequence.REARRANGED),
						officer);
				continue;
			}
			if (day < 3) {
				custody.updateAssessment(initial, new AssessmentUpdate(AssessmentStatus.BOOKED,
						Instant.now().plus(Duration.ofDays(1)), null, null), officer);
				continue;
			}
			var attended = LocalDate.ofInstant(appointment, custody.zone());
			custody.updateAssessment(initial,
					new AssessmentUpdate(AssessmentStatus.ATTENDED, appointment, attended, null), officer);
			if (day > 6) {
				var referral = custody.refer(id, worker.agencyCode(), attended, officer);
				answer(worker, referral, n % 2 == 0 ? attended.plusDays(3) : null, today);
			}
		}
		log.info("Loaded the custody testing demo: {} tests on arrest, referrals and answers", n);
	}

	private void answer(HarmwatchUser worker, UUID referral, @Nullable LocalDate started, LocalDate today) {
		if (started != null && !started.isAfter(today)) {
			referrals.answer(referral, true, started, worker);
		}
	}

}
