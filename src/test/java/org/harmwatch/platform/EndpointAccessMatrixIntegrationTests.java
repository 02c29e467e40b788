package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint against every role: who may call it and who may not.
 *
 * <p>
 * The expectations are written out by hand, one line per endpoint, so that a change of
 * access is a visible change to this table. An endpoint without a line fails the test:
 * whoever adds one must decide who may call it.
 */
@HarmwatchIntegrationTest
class EndpointAccessMatrixIntegrationTests {

	/** Who may call an endpoint. */
	sealed interface Access permits Public, SignedIn, Roles {

	}

	record Public() implements Access {
	}

	record SignedIn() implements Access {
	}

	record Roles(Set<String> names) implements Access {
	}

	static final Access PUBLIC = new Public();

	static final Access SIGNED_IN = new SignedIn();

	static Access only(String... roles) {
		return new Roles(Set.of(roles));
	}

	/** The demo user holding each role. */
	static final Map<String, String> USERS = Map.ofEntries(Map.entry("ADMINISTRATOR", "admin"),
			Map.entry("AUDITOR", "auditor"), Map.entry("EARLY_WARNING_COORDINATOR", "coordinator"),
			Map.entry("PANEL_MEMBER", "panel"), Map.entry("FRONTLINE_WORKER", "frontline"),
			Map.entry("DRUG_CHECKING_ANALYST", "analyst"), Map.entry("CUSTODY_OFFICER", "custody"),
			Map.entry("DIVERSION_NAVIGATOR", "navigator"), Map.entry("CLINIC_STAFF", "clinic"),
			Map.entry("NALOXONE_LEAD", "naloxone"), Map.entry("FINANCIAL_INVESTIGATOR", "investigator"),
			Map.entry("PROGRAMME_ANALYST", "commissioner"), Map.entry("OVERDOSE_RECORDER", "paramedic"),
			Map.entry("POLICE_OVERDOSE_RECORDER", "constable"), Map.entry("CJ_TREATMENT_WORKER", "cjit"),
			Map.entry("HAT_PRESCRIBER", "prescriber"), Map.entry("NEEDLE_SWEEPER", "sweeper"),
			Map.entry("RECORDED_CRIME_SENDER", "crimedata"));

	static final Map<String, Access> EXPECTED = new LinkedHashMap<>();

	static {
		// platform
		EXPECTED.put("GET /", PUBLIC);
		EXPECTED.put("GET /login", PUBLIC);
		EXPECTED.put("GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS /error", PUBLIC);
		EXPECTED.put("GET /api/me", SIGNED_IN);
		EXPECTED.put("GET /audit", only("AUDITOR"));
		EXPECTED.put("POST /audit/verify", only("AUDITOR"));
		// geography: published open data
		EXPECTED.put("GET /map", PUBLIC);
		EXPECTED.put("GET /api/areas/lookup", PUBLIC);
		EXPECTED.put("GET /api/areas/{level}", PUBLIC);

		// overdose: recorders of both purposes record; the coordinator reads (areas, or
		// what
		// is shared); imports are for health staff
		EXPECTED.put("GET /overdose/incidents",
				only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER", "EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /overdose/map",
				only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER", "EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /api/overdose/map",
				only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER", "EARLY_WARNING_COORDINATOR"));
		// situational awareness: whoever reads early warning or overdoses; each source's
		// own policy then decides what they get
		EXPECTED.put("GET /awareness",
				only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER", "OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER"));
		EXPECTED.put("GET /api/awareness",
				only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER", "OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER"));
		EXPECTED.put("GET /overdose/deaths",
				only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER", "EARLY_WARNING_COORDINATOR"));
		// the daily surveillance run: areas and counts for whoever reads overdoses or
		// analytics; analysts run it on demand
		EXPECTED.put("GET /overdose/surveillance", only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER",
				"EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));
		EXPECTED.put("POST /overdose/surveillance/runs", only("EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));
		EXPECTED.put("POST /api/overdose/deaths", only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER"));
		EXPECTED.put("GET /overdose/incidents/new", only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER"));
		EXPECTED.put("POST /overdose/incidents", only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER"));
		EXPECTED.put("GET /overdose/incidents/{id}",
				only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER", "EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /api/overdose/incidents", only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER"));
		EXPECTED.put("GET /api/overdose/incidents/{id}",
				only("OVERDOSE_RECORDER", "POLICE_OVERDOSE_RECORDER", "EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /overdose/imports/new", only("OVERDOSE_RECORDER"));
		EXPECTED.put("POST /overdose/imports", only("OVERDOSE_RECORDER"));
		EXPECTED.put("GET /overdose/imports/{id}", only("OVERDOSE_RECORDER"));
		EXPECTED.put("POST /overdose/imports/{id}", only("OVERDOSE_RECORDER"));
		EXPECTED.put("GET /api/overdose/imports/{id}", only("OVERDOSE_RECORDER"));
		EXPECTED.put("GET /overdose/statistics", PUBLIC);
		EXPECTED.put("GET /overdose/statistics.csv", PUBLIC);
		EXPECTED.put("GET /overdose/statistics.json", PUBLIC);
		EXPECTED.put("GET /overdose/statistics/map", PUBLIC);

		// consumption rooms: needle reports are public to send and to follow (Open311);
		// each council's staff sweep their own; the commissioner reads recording quality
		EXPECTED.put("GET /needles/report", PUBLIC);
		EXPECTED.put("POST /needles/report", PUBLIC);
		EXPECTED.put("GET /needles", only("NEEDLE_SWEEPER"));
		EXPECTED.put("GET /needles/reports/{id}", only("NEEDLE_SWEEPER"));
		EXPECTED.put("POST /needles/reports/{id}/sweeps", only("NEEDLE_SWEEPER"));
		EXPECTED.put("GET /needles/reports/{id}/photo", only("NEEDLE_SWEEPER"));
		EXPECTED.put("GET /needles/quality", only("NEEDLE_SWEEPER", "PROGRAMME_ANALYST"));
		// which council answers for each district: set up by administrators
		EXPECTED.put("GET /needles/councils", only("ADMINISTRATOR"));
		EXPECTED.put("POST /needles/councils", only("ADMINISTRATOR"));
		EXPECTED.put("GET /rooms", only("CLINIC_STAFF"));
		EXPECTED.put("GET /rooms/visits/new", only("CLINIC_STAFF"));
		EXPECTED.put("POST /rooms/visits", only("CLINIC_STAFF"));
		EXPECTED.put("GET /rooms/visits/{id}", only("CLINIC_STAFF"));
		EXPECTED.put("POST /rooms/visits/{id}/overdoses", only("CLINIC_STAFF"));
		EXPECTED.put("POST /rooms/visits/{id}/referrals", only("CLINIC_STAFF"));
		EXPECTED.put("POST /rooms/referrals/{id}/outcome", only("CLINIC_STAFF"));
		EXPECTED.put("GET /rooms/report", only("CLINIC_STAFF"));
		// needle maps: wards with small counts withheld for anyone; the heatmap and
		// hotspots for councils and the commissioner; a room's evaluation and the siting
		// view for the room's staff and the commissioner
		EXPECTED.put("GET /needles/public-map", PUBLIC);
		EXPECTED.put("GET /needles/public-map.csv", PUBLIC);
		EXPECTED.put("GET /needles/maps", only("NEEDLE_SWEEPER", "PROGRAMME_ANALYST"));
		EXPECTED.put("GET /rooms/evaluation", only("CLINIC_STAFF", "PROGRAMME_ANALYST"));
		EXPECTED.put("GET /rooms/siting", only("CLINIC_STAFF", "PROGRAMME_ANALYST"));
		EXPECTED.put("GET /open311/v2/services.json", PUBLIC);
		EXPECTED.put("GET /open311/v2/services.xml", PUBLIC);
		EXPECTED.put("GET /open311/v2/requests.json", PUBLIC);
		EXPECTED.put("GET /open311/v2/requests.xml", PUBLIC);
		EXPECTED.put("POST /open311/v2/requests.json", PUBLIC);
		EXPECTED.put("POST /open311/v2/requests.xml", PUBLIC);
		EXPECTED.put("GET /open311/v2/requests/{id}.json", PUBLIC);
		EXPECTED.put("GET /open311/v2/requests/{id}.xml", PUBLIC);

		// analytics: aggregates for the early-warning coordinator and the commissioner's
		// analysts
		EXPECTED.put("POST /api/analytics/hotspots", only("EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));
		EXPECTED.put("POST /api/analytics/heatmap", only("EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));
		EXPECTED.put("POST /api/analytics/alarms", only("EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));
		EXPECTED.put("POST /api/analytics/scan", only("EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));
		EXPECTED.put("GET /api/analytics/spikes", only("EARLY_WARNING_COORDINATOR", "PROGRAMME_ANALYST"));

		// agency: administration pages; auditors may look, only administrators change
		EXPECTED.put("GET /admin", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/agencies", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/agencies/new", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/agencies/new", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/agencies/{code}/edit", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/agencies/{code}/edit", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/staff", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/staff/{id}", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/staff/new", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/staff/new", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/staff/{id}/edit", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/staff/{id}/edit", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/staff/{id}/unlock", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/staff/{id}/password", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/staff/{id}/password", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/roles", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/roles/new", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/roles/new", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/roles/{name}/edit", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/roles/{name}/edit", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/api-clients", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/api-clients/new", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/api-clients/new", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/api-clients/{id}/revoke", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/api-clients/{id}/revoke", only("ADMINISTRATOR"));
		EXPECTED.put("GET /admin/sharing", only("ADMINISTRATOR", "AUDITOR"));
		EXPECTED.put("GET /admin/sharing/new", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/sharing/new", only("ADMINISTRATOR"));
		EXPECTED.put("POST /admin/sharing/{id}/end", only("ADMINISTRATOR"));

		// substances: the vocabulary is not personal data and every report form needs it,
		// so anyone signed in reads
		// it; only holders of SUBSTANCES:MANAGE (the early-warning coordinator) change it
		EXPECTED.put("GET /substances", SIGNED_IN);
		EXPECTED.put("GET /substances/{code}", SIGNED_IN);
		EXPECTED.put("GET /substances/export", SIGNED_IN);
		EXPECTED.put("GET /substances/new", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /substances", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /substances/{code}/edit", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /substances/{code}", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /substances/import", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /substances/import", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /substances/imports/{id}", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /substances/imports/{id}/confirm", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /api/substances/imports/{id}", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /api/substances", SIGNED_IN);
		EXPECTED.put("GET /api/substances/resolve", SIGNED_IN);
		EXPECTED.put("GET /api/substances/{code}", SIGNED_IN);

		// early warning: frontline staff and the coordinator report; the coordinator and
		// panel read reports and
		// signals; only the coordinator decides; anyone may report anonymously (no
		// personal data kept)
		EXPECTED.put("GET /early-warning/reports/new", only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		EXPECTED.put("GET /early-warning/reports/mine", only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		EXPECTED.put("POST /early-warning/reports", only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		EXPECTED.put("GET /early-warning/reports", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/reports/{id}", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/reports/{id}/attachments/{attachmentId}",
				only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("POST /api/early-warning/reports", only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		EXPECTED.put("GET /api/early-warning/reports/{id}", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /report", PUBLIC);
		EXPECTED.put("POST /report", PUBLIC);
		EXPECTED.put("GET /early-warning/signals", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/signals/{id}", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("POST /early-warning/signals/{id}/decision", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/signals/{id}/case", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/signals/{id}/links", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/signals/{id}/questions", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/signals/{id}/merge", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /early-warning/questions", only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		EXPECTED.put("GET /early-warning/questions/{id}", only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		EXPECTED.put("POST /early-warning/questions/{id}/answer",
				only("EARLY_WARNING_COORDINATOR", "FRONTLINE_WORKER"));
		// neighbouring regions' alerts: the coordinator and panel read them, only the
		// coordinator reviews
		EXPECTED.put("GET /early-warning/external-alerts", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/external-alerts/{id}", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("POST /early-warning/external-alerts/{id}/review", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /early-warning/measures", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /programme/funding", only("PROGRAMME_ANALYST"));
		EXPECTED.put("GET /programme/funding/audit", only("PROGRAMME_ANALYST"));
		EXPECTED.put("GET /programme/funding/pooling", only("PROGRAMME_ANALYST"));
		EXPECTED.put("GET /programme/funding/streams/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("POST /programme/funding/streams/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("GET /programme/funding/amounts/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("POST /programme/funding/amounts/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("GET /programme/funding/services/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("POST /programme/funding/services/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("GET /programme/funding/allocations/new", only("PROGRAMME_ANALYST"));
		EXPECTED.put("POST /programme/funding/allocations/new", only("PROGRAMME_ANALYST"));
		// early warning, the expert panel: holders of EARLY_WARNING:APPROVE (panel
		// members and the coordinator) grade;
		// only the coordinator records the outcome; corroboration and the round of
		// grading are read like signals
		EXPECTED.put("GET /early-warning/panel", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/signals/{id}/corroboration",
				only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/signals/{id}/panel", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/signals/{id}/grade", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("POST /early-warning/signals/{id}/grade", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("POST /early-warning/signals/{id}/outcome", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /api/early-warning/signals/{id}/grades", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("POST /api/early-warning/signals/{id}/outcome", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /api/early-warning/signals/{id}/panel", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		// alerts: the coordinator drafts, updates and cancels; panel members and the
		// coordinator approve (never their
		// own draft); both read; the public sees issued public alerts, their CAP and the
		// feeds, nothing else
		EXPECTED.put("GET /early-warning/alerts", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/alerts/{id}", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/signals/{id}/alerts/new", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/signals/{id}/alerts", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /early-warning/alerts/{id}/update", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/alerts/{id}/update", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/alerts/{id}/cancel", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/alerts/{id}/approve", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/alerts/{id}/edit", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/alerts/{id}/edit", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/alerts/{id}/withdraw", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /early-warning/alerts/{id}/return", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/alerts/{id}/cap", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/alerts/{id}/poster.pdf", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /early-warning/alerts/{id}/briefing.pdf", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /api/early-warning/alerts", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /api/early-warning/alerts/{reference}", only("EARLY_WARNING_COORDINATOR", "PANEL_MEMBER"));
		EXPECTED.put("GET /alerts", PUBLIC);
		EXPECTED.put("GET /alerts/{reference}", PUBLIC);
		EXPECTED.put("GET /alerts/{reference}.cap", PUBLIC);
		EXPECTED.put("GET /alerts/{reference}/poster.pdf", PUBLIC);
		EXPECTED.put("GET /alerts/{reference}/briefing.pdf", PUBLIC);
		EXPECTED.put("GET /alerts/archive", PUBLIC);
		EXPECTED.put("GET /alerts/feed.atom", PUBLIC);
		EXPECTED.put("GET /alerts/cap.atom", PUBLIC);
		// drug checking: the analyst's sessions, intake, results and advice; police roles
		// hold no drug-checking
		// grants (and a policing reader would still get no results of a
		// not-for-law-enforcement session); anyone may
		// look up a result by its code, rate-limited
		EXPECTED.put("GET /drug-checking/sessions", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/sessions/new", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/sessions", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/sessions/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/sessions/{id}/results.csv", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/sessions/{id}/samples/new", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/sessions/{id}/samples", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/samples/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/samples/{id}/label", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/samples/{id}/qr.svg", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/samples/{id}/results", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/samples/{id}/consultation", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/results/{id}/spectra", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/spectra/{id}", only("DRUG_CHECKING_ANALYST"));
		// photos of samples: the analyst adds and deletes them; readers see them under
		// the sample's licence conditions
		EXPECTED.put("POST /drug-checking/samples/{id}/photos", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/samples/{id}/photos/{photoId}/delete", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/photos/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/sessions/{id}/import", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/sessions/{id}/import/upload", only("DRUG_CHECKING_ANALYST"));
		// a CSV import job: only its uploader sees it (anyone else with the role gets
		// 404)
		EXPECTED.put("GET /drug-checking/imports/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /drug-checking/imports/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /api/drug-checking/imports/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/results", PUBLIC);
		EXPECTED.put("POST /drug-checking/results", PUBLIC);
		EXPECTED.put("GET /drug-checking/board", PUBLIC);
		EXPECTED.put("GET /drug-checking/board.csv", PUBLIC);
		EXPECTED.put("GET /drug-checking/board.json", PUBLIC);
		// a sample's photo on the board: public, but not found unless the sample is on
		// the board and its licence allows
		EXPECTED.put("GET /drug-checking/board/photos/{id}", PUBLIC);
		EXPECTED.put("GET /api/public/drug-checking/results", PUBLIC);
		EXPECTED.put("GET /drug-checking/statistics", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /api/drug-checking/sessions", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /api/drug-checking/sessions", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /api/drug-checking/sessions/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /api/drug-checking/sessions/{id}/results", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /api/drug-checking/sessions/{id}/samples", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /api/drug-checking/samples/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /api/drug-checking/samples/{id}/results", only("DRUG_CHECKING_ANALYST"));
		// drug checking's offline field mode: the page and the sync are the analyst's;
		// the service worker and manifest
		// are static code and names, public so that the browser can fetch them without
		// credentials
		EXPECTED.put("GET /drug-checking/field/{id}", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("GET /drug-checking/field/sw.js", PUBLIC);
		EXPECTED.put("GET /drug-checking/field/{id}/manifest.webmanifest", PUBLIC);
		EXPECTED.put("POST /api/drug-checking/sync", only("DRUG_CHECKING_ANALYST"));
		EXPECTED.put("POST /api/drug-checking/sessions/{id}/code-blocks", only("DRUG_CHECKING_ANALYST"));

		// custody testing: the custody officer's arrests, tests, assessments, referrals
		// and export (police staff only, whatever a health role holds); the treatment
		// team's referrals and answers; the funnel for everyone (counts under 5 withheld
		// unless the reader may read the records)
		EXPECTED.put("GET /custody-testing", only("CUSTODY_OFFICER", "CJ_TREATMENT_WORKER"));
		EXPECTED.put("GET /custody-testing/arrests", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/arrests/new", only("CUSTODY_OFFICER"));
		EXPECTED.put("POST /custody-testing/arrests", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/arrests/{id}", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/arrests/{id}/retest", only("CUSTODY_OFFICER"));
		EXPECTED.put("POST /custody-testing/arrests/{id}/retest", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/arrests/{id}/assessments/{assessmentId}", only("CUSTODY_OFFICER"));
		EXPECTED.put("POST /custody-testing/arrests/{id}/assessments/{assessmentId}", only("CUSTODY_OFFICER"));
		EXPECTED.put("POST /custody-testing/arrests/{id}/follow-up", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/arrests/{id}/referral", only("CUSTODY_OFFICER"));
		EXPECTED.put("POST /custody-testing/arrests/{id}/referral", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/export.csv", only("CUSTODY_OFFICER"));
		EXPECTED.put("GET /custody-testing/referrals", only("CJ_TREATMENT_WORKER"));
		EXPECTED.put("GET /custody-testing/referrals/{id}", only("CJ_TREATMENT_WORKER"));
		EXPECTED.put("POST /custody-testing/referrals/{id}", only("CJ_TREATMENT_WORKER"));
		EXPECTED.put("GET /custody-testing/referrals/{id}/hat", only("CJ_TREATMENT_WORKER"));
		EXPECTED.put("POST /custody-testing/referrals/{id}/hat", only("CJ_TREATMENT_WORKER"));
		EXPECTED.put("GET /custody-testing/funnel", PUBLIC);
		EXPECTED.put("GET /api/custody-testing/funnel", PUBLIC);

		// diversion: the navigator (police) runs schemes, referrals, contracts and the
		// reports; treatment staff only report attendance against a link
		EXPECTED.put("GET /diversion", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/schemes/new", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/schemes", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/schemes/{id}", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/referrals/new", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/referrals/{id}", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/allocation", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/contract", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/links", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/sessions", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/conditions", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/decisions", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/completion", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/outcomes", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("POST /diversion/referrals/{id}/survey", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/outcomes", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/fairness", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /api/diversion/outcomes", only("DIVERSION_NAVIGATOR"));
		EXPECTED.put("GET /diversion/attendance", only("CLINIC_STAFF"));
		EXPECTED.put("POST /diversion/attendance", only("CLINIC_STAFF"));
		EXPECTED.put("POST /api/diversion/attendance", only("CLINIC_STAFF"));
		EXPECTED.put("GET /diversion/hat-referral", only("CLINIC_STAFF"));
		EXPECTED.put("POST /diversion/hat-referral", only("CLINIC_STAFF"));

		// naloxone: the kit ledger, training, administrations and figures are the
		// naloxone lead's; the finder and its open data are public
		EXPECTED.put("GET /naloxone", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/holders/new", only("NALOXONE_LEAD"));
		EXPECTED.put("POST /naloxone/holders/new", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/movements/new", only("NALOXONE_LEAD"));
		EXPECTED.put("POST /naloxone/movements/new", only("NALOXONE_LEAD"));
		EXPECTED.put("POST /naloxone/tasks/{id}/done", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/training/new", only("NALOXONE_LEAD"));
		EXPECTED.put("POST /naloxone/training/new", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/administrations/new", only("NALOXONE_LEAD"));
		EXPECTED.put("POST /naloxone/administrations/new", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/figures", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/points", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/leavers/new", only("NALOXONE_LEAD"));
		EXPECTED.put("POST /naloxone/leavers/new", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/coverage", only("NALOXONE_LEAD"));
		EXPECTED.put("GET /naloxone/finder", PUBLIC);
		// hatclinic: clinic staff and prescribers of the clinic's agency; prescribing and
		// unit costs only prescribers; the published outcomes are aggregates for everyone
		EXPECTED.put("GET /hat", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/referrals/new", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/referrals", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/referrals/{id}", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/referrals/{id}/assessment", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/referrals/{id}/enrol", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/patients/{id}", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/patients/{id}/prescriptions/new", only("HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/patients/{id}/prescriptions", only("HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/patients/{id}/outcomes/new", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/patients/{id}/outcomes", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/patients/{id}/end", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/patients/{id}/end", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/reviews/{id}/close", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/session", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/session/doses", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/licences", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/licences", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/costs", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/costs/{code}", only("HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/outcomes", PUBLIC);
		// The recorded-crime link: managers record the legal basis, clinic staff link a
		// client; a force's sender
		// (demo user crimedata) posts counts and reads nothing back.
		EXPECTED.put("GET /hat/crime-links", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/crime-links", only("HAT_PRESCRIBER"));
		EXPECTED.put("GET /hat/patients/{id}/crime-link", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /hat/patients/{id}/crime-link", only("CLINIC_STAFF", "HAT_PRESCRIBER"));
		EXPECTED.put("POST /api/hat/recorded-crime", only("RECORDED_CRIME_SENDER"));
		EXPECTED.put("GET /naloxone/finder.csv", PUBLIC);
		EXPECTED.put("GET /naloxone/finder.json", PUBLIC);

		// dissemination: the public subscribe, confirm and unsubscribe (double opt-in,
		// rate-limited, tokens in links);
		// recipients acknowledge and give feedback through their own unguessable links;
		// the coordinator reads the
		// delivery log; the coordinator and administrators manage professional and
		// webhook subscriptions
		EXPECTED.put("GET /subscribe", PUBLIC);
		EXPECTED.put("POST /subscribe", PUBLIC);
		EXPECTED.put("GET /subscribe/confirm/{token}", PUBLIC);
		EXPECTED.put("POST /subscribe/confirm/{token}", PUBLIC);
		EXPECTED.put("GET /unsubscribe/{token}", PUBLIC);
		EXPECTED.put("POST /unsubscribe/{token}", PUBLIC);
		EXPECTED.put("GET /acknowledge/{token}", PUBLIC);
		EXPECTED.put("POST /acknowledge/{token}", PUBLIC);
		EXPECTED.put("GET /feedback/{token}", PUBLIC);
		EXPECTED.put("POST /feedback/{token}", PUBLIC);
		EXPECTED.put("GET /dissemination", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /dissemination/alerts/{id}", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("POST /dissemination/alerts/{id}/retry", only("EARLY_WARNING_COORDINATOR"));
		EXPECTED.put("GET /dissemination/subscriptions", only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		EXPECTED.put("GET /dissemination/cascade-leads", only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		EXPECTED.put("POST /dissemination/cascade-leads", only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		EXPECTED.put("POST /dissemination/cascade-leads/{agencyCode}/remove",
				only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		EXPECTED.put("POST /dissemination/subscriptions/professional",
				only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		EXPECTED.put("POST /dissemination/subscriptions/webhook", only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		EXPECTED.put("POST /dissemination/subscriptions/{id}/remove",
				only("EARLY_WARNING_COORDINATOR", "ADMINISTRATOR"));
		// dissemination: every member of staff's alerts inbox (which alert each may read
		// is
		// the module's access policy's to say)
		EXPECTED.put("GET /inbox", SIGNED_IN);
		EXPECTED.put("GET /inbox/alerts/{reference}", SIGNED_IN);
	}

	/**
	 * Values for path variables: well-formed, but naming nothing, so no call changes
	 * anything.
	 */
	static final Map<String, String> PATH_VALUES = Map.of("id", UUID.randomUUID().toString(), "code", "NO-SUCH-CODE",
			"name", "NO_SUCH_NAME", "level", "lad");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	record Endpoint(String key, List<HttpMethod> methods, String path) {
	}

	List<Endpoint> endpoints() {
		var result = new ArrayList<Endpoint>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.harmwatch")) {
				return;
			}
			var declared = info.getMethodsCondition().getMethods();
			var methods = declared.isEmpty() ? List.of(RequestMethod.values()) : List.copyOf(declared);
			var names = new TreeSet<String>(methods.stream().map(Enum::name).toList());
			for (var pattern : info.getPatternValues()) {
				var ordered = new ArrayList<String>();
				for (var m : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE")) {
					if (names.contains(m) && !m.equals("TRACE")) {
						ordered.add(m);
					}
				}
				result.add(new Endpoint(String.join("|", ordered) + " " + pattern,
						ordered.stream().map(HttpMethod::valueOf).toList(), pattern));
			}
		});
		return result;
	}

	@Test
	void everyEndpointHasAnExpectation() {
		var keys = endpoints().stream().map(Endpoint::key).toList();
		assertThat(keys).as("endpoints without a line in EXPECTED: decide who may call them")
			.allMatch(EXPECTED::containsKey);
		assertThat(EXPECTED.keySet()).as("lines in EXPECTED for endpoints that no longer exist")
			.allMatch(keys::contains);
	}

	@Test
	void everyRoleGetsExactlyTheAccessExpected() throws Exception {
		var failures = new ArrayList<String>();
		for (var endpoint : endpoints()) {
			var expected = EXPECTED.get(endpoint.key());
			if (expected == null) {
				continue; // reported by everyEndpointHasAnExpectation
			}
			var path = concrete(endpoint.path());
			for (var method : endpoint.methods()) {
				check(failures, endpoint, method, path, null, expected instanceof Public);
				for (var role : USERS.entrySet()) {
					boolean allowed = switch (expected) {
						case Public p -> true;
						case SignedIn s -> true;
						case Roles r -> r.names().contains(role.getKey());
					};
					check(failures, endpoint, method, path, role.getValue(), allowed);
				}
			}
		}
		assertThat(failures).as("access that differs from the table").isEmpty();
	}

	/**
	 * Bad input to every endpoint, sent by someone allowed to call it, is a clear 4xx:
	 * malformed path variables, JSON that does not parse, and form fields with nonsense
	 * in them. Never a 5xx, never a stack trace.
	 */
	@Test
	void badInputToEveryEndpointIsAClear4xx() throws Exception {
		var failures = new ArrayList<String>();
		int client = 0;
		for (var endpoint : endpoints()) {
			var expected = EXPECTED.get(endpoint.key());
			if (expected == null || endpoint.key().endsWith(" /error")) {
				continue;
			}
			var username = switch (expected) {
				case Public p -> null;
				case SignedIn s -> "coordinator";
				case Roles r -> USERS.get(r.names().iterator().next());
			};
			var badPath = endpoint.path().replaceAll("\\{[^}]+}", "not a valid id'");
			for (var method : endpoint.methods()) {
				var calls = new ArrayList<MockHttpServletRequestBuilder>();
				calls.add(request(method, badPath));
				if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
					calls.add(request(method, concrete(endpoint.path())).contentType("application/json")
						.content("{not json"));
					calls.add(request(method, concrete(endpoint.path())).contentType("application/json")
						.content("{\"page\": \"x\", \"lat\": [], \"id\": {}}"));
					calls.add(request(method, concrete(endpoint.path())).param("page", "-1")
						.param("days", "abc")
						.param("lat", "north")
						.param("occurredAt", "yesterday")
						.param("ladCode", "E99999999")
						.param("outcome", "EVERYTHING"));
				}
				else {
					calls.add(request(method, concrete(endpoint.path())).param("page", "-7")
						.param("days", "abc")
						.param("status", "NOT_A_STATUS")
						.param("from", "not a date"));
				}
				for (var call : calls) {
					var address = "198.51.100." + (client++ % 250 + 1); // a fresh client
																		// for each call:
																		// no rate limit
					call = call.with(csrf()).with(r -> {
						r.setRemoteAddr(address);
						return r;
					});
					if (username != null) {
						call = call.with(user(users.loadUserByUsername(username)));
					}
					var response = mvc.perform(call).andReturn().getResponse();
					var body = response.getContentAsString();
					var who = username == null ? "anonymous" : username;
					if (response.getStatus() >= 500) {
						failures.add(who + " broke " + method + " " + endpoint.path() + " with bad input ("
								+ response.getStatus() + ")");
					}
					if (body.contains("Exception") || body.contains("\tat org.") || body.contains("at java.")) {
						failures.add(who + " saw a stack trace from " + method + " " + endpoint.path());
					}
				}
			}
		}
		assertThat(failures).as("endpoints that do not answer bad input with a clear 4xx").isEmpty();
	}

	private void check(List<String> failures, Endpoint endpoint, HttpMethod method, String path, String username,
			boolean allowed) throws Exception {
		MockHttpServletRequestBuilder call = request(method, path).with(csrf());
		if (username != null) {
			call = call.with(user(users.loadUserByUsername(username)));
		}
		var response = mvc.perform(call).andReturn().getResponse();
		int status = response.getStatus();
		boolean denied = username == null
				? status == 401 || (status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login"))
				: status == 403;
		var who = username == null ? "anonymous" : username;
		if (allowed && denied) {
			failures.add(who + " was refused " + method + " " + path + " (" + status + ")");
		}
		if (!allowed && !denied) {
			failures.add(who + " was let through to " + method + " " + path + " (" + status + ")");
		}
		if (allowed && status >= 500 && !endpoint.key().endsWith(" /error")) {
			failures.add(who + " broke " + method + " " + path + " (" + status + ")");
		}
	}

	static String concrete(String pattern) {
		Matcher matcher = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
		var result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, PATH_VALUES.getOrDefault(matcher.group(1), "x"));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
