package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.CustodyHatReferralRequested;
import org.harmwatch.custodytesting.CustodyTestingFixtures;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.TeamReferralManagement;
import org.harmwatch.diversion.AgeBand;
import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.ConditionKind;
import org.harmwatch.diversion.DiversionHatReferralRequested;
import org.harmwatch.diversion.DiversionManagement;
import org.harmwatch.diversion.DiversionSchemeManagement;
import org.harmwatch.diversion.Ethnicity;
import org.harmwatch.diversion.LegalBasis;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.SchemeDraft;
import org.harmwatch.diversion.SchemeRules;
import org.harmwatch.diversion.Sex;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referrals to heroin-assisted treatment arriving by event (issue 16 item 1): the custody
 * treatment team and diversion's treatment staff refer a person on with their consent,
 * over HTTP; the clinic takes each event in once (also delivered twice at once), as a
 * referral in its own queue under a code of its own, marked with where it came from, and
 * assesses it as usual. No consent, an unknown clinic and police staff are refused with
 * nothing sent; the police side sees nothing of it.
 */
@HarmwatchIntegrationTest
class HatReferralByEventIntegrationTests {

	static final String CLINIC = "BHM-OPC";

	static final String CLINIC_NAME = "Birmingham Overdose Prevention Centre (demo)";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	CustodyTestingManagement custody;

	@Autowired
	TeamReferralManagement referrals;

	@Autowired
	SharingManagement sharing;

	@Autowired
	DiversionManagement diversion;

	@Autowired
	DiversionSchemeManagement schemes;

	@Autowired
	HatReferralManagement intake;

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	RequestPostProcessor as(HarmwatchUser user) {
		return user(user);
	}

	/** A treatment provider's worker who reports diversion attendance (health). */
	static HarmwatchUser treatmentWorker() {
		return new HarmwatchUser(UUID.randomUUID(), "worker-" + UUID.randomUUID(), null, "Tess Treatment", "BHM-TREAT",
				"Birmingham Recovery Partnership (demo)", AgencyType.TREATMENT_PROVIDER, List.of("TEST"),
				Set.of(new Grant(Capability.DIVERSION, Action.WRITE, Purpose.HEALTH)), true, false);
	}

	long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	long audited(String action, String recordId) {
		return count("SELECT count(*) FROM platform.audit_event WHERE action = ? AND record_id = ?", action, recordId);
	}

	@Test
	void theCustodyTreatmentTeamRefersOnWithConsentAndTheReferralArrivesInTheClinicsQueue() throws Exception {
		var officer = staff("custody");
		var team = staff("cjit");
		var nurse = staff("clinic");
		CustodyTestingFixtures.shareWithTeam(custody, sharing, officer);
		var arrestId = CustodyTestingFixtures.referredArrest(custody, officer, "CR-" + UUID.randomUUID());
		var teamReferral = custody.arrest(arrestId, officer).referral();
		assertThat(teamReferral).isNotNull();
		var id = teamReferral.id();
		var personCode = referrals.teamReferral(id, team).personCode();
		var today = custody.today().toString();
		var form = "/custody-testing/referrals/" + id + "/hat";

		mvc.perform(get(form).with(as(team)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CLINIC_NAME)));
		// No consent: refused, field named, nothing sent.
		mvc.perform(post(form).with(as(team))
			.with(csrf())
			.param("clinic", CLINIC)
			.param("consentOn", today)
			.param("referredOn", today))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Refer only with the person&#39;s consent")));
		// A clinic that is not one: refused.
		mvc.perform(post(form).with(as(team))
			.with(csrf())
			.param("clinic", "WMP")
			.param("consent", "true")
			.param("consentOn", today)
			.param("referredOn", today))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Choose a heroin-assisted treatment clinic from the list")));
		// The police may neither see the form nor send it.
		mvc.perform(get(form).with(as(officer))).andExpect(status().isForbidden());
		mvc.perform(post(form).with(as(officer))
			.with(csrf())
			.param("clinic", CLINIC)
			.param("consent", "true")
			.param("consentOn", today)
			.param("referredOn", today)).andExpect(status().isForbidden());
		assertThat(count("SELECT count(*) FROM custodytesting.hat_referral WHERE referral_id = ?", id)).isZero();

		mvc.perform(post(form).with(as(team))
			.with(csrf())
			.param("clinic", CLINIC)
			.param("consent", "true")
			.param("consentOn", today)
			.param("referredOn", today)).andExpect(redirectedUrl("/custody-testing/referrals/" + id + "?referredOn"));
		var eventId = jdbc.sql("SELECT id FROM custodytesting.hat_referral WHERE referral_id = ?")
			.param(id)
			.query(UUID.class)
			.single();
		EventPublications.awaitCompleted(publications, completed,
				e -> e instanceof CustodyHatReferralRequested r && r.eventId().equals(eventId));
		assertThat(audited("CUSTODY_HAT_REFERRAL_SENT", id.toString())).isEqualTo(1);
		// Once only.
		mvc.perform(post(form).with(as(team))
			.with(csrf())
			.param("clinic", CLINIC)
			.param("consent", "true")
			.param("consentOn", today)
			.param("referredOn", today)).andExpect(status().is(422));

		// The team sees "referred on"; the police see nothing of it.
		mvc.perform(get("/custody-testing/referrals/" + id).with(as(team)))
			.andExpect(content().string(containsString("Referred to " + CLINIC_NAME)));
		mvc.perform(get("/custody-testing/arrests/" + arrestId).with(as(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(CLINIC_NAME))))
			.andExpect(content().string(not(containsString("heroin-assisted"))));

		// The clinic: one referral in its queue, its own code, where it came from.
		var referralId = jdbc.sql(
				"SELECT id FROM hatclinic.referral WHERE event_id = ? AND owner_agency = ? AND source = 'CUSTODY_TESTING'")
			.params(eventId, CLINIC)
			.query(UUID.class)
			.single();
		var referral = intake.referral(referralId, nurse);
		assertThat(referral.clientCode()).startsWith("HR-").isNotEqualTo(personCode);
		assertThat(referral.arrival())
			.isEqualTo(new ReferralArrival(personCode, "BHM-TREAT", "Birmingham Recovery Partnership (demo)"));
		assertThat(referral.consentOn()).isEqualTo(custody.today());
		assertThat(audited("HAT_REFERRAL_ARRIVED", referralId.toString())).isEqualTo(1);
		mvc.perform(get("/hat").with(as(nurse))).andExpect(content().string(containsString(referral.clientCode())));
		mvc.perform(get("/hat/referrals/" + referralId).with(as(nurse)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("who know the person as " + personCode)));
		// ... and the normal assessment follows.
		intake.assess(referralId, new AssessmentDraft(10, 2, 35, true, Decision.SUITABLE, "Meets every criterion"),
				nurse);
		assertThat(intake.referral(referralId, nurse).decision()).isEqualTo(Decision.SUITABLE);
	}

	@Test
	void diversionTreatmentStaffReferOnAgainstTheLinkAndThePoliceCannot() throws Exception {
		var navigator = staff("navigator");
		var worker = treatmentWorker();
		var today = LocalDate.now(ZoneId.of("Europe/London"));
		var scheme = schemes.createScheme(new SchemeDraft("HAT onward " + UUID.randomUUID(), "E08000025",
				SchemeRules.checkpointLike(), false, null, null, 350, 1350), navigator);
		var referral = diversion.refer(new org.harmwatch.diversion.ReferralDraft(scheme.id(),
				"SECRET-" + UUID.randomUUID().toString().substring(0, 8), OffenceGroup.DRUG_POSSESSION,
				today.minusDays(10), today.minusDays(5), 2, 0, Set.of(), true, AgeBand.AGE_25_TO_34, Sex.FEMALE,
				Ethnicity.BLACK), navigator);
		diversion.allocate(referral.id(), Arm.DIVERSION, "Chosen by the decision-maker", navigator);
		diversion.startContract(referral.id(), today.minusDays(4), 4,
				List.of(ConditionKind.NO_REOFFENDING, ConditionKind.DRUG_ASSESSMENT_AND_TREATMENT), navigator);
		var condition = diversion.caseFile(referral.id(), navigator).contract().conditions().get(1).id();
		var reference = diversion.createLink(referral.id(), condition, LegalBasis.CONSENT, navigator);

		mvc.perform(get("/diversion/hat-referral").with(as(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CLINIC_NAME)));
		mvc.perform(post("/diversion/hat-referral").with(as(worker))
			.with(csrf())
			.param("reference", reference)
			.param("clinic", CLINIC)
			.param("consentOn", today.toString())
			.param("referredOn", today.toString()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Refer only with the person&#39;s consent")));
		mvc.perform(post("/diversion/hat-referral").with(as(worker))
			.with(csrf())
			.param("reference", "TL-NOSUCHLINK")
			.param("clinic", CLINIC)
			.param("consent", "true")
			.param("consentOn", today.toString())
			.param("referredOn", today.toString()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("There is no treatment link with this reference")));
		mvc.perform(post("/diversion/hat-referral").with(as(navigator))
			.with(csrf())
			.param("reference", reference)
			.param("clinic", CLINIC)
			.param("consent", "true")
			.param("consentOn", today.toString())
			.param("referredOn", today.toString())).andExpect(status().isForbidden());
		assertThat(count("SELECT count(*) FROM diversion.hat_referral WHERE reference = ?", reference)).isZero();

		mvc.perform(post("/diversion/hat-referral").with(as(worker))
			.with(csrf())
			.param("reference", reference.toLowerCase(java.util.Locale.ROOT))
			.param("clinic", CLINIC)
			.param("consent", "true")
			.param("consentOn", today.minusDays(1).toString())
			.param("referredOn", today.toString())).andExpect(redirectedUrl("/diversion/hat-referral"));
		var eventId = jdbc.sql("SELECT id FROM diversion.hat_referral WHERE reference = ?")
			.param(reference)
			.query(UUID.class)
			.single();
		assertThat(audited("DIVERSION_HAT_REFERRAL_SENT", eventId.toString())).isEqualTo(1);
		EventPublications.awaitCompleted(publications, completed,
				e -> e instanceof DiversionHatReferralRequested r && r.eventId().equals(eventId));
		var arrived = jdbc.sql("""
				SELECT client_code, consent_on FROM hatclinic.referral
				WHERE event_id = ? AND owner_agency = ? AND source = 'DIVERSION' AND source_reference = ?
				""")
			.params(eventId, CLINIC, reference)
			.query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class))
			.single();
		assertThat(arrived).startsWith("HR-").endsWith(" " + today.minusDays(1));
		// The navigator's case shows nothing of it.
		mvc.perform(get("/diversion/referrals/" + referral.id()).with(as(navigator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(CLINIC_NAME))));
	}

	@Test
	void anEventDeliveredTwiceAtOnceMakesExactlyOneReferral() {
		var event = new DiversionHatReferralRequested(UUID.randomUUID(), CLINIC,
				"TL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT),
				LocalDate.now().minusDays(1), LocalDate.now().minusDays(2), "BHM-TREAT");
		EventPublications.deliverAtOnce(context, "hatReferralIntake", transactions, event, 2);
		EventPublications.deliverAtOnce(context, "hatReferralIntake", transactions, event, 1);
		assertThat(count("SELECT count(*) FROM hatclinic.referral WHERE event_id = ?", event.eventId())).isEqualTo(1);
		var id = jdbc.sql("SELECT id FROM hatclinic.referral WHERE event_id = ?")
			.param(event.eventId())
			.query(UUID.class)
			.single();
		assertThat(audited("HAT_REFERRAL_ARRIVED", id.toString())).isEqualTo(1);

		// Addressed to an agency that is not a clinic (the police force): not taken in,
		// audited.
		var astray = new CustodyHatReferralRequested(UUID.randomUUID(), "WMP", "CJ-ABCD-EFGH", LocalDate.now(),
				LocalDate.now(), "BHM-TREAT");
		EventPublications.deliverAtOnce(context, "hatReferralIntake", transactions, astray, 1);
		assertThat(count("SELECT count(*) FROM hatclinic.referral WHERE event_id = ?", astray.eventId())).isZero();
		assertThat(audited("HAT_REFERRAL_NOT_TAKEN_IN", astray.eventId().toString())).isEqualTo(1);
	}

}
