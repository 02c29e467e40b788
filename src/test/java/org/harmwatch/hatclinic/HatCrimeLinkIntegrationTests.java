package org.harmwatch.hatclinic;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.hatclinic.internal.CrimeLinkKey;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recorded crime through a pseudonymised link with a recorded legal basis (issue 16 item
 * 4), on the real database and over HTTP: the manager records the agreement once, clinic
 * staff link clients by the police identifier (only its keyed hash is stored), the force
 * posts counts per pseudonym and month for clients and others alike and reads nothing
 * back, and the published outcomes show per cohort the offences in the six months before
 * and after enrolment, with cohorts under five people and counts from 1 to 4 withheld.
 */
@HarmwatchIntegrationTest
class HatCrimeLinkIntegrationTests {

	static final String FORCE = "WMP";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SharingManagement sharing;

	@Autowired
	HatReferralManagement intake;

	@Autowired
	HatCrimeLinkManagement links;

	@Autowired
	HatReports reports;

	@Autowired
	CrimeLinkKey key;

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	/** The force's sender: a police force's account holding clinic write for policing. */
	static HarmwatchUser sender(String agency) {
		return new HarmwatchUser(UUID.randomUUID(), "sender-" + UUID.randomUUID(), null, "Force analyst", agency,
				"West Midlands Police", AgencyType.POLICE_FORCE, List.of("RECORDED_CRIME_SENDER"),
				Set.of(new Grant(Capability.HAT_CLINIC, Action.WRITE, Purpose.POLICING)), true, false);
	}

	UUID enrolled(LocalDate on) {
		var nurse = staff("clinic");
		var code = "RC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		var referral = intake
			.refer(new ReferralDraft(code, ReferralSource.CUSTODY_TESTING, on.minusDays(7), on.minusDays(5)), nurse);
		intake.assess(referral, new AssessmentDraft(12, 3, 41, true, Decision.SUITABLE, "Meets every criterion"),
				nurse);
		return intake.enrol(referral, on, nurse);
	}

	/**
	 * The legal basis with the force, recorded once (other tests of this class may have
	 * done it).
	 */
	void basisWithTheForce() {
		var prescriber = staff("prescriber");
		if (links.bases(prescriber).stream().anyMatch(b -> b.forceAgency().equals(FORCE))) {
			return;
		}
		var agreement = sharing.record(new SharingManagement.Draft("DSA-HAT-" + UUID.randomUUID(), FORCE, "BHM-OPC",
				Capability.HAT_CLINIC, Action.READ, Purpose.HEALTH,
				"Crime and Disorder Act 1998 s.115; UK GDPR Art. 6(1)(e) and 9(2)(h) (test)",
				LocalDate.now().minusDays(30), null), "admin");
		assertThat(links.agreements(prescriber)).containsKey(agreement.id());
		assertThatThrownBy(() -> links.recordBasis(agreement.id(), staff("clinic")))
			.isInstanceOf(AccessDeniedException.class);
		links.recordBasis(agreement.id(), prescriber);
		assertThatThrownBy(() -> links.recordBasis(agreement.id(), prescriber))
			.isInstanceOf(InputRejectedException.class);
		assertThat(links.bases(prescriber)).anySatisfy(b -> {
			assertThat(b.agreementReference()).isEqualTo(agreement.reference());
			assertThat(b.legalBasis()).startsWith("Crime and Disorder Act 1998 s.115");
		});
	}

	static String row(String pseudonym, String month, int offences) {
		return "{\"pseudonym\":\"%s\",\"month\":\"%s\",\"offences\":%d}".formatted(pseudonym, month, offences);
	}

	void send(HarmwatchUser sender, List<String> rows) throws Exception {
		mvc.perform(post("/api/hat/recorded-crime").with(user(sender))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rows\":[" + String.join(",", rows) + "]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(rows.size()));
	}

	RecordedCrimeCohort cohort(String name) {
		return reports.recordedCrime().stream().filter(c -> c.cohort().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void recordedOffencesBeforeAndAfterEnrolmentArePublishedPerCohortWithSmallCountsWithheld() throws Exception {
		basisWithTheForce();
		var nurse = staff("clinic");
		var enrolledOn = LocalDate.of(2020, 8, 14);
		var identifiers = new ArrayList<String>();
		var enrolments = new ArrayList<UUID>();
		for (int i = 0; i < 5; i++) {
			var identifier = "2020/" + (4_100_000 + i) + "Q";
			identifiers.add(identifier);
			var enrolment = enrolled(enrolledOn);
			enrolments.add(enrolment);
			if (i == 0) {
				// Over HTTP, as clinic staff: a name is refused, the identifier accepted.
				mvc.perform(post("/hat/patients/" + enrolment + "/crime-link").with(user(nurse))
					.with(csrf())
					.param("force", FORCE)
					.param("identifier", "Jane Smith!"))
					.andExpect(status().is(422))
					.andExpect(content().string(containsString("Enter the police identifier")));
				mvc.perform(post("/hat/patients/" + enrolment + "/crime-link").with(user(staff("custody")))
					.with(csrf())
					.param("force", FORCE)
					.param("identifier", identifier)).andExpect(status().isForbidden());
				mvc.perform(post("/hat/patients/" + enrolment + "/crime-link").with(user(nurse))
					.with(csrf())
					.param("force", FORCE)
					.param("identifier", identifier.toLowerCase(Locale.ROOT)))
					.andExpect(redirectedUrl("/hat/patients/" + enrolment + "/crime-link"));
				mvc.perform(get("/hat/patients/" + enrolment + "/crime-link").with(user(nurse)))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("Linked to WMP")))
					.andExpect(content().string(not(containsString(identifier))));
			}
			else {
				links.link(enrolment, FORCE, identifier, nurse);
			}
		}
		assertThatThrownBy(() -> links.link(enrolments.get(1), FORCE, identifiers.get(1), nurse))
			.isInstanceOf(InputRejectedException.class);
		// Only the keyed hash is stored, never the identifier; the link is audited.
		assertThat(jdbc.sql("SELECT count(*) FROM hatclinic.crime_link WHERE pseudonym LIKE '%4100%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT pseudonym FROM hatclinic.crime_link WHERE enrolment_id = ?")
			.param(enrolments.get(0))
			.query(String.class)
			.single()).isEqualTo(key.pseudonym(FORCE, identifiers.get(0)));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM platform.audit_event WHERE action = 'HAT_CRIME_LINK_RECORDED' AND record_id = ?
				AND detail NOT LIKE '%4100%'""").param(enrolments.get(0).toString()).query(Long.class).single())
			.isEqualTo(1);

		// The force sends for everyone in its data: the five clients and others, in and
		// out of the windows.
		var force = sender(FORCE);
		var rows = new ArrayList<String>();
		for (var identifier : identifiers) {
			var pseudonym = key.pseudonym(FORCE, identifier);
			rows.add(row(pseudonym, "2020-03", 2)); // before: February to July 2020
			rows.add(row(pseudonym, "2020-07", 1));
			rows.add(row(pseudonym, "2020-08", 9)); // the month of enrolment: neither
													// side
			rows.add(row(pseudonym, "2020-01", 9)); // seven months before: outside
			rows.add(row(pseudonym, "2021-03", 9)); // seven months after: outside
		}
		rows.add(row(key.pseudonym(FORCE, identifiers.get(0)), "2020-10", 1)); // after:
																				// September
																				// to
																				// February
		rows.add(row(key.pseudonym(FORCE, "1999/0000001Z"), "2020-10", 7)); // not a
																			// client
		send(force, rows);

		// Five people; 15 before; 1 after is withheld, and so is the fall that would give
		// it away.
		assertThat(cohort("2020 Q3")).isEqualTo(new RecordedCrimeCohort("2020 Q3", 6, false, 5, 15, null));
		assertThat(cohort("2020 Q3").fall()).isNull();
		mvc.perform(get("/hat/outcomes").with(user(staff("custody"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2020 Q3")))
			.andExpect(content().string(containsString(">15<")))
			.andExpect(content().string(containsString("Fewer than 5")))
			.andExpect(content().string(not(containsString(key.pseudonym(FORCE, identifiers.get(0))))));

		// A month sent again replaces its count: 1 + 4 after, shown, with the fall.
		send(force, List.of(row(key.pseudonym(FORCE, identifiers.get(1)), "2021-01", 4)));
		assertThat(cohort("2020 Q3")).isEqualTo(new RecordedCrimeCohort("2020 Q3", 6, false, 5, 15, 5));
		assertThat(cohort("2020 Q3").fall()).isEqualTo(10);
		send(force, List.of(row(key.pseudonym(FORCE, identifiers.get(1)), "2021-01", 6)));
		assertThat(cohort("2020 Q3").offencesAfter()).isEqualTo(7);

		// A cohort of four linked people shows nothing.
		var small = LocalDate.of(2020, 5, 20);
		for (int i = 0; i < 4; i++) {
			var identifier = "2020/" + (4_200_000 + i) + "R";
			links.link(enrolled(small), FORCE, identifier, nurse);
			send(force, List.of(row(key.pseudonym(FORCE, identifier), "2020-02", 30)));
		}
		assertThat(cohort("2020 Q2")).isEqualTo(new RecordedCrimeCohort("2020 Q2", 6, true, null, null, null));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM platform.audit_event WHERE action = 'HAT_RECORDED_CRIME_RECEIVED'
				""").query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void onlyAForceWithARecordedBasisSendsAndBadRowsAreRefusedWhole() throws Exception {
		basisWithTheForce();
		var good = row(key.pseudonym(FORCE, "2021/0000001A"), "2021-04", 1);
		// A force no clinic has a legal basis with: refused.
		mvc.perform(post("/api/hat/recorded-crime").with(user(sender("OTHER-FORCE-" + UUID.randomUUID())))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rows\":[" + good + "]}")).andExpect(status().isForbidden());
		// Clinic staff and police staff without the grant: refused.
		for (var account : List.of(staff("clinic"), staff("custody"))) {
			mvc.perform(post("/api/hat/recorded-crime").with(user(account))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rows\":[" + good + "]}")).andExpect(status().isForbidden());
		}
		// An identifier instead of a pseudonym, a future month, a negative count: 422,
		// nothing stored.
		var future = YearMonth.now().plusMonths(2).toString();
		mvc.perform(post("/api/hat/recorded-crime").with(user(sender(FORCE)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rows\":[" + good + "," + row("2021/0000002B", "2021-04", 1) + ","
					+ row(key.pseudonym(FORCE, "x1234"), future, 1) + ","
					+ row(key.pseudonym(FORCE, "x1235"), "2021-04", -1) + "]}"))
			.andExpect(status().is(422))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("rows[1].pseudonym")))
			.andExpect(content().string(containsString("rows[2].month")))
			.andExpect(content().string(containsString("rows[3].offences")));
		assertThat(jdbc.sql("SELECT count(*) FROM hatclinic.recorded_crime WHERE pseudonym = ?")
			.param(key.pseudonym(FORCE, "2021/0000001A"))
			.query(Long.class)
			.single()).isZero();
		// The legal-basis page: the manager sees the agreement and its basis; the police
		// may not open it.
		mvc.perform(get("/hat/crime-links").with(user(staff("prescriber"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Crime and Disorder Act 1998 s.115")));
		mvc.perform(get("/hat/crime-links").with(user(staff("custody")))).andExpect(status().isForbidden());
	}

}
