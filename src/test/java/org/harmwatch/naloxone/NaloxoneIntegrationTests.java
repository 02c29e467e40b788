package org.harmwatch.naloxone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.naloxone.internal.NaloxoneWork;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The kit ledger, the figures and the finder on the real database: stock is the sum of
 * the movements and never goes below zero, expired kits do not go out, supplies to people
 * are seen only by health staff of an agency whose ledger it is (or that shares it), the
 * programme's figures are answered from recorded data, and the public finder lists only
 * what its holders chose to publish, the same on the page and in its downloads.
 */
@HarmwatchIntegrationTest
class NaloxoneIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KitLedgerManagement ledger;

	@Autowired
	TrainingManagement training;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	SharingManagement sharing;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NaloxoneWork work;

	final JsonMapper json = JsonMapper.builder().build();

	String mark;

	HarmwatchUser lead;

	@BeforeEach
	void setUp() {
		mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		lead = (HarmwatchUser) users.loadUserByUsername("naloxone");
	}

	UUID holder(HarmwatchUser user, HolderKind kind, String name, boolean listed) {
		return ledger.addHolder(user,
				new HolderDraft(kind, name + " " + mark, null, listed ? "E08000025" : null,
						listed ? "1 Test Street" : null, listed ? "B1 1AA" : null,
						listed ? "Mon to Fri 9am to 5pm" : null, listed, listed));
	}

	MovementDraft receive(UUID to, String batch, LocalDate expires, int kits, LocalDate on) {
		return new MovementDraft(MovementKind.RECEIVED, "NYXOID", batch, expires, null, to, kits, on, null, null, null,
				null);
	}

	MovementDraft supply(UUID from, String batch, int kits, LocalDate on, String client, ReleasePoint point) {
		return new MovementDraft(MovementKind.SUPPLIED, "NYXOID", batch, null, from, null, kits, on, client,
				SupplyType.FIRST, null, point);
	}

	long kits(Ledger view, UUID holder) {
		return view.stock().stream().filter(s -> s.holderId().equals(holder)).mapToLong(Ledger.StockLine::kits).sum();
	}

	long movements() {
		return jdbc.sql("SELECT count(*) FROM naloxone.movement").query(Long.class).single();
	}

	@Test
	void stockIsTheSumOfTheLedgerAndNeverGoesBelowZero() throws Exception {
		var today = ledger.today();
		var service = holder(lead, HolderKind.DRUG_SERVICE, "Service", false);
		var hostel = holder(lead, HolderKind.HOSTEL, "Hostel", false);
		var batch = "B-" + mark;
		ledger.record(lead, receive(service, batch, today.plusDays(60), 10, today));
		ledger.record(lead, new MovementDraft(MovementKind.TRANSFERRED, "NYXOID", batch, null, service, hostel, 4,
				today, null, null, null, null));
		ledger.record(lead, supply(hostel, batch, 1, today, "CL-" + mark, ReleasePoint.HOMELESS_SHELTER));
		var before = movements();
		assertThatThrownBy(() -> ledger.record(lead, supply(hostel, batch, 4, today, "CL2", null)))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems())
						.extracting(p -> p.field() + ":" + p.code() + ":" + List.of(p.getArguments()))
						.containsExactly("kits:naloxone.movement.kits.moreThanStock:[3]"));
		assertThatThrownBy(() -> ledger.record(lead, receive(service, batch, today.plusDays(61), 1, today)))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.code())
						.containsExactly("expiresOn:naloxone.movement.expiresOn.differs"));
		assertThat(movements()).isEqualTo(before);

		var view = ledger.ledger(lead);
		assertThat(kits(view, service)).isEqualTo(6);
		assertThat(kits(view, hostel)).isEqualTo(3);
		// 60 days ahead is within the 90-day warning
		assertThat(view.expiring()).extracting(Ledger.StockLine::holderId).contains(service, hostel);
		assertThat(view.supplies()).anySatisfy(s -> {
			assertThat(s.clientCode()).isEqualTo("CL-" + mark);
			assertThat(s.releasePoint()).isEqualTo(ReleasePoint.HOMELESS_SHELTER);
		});
		var audited = """
				SELECT count(*) FROM platform.audit_event
				WHERE action = 'NALOXONE_SUPPLIES_VIEWED' AND actor = 'naloxone' AND purpose = 'HEALTH'
				""";
		long audits = jdbc.sql(audited).query(Long.class).single();
		mvc.perform(get("/naloxone").with(user(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CL-" + mark)));
		assertThat(jdbc.sql(audited).query(Long.class).single()).isEqualTo(audits + 1);
	}

	@Test
	void theHomePageCountsRefreshersDueAndKitsAboutToExpireAtTheirBoundaries() {
		var owners = work.owners(lead, Action.WRITE);
		var now = Instant.now();
		long refreshers = work.refreshersDue(owners, now);
		long expiring = work.kitsExpiringSoon(owners, now);
		var today = ledger.today();
		training.recordTraining(lead, new TrainingDraft(today.minusYears(2).plusDays(30), "Lead " + mark,
				TraineeGroup.SERVICE_STAFF, 7, null, null));
		training.recordTraining(lead, new TrainingDraft(today.minusYears(2).plusDays(31), "Lead " + mark,
				TraineeGroup.SERVICE_STAFF, 3, null, null));
		var shop = holder(lead, HolderKind.PHARMACY, "Expiry pharmacy", false);
		ledger.record(lead, receive(shop, "E90-" + mark, today.plusDays(90), 5, today));
		ledger.record(lead, receive(shop, "E91-" + mark, today.plusDays(91), 4, today));
		assertThat(work.refreshersDue(owners, now)).isEqualTo(refreshers + 7);
		assertThat(work.kitsExpiringSoon(owners, now)).isEqualTo(expiring + 5);
		var view = ledger.ledger(lead);
		assertThat(view.expiring()).extracting(Ledger.StockLine::batchNumber)
			.contains("E90-" + mark)
			.doesNotContain("E91-" + mark);
		assertThat(view.training()).anySatisfy(t -> {
			assertThat(t.trainer()).isEqualTo("Lead " + mark);
			assertThat(t.people()).isEqualTo(7);
			assertThat(t.refresherDue()).isEqualTo(today.plusDays(30));
		});
	}

	@Test
	void anExpiredBatchIsOnlyDisposedOf() {
		var today = ledger.today();
		var service = holder(lead, HolderKind.PHARMACY, "Pharmacy", false);
		var batch = "OLD-" + mark;
		ledger.record(lead, receive(service, batch, today, 2, today.minusDays(10)));
		// on its expiry day it still goes out; a day later only as disposal
		ledger.record(lead, supply(service, batch, 1, today, "C", null));
		var tomorrowsExpiry = new MovementDraft(MovementKind.RECEIVED, "NYXOID", "GONE-" + mark, today.minusDays(1),
				null, service, 1, today, null, null, null, null);
		assertThatThrownBy(() -> ledger.record(lead, tomorrowsExpiry)).isInstanceOf(InputRejectedException.class);
		ledger.record(lead, new MovementDraft(MovementKind.DISPOSED, "NYXOID", batch, null, service, null, 1, today,
				null, null, KitReason.EXPIRED, null));
		assertThat(kits(ledger.ledger(lead), service)).isZero();
	}

	@Test
	void theSeedsFiguresAreQueriesOnRecordedData() throws Exception {
		var prison = holder(lead, HolderKind.PRISON, "HMP Birmingham", false);
		var batch = "HMP-" + mark;
		ledger.record(lead, receive(prison, batch, LocalDate.of(2018, 12, 31), 100, LocalDate.of(2015, 12, 1)));
		// 78 kits to prisoners from 24/12/2015 to 31/01/2017, one a day either side that
		// does not count
		var first = LocalDate.of(2015, 12, 24);
		for (int i = 0; i < 78; i++) {
			var day = i == 77 ? LocalDate.of(2017, 1, 31) : first.plusDays(i * 5L);
			ledger.record(lead, supply(prison, batch, 1, day, "P" + i, ReleasePoint.PRISON_RELEASE));
		}
		ledger.record(lead, supply(prison, batch, 1, first.minusDays(1), "PX", ReleasePoint.PRISON_RELEASE));
		ledger.record(lead, supply(prison, batch, 1, LocalDate.of(2017, 2, 1), "PY", ReleasePoint.PRISON_RELEASE));
		var kits = training.figures(lead, first, LocalDate.of(2017, 1, 31), prison);
		assertThat(kits.kitsSupplied()).isEqualTo(78);
		assertThat(kits.kitsByReleasePoint().get(ReleasePoint.PRISON_RELEASE)).isEqualTo(78);
		assertThat(kits.holderName()).isEqualTo("HMP Birmingham " + mark);

		// 1,567 people trained in the two years 2012 and 2013, one more the day after
		var sessions = List.of(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 11, 5), LocalDate.of(2013, 12, 31));
		var people = List.of(1000, 500, 67);
		for (int i = 0; i < sessions.size(); i++) {
			training.recordTraining(lead, new TrainingDraft(sessions.get(i), "Naloxone lead",
					TraineeGroup.PEOPLE_WHO_USE_DRUGS, people.get(i), null, null));
		}
		training.recordTraining(lead, new TrainingDraft(LocalDate.of(2014, 1, 1), "Naloxone lead",
				TraineeGroup.FAMILY_AND_FRIENDS, 1, null, null));
		// 25 lives saved: naloxone given and the person survived; three who died
		var zone = ZoneId.of("Europe/London");
		for (int i = 0; i < 28; i++) {
			var outcome = i < 25 ? AdministrationOutcome.SURVIVED : AdministrationOutcome.DIED;
			training.recordAdministration(lead,
					new AdministrationDraft(LocalDateTime.of(2013, 6, 1, 22, 0).plusDays(i).atZone(zone).toInstant(),
							NaloxoneGiver.PEER, 1, NaloxoneRoute.NASAL, outcome, null));
		}
		var seed = training.figures(lead, LocalDate.of(2012, 1, 1), LocalDate.of(2013, 12, 31), null);
		assertThat(seed.peopleTrained()).isEqualTo(1567);
		assertThat(seed.livesSaved()).isEqualTo(25);
		assertThat(seed.administrations()).isEqualTo(28);

		var page = mvc
			.perform(get("/naloxone/figures").param("from", "2012-01-01").param("to", "2013-12-31").with(user(lead)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"peopleTrained\">1,567<").contains("id=\"livesSaved\">25<");
		mvc.perform(get("/naloxone/figures").param("from", "2013-12-31").param("to", "2012-01-01").with(user(lead)))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("The end date must be on or after")));
	}

	@Test
	void anotherAgencySeesTheLedgerOnlyUnderAnAgreementAndPoliceNeverSeeSupplies() throws Exception {
		var service = holder(lead, HolderKind.DRUG_SERVICE, "Shared service", false);
		ledger.record(lead, receive(service, "S-" + mark, ledger.today().plusYears(1), 5, ledger.today()));
		ledger.record(lead, supply(service, "S-" + mark, 1, ledger.today(), "SECRET-" + mark, null));

		var other = "TP-" + mark;
		agencies.createAgency(other, "Second provider " + mark, AgencyType.TREATMENT_PROVIDER);
		agencies.createStaff("lead2-" + mark, "Second lead", "lead2-" + mark + "@tp.test", other,
				List.of("NALOXONE_LEAD"), null);
		var lead2 = (HarmwatchUser) users.loadUserByUsername("lead2-" + mark);
		assertThat(ledger.ledger(lead2).holders()).extracting(Holder::id).doesNotContain(service);
		var page = mvc.perform(get("/naloxone").with(user(lead2)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("SECRET-" + mark).doesNotContain("Shared service " + mark);

		sharing.record(new SharingManagement.Draft("NAL-" + mark, "BHM-TREAT", other, Capability.NALOXONE, Action.READ,
				Purpose.HEALTH, "Test agreement", LocalDate.now().minusDays(1), null), "admin");
		assertThat(ledger.ledger(lead2).holders()).extracting(Holder::id).contains(service);
		assertThat(ledger.ledger(lead2).supplies()).extracting(Ledger.Supply::clientCode).contains("SECRET-" + mark);
		// read, not change: a movement out of the shared holder is refused as unknown
		assertThatThrownBy(() -> ledger.record(lead2, supply(service, "S-" + mark, 1, ledger.today(), "X", null)))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.code())
						.containsExactly("fromHolder:naloxone.movement.holder.unknown"));

		// a police force with naloxone grants for policing keeps its own officers' kits,
		// sees nobody's client code and records no supply to a person
		var force = "PF-" + mark;
		agencies.createAgency(force, "Test force " + mark, AgencyType.POLICE_FORCE);
		agencies.createRole("NALOXONE_POLICE_" + mark, "Police naloxone " + mark, "Police officers' kits",
				List.of(new Grant(Capability.NALOXONE, Action.READ, Purpose.POLICING),
						new Grant(Capability.NALOXONE, Action.WRITE, Purpose.POLICING)));
		agencies.createStaff("officer-" + mark, "Officer", "officer-" + mark + "@pf.test", force,
				List.of("NALOXONE_POLICE_" + mark), null);
		var officer = (HarmwatchUser) users.loadUserByUsername("officer-" + mark);
		var pool = holder(officer, HolderKind.POLICE_OFFICERS, "Officers", false);
		ledger.record(officer, receive(pool, "P-" + mark, ledger.today().plusYears(1), 20, ledger.today()));
		var police = ledger.ledger(officer);
		assertThat(police.supplies()).isNull();
		assertThat(police.holders()).extracting(Holder::id).containsExactly(pool);
		assertThat(kits(police, pool)).isEqualTo(20);
		assertThatThrownBy(() -> ledger.record(officer, supply(pool, "P-" + mark, 1, ledger.today(), "Y", null)))
			.isInstanceOf(AccessDeniedException.class);
		var before = movements();
		mvc.perform(post("/naloxone/movements/new").with(user(officer))
			.with(csrf())
			.param("kind", "SUPPLIED")
			.param("productCode", "NYXOID")
			.param("batchNumber", "P-" + mark)
			.param("fromHolder", pool.toString())
			.param("kits", "1")
			.param("happenedOn", ledger.today().toString())
			.param("supplyType", "FIRST")).andExpect(status().isForbidden());
		assertThat(movements()).isEqualTo(before);
		assertThat(ledger.ledger(lead).holders()).extracting(Holder::id).doesNotContain(pool);
	}

	@Test
	void badInputToAFormIsA422WithTheProblemOnItsFieldAndChangesNothing() throws Exception {
		var before = movements();
		var page = mvc
			.perform(post("/naloxone/movements/new").with(user(lead))
				.with(csrf())
				.param("kind", "RECEIVED")
				.param("productCode", "NYXOID")
				.param("batchNumber", "X\u0007")
				.param("kits", "99999999999999999999")
				.param("happenedOn", "yesterday")
				.param("toHolder", "not-a-holder"))
			.andExpect(status().is4xxClientError())
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isIn(400, 422);
		assertThat(movements()).isEqualTo(before);
		var form = mvc
			.perform(post("/naloxone/movements/new").with(user(lead))
				.with(csrf())
				.param("kind", "EVERYTHING")
				.param("productCode", "NYXOID")
				.param("batchNumber", "B")
				.param("kits", "-5")
				.param("happenedOn", "2026-02-30"))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("href=\"#kind\"").contains("href=\"#kits\"").contains("href=\"#happenedOn\"");
		assertThat(movements()).isEqualTo(before);
	}

	@Test
	void theFinderListsOnlyWhatHoldersPublishTheSameOnThePageAndInItsDownloads() throws Exception {
		holder(lead, HolderKind.PHARMACY, "Listed pharmacy", true);
		holder(lead, HolderKind.HOSTEL, "Unlisted hostel", false);
		var page = mvc.perform(get("/naloxone/finder").param("district", "E08000025"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Listed pharmacy " + mark).doesNotContain("Unlisted hostel " + mark);
		var data = json.readTree(mvc.perform(get("/naloxone/finder.json").param("district", "E08000025"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var names = new ArrayList<String>();
		data.get("places").forEach(p -> names.add(p.get("name").asString()));
		assertThat(names).contains("Listed pharmacy " + mark).doesNotContain("Unlisted hostel " + mark);
		for (var name : names) {
			assertThat(page).contains(name);
		}
		assertThat(data.get("licence").asString()).contains("open-government-licence");
		var csv = mvc.perform(get("/naloxone/finder.csv").param("district", "E08000025"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().skip(1).count()).isEqualTo(names.size());
		assertThat(csv).contains("Listed pharmacy " + mark).doesNotContain("Unlisted hostel " + mark);
		assertThat(csv).doesNotContain("CL-").doesNotContain("SECRET");

		mvc.perform(get("/naloxone/finder").param("district", "E99999999")).andExpect(status().is(422));
		mvc.perform(get("/naloxone/finder.csv").param("district", "E99999999")).andExpect(status().is4xxClientError());
	}

}
