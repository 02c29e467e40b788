package org.harmwatch.naloxone;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.overdose.OverdoseRecorded;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Coverage on the real database and geography: a located holder's supplies count in its
 * district, its 2021 LSOA and that LSOA's IMD decile, per 1,000 of the mid-year
 * population, and per 100 overdoses from the overdose events this module is told of (each
 * incident once); a point outside the region is refused.
 */
@HarmwatchIntegrationTest
class NaloxoneCoverageIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final String SOLIHULL = "E08000029";

	@Autowired
	MockMvc mvc;

	@Autowired
	KitLedgerManagement ledger;

	@Autowired
	CoverageManagement coverage;

	@Autowired
	OverdoseManagement overdoses;

	@Autowired
	GeographyManagement geography;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRegistry publications;

	@Autowired
	CompletedEventPublications completed;

	String mark;

	HarmwatchUser lead;

	@BeforeEach
	void setUp() {
		mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		lead = (HarmwatchUser) users.loadUserByUsername("naloxone");
	}

	HolderDraft located(String name, HolderKind kind, double lat, double lon, String ladCode) {
		return new HolderDraft(kind, name + " " + mark, null, ladCode, null, null, null, false, false, lat, lon, null);
	}

	void deliver(OverdoseRecorded event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
		EventPublications.awaitCompleted(publications, completed,
				e -> e instanceof OverdoseRecorded r && r.incidentId().equals(event.incidentId()));
	}

	@Test
	void suppliesCountInTheHoldersDistrictLsoaAndDecilePerPopulationAndPerOverdose() throws Exception {
		var today = ledger.today();
		var from = today.minusDays(30);
		var point = geography.lookup(52.4862, -1.8904).orElseThrow();
		assertThat(point.lad().code()).isEqualTo(BIRMINGHAM);
		var lsoa = geography.area(point.lsoa().code()).orElseThrow();
		var before = coverage.coverage(lead, from, today, BIRMINGHAM);

		var id = ledger.addHolder(lead, located("City service", HolderKind.DRUG_SERVICE, 52.4862, -1.8904, null));
		var holder = ledger.holders(lead, Action.READ)
			.stream()
			.filter(h -> h.id().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(holder.ladCode()).isEqualTo(BIRMINGHAM);
		assertThat(holder.lsoaCode()).isEqualTo(lsoa.code());
		assertThat(holder.sector()).isEqualTo(Sector.THIRD_SECTOR);
		var batch = "COV-" + mark;
		ledger.record(lead, new MovementDraft(MovementKind.RECEIVED, "NYXOID", batch, today.plusYears(1), null, id, 20,
				today, null, null, null, null));
		ledger.record(lead, new MovementDraft(MovementKind.SUPPLIED, "NYXOID", batch, null, id, null, 7, today, "C1",
				SupplyType.FIRST, null, null));
		var overdose = new OverdoseRecorded(UUID.randomUUID(),
				Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), BIRMINGHAM, false, "WMAS",
				List.of(new NaloxoneAdministration(NaloxoneGiver.PEER, null, 1, NaloxoneRoute.NASAL),
						new NaloxoneAdministration(NaloxoneGiver.PEER, null, 1, NaloxoneRoute.NASAL)));
		deliver(overdose);
		deliver(overdose); // again, as after a restart

		var after = coverage.coverage(lead, from, today, BIRMINGHAM);
		assertThat(after.lsoaVintage()).isEqualTo(geography.vintage(AreaLevel.LSOA));
		assertThat(after.deprivationEdition()).isEqualTo(geography.deprivationEdition());
		assertThat(after.kits() - before.kits()).isEqualTo(7);
		var district = district(after, BIRMINGHAM);
		assertThat(district.kits() - district(before, BIRMINGHAM).kits()).isEqualTo(7);
		assertThat(district.population()).isEqualTo(geography.area(BIRMINGHAM).orElseThrow().population().longValue());
		assertThat(district.perThousand()).isCloseTo(district.kits() * 1000.0 / district.population(), within(1e-9));
		// the event came twice, with two administrations: one overdose
		assertThat(district.overdoses() - district(before, BIRMINGHAM).overdoses()).isEqualTo(1);
		assertThat(district.perHundredOverdoses()).isCloseTo(district.kits() * 100.0 / district.overdoses(),
				within(1e-9));
		assertThat(district.activeHolders()).contains("City service " + mark);
		assertThat(district.thirdSectorHolders()).isGreaterThanOrEqualTo(1);

		var row = after.lsoas().stream().filter(l -> l.code().equals(lsoa.code())).findFirst().orElseThrow();
		var rowBefore = before.lsoas().stream().filter(l -> l.code().equals(lsoa.code())).findFirst().orElseThrow();
		assertThat(row.kits() - rowBefore.kits()).isEqualTo(7);
		assertThat(row.population()).isEqualTo(lsoa.population().longValue());
		assertThat(row.imdDecile()).isEqualTo(lsoa.imdDecile());
		assertThat(after.lsoas())
			.allSatisfy(l -> assertThat(geography.area(l.code()).orElseThrow().ladCode()).isEqualTo(BIRMINGHAM));
		var decile = after.deciles().get(lsoa.imdDecile() - 1);
		assertThat(decile.decile()).isEqualTo(lsoa.imdDecile());
		assertThat(decile.kits() - before.deciles().get(lsoa.imdDecile() - 1).kits()).isEqualTo(7);
		assertThat(after.deciles().stream().mapToInt(Coverage.Decile::lsoas).sum())
			.isEqualTo(geography.areas(AreaLevel.LSOA).size());

		var page = mvc
			.perform(get("/naloxone/coverage").with(user(lead))
				.param("district", BIRMINGHAM)
				.param("sort", "KITS")
				.param("dir", "desc"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"district-" + BIRMINGHAM + "\"")
			.contains("id=\"lsoa-" + lsoa.code() + "\"")
			.contains(geography.deprivationEdition())
			.contains("aria-sort=\"descending\"");
		// the LSOA table, sorted by kits, puts the holder's LSOA before every LSOA with
		// none
		assertThat(page.indexOf("id=\"lsoa-" + lsoa.code() + "\"")).isLessThan(page.lastIndexOf("id=\"lsoa-E01"));
	}

	@Test
	void aHolderOutsideTheRegionOrInAnotherDistrictIsRefusedAndBadQueriesAre422() throws Exception {
		assertThatThrownBy(() -> ledger.addHolder(lead, located("London", HolderKind.PHARMACY, 51.5072, -0.1276, null)))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.code())
						.containsExactly("latitude:naloxone.holder.location.outside"));
		assertThatThrownBy(
				() -> ledger.addHolder(lead, located("Elsewhere", HolderKind.PHARMACY, 52.4862, -1.8904, "E08000026")))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.code())
						.containsExactly("ladCode:naloxone.holder.location.otherDistrict"));
		assertThatThrownBy(() -> ledger.addHolder(lead, new HolderDraft(HolderKind.PHARMACY, "Half " + mark, null, null,
				null, null, null, false, false, 52.48, null, null)))
			.isInstanceOf(InputRejectedException.class);
		assertThat(ledger.holders(lead, Action.READ)).extracting(Holder::name).noneMatch(n -> n.endsWith(mark));
		mvc.perform(get("/naloxone/coverage").with(user(lead)).param("sort", "EVERYTHING")).andExpect(status().is(422));
		mvc.perform(get("/naloxone/coverage").with(user(lead)).param("district", "E99999999"))
			.andExpect(status().is(422));
		mvc.perform(get("/naloxone/coverage").with(user(lead)).param("from", "2026-02-30")).andExpect(status().is(422));
	}

	/**
	 * A cluster of overdoses in an LSOA of Solihull and the LSOAs that touch it is a Gi*
	 * hotspot; with no kits around it, it is a gap; once a pharmacy there supplies kits
	 * it is covered, and the pharmacy and the fire officers' pool active in the district
	 * are the agencies listed for it, on the page too (whose maps are drawn from its
	 * tables).
	 */
	@Test
	void aClusterOfOverdosesIsAHotspotAGapUntilKitsAreSuppliedAroundIt() throws Exception {
		var today = ledger.today();
		var from = today.minusDays(6);
		var centre = geography.areas(AreaLevel.LSOA, SOLIHULL)
			.stream()
			.filter(a -> geography.neighbours(a.code()).size() >= 4)
			.filter(a -> geography.lookup(a.centroid().lat(), a.centroid().lon())
				.map(l -> l.lsoa() != null && l.lsoa().code().equals(a.code()))
				.orElse(false))
			.findFirst()
			.orElseThrow();
		var cluster = new ArrayList<String>();
		cluster.add(centre.code());
		cluster.addAll(geography.neighbours(centre.code()));
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		var at = today.atTime(3, 0).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
		for (var code : cluster) {
			for (int i = 0; i < 25; i++) {
				overdoses.record(IncidentDraft.minimal(at.minusSeconds(60L * i), null, null, code, false, List.of()),
						paramedic, RecordedVia.API);
			}
		}
		var fire = ledger.addHolder(lead, new HolderDraft(HolderKind.FIRE_OFFICERS, "Fire crews " + mark, null,
				SOLIHULL, null, null, null, false, false, null, null, null));
		ledger.record(lead, new MovementDraft(MovementKind.RECEIVED, "NYXOID", "FIRE-" + mark, today.plusYears(1), null,
				fire, 10, today, null, null, null, null));

		var before = coverage.hotspots(lead, from, today, SOLIHULL);
		assertThat(before.tested()).isTrue();
		assertThat(before.overdoses()).isGreaterThanOrEqualTo(25L * cluster.size());
		var hot = hotspot(before, centre.code());
		assertThat(hot.overdoses()).isGreaterThanOrEqualTo(25);
		assertThat(hot.z()).isGreaterThan(1.96);
		assertThat(hot.fireHolders()).isGreaterThanOrEqualTo(1);
		assertThat(hot.activeHolders()).contains("Fire crews " + mark);
		if (hot.kitsAround() == 0) {
			assertThat(hot.gap()).isTrue();
		}

		var pharmacy = ledger.addHolder(lead, located("Cluster pharmacy", HolderKind.PHARMACY, centre.centroid().lat(),
				centre.centroid().lon(), null));
		var batch = "HOT-" + mark;
		ledger.record(lead, new MovementDraft(MovementKind.RECEIVED, "NYXOID", batch, today.plusYears(1), null,
				pharmacy, 900, today, null, null, null, null));
		var ages = coverage.coverage(lead, from, today, null);
		ledger.record(lead, new MovementDraft(MovementKind.SUPPLIED, "NYXOID", batch, null, pharmacy, null, 800, today,
				"C-" + mark, SupplyType.FIRST, null, null, AgeBand.AGE_25_34, Sex.FEMALE));
		var after = coverage.hotspots(lead, from, today, SOLIHULL);
		// By age band and sex: the 800 kits are women of 25 to 34; the cluster's
		// overdoses have no age band recorded.
		var agesAfter = coverage.coverage(lead, from, today, null);
		var band = agesAfter.byAgeAndSex().get(AgeBand.AGE_25_34.ordinal());
		assertThat(band.ageBand()).isEqualTo(AgeBand.AGE_25_34);
		assertThat(band.kits().get(0) - ages.byAgeAndSex().get(AgeBand.AGE_25_34.ordinal()).kits().get(0))
			.isEqualTo(800);
		// Residents of the band: the districts' estimates by single year of age, summed;
		// not known when a district has none by age.
		Long residents = 0L;
		var year = agesAfter.agePopulationYear();
		for (var lad : geography.areas(AreaLevel.LAD)) {
			var people = year == null ? java.util.OptionalLong.empty() : geography.population(lad.code(), year, 25, 34);
			if (people.isEmpty()) {
				residents = null;
				break;
			}
			residents += people.getAsLong();
		}
		assertThat(band.population()).isEqualTo(residents);
		if (residents != null) {
			assertThat(band.perThousand()).isCloseTo(band.allKits() * 1000.0 / residents, within(1e-9));
		}
		else {
			assertThat(band.perThousand()).isNull();
		}
		var none = agesAfter.byAgeAndSex().get(AgeBand.values().length);
		assertThat(none.ageBand()).isNull();
		assertThat(none.allOverdoses()).isGreaterThanOrEqualTo(25L * cluster.size());
		var covered = hotspot(after, centre.code());
		assertThat(covered.kitsAround() - hot.kitsAround()).isEqualTo(800);
		assertThat(covered.gap()).isFalse();
		assertThat(covered.privateHolders()).isGreaterThanOrEqualTo(1);
		assertThat(covered.activeHolders()).contains("Cluster pharmacy " + mark, "Fire crews " + mark);
		assertThat(after.regionKitsPerThousand()).isLessThan(covered.kitsAroundPerThousand());

		var page = mvc.perform(get("/naloxone/coverage").with(user(lead)).param("district", SOLIHULL))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"hotspot-" + centre.code() + "\"")
			.contains("data-code=\"" + centre.code() + "\" data-class=\"hw-hot-covered\"")
			.contains("data-table=\"coverage-hotspots\"")
			.contains("data-table=\"coverage-lsoas\"")
			.contains("Cluster pharmacy " + mark)
			.contains("/js/choropleth.js");
		// The LSOA with 800 kits is in the top band of the kits map.
		assertThat(page).containsPattern("id=\"lsoa-" + centre.code() + "\"\\s+data-code=\"" + centre.code()
				+ "\" data-class=\"hw-band-[1-4]\"");
	}

	static CoverageHotspots.Hotspot hotspot(CoverageHotspots hotspots, String code) {
		return hotspots.hotspots().stream().filter(h -> h.code().equals(code)).findFirst().orElseThrow();
	}

	static Coverage.District district(Coverage coverage, String code) {
		return coverage.districts().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
	}

}
