package org.harmwatch.overdose;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.analytics.AnalyticsManagement;
import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.analytics.internal.SpikeDetector;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Overdose incidents in through the partner API and the phone form, on the real database:
 * stored once per source reference, handed to the analytics engine and announced by
 * {@link OverdoseRecorded}; hostile input refused with a 4xx; the owner's health staff
 * see the person's code and point, police under an agreement only the area, anyone else
 * nothing; three overdoses in a ward within a day open an early-warning signal.
 */
@HarmwatchIntegrationTest
@RecordApplicationEvents
class OverdoseIntegrationTests {

	/** Ladywood, Birmingham: inside the region. */
	static final double LAT = 52.4797;

	static final double LON = -1.9027;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	SharingManagement sharing;

	@Autowired
	GeographyManagement geography;

	@Autowired
	SpikeDetector detector;

	@Autowired
	AnalyticsManagement analytics;

	@Autowired
	EarlyWarningManagement earlyWarning;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	HarmwatchUser staff(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

	static String json(Instant at, String reference, String extra) {
		return """
				{"occurredAt": "%s", "lat": %s, "lon": %s, "fatal": false, "sourceReference": "%s",
				 "naloxone": [{"givenBy": "PARAMEDIC", "holderAgencyCode": "WMAS", "doses": 2, "route": "NASAL"}],
				 "substances": ["heroin"], "personCode": "P-%s"%s}
				""".formatted(at, LAT, LON, reference, reference, extra);
	}

	@Test
	void thePartnerApiStoresAnIncidentOnceObservesItAndAnnouncesIt() throws Exception {
		var reference = "CAD-" + UUID.randomUUID();
		var at = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
		var body = mvc
			.perform(post("/api/overdose/incidents").with(as("paramedic"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(at, reference, "")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.created").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var id = UUID.fromString(JsonPath.read(body, "$.id"));

		// Sent again: the same incident, nothing new stored or announced.
		mvc.perform(post("/api/overdose/incidents").with(as("paramedic"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(at, reference, "")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id.toString()))
			.andExpect(jsonPath("$.created").value(false));
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.incident WHERE source_reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).isEqualTo(1);

		var stored = jdbc
			.sql("SELECT owner_agency, purpose, source, lad_code, area_level, substance_classes::text "
					+ "FROM overdose.incident WHERE id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.single();
		var lad = geography.lookup(LAT, LON).orElseThrow().lad().code();
		assertThat(stored.subList(0, 5)).containsExactly("WMAS", "HEALTH", "AMBULANCE", lad, "lsoa");
		assertThat(stored.get(5)).contains("OPIOID");

		// Counted once for all overdoses and once per class (one row carrying its
		// classes), at the point, tagged with the incident's source (an ambulance
		// call-out).
		assertThat(jdbc.sql("SELECT count(*) FROM analytics.observation WHERE source = 'overdose' AND source_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		var categories = jdbc
			.sql("SELECT category FROM analytics.observation_by_category WHERE source = 'overdose' "
					+ "AND (source_id = ? OR source_id LIKE ?) ORDER BY category")
			.params(id.toString(), id + ":%")
			.query(String.class)
			.list();
		assertThat(categories).contains("OVERDOSE", "OVERDOSE:OPIOID");
		assertThat(categories.stream().filter("OVERDOSE"::equals)).hasSize(1);
		assertThat(jdbc
			.sql("SELECT DISTINCT coalesce(tag, '-') FROM analytics.observation WHERE source = 'overdose' "
					+ "AND (source_id = ? OR source_id LIKE ?)")
			.params(id.toString(), id + ":%")
			.query(String.class)
			.list()).containsExactly("AMBULANCE");

		var announced = events.stream(OverdoseRecorded.class).filter(e -> e.incidentId().equals(id)).toList();
		assertThat(announced).hasSize(1);
		var event = announced.get(0);
		assertThat(event.occurredAt()).isEqualTo(at);
		assertThat(event.ladCode()).isEqualTo(lad);
		assertThat(event.fatal()).isFalse();
		assertThat(event.reportingAgencyCode()).isEqualTo("WMAS");
		assertThat(event.naloxone())
			.containsExactly(new NaloxoneAdministration(NaloxoneGiver.PARAMEDIC, "WMAS", 2, NaloxoneRoute.NASAL));
	}

	@Test
	void aSecondOverdoseOfTheSamePersonWithinAYearIsARepeat() {
		var paramedic = staff("paramedic");
		var code = "R-" + UUID.randomUUID();
		var first = Instant.now().minus(Duration.ofDays(300));
		var draft = new IncidentDraft(first, null, null, "B12", false, List.of(), null, null, null, null, List.of(),
				null, null, code);
		var one = overdoses.record(draft, paramedic, RecordedVia.API);
		var two = overdoses.record(new IncidentDraft(first.plus(Duration.ofDays(200)), null, null, "B12", false,
				List.of(), null, null, null, null, List.of(), null, null, code), paramedic, RecordedVia.API);
		var three = overdoses.record(new IncidentDraft(first.plus(Duration.ofDays(200)), null, null, "B12", false,
				List.of(), null, null, null, null, List.of(), null, null, "other-" + code), paramedic, RecordedVia.API);
		assertThat(overdoses.incident(one.id(), paramedic).repeatWithinYear()).isFalse();
		assertThat(overdoses.incident(two.id(), paramedic).repeatWithinYear()).isTrue();
		assertThat(overdoses.incident(three.id(), paramedic).repeatWithinYear()).isFalse();
		// A postcode district alone is kept, and nothing is observed where nothing is
		// known.
		assertThat(overdoses.incident(one.id(), paramedic).postcodeDistrict()).isEqualTo("B12");
		assertThat(jdbc.sql("SELECT count(*) FROM analytics.observation WHERE source = 'overdose' AND source_id = ?")
			.param(one.id().toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void thePhoneFormNeedsOnlyOdmapsFourFactsAndNamesWhatIsWrong() throws Exception {
		var zone = ZoneId.of("Europe/London");
		var when = LocalDateTime.now(zone).minusHours(30).truncatedTo(ChronoUnit.MINUTES);
		var ward = geography.areas(AreaLevel.WARD).get(3);
		var location = mvc
			.perform(post("/overdose/incidents").with(as("paramedic"))
				.with(csrf())
				.param("occurredAt", when.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
				.param("location", ward.code())
				.param("fatal", "false")
				.param("naloxoneDoses", "0"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/overdose/incidents/").endsWith("?recorded");
		mvc.perform(get(location).with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ward.name())));
		var id = UUID.fromString(location.substring("/overdose/incidents/".length(), location.indexOf('?')));
		assertThat(jdbc.sql("SELECT occurred_at FROM overdose.incident WHERE id = ?")
			.param(id)
			.query(Instant.class)
			.single()).isEqualTo(when.atZone(zone).toInstant());

		// Nothing filled in: each required fact named, 422.
		mvc.perform(post("/overdose/incidents").with(as("paramedic")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter when it happened")))
			.andExpect(content().string(containsString("Say whether the person died")))
			.andExpect(content().string(containsString("Enter how many doses of naloxone were given")));
		long before = jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single();
		// Hostile and wrong input: a clear 422 that names the field, nothing stored.
		for (var bad : List.of(new String[] { "location", "B1\u00002" },
				new String[] { "naloxoneDoses", "99999999999999" }, new String[] { "occurredAt", "yesterday" },
				new String[] { "lat", "north" }, new String[] { "location", "Atlantis" },
				new String[] { "outcome", "DIED" }, new String[] { "naloxoneDoses", "2" })) {
			var call = post("/overdose/incidents").with(as("paramedic"))
				.with(csrf())
				.param("occurredAt", when.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
				.param("location", "B12")
				.param("fatal", "false")
				.param("naloxoneDoses", "0");
			call.param(bad[0], bad[1]);
			// NUL is refused by the platform before the form (400); the rest by the form
			// (422).
			mvc.perform(call)
				.andExpect(bad[1].contains("\u0000") ? status().isBadRequest() : status().isUnprocessableContent());
		}
		mvc.perform(post("/overdose/incidents").with(as("paramedic"))
			.with(csrf())
			.param("occurredAt", LocalDateTime.now(zone).plusDays(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
			.param("location", "B12")
			.param("fatal", "true")
			.param("naloxoneDoses", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The time is in the future")));
		assertThat(jdbc.sql("SELECT count(*) FROM overdose.incident").query(Long.class).single()).isEqualTo(before);

		// The API answers bad input with problem+json naming the field.
		mvc.perform(post("/api/overdose/incidents").with(as("paramedic"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"occurredAt\": \"2026-01-01T10:00:00Z\", \"fatal\": true, \"location\": \"Atlantis\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("location"));
	}

	@Test
	void policeSeeAreasUnderAnAgreementNeverThePersonOrThePoint() throws Exception {
		var reference = "CAD-" + UUID.randomUUID();
		var at = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
		var body = mvc
			.perform(post("/api/overdose/incidents").with(as("paramedic"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(at, reference, "")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(body, "$.id");
		var personCode = "P-" + reference;

		// The owner's health staff: everything.
		mvc.perform(get("/api/overdose/incidents/{id}", id).with(as("paramedic")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.detailed").value(true))
			.andExpect(jsonPath("$.personCode").value(personCode))
			.andExpect(jsonPath("$.lat").value(LAT));
		// Police without an agreement: no such incident; nor in their list.
		mvc.perform(get("/api/overdose/incidents/{id}", id).with(as("constable"))).andExpect(status().isNotFound());
		mvc.perform(get("/overdose/incidents/{id}", id).with(as("constable"))).andExpect(status().isNotFound());
		// The list filtered to the incident's day and district, so other tests' newer
		// incidents cannot push it off the first page.
		var day = LocalDate.ofInstant(at, ZoneId.of("Europe/London")).toString();
		mvc.perform(get("/overdose/incidents").param("from", day)
			.param("to", day)
			.param("ladCode", "E08000025")
			.with(as("constable"))).andExpect(status().isOk()).andExpect(content().string(not(containsString(id))));

		var agreement = sharing.record(
				new SharingManagement.Draft("DSA-OD-" + reference, "WMAS", "WMP", Capability.OVERDOSE, Action.READ,
						Purpose.POLICING, "Crime and Disorder Act 1998 s.17", LocalDate.now().minusDays(1), null),
				"admin");
		try {
			mvc.perform(get("/api/overdose/incidents/{id}", id).with(as("constable")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.detailed").value(false))
				.andExpect(jsonPath("$.areaCode").isNotEmpty())
				.andExpect(jsonPath("$.fatal").value(false))
				.andExpect(jsonPath("$.personCode").doesNotExist())
				.andExpect(jsonPath("$.lat").doesNotExist())
				.andExpect(jsonPath("$.lon").doesNotExist())
				.andExpect(jsonPath("$.ageBand").doesNotExist())
				.andExpect(content().string(not(containsString(personCode))));
			mvc.perform(get("/overdose/incidents/{id}", id).with(as("constable")))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(personCode))))
				.andExpect(content().string(not(containsString(String.valueOf(LAT)))));
			mvc.perform(get("/overdose/incidents").param("from", day)
				.param("to", day)
				.param("ladCode", "E08000025")
				.with(as("constable")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(id)))
				.andExpect(content().string(not(containsString(personCode))));
			// Reads and refusals are audited.
			assertThat(jdbc
				.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'OVERDOSE_VIEWED' "
						+ "AND record_id = ? AND actor = 'constable'")
				.param(id)
				.query(Long.class)
				.single()).isPositive();
			assertThat(jdbc
				.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'OVERDOSE_REFUSED' "
						+ "AND record_id = ? AND actor = 'constable'")
				.param(id)
				.query(Long.class)
				.single()).isPositive();
		}
		finally {
			sharing.end(agreement.id(), "admin");
		}
		mvc.perform(get("/api/overdose/incidents/{id}", id).with(as("constable"))).andExpect(status().isNotFound());
		// The coordinator of another agency: nothing without an agreement.
		mvc.perform(get("/api/overdose/incidents/{id}", id).with(as("coordinator"))).andExpect(status().isNotFound());
	}

	@Test
	void threeOverdosesInAWardWithinADayOpenAnEarlyWarningSignal() {
		var paramedic = staff("paramedic");
		var wards = geography.areas(AreaLevel.WARD);
		var ward = wards.get(wards.size() - 2);
		var now = Instant.now();
		for (int i = 0; i < 3; i++) {
			overdoses.record(IncidentDraft.minimal(now.minus(Duration.ofHours(5 - i)), null, null, ward.code(), false,
					List.of()), paramedic, RecordedVia.API);
		}
		var counted = geography.lookup(ward.centroid().lat(), ward.centroid().lon()).orElseThrow().ward().code();
		detector.detect(now);
		var spike = analytics.recentSpikes(500)
			.stream()
			.filter(s -> s.category().equals("OVERDOSE") && s.areaCode().equals(counted))
			.findFirst();
		assertThat(spike).isPresent();
		assertThat(spike.map(SpikeDetected::observed).orElseThrow()).isGreaterThanOrEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> earlyWarning.signalOf(EvidenceKind.SPIKE, spike.get().id()).isPresent());
	}

}
