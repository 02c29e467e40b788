package org.harmwatch.browser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.CustodyTestingFixtures;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.TeamReferralManagement;
import org.harmwatch.hatclinic.AssessmentDraft;
import org.harmwatch.hatclinic.Decision;
import org.harmwatch.hatclinic.DoseDraft;
import org.harmwatch.hatclinic.DoseSlot;
import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.HatReferralManagement;
import org.harmwatch.hatclinic.LicenceDraft;
import org.harmwatch.hatclinic.PrescriptionDraft;
import org.harmwatch.hatclinic.ReferralDraft;
import org.harmwatch.hatclinic.ReferralSource;
import org.harmwatch.hatclinic.Route;
import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A morning dosing session on a clinic tablet: thirty clients, each dose recorded with
 * one tap (the dose in range is filled in), one client missing a third dose in a row,
 * which raises a clinical review on the clinic's page; a referral sent on from custody
 * testing arriving in the clinic's queue. Every page of the module (and the onward
 * referral forms) passes axe. Waits for conditions, never for time.
 */
@HarmwatchIntegrationTest
class HatClinicBrowserTests extends BrowserTestSupport {

	static final int PATIENTS = 30;

	@Autowired
	HatClinicManagement clinic;

	@Autowired
	HatReferralManagement intake;

	@Autowired
	UserDetailsService users;

	@Autowired
	CustodyTestingManagement custody;

	@Autowired
	TeamReferralManagement referrals;

	@Autowired
	SharingManagement sharing;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	JdbcClient jdbc;

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	/**
	 * Thirty clients enrolled yesterday with a prescription; the first missed yesterday
	 * twice.
	 */
	List<String> thirtyClients(LocalDate today) {
		var nurse = staff("clinic");
		var prescriber = staff("prescriber");
		clinic.recordLicence(new LicenceDraft("prescriber", "HO-BROWSER-" + UUID.randomUUID(), today.minusYears(1),
				today.plusYears(1)), nurse);
		var mark = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
		var codes = new ArrayList<String>();
		for (int i = 1; i <= PATIENTS; i++) {
			var code = "B%s-%02d".formatted(mark, i);
			codes.add(code);
			var referral = intake.refer(
					new ReferralDraft(code, ReferralSource.TREATMENT_SERVICE, today.minusDays(9), today.minusDays(8)),
					nurse);
			intake.assess(referral, new AssessmentDraft(10, 3, 40, true, Decision.SUITABLE, "Meets every criterion"),
					nurse);
			var enrolment = intake.enrol(referral, today.minusDays(1), nurse);
			clinic.prescribe(enrolment, new PrescriptionDraft(Route.INTRAVENOUS, 60, 200, today.minusDays(1), null),
					prescriber);
			if (i == 1) {
				for (var slot : DoseSlot.values()) {
					clinic.recordDose(new DoseDraft(enrolment, today.minusDays(1), slot, false, null, null, null),
							nurse);
				}
			}
		}
		return codes;
	}

	@Test
	void aMorningSessionOfThirtyOnATabletWithOneMissingAThirdDoseInARow() {
		var today = clinic.today();
		var codes = thirtyClients(today);
		page.setViewportSize(1024, 768);
		signIn("clinic");
		page.navigate("/hat/session?date=" + today + "&slot=MORNING");
		assertThat(page.locator("h1")).containsText("Clinic session");
		assertAccessible();

		for (var code : codes) {
			var row = page.locator("tr[data-client='" + code + "']");
			assertThat(row).hasAttribute("data-state", "open");
			if (code.equals(codes.get(0))) {
				row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dose missed by " + code))
					.click();
				assertThat(page.locator("#review-notice")).containsText(code + " has missed 3 doses in a row");
				assertThat(page.locator("tr[data-client='" + code + "']")).hasAttribute("data-state", "missed");
			}
			else {
				row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dose given to " + code)).click();
				assertThat(page.locator("#dose-notice")).containsText("Dose recorded for " + code);
				assertThat(page.locator("tr[data-client='" + code + "']")).hasAttribute("data-state", "given");
				assertThat(page.locator("tr[data-client='" + code + "']")).containsText("Given 60 mg");
			}
		}
		assertAccessible();

		// A dose outside the range is refused with the range named, and nothing recorded.
		page.navigate("/hat/session?date=" + today + "&slot=EVENING");
		var second = page.locator("tr[data-client='" + codes.get(1) + "']");
		second.getByLabel("Dose in mg for " + codes.get(1)).fill("450");
		second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dose given to " + codes.get(1)))
			.click();
		assertThat(page.locator(".govuk-error-summary")).containsText("within the prescribed range, 60 to 200 mg");
		assertAccessible();
		page.locator(".govuk-error-summary").getByText("within the prescribed range").click();
		assertThat(page.locator("#doseMg")).isFocused();
		assertThat(page.locator("tr[data-client='" + codes.get(1) + "']")).hasAttribute("data-state", "open");

		// The review waits on the clinic's page; the client's record shows it.
		page.navigate("/hat");
		assertThat(page.locator("#reviews")).containsText(codes.get(0));
		assertAccessible();
		page.locator("#reviews").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(codes.get(0))).click();
		assertThat(page.locator("h1")).hasText("Client " + codes.get(0));
		assertThat(page.locator(".govuk-warning-text")).containsText("clinical review");
		assertAccessible();
	}

	@Test
	void theReferralAssessmentPrescribingCostAndPublishedPagesPassAxe() {
		var nurse = staff("clinic");
		var today = clinic.today();
		var enrolledCode = "AXE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		var referral = intake.refer(new ReferralDraft(enrolledCode, ReferralSource.CUSTODY_TESTING, today, today),
				nurse);
		intake.assess(referral, new AssessmentDraft(10, 3, 40, true, Decision.SUITABLE, "Meets every criterion"),
				nurse);
		var enrolment = intake.enrol(referral, nurse);
		page.setViewportSize(1024, 768);
		signIn("prescriber");
		page.navigate("/hat/referrals/new");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Enter the client code");
		assertAccessible();
		var code = "AX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		page.locator("#clientCode").fill(code);
		page.locator("#source").selectOption("DIVERSION");
		page.locator("#consent").check();
		page.locator("#consentOn").fill(clinic.today().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("h1")).hasText("Referral of " + code);
		assertAccessible();
		page.locator("#dependenceYears").fill("2");
		page.locator("#failedOralEpisodes").fill("0");
		page.locator("#age").fill("29");
		page.locator("#attendsTwiceDaily").check();
		page.locator("#decision-2").check();
		page.locator("#reason").fill("Two years of dependence, no oral treatment tried yet");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("#referral-decision")).containsText("Not suitable");
		assertThat(page.locator("main")).containsText("Long-term opioid dependence (at least 3 years)");
		assertAccessible();

		page.navigate("/hat/licences");
		assertThat(page.locator("h1")).hasText("Home Office licences");
		assertAccessible();
		page.navigate("/hat/costs");
		assertThat(page.locator("h1")).hasText("Cost per patient-year");
		assertAccessible();

		page.navigate("/hat/patients/" + enrolment);
		assertThat(page.locator("h1")).hasText("Client " + enrolledCode);
		assertAccessible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prescribe diamorphine")).click();
		assertThat(page.locator("h1")).hasText("Prescribe diamorphine");
		assertAccessible();
		page.goBack();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a Treatment Outcomes Profile"))
			.click();
		assertThat(page.locator("h1")).hasText("Treatment Outcomes Profile");
		assertAccessible();
		page.goBack();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("End treatment")).click();
		assertThat(page.locator("h1")).hasText("End treatment");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End treatment")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Choose why treatment ended");
		assertAccessible();
		page.getByLabel("Moved to oral substitution treatment (planned)").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End treatment")).click();
		assertThat(page.locator("#treatment-ended")).containsText("Moved to oral substitution treatment");
		assertAccessible();

		page.navigate("/hat/outcomes");
		assertThat(page.locator("h1")).hasText("Heroin-assisted treatment: outcomes");
		assertAccessible();
	}

	@Test
	void aReferralSentOnFromCustodyTestingArrivesInTheClinicsQueueAndEveryPageOnTheWayPassesAxe() {
		var officer = staff("custody");
		CustodyTestingFixtures.shareWithTeam(custody, sharing, officer);
		var arrestId = CustodyTestingFixtures.referredArrest(custody, officer, "CR-" + UUID.randomUUID());
		var teamReferral = custody.arrest(arrestId, officer).referral();
		org.assertj.core.api.Assertions.assertThat(teamReferral).isNotNull();
		var personCode = referrals.teamReferral(teamReferral.id(), staff("cjit")).personCode();
		page.setViewportSize(1024, 768);
		signIn("cjit");
		page.navigate("/custody-testing/referrals/" + teamReferral.id());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refer to heroin-assisted treatment"))
			.click();
		assertThat(page.locator("h1")).hasText("Refer to heroin-assisted treatment");
		assertAccessible();
		page.locator("#clinic").selectOption("BHM-OPC");
		page.locator("#consentOn").fill(custody.today().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer to the clinic")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("Refer only with the person's consent");
		assertAccessible();
		var since = java.time.Instant.now();
		page.locator("#consent").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer to the clinic")).click();
		assertThat(page.locator(".govuk-panel__title")).hasText("Referred to heroin-assisted treatment");
		assertThat(page.locator("main")).containsText("Referred to Birmingham Overdose Prevention Centre (demo)");
		assertAccessible();
		EventPublications.awaitAllSince(publications, since);

		context.clearCookies();
		signIn("clinic");
		var arrived = jdbc.sql("""
				SELECT r.id, r.client_code FROM hatclinic.referral r
				JOIN custodytesting.hat_referral h ON h.id = r.event_id WHERE h.referral_id = ?
				""").param(teamReferral.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
		page.navigate("/hat");
		var row = page.locator("#referrals tr").filter(new Locator.FilterOptions().setHasText(arrived.get(1)));
		assertThat(row).containsText("Sent");
		page.navigate("/hat/referrals/" + arrived.get(0));
		assertThat(page.locator("#referral-arrival")).containsText("who know the person as " + personCode);
		assertAccessible();
		page.navigate("/diversion/hat-referral");
		assertThat(page.locator("h1")).hasText("Refer to heroin-assisted treatment");
		assertAccessible();
		page.locator("#consentOn").fill(custody.today().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refer to the clinic")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("There is no treatment link with this reference");
		assertAccessible();
	}

}
