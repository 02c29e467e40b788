package org.harmwatch.hatclinic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Heroin-assisted treatment on the real database and over HTTP: a referral assessed
 * against the criteria and enrolled only when suitable; prescribing refused without a
 * Home Office licence in force; a dose outside the range refused, the first dose given
 * announcing {@link HatTreatmentStarted} once; missed doses in a row raising one review;
 * outcomes published per cohort with counts under five withheld; costs from editable unit
 * costs.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class HatClinicIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	HatClinicManagement clinic;

	@Autowired
	HatReferralManagement intake;

	@Autowired
	HatReports reports;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	static String code() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/** A suitable referral enrolled on the day. */
	UUID enrolled(String code, LocalDate on) {
		var nurse = staff("clinic");
		var referral = intake.refer(new ReferralDraft(code, ReferralSource.DIVERSION, on.minusDays(3), on.minusDays(2)),
				nurse);
		intake.assess(referral, new AssessmentDraft(12, 3, 41, true, Decision.SUITABLE, "Meets every criterion"),
				nurse);
		return intake.enrol(referral, on, nurse);
	}

	/**
	 * A Home Office licence in force for the demo prescriber, recorded by clinic staff.
	 */
	void licensed() {
		var today = clinic.today();
		clinic.recordLicence(new LicenceDraft("prescriber", "HO-" + code(), today.minusYears(1), today.plusYears(1)),
				staff("clinic"));
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aReferralIsAssessedAgainstTheCriteriaAndOnlyASuitablePersonIsEnrolled() throws Exception {
		var code = code();
		var today = clinic.today().toString();
		mvc.perform(post("/hat/referrals").with(as("clinic"))
			.with(csrf())
			.param("clientCode", code)
			.param("source", "CUSTODY_TESTING")
			.param("consentOn", today)
			.param("referredOn", today))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Confirm that the person consented")));
		mvc.perform(post("/hat/referrals").with(as("clinic"))
			.with(csrf())
			.param("clientCode", "Jane Smith")
			.param("source", "CUSTODY_TESTING")
			.param("consentOn", today)
			.param("referredOn", today)
			.param("consent", "true"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("not a name")));
		assertThat(count("SELECT count(*) FROM hatclinic.referral WHERE client_code IN (?, 'JANE SMITH')", code))
			.isZero();

		var location = mvc
			.perform(post("/hat/referrals").with(as("clinic"))
				.with(csrf())
				.param("clientCode", code)
				.param("source", "CUSTODY_TESTING")
				.param("consentOn", today)
				.param("referredOn", today)
				.param("consent", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/hat/referrals/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var path = location;

		// One year of dependence: the criteria are not met, so not suitable.
		mvc.perform(post(path + "/assessment").with(as("clinic"))
			.with(csrf())
			.param("dependenceYears", "1")
			.param("failedOralEpisodes", "3")
			.param("age", "35")
			.param("attendsTwiceDaily", "true")
			.param("decision", "SUITABLE")
			.param("reason", "Wants to start"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("cannot be assessed as suitable")));
		mvc.perform(post(path + "/enrol").with(as("clinic")).with(csrf())).andExpect(status().is(422));
		assertThat(count("SELECT count(*) FROM hatclinic.enrolment WHERE client_code = ?", code)).isZero();

		mvc.perform(post(path + "/assessment").with(as("clinic"))
			.with(csrf())
			.param("dependenceYears", "14")
			.param("failedOralEpisodes", "3")
			.param("age", "38")
			.param("attendsTwiceDaily", "true")
			.param("decision", "SUITABLE")
			.param("reason", "Fourteen years, three methadone episodes, still using street heroin daily"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(path + "/enrol").with(as("clinic")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/hat/patients/*"));
		assertThat(count("SELECT count(*) FROM hatclinic.enrolment WHERE client_code = ?", code)).isEqualTo(1);
		// Enrolled once only.
		mvc.perform(post(path + "/enrol").with(as("clinic")).with(csrf())).andExpect(status().is(422));
		mvc.perform(get(path).with(as("clinic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Suitable")))
			.andExpect(content().string(containsString("Enrolled")));
	}

	@Test
	void prescribingIsRefusedWithoutAHomeOfficeLicenceInForceAndNobodyRecordsTheirOwn() throws Exception {
		var enrolment = enrolled(code(), clinic.today());
		var locumName = "locum-" + UUID.randomUUID();
		var locum = new HarmwatchUser(UUID.randomUUID(), locumName, null, "Dr Locum", "BHM-OPC", "Clinic",
				AgencyType.CONSUMPTION_ROOM_OPERATOR, List.of("HAT_PRESCRIBER"),
				Set.of(new Grant(Capability.HAT_CLINIC, Action.READ, Purpose.HEALTH),
						new Grant(Capability.HAT_CLINIC, Action.WRITE, Purpose.HEALTH),
						new Grant(Capability.HAT_CLINIC, Action.MANAGE, Purpose.HEALTH)),
				true, false);
		var today = clinic.today();
		var draft = new PrescriptionDraft(Route.INTRAVENOUS, 30, 100, today, "Starting range");
		long refusals = count("SELECT count(*) FROM platform.audit_event WHERE action = 'HAT_PRESCRIBING_REFUSED'");

		assertThatThrownBy(() -> clinic.prescribe(enrolment, draft, locum)).isInstanceOf(InputRejectedException.class)
			.satisfies(ex -> assertThat(((InputRejectedException) ex).problems())
				.anyMatch(p -> p.code().equals("hatclinic.prescription.noLicence")));
		assertThatThrownBy(() -> clinic
			.recordLicence(new LicenceDraft(locumName, "HO-SELF", today.minusYears(1), today.plusYears(1)), locum))
			.isInstanceOf(InputRejectedException.class);
		// An expired licence, and one starting tomorrow, are not in force.
		clinic.recordLicence(new LicenceDraft(locumName, "HO-OLD", today.minusYears(3), today.minusDays(1)),
				staff("clinic"));
		clinic.recordLicence(new LicenceDraft(locumName, "HO-NEXT", today.plusDays(1), today.plusYears(3)),
				staff("clinic"));
		assertThatThrownBy(() -> clinic.prescribe(enrolment, draft, locum)).isInstanceOf(InputRejectedException.class);
		assertThat(count("SELECT count(*) FROM hatclinic.prescription WHERE enrolment_id = ?", enrolment)).isZero();
		assertThat(count("SELECT count(*) FROM platform.audit_event WHERE action = 'HAT_PRESCRIBING_REFUSED'"))
			.isEqualTo(refusals + 2);

		clinic.recordLicence(new LicenceDraft(locumName, "HO-NOW", today.minusDays(1), today.plusYears(1)),
				staff("clinic"));
		clinic.prescribe(enrolment, draft, locum);
		assertThat(clinic.patient(enrolment, staff("clinic")).prescriptions()).singleElement()
			.satisfies(p -> assertThat(p.licenceNumber()).isEqualTo("HO-NOW"));

		// Over HTTP as the demo prescriber: a range upside down is refused, a titration
		// step is stored.
		licensed();
		mvc.perform(post("/hat/patients/" + enrolment + "/prescriptions").with(as("prescriber"))
			.with(csrf())
			.param("route", "INTRAVENOUS")
			.param("minMg", "200")
			.param("maxMg", "100")
			.param("startsOn", today.toString()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("at least the lowest")));
		mvc.perform(post("/hat/patients/" + enrolment + "/prescriptions").with(as("prescriber"))
			.with(csrf())
			.param("route", "INTRAVENOUS")
			.param("minMg", "100")
			.param("maxMg", "200")
			.param("startsOn", today.toString())
			.param("titrationNote", "Up after no sedation")).andExpect(status().is3xxRedirection());
		// Clinic staff cannot prescribe at all.
		mvc.perform(post("/hat/patients/" + enrolment + "/prescriptions").with(as("clinic"))
			.with(csrf())
			.param("route", "INTRAVENOUS")
			.param("minMg", "100")
			.param("maxMg", "200")
			.param("startsOn", today.toString())).andExpect(status().isForbidden());
		assertThat(count("SELECT count(*) FROM hatclinic.prescription WHERE enrolment_id = ?", enrolment)).isEqualTo(2);
	}

	@Test
	void aDoseOutsideTheRangeIsRefusedAndTheFirstDoseGivenStartsTreatmentOnce() throws Exception {
		var today = clinic.today();
		var enrolment = enrolled(code(), today);
		licensed();
		clinic.prescribe(enrolment, new PrescriptionDraft(Route.INTRAVENOUS, 50, 150, today, null),
				staff("prescriber"));

		mvc.perform(post("/hat/session/doses").with(as("clinic"))
			.with(csrf())
			.param("enrolmentId", enrolment.toString())
			.param("date", today.toString())
			.param("slot", "MORNING")
			.param("status", "GIVEN")
			.param("doseMg", "200"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("within the prescribed range, 50 to 150 mg")));
		assertThat(count("SELECT count(*) FROM hatclinic.dose WHERE enrolment_id = ?", enrolment)).isZero();
		assertThat(events.stream(HatTreatmentStarted.class).filter(e -> e.enrolmentId().equals(enrolment))).isEmpty();

		mvc.perform(post("/hat/session/doses").with(as("clinic"))
			.with(csrf())
			.param("enrolmentId", enrolment.toString())
			.param("date", today.toString())
			.param("slot", "MORNING")
			.param("status", "GIVEN")
			.param("doseMg", "120")
			.param("observation", "NO_CONCERNS"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/hat/session?*recorded=" + enrolment + "*"));
		mvc.perform(post("/hat/session/doses").with(as("clinic"))
			.with(csrf())
			.param("enrolmentId", enrolment.toString())
			.param("date", today.toString())
			.param("slot", "MORNING")
			.param("status", "GIVEN")
			.param("doseMg", "120"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("already recorded")));
		clinic.recordDose(new DoseDraft(enrolment, today, DoseSlot.EVENING, true, 130, Observation.DROWSY,
				"Brief drowsiness, settled in 20 minutes"), staff("clinic"));

		assertThat(events.stream(HatTreatmentStarted.class).filter(e -> e.enrolmentId().equals(enrolment)))
			.containsExactly(new HatTreatmentStarted(enrolment, "E08000025", today));
		var patient = clinic.patient(enrolment, staff("clinic"));
		assertThat(patient.firstDoseOn()).isEqualTo(today);
		assertThat(patient.recentDoses()).extracting(Dose::doseMg).containsExactly(130, 120);
		assertThat(patient.recentDoses().get(0).adverseEvent()).contains("drowsiness");
	}

	@Test
	void missedDosesInARowRaiseOneReviewAndAGivenDoseBreaksTheRun() throws Exception {
		var today = clinic.today();
		var enrolment = enrolled(code(), today.minusDays(5));
		licensed();
		clinic.prescribe(enrolment, new PrescriptionDraft(Route.INTRAVENOUS, 50, 150, today.minusDays(5), null),
				staff("prescriber"));
		var nurse = staff("clinic");
		long reviewsBefore = clinic.openReviewCount(nurse);

		assertThat(miss(enrolment, today.minusDays(3), DoseSlot.MORNING)).isNull();
		assertThat(miss(enrolment, today.minusDays(3), DoseSlot.EVENING)).isNull();
		clinic.recordDose(new DoseDraft(enrolment, today.minusDays(2), DoseSlot.MORNING, true, 100, null, null), nurse);
		assertThat(miss(enrolment, today.minusDays(2), DoseSlot.EVENING)).isNull();
		assertThat(miss(enrolment, today.minusDays(1), DoseSlot.MORNING)).isNull();
		assertThat(clinic.openReviewCount(nurse)).isEqualTo(reviewsBefore);

		var third = miss(enrolment, today.minusDays(1), DoseSlot.EVENING);
		assertThat(third).isNotNull();
		assertThat(clinic.openReviewCount(nurse)).isEqualTo(reviewsBefore + 1);
		// A fourth in a row: the review is already open.
		assertThat(miss(enrolment, today, DoseSlot.MORNING)).isNull();
		assertThat(count("SELECT count(*) FROM hatclinic.review WHERE enrolment_id = ?", enrolment)).isEqualTo(1);
		var review = clinic.patient(enrolment, nurse).openReview();
		assertThat(review).isNotNull();
		assertThat(review.missedInRow()).isEqualTo(3);

		mvc.perform(get("/hat").with(as("clinic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/hat/reviews/" + review.id() + "/close")));
		mvc.perform(post("/hat/reviews/" + review.id() + "/close").with(as("clinic")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(clinic.openReviewCount(nurse)).isEqualTo(reviewsBefore);
		mvc.perform(post("/hat/reviews/" + review.id() + "/close").with(as("clinic")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void endingTreatmentTakesTheClientOffTheSessionStopsDosesAndPrescribingAndClosesTheReview() throws Exception {
		var today = clinic.today();
		var code = code();
		var enrolment = enrolled(code, today.minusDays(6));
		licensed();
		clinic.prescribe(enrolment, new PrescriptionDraft(Route.INTRAVENOUS, 50, 150, today.minusDays(6), null),
				staff("prescriber"));
		var nurse = staff("clinic");
		clinic.recordDose(new DoseDraft(enrolment, today.minusDays(4), DoseSlot.MORNING, true, 100, null, null), nurse);
		miss(enrolment, today.minusDays(4), DoseSlot.EVENING);
		miss(enrolment, today.minusDays(3), DoseSlot.MORNING);
		assertThat(miss(enrolment, today.minusDays(2), DoseSlot.MORNING)).isNotNull();
		long reviewsOpen = clinic.openReviewCount(nurse);

		// Refused, each with its reason, and nothing changes.
		end(enrolment, today.minusDays(3).toString(), "STOPPED_ATTENDING", null).andExpect(status().is(422))
			.andExpect(content().string(containsString("before the last dose recorded")));
		end(enrolment, today.plusDays(1).toString(), "STOPPED_ATTENDING", null).andExpect(status().is(422))
			.andExpect(content().string(containsString("cannot be in the future")));
		end(enrolment, today.toString(), "OTHER", " ").andExpect(status().is(422))
			.andExpect(content().string(containsString("Say why treatment ended")));
		end(enrolment, today.toString(), "NO_SUCH_REASON", null).andExpect(status().is(422));
		// The platform refuses a NUL byte in any parameter before the form sees it.
		end(enrolment, "not a date\u0000", "PRISON", null).andExpect(status().isBadRequest());
		end(enrolment, today.toString(), "PRISON", "x".repeat(1001)).andExpect(status().is(422));
		assertThat(clinic.patient(enrolment, nurse).endedOn()).isNull();

		mvc.perform(get("/hat/patients/" + enrolment).with(as("clinic")))
			.andExpect(content().string(containsString("/hat/patients/" + enrolment + "/end")));
		end(enrolment, today.minusDays(2).toString(), "STOPPED_ATTENDING", "Not seen since Tuesday")
			.andExpect(status().is3xxRedirection());

		var patient = clinic.patient(enrolment, nurse);
		assertThat(patient.endedOn()).isEqualTo(today.minusDays(2));
		assertThat(patient.endReason()).isEqualTo(EndReason.STOPPED_ATTENDING);
		assertThat(patient.endNote()).isEqualTo("Not seen since Tuesday");
		assertThat(patient.openReview()).isNull();
		assertThat(clinic.openReviewCount(nurse)).isEqualTo(reviewsOpen - 1);
		assertThat(clinic.session(today, DoseSlot.MORNING, nurse)).extracting(SessionRow::enrolmentId)
			.doesNotContain(enrolment);
		assertThat(clinic.patients(nurse)).extracting(Patient::id).doesNotContain(enrolment);
		mvc.perform(get("/hat/patients/" + enrolment).with(as("clinic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Stopped attending")))
			.andExpect(content().string(not(containsString("/hat/patients/" + enrolment + "/end"))));

		assertThatThrownBy(() -> clinic
			.recordDose(new DoseDraft(enrolment, today, DoseSlot.MORNING, true, 100, null, null), nurse))
			.isInstanceOf(InputRejectedException.class);
		assertThatThrownBy(() -> clinic.prescribe(enrolment,
				new PrescriptionDraft(Route.INTRAVENOUS, 50, 150, today, null), staff("prescriber")))
			.isInstanceOf(InputRejectedException.class);
		end(enrolment, today.toString(), "DIED", null).andExpect(status().is(422))
			.andExpect(content().string(containsString("already ended")));
		assertThat(clinic.patient(enrolment, nurse).endReason()).isEqualTo(EndReason.STOPPED_ATTENDING);
		assertThat(count(
				"SELECT count(*) FROM platform.audit_event WHERE action = 'HAT_TREATMENT_ENDED' AND record_id = ?",
				enrolment.toString()))
			.isEqualTo(1);

		// A police officer cannot end it.
		end(enrolment, today.toString(), "PRISON", null, "custody").andExpect(status().isForbidden());
	}

	ResultActions end(UUID enrolment, String on, String reason, @Nullable String note) throws Exception {
		return end(enrolment, on, reason, note, "clinic");
	}

	ResultActions end(UUID enrolment, String on, String reason, @Nullable String note, String username)
			throws Exception {
		var request = post("/hat/patients/" + enrolment + "/end").with(as(username))
			.with(csrf())
			.param("endedOn", on)
			.param("reason", reason);
		if (note != null) {
			request.param("note", note);
		}
		return mvc.perform(request);
	}

	UUID miss(UUID enrolment, LocalDate on, DoseSlot slot) {
		return clinic.recordDose(new DoseDraft(enrolment, on, slot, false, null, null, null), staff("clinic"))
			.reviewRaised();
	}

	@Test
	void outcomesArePublishedPerCohortBeforeAndAfterWithCellsUnderFiveWithheld() throws Exception {
		var enrolledOn = LocalDate.of(2021, 2, 10);
		var nurse = staff("clinic");
		var codes = new ArrayList<String>();
		for (int i = 0; i < 5; i++) {
			var code = code();
			codes.add(code);
			var enrolment = enrolled(code, enrolledOn);
			clinic.recordOutcome(enrolment, profile(Stage.START, enrolledOn, 20 + i), nurse);
			clinic.recordOutcome(enrolment, profile(Stage.MONTH_6, enrolledOn.plusMonths(6), 5), nurse);
			if (i == 0) {
				var first = enrolment;
				assertThatThrownBy(() -> clinic.recordOutcome(first, profile(Stage.START, enrolledOn, 3), nurse))
					.isInstanceOf(InputRejectedException.class);
			}
			if (i == 3) {
				assertThat(cell()).satisfies(c -> {
					assertThat(c.suppressed()).isTrue();
					assertThat(c.people()).isNull();
					assertThat(c.crimesBefore()).isNull();
					assertThat(c.meanChange()).isNull();
				});
				mvc.perform(get("/hat/outcomes"))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("2021 Q1")))
					.andExpect(content().string(containsString("Fewer than 5")))
					.andExpect(content().string(not(containsString(">86<"))));
			}
		}
		// Five people: before 20..24 = 110, after 25; mean change -17 (-15 to -19).
		assertThat(cell()).satisfies(c -> {
			assertThat(c.suppressed()).isFalse();
			assertThat(c.people()).isEqualTo(5);
			assertThat(c.crimesBefore()).isEqualTo(110);
			assertThat(c.crimesAfter()).isEqualTo(25);
			assertThat(c.meanChange()).isEqualTo(-17.0);
			assertThat(c.changeLow()).isLessThan(-17.0);
			assertThat(c.changeHigh()).isGreaterThan(-17.0);
		});
		var page = mvc.perform(get("/hat/outcomes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">110<")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(codes).noneMatch(page::contains);
	}

	CohortOutcome cell() {
		return reports.outcomes()
			.stream()
			.filter(c -> c.cohort().equals("2021 Q1") && c.stage() == Stage.MONTH_6)
			.findFirst()
			.orElseThrow();
	}

	static OutcomeDraft profile(Stage stage, LocalDate on, int crimes) {
		return new OutcomeDraft(stage, on, stage == Stage.START ? 27 : 4, 8, 2, 10, 5, stage == Stage.START ? 25 : 2,
				crimes, 8, 9, 7, Housing.AT_RISK, 0);
	}

	@Test
	void costsComeFromTheUnitCostsAndOnlyAPrescriberChangesThem() throws Exception {
		mvc.perform(get("/hat/costs").with(as("clinic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Programme recommendations 3E")))
			.andExpect(content().string(containsString("£35,000")));
		mvc.perform(post("/hat/costs/PRISON_PLACE").with(as("clinic"))
			.with(csrf())
			.param("amount", "36000")
			.param("source", "x")).andExpect(status().isForbidden());
		mvc.perform(post("/hat/costs/PRISON_PLACE").with(as("prescriber"))
			.with(csrf())
			.param("amount", "-3")
			.param("source", "x")).andExpect(status().is(422));
		mvc.perform(post("/hat/costs/NO_SUCH").with(as("prescriber"))
			.with(csrf())
			.param("amount", "3")
			.param("source", "x")).andExpect(status().isNotFound());
		try {
			mvc.perform(post("/hat/costs/PRISON_PLACE").with(as("prescriber"))
				.with(csrf())
				.param("amount", "47000")
				.param("source", "Ministry of Justice, cost per prison place 2024-25"))
				.andExpect(status().is3xxRedirection());
			var report = reports.costs(staff("clinic"));
			assertThat(report.comparators()).filteredOn(c -> c.code().equals("PRISON_PLACE"))
				.singleElement()
				.satisfies(c -> {
					assertThat(c.amount()).isEqualTo(47_000.0);
					assertThat(c.source()).contains("Ministry of Justice");
					assertThat(c.difference()).isEqualTo(report.perPatientYear() - 47_000.0);
				});
			var units = report.unitCosts();
			double places = amount(units, "PLACES");
			assertThat(report.perPatientYear())
				.isCloseTo((amount(units, "STAFF_PER_YEAR") + amount(units, "PREMISES_PER_YEAR")) / places
						+ report.meanDailyMg() * 365 * amount(units, "DIAMORPHINE_PER_MG"), within(0.001));
		}
		finally {
			reports.changeUnitCost("PRISON_PLACE", new BigDecimal("35000"),
					"Programme recommendations 3E: a prison place per year", staff("prescriber"));
		}
	}

	static double amount(List<UnitCost> units, String code) {
		return units.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().amount().doubleValue();
	}

}
