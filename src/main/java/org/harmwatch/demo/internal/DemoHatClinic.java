package org.harmwatch.demo.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.harmwatch.hatclinic.AssessmentDraft;
import org.harmwatch.hatclinic.Decision;
import org.harmwatch.hatclinic.DoseDraft;
import org.harmwatch.hatclinic.DoseSlot;
import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.HatReferralManagement;
import org.harmwatch.hatclinic.Housing;
import org.harmwatch.hatclinic.LicenceDraft;
import org.harmwatch.hatclinic.Observation;
import org.harmwatch.hatclinic.OutcomeDraft;
import org.harmwatch.hatclinic.PrescriptionDraft;
import org.harmwatch.hatclinic.ReferralDraft;
import org.harmwatch.hatclinic.ReferralSource;
import org.harmwatch.hatclinic.Route;
import org.harmwatch.hatclinic.Stage;
import org.harmwatch.platform.HarmwatchUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Heroin-assisted treatment in the demo: the overdose prevention centre's clinic with
 * fourteen referrals (from treatment services, diversion and custody testing), twelve
 * enrolled seven months ago, two found not suitable; the prescriber's Home Office licence
 * recorded by clinic staff, prescriptions with a titration step, the last week of twice
 * daily doses (one client has missed the last three, so a clinical review is waiting),
 * and outcome profiles at the start and at three and six months.
 *
 * <p>
 * Everything goes through the clinic's management API in the names of {@code clinic} and
 * {@code prescriber}. Loaded once, when {@code harmwatch.demo.scenario} is on and the
 * clinic has no referral yet.
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(32)
class DemoHatClinic extends DemoRunner {

	private static final List<ReferralSource> SOURCES = List.of(ReferralSource.TREATMENT_SERVICE,
			ReferralSource.DIVERSION, ReferralSource.CUSTODY_TESTING);

	private final HatClinicManagement clinic;

	private final HatReferralManagement intake;

	private final UserDetailsService users;

	DemoHatClinic(HatClinicManagement clinic, HatReferralManagement intake, UserDetailsService users) {
		super("system:demo-hatclinic");
		this.clinic = clinic;
		this.intake = intake;
		this.users = users;
	}

	@Override
	void runAsSystem() {
		locked("harmwatch-demo-hatclinic", () -> {
			var staff = (HarmwatchUser) users.loadUserByUsername("clinic");
			if (intake.referralCount(staff) > 0) {
				return;
			}
			load(staff, (HarmwatchUser) users.loadUserByUsername("prescriber"));
		});
	}

	private void load(HarmwatchUser staff, HarmwatchUser prescriber) {
		var today = clinic.today();
		var random = new Random(3);
		clinic.recordLicence(
				new LicenceDraft(prescriber.getUsername(), "HO-DIA-DEMO-0417", today.minusYears(1), today.plusYears(2)),
				staff);
		var start = today.minusMonths(7);
		for (int i = 1; i <= 14; i++) {
			var code = "HAT-%04d".formatted(i);
			var referral = intake.refer(
					new ReferralDraft(code, SOURCES.get(i % SOURCES.size()), start.minusDays(14), start.minusDays(10)),
					staff);
			boolean suitable = i <= 12;
			intake.assess(referral, new AssessmentDraft(suitable ? 8 + i : 1, suitable ? 2 + i % 3 : 0, 30 + i, true,
					suitable ? Decision.SUITABLE : Decision.NOT_SUITABLE,
					suitable ? "Long history, several methadone episodes without stopping street heroin."
							: "Under a year of dependence and no oral treatment tried yet: refer to the community service."),
					staff);
			if (!suitable) {
				continue;
			}
			var enrolment = intake.enrol(referral, start, staff);
			clinic.prescribe(enrolment, new PrescriptionDraft(Route.INTRAVENOUS, 30, 100, start, "Starting range"),
					prescriber);
			clinic.prescribe(enrolment, new PrescriptionDraft(Route.INTRAVENOUS, 100, 250, start.plusDays(14),
					"Titrated after two weeks without sedation"), prescriber);
			clinic.recordDose(dose(enrolment, start, DoseSlot.MORNING, true, 30), staff);
			for (int day = 7; day >= 1; day--) {
				for (var slot : DoseSlot.values()) {
					boolean missed = i == 5 && (day == 1 || (day == 2 && slot == DoseSlot.EVENING));
					clinic.recordDose(dose(enrolment, today.minusDays(day), slot, !missed, 150 + 10 * (i % 6)), staff);
				}
			}
			int before = 14 + random.nextInt(30);
			clinic.recordOutcome(enrolment, profile(Stage.START, start, 27, 26, before, Housing.NO_FIXED_ABODE, 0),
					staff);
			clinic.recordOutcome(enrolment,
					profile(Stage.MONTH_3, start.plusMonths(3), 9, 12, before / 2, Housing.AT_RISK, 0), staff);
			clinic.recordOutcome(enrolment,
					profile(Stage.MONTH_6, start.plusMonths(6), 4 + random.nextInt(4), 3,
							before / 3 + random.nextInt(4), i % 3 == 0 ? Housing.AT_RISK : Housing.STABLE, i % 4),
					staff);
		}
	}

	private static DoseDraft dose(UUID enrolment, LocalDate on, DoseSlot slot, boolean given, int mg) {
		return new DoseDraft(enrolment, on, slot, given, given ? mg : null, given ? Observation.NO_CONCERNS : null,
				null);
	}

	private static OutcomeDraft profile(Stage stage, LocalDate on, int heroin, int injecting, int crimes,
			Housing housing, int work) {
		return new OutcomeDraft(stage, on, heroin, 10, 4, 8, 6, injecting, crimes, stage == Stage.START ? 7 : 12,
				stage == Stage.START ? 8 : 13, stage == Stage.START ? 6 : 12, housing, work);
	}

}
