package org.harmwatch.diversion;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.diversion.internal.PermutedBlocks;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Diversion on the real database: a trial's allocation drawn again from its seed, with
 * the balance per stratum; a contract of three conditions with a treatment link the
 * provider reports attendance against, a breach and its prosecution decision; outcomes at
 * 12 months with the window enforced; the events published once.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class DiversionIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	/** The API's row of the diversion arm rearrested within 24 months. */
	static final String REARRESTED_24 = "$[?(@.measure == 'rearrested' && @.arm == 'DIVERSION' && @.windowMonths == 24)]";

	@Autowired
	DiversionManagement diversion;

	@Autowired
	DiversionSchemeManagement schemes;

	@Autowired
	DiversionOutcomeManagement reports;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/London"));
	}

	Scheme scheme(boolean trial, Long seed) {
		return schemes.createScheme(new SchemeDraft("Test scheme " + UUID.randomUUID(), BIRMINGHAM,
				SchemeRules.checkpointLike(), trial, seed, trial ? 4 : null, 350, 1350), staff("navigator"));
	}

	Referral refer(Scheme scheme, OffenceGroup group, int previous, LocalDate referredOn) {
		return diversion.refer(new ReferralDraft(scheme.id(), "CR-" + UUID.randomUUID().toString().substring(0, 12),
				group, referredOn.minusDays(5), referredOn, 2, previous, Set.of(), true, AgeBand.AGE_18_TO_24, Sex.MALE,
				Ethnicity.WHITE), staff("navigator"));
	}

	@Test
	void aTrialAllocatesFromItsSeedByStratumAndTheListDrawsAgainWithItsBalance() {
		var navigator = staff("navigator");
		var scheme = scheme(true, 20261206L);
		var byStratum = new ArrayList<Referral>();
		for (int i = 0; i < 7; i++) {
			byStratum.add(refer(scheme, i < 5 ? OffenceGroup.DRUG_POSSESSION : OffenceGroup.ACQUISITIVE, 0, today()));
		}
		var arms = new ArrayList<Arm>();
		for (var referral : byStratum) {
			var allocation = diversion.allocate(referral.id(), null, null, navigator);
			assertThat(allocation.method()).isEqualTo(AllocationMethod.RANDOM);
			assertThat(allocation.seed()).isEqualTo(20261206L);
			arms.add(allocation.arm());
		}
		// The same seed and list give the same arms.
		assertThat(arms.subList(0, 5)).isEqualTo(PermutedBlocks.arms(20261206L, OffenceGroup.DRUG_POSSESSION, 5, 4));
		assertThat(arms.subList(5, 7)).isEqualTo(PermutedBlocks.arms(20261206L, OffenceGroup.ACQUISITIVE, 2, 4));
		var list = schemes.allocationList(scheme.id(), navigator);
		assertThat(list.reproduces()).isTrue();
		assertThat(list.entries()).hasSize(7);
		var drugs = list.balance().stream().filter(b -> b.stratum() == OffenceGroup.DRUG_POSSESSION).findFirst().get();
		assertThat(drugs.diversion() + drugs.usualProcess()).isEqualTo(5);
		// Five into blocks of four: the first block is balanced, so the lead is one.
		assertThat(Math.abs(drugs.difference())).isEqualTo(1);
		// The seed and the allocation are in the audit log.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM platform.audit_event WHERE action = 'DIVERSION_ALLOCATED' AND record_id = ?
				  AND detail LIKE '%seed 20261206%'""")
			.param(byStratum.get(0).id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("""
					SELECT count(*) FROM platform.audit_event WHERE action = 'DIVERSION_ALLOCATION_LIST_READ' AND record_id = ?
					  AND detail LIKE 'seed 20261206, 7 allocations, reproduced'""")
			.param(scheme.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		// Not twice, and not chosen in a trial.
		assertThatThrownBy(() -> diversion.allocate(byStratum.get(0).id(), null, null, navigator))
			.isInstanceOf(InputRejectedException.class);
		var another = refer(scheme, OffenceGroup.DRUG_POSSESSION, 0, today());
		assertThatThrownBy(() -> diversion.allocate(another.id(), Arm.DIVERSION, "I think so", navigator))
			.isInstanceOf(InputRejectedException.class);
		// An ineligible referral is not allocated: three previous convictions, the scheme
		// allows two.
		var ineligible = refer(scheme, OffenceGroup.DRUG_POSSESSION, 3, today());
		assertThat(ineligible.decision().eligible()).isFalse();
		assertThat(ineligible.decision().rules()).filteredOn(r -> !r.passed())
			.extracting(RuleOutcome::rule)
			.containsExactly("previousConvictions");
		assertThatThrownBy(() -> diversion.allocate(ineligible.id(), null, null, navigator))
			.isInstanceOf(InputRejectedException.class);
	}

	@Test
	void aContractOfThreeConditionsWithAttendanceABreachAndTheProsecutionDecisionThenTheTwelveMonthOutcome()
			throws Exception {
		var navigator = staff("navigator");
		var scheme = scheme(false, null);
		var referral = refer(scheme, OffenceGroup.DRUG_POSSESSION, 0, today().minusMonths(13));
		assertThatThrownBy(() -> diversion.allocate(referral.id(), Arm.DIVERSION, " ", navigator))
			.isInstanceOf(InputRejectedException.class);
		diversion.allocate(referral.id(), Arm.DIVERSION, "First offence, admitted, wants help", navigator);

		var starts = today().minusMonths(13).plusDays(1);
		assertThatThrownBy(() -> diversion.startContract(referral.id(), starts, 5,
				List.of(ConditionKind.NO_REOFFENDING), navigator))
			.isInstanceOf(InputRejectedException.class);
		assertThatThrownBy(
				() -> diversion.startContract(referral.id(), starts, 4, List.of(ConditionKind.values()), navigator))
			.isInstanceOf(InputRejectedException.class);
		var contractId = diversion.startContract(referral.id(), starts, 4, List.of(ConditionKind.NO_REOFFENDING,
				ConditionKind.DRUG_ASSESSMENT_AND_TREATMENT, ConditionKind.NAVIGATOR_SESSIONS), navigator);
		assertThat(events.stream(DiversionContractStarted.class).filter(e -> e.contractId().equals(contractId)))
			.containsExactly(new DiversionContractStarted(contractId, BIRMINGHAM, starts));

		var contract = diversion.caseFile(referral.id(), navigator).contract();
		assertThat(contract.conditions()).extracting(Contract.Condition::verification)
			.containsExactly(Verification.POLICE_NATIONAL_COMPUTER, Verification.TREATMENT_ATTENDANCE_LINK,
					Verification.SESSION_RECORD);
		var treatment = contract.conditions().get(1);
		var reference = diversion.createLink(referral.id(), treatment.id(), LegalBasis.CONSENT, navigator);
		assertThat(reference).matches("TL-[A-Z2-9]{10}");

		// The provider's system reports attendance: yes or no and the date, nothing else.
		var appointment = starts.plusDays(7);
		mvc.perform(post("/api/diversion/attendance").with(user(staff("clinic")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reference\": \"" + reference + "\", \"appointmentOn\": \"" + appointment
					+ "\", \"attended\": true}"))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/diversion/attendance").with(user(staff("clinic")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reference\": \"" + reference + "\", \"appointmentOn\": \"" + appointment
					+ "\", \"attended\": true}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/diversion/attendance").with(user(staff("clinic")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reference\": \"TL-NOSUCHLINK\", \"appointmentOn\": \"" + appointment
					+ "\", \"attended\": true, \"notes\": \"talked about using\"}"))
			.andExpect(status().is4xxClientError());
		// The navigator may not report it.
		assertThatThrownBy(() -> diversion.reportAttendance(reference, appointment, true, navigator))
			.isInstanceOf(AccessDeniedException.class);
		var link = diversion.caseFile(referral.id(), navigator).contract().conditions().get(1).link();
		assertThat(link.legalBasis()).isEqualTo(LegalBasis.CONSENT);
		assertThat(link.attendances()).containsExactly(new Contract.Attendance(appointment, true));

		diversion.recordSession(referral.id(), starts.plusDays(3), true, navigator);
		diversion.conditionMet(referral.id(), treatment.id(), starts.plusDays(30), navigator);
		// Completion waits for every condition.
		assertThatThrownBy(() -> diversion.complete(referral.id(), starts.plusDays(40), navigator))
			.isInstanceOf(InputRejectedException.class);

		var breach = diversion.recordBreach(referral.id(), contract.conditions().get(0).id(), starts.plusDays(50),
				"Arrested for shoplifting", navigator);
		var breached = diversion.caseFile(referral.id(), navigator).contract();
		assertThat(breached.status()).isEqualTo(ContractStatus.BREACHED);
		assertThat(breached.awaitsDecision()).isTrue();
		long waiting = diversion.workCounts(navigator)[0];
		assertThat(waiting).isGreaterThanOrEqualTo(1);
		assertThat(diversion.workCounts(staff("clinic"))).containsExactly(0, 0);
		assertThatThrownBy(() -> diversion.recordSession(referral.id(), starts.plusDays(51), true, navigator))
			.isInstanceOf(InputRejectedException.class);
		diversion.decide(referral.id(), breach, ProsecutionDecision.PROSECUTE, "Reoffended: prosecution as agreed",
				navigator);
		var ended = diversion.caseFile(referral.id(), navigator).contract();
		assertThat(ended.status()).isEqualTo(ContractStatus.PROSECUTED);
		assertThat(diversion.workCounts(navigator)[0]).isEqualTo(waiting - 1);
		assertThat(ended.breaches().get(0).decision()).isEqualTo(ProsecutionDecision.PROSECUTE);
		assertThatThrownBy(
				() -> diversion.decide(referral.id(), breach, ProsecutionDecision.CONTINUE, "again", navigator))
			.isInstanceOf(InputRejectedException.class);
		assertThat(events.stream(DiversionContractCompleted.class).filter(e -> e.contractId().equals(contractId)))
			.isEmpty();

		// 12 months have passed since referral, 24 have not.
		reports.recordOutcome(referral.id(), 12, true, true, navigator);
		assertThatThrownBy(() -> reports.recordOutcome(referral.id(), 24, false, false, navigator))
			.isInstanceOf(InputRejectedException.class);
		reports.recordSurvey(referral.id(), 4, navigator);
		var file = diversion.caseFile(referral.id(), navigator);
		assertThat(file.outcomes()).containsExactly(new CaseFile.Outcome(12, true, true));
		var report = reports.outcomes(navigator);
		var reconvicted = report.row("reconvicted", Arm.DIVERSION, 12).orElseThrow();
		assertThat(reconvicted.windowMonths()).isEqualTo(12);
		// Published only when no count from 1 to 4 shows (the outcomes page test below).
		if (reconvicted.rate() == null) {
			assertThat(reconvicted.events()).isNull();
		}
		else {
			assertThat(reconvicted.events()).isGreaterThanOrEqualTo(5);
			assertThat(reconvicted.rate().low()).isLessThanOrEqualTo(reconvicted.rate().proportion());
			assertThat(reconvicted.rate().high()).isGreaterThanOrEqualTo(reconvicted.rate().proportion());
		}
	}

	@Test
	void theOutcomesPageAndApiWithholdSmallCountsAndWhateverWouldGiveThemAway() throws Exception {
		var navigator = staff("navigator");
		var scheme = scheme(false, null);
		// The only referral followed up for 24 months: one person rearrested.
		var referral = refer(scheme, OffenceGroup.DRUG_POSSESSION, 0, today().minusMonths(25));
		diversion.allocate(referral.id(), Arm.DIVERSION, "Suitable", navigator);
		reports.recordOutcome(referral.id(), 24, true, false, navigator);

		var page = mvc.perform(get("/diversion/outcomes").with(user(navigator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(numericCells(page, "rate-rearrested-DIVERSION-24")).containsExactly("*", "*", "*");
		assertThat(numericCells(page, "rate-reconvicted-DIVERSION-24")).containsExactly("*", "*", "*");
		assertThat(page).contains("id=\"withheld-key\"");
		// Nothing published is from 1 to 4, nor leaves 1 to 4 beside what it nests in.
		var report = reports.outcomes(navigator);
		var costs = report.costs().stream().collect(Collectors.toMap(OutcomeReport.ArmCosts::arm, c -> c));
		for (var row : report.rates()) {
			var what = row.measure() + " " + row.arm() + " " + row.windowMonths();
			assertThat(List.of(shownCount(row.events()), shownCount(row.n()))).as(what).containsOnly(true);
			assertThat(row.rate() == null).as(what).isEqualTo(row.events() == null);
			if (row.events() != null) {
				assertThat(shownCount(row.n() - row.events())).as(what).isTrue();
			}
			var cases = costs.get(row.arm()).cases();
			if (row.n() != null && cases != null) {
				assertThat(shownCount(cases - row.n())).as(what).isTrue();
			}
		}
		for (var arm : report.costs()) {
			assertThat(
					List.of(shownCount(arm.cases()), shownCount(arm.courtCases()), shownCount(arm.courtCasesAvoided())))
				.as(arm.arm().name())
				.containsOnly(true);
			if (arm.costPerCase() != null) {
				assertThat(arm.courtCases()).isNotNull();
				assertThat(arm.courtCasesAvoided()).isNotNull();
			}
		}
		// The API publishes the same, and a withheld rate is not compared with another.
		mvc.perform(get("/api/diversion/outcomes").with(user(navigator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath(REARRESTED_24 + ".withheld").value(contains(true)))
			.andExpect(jsonPath(REARRESTED_24 + ".measure").value(contains("rearrested")))
			.andExpect(jsonPath(REARRESTED_24 + ".events").value(empty()))
			.andExpect(jsonPath(REARRESTED_24 + ".n").value(empty()))
			.andExpect(jsonPath(REARRESTED_24 + ".rate").value(empty()));
		mvc.perform(get("/diversion/outcomes").with(user(navigator))
			.param("first", "rearrested:DIVERSION:24")
			.param("second", "programme:usual:12")
			.param("label", "Not like for like"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("This rate is withheld")
				.doesNotContain("id=\"comparison\""));
	}

	/** Whether a count is fit to publish: withheld, none, or at least 5. */
	static boolean shownCount(@Nullable Long count) {
		return count == null || count == 0 || count >= 5;
	}

	/** The text of the numeric cells of a table row, by the row's id. */
	static List<String> numericCells(String page, String rowId) {
		var row = Pattern.compile("id=\"" + rowId + "\".*?</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as(rowId).isTrue();
		var cells = Pattern.compile("govuk-table__cell--numeric\"[^>]*>([^<]*)</td>").matcher(row.group());
		var texts = new ArrayList<String>();
		while (cells.find()) {
			texts.add(cells.group(1).strip());
		}
		return texts;
	}

	@Test
	void aContractWithEveryConditionMetIsCompletedAndAnnouncedOnce() {
		var navigator = staff("navigator");
		var scheme = scheme(false, null);
		var referral = refer(scheme, OffenceGroup.ACQUISITIVE, 0, today().minusDays(20));
		diversion.allocate(referral.id(), Arm.DIVERSION, "Suitable", navigator);
		var id = diversion.startContract(referral.id(), today().minusDays(19), 4,
				List.of(ConditionKind.DRUG_AWARENESS_COURSE, ConditionKind.COMMUNITY_WORK), navigator);
		for (var condition : diversion.caseFile(referral.id(), navigator).contract().conditions()) {
			diversion.conditionMet(referral.id(), condition.id(), today().minusDays(2), navigator);
		}
		diversion.complete(referral.id(), today().minusDays(1), navigator);
		assertThat(events.stream(DiversionContractCompleted.class).filter(e -> e.contractId().equals(id)))
			.containsExactly(new DiversionContractCompleted(id, BIRMINGHAM, today().minusDays(1)));
		assertThat(diversion.caseFile(referral.id(), navigator).contract().status())
			.isEqualTo(ContractStatus.COMPLETED);
		assertThatThrownBy(() -> diversion.complete(referral.id(), today(), navigator))
			.isInstanceOf(InputRejectedException.class);
	}

	@Test
	void theFairnessReportWithholdsSmallCountsAndTheTotalsDoNotGiveThemAway() {
		var navigator = staff("navigator");
		var report = reports.fairness(navigator);
		for (var dimension : report.dimensions()) {
			for (var row : dimension.rows()) {
				for (var count : new Long[] { row.referred(), row.eligible(), row.diverted(), row.completed() }) {
					assertThat(count == null || count == 0 || count >= 5).as(dimension.name() + " " + row.category())
						.isTrue();
				}
			}
			for (int column = 0; column < 4; column++) {
				int withheld = 0;
				for (var row : dimension.rows()) {
					var count = new Long[] { row.referred(), row.eligible(), row.diverted(), row.completed() }[column];
					withheld += count == null ? 1 : 0;
				}
				assertThat(withheld).as("%s column %d has a single withheld count", dimension.name(), column)
					.isNotEqualTo(1);
			}
		}
		// Nobody outside the police reads it.
		assertThatThrownBy(() -> reports.fairness(staff("clinic"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reports.outcomes(staff("commissioner"))).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theOutcomesPageRefusesToCompareDifferentWindowsUnlessLabelled() throws Exception {
		var navigator = user(staff("navigator"));
		mvc.perform(get("/diversion/outcomes").with(navigator)
			.param("first", "programme:usual:12")
			.param("second", "programme:checkpoint:18"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("different follow-up windows (12 and 18 months)")
				.doesNotContain("id=\"comparison\""));
		mvc.perform(get("/diversion/outcomes").with(navigator)
			.param("first", "programme:usual:12")
			.param("second", "programme:checkpoint:18")
			.param("label", "Not like for like: 12 against 18 months"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("id=\"comparison\"")
				.contains("Not like for like: 12 against 18 months (windows of 12 and 18 months)"));
		// The same windows need no label.
		mvc.perform(get("/diversion/outcomes").with(navigator)
			.param("first", "programme:usual:12")
			.param("second", "programme:usual:12"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("id=\"comparison\""));
	}

	@Test
	void badInputIsRefusedWithNothingStored() {
		var navigator = staff("navigator");
		var scheme = scheme(false, null);
		long before = jdbc.sql("SELECT count(*) FROM diversion.referral").query(Long.class).single();
		assertThatThrownBy(
				() -> diversion.refer(
						new ReferralDraft(scheme.id(), "CR-X", OffenceGroup.OTHER, today().plusDays(3),
								today().plusDays(2), 9, -1, EnumSet.noneOf(Exclusion.class), true, null, null, null),
						navigator))
			.isInstanceOf(InputRejectedException.class)
			.satisfies(ex -> assertThat(((InputRejectedException) ex).problems()).extracting(p -> p.field())
				.contains("gravity", "previousConvictions", "referredOn"));
		assertThat(jdbc.sql("SELECT count(*) FROM diversion.referral").query(Long.class).single()).isEqualTo(before);
		// Another agency's staff cannot refer, allocate or read.
		assertThatThrownBy(() -> schemes.createScheme(
				new SchemeDraft("X", BIRMINGHAM, SchemeRules.checkpointLike(), false, null, null, 1, 1),
				staff("clinic")))
			.isInstanceOf(AccessDeniedException.class);
		var referral = refer(scheme, OffenceGroup.DRUG_POSSESSION, 0, today());
		assertThatThrownBy(() -> diversion.caseFile(referral.id(), staff("custody")))
			.isInstanceOf(NotFoundException.class);
	}

}
