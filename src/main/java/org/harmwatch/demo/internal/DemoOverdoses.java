package org.harmwatch.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.harmwatch.consumptionrooms.RoomEvaluation;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentFilter;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo's overdoses: eight weeks of ambulance call-outs across the seven districts,
 * and a cluster in Birmingham city centre in the last hours that the spike detector will
 * turn into an early-warning signal; and a year of call-outs in the rings around the demo
 * consumption room in Digbeth, in its opening hours, fewer since it opened, so that its
 * evaluation has before and after to compare (counts of 5 or more in every ring, shown
 * rather than withheld). Naloxone given by paramedics from the ambulance service's kits
 * opens reissue tasks in naloxone.
 *
 * <p>
 * Recorded through {@link OverdoseManagement} as the demo paramedic, with fixed source
 * references, after the scenario ({@link DemoScenario}) and only while the paramedic's
 * agency has recorded none: a restart adds nothing.
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(30)
class DemoOverdoses implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOverdoses.class);

	/** A town centre in each district: latitude, longitude. */
	private static final double[][] CENTRES = { { 52.4797, -1.9027 }, { 52.4068, -1.5197 }, { 52.5862, -2.1288 },
			{ 52.5860, -1.9829 }, { 52.5187, -1.9945 }, { 52.5123, -2.0811 }, { 52.4118, -1.7776 } };

	private static final List<String> SUBSTANCES = List.of("heroin", "crack cocaine", "benzos", "spice", "methadone",
			"alcohol");

	private final OverdoseManagement overdoses;

	private final UserDetailsService users;

	private final Clock clock;

	private final RegionSettings region;

	DemoOverdoses(OverdoseManagement overdoses, UserDetailsService users, Clock clock, RegionSettings region) {
		this.overdoses = overdoses;
		this.users = users;
		this.clock = clock;
		this.region = region;
	}

	@Override
	public void run(ApplicationArguments args) {
		var paramedic = (HarmwatchUser) users.loadUserByUsername("paramedic");
		if (overdoses.incidents(IncidentFilter.none(), 1, paramedic).total() > 0) {
			return;
		}
		var now = clock.instant();
		var random = new Random(2026);
		int recorded = 0;
		for (int i = 0; i < 60; i++) {
			var centre = CENTRES[i % CENTRES.length];
			var when = now.minus(Duration.ofMinutes(60L * 24 * 56 * random.nextInt(1_000) / 1_000 + 60L * 24));
			recorded += record(paramedic, "DEMO-WMAS-" + i, when, centre[0] + (random.nextDouble() - 0.5) * 0.02,
					centre[1] + (random.nextDouble() - 0.5) * 0.03, random) ? 1 : 0;
		}
		// A cluster in Birmingham city centre tonight: heroin with something stronger.
		for (int i = 0; i < 4; i++) {
			recorded += record(paramedic, "DEMO-WMAS-CLUSTER-" + i, now.minus(Duration.ofMinutes(40L + 50L * i)),
					52.4790 + 0.001 * i, -1.8990 - 0.001 * i, random) ? 1 : 0;
		}
		recorded += aroundTheRoom(paramedic, random);
		log.info("Loaded {} demo overdoses (ambulance call-outs over eight weeks, a cluster tonight and a year "
				+ "around the Digbeth room)", recorded);
	}

	/**
	 * Call-outs in each ring of {@link RoomEvaluation#RINGS} around the demo room, in its
	 * opening hours, over as many days before its opening as it has been open, with fewer
	 * after than before.
	 */
	private int aroundTheRoom(HarmwatchUser paramedic, Random random) {
		var today = LocalDate.now(clock.withZone(region.timeZone()));
		var opened = today.minusMonths(DemoConsumptionRooms.OPEN_MONTHS);
		long days = ChronoUnit.DAYS.between(opened, today);
		int[][] beforeAfter = { { 9, 5 }, { 11, 7 }, { 16, 10 } };
		int recorded = 0;
		int inner = 0;
		for (int ring = 0; ring < beforeAfter.length; ring++) {
			int outer = RoomEvaluation.RINGS.get(ring);
			for (int side = 0; side < 2; side++) {
				for (int i = 0; i < beforeAfter[ring][side]; i++) {
					// well inside the ring, on a day of the period, in opening hours
					double metres = inner + (outer - inner) * (0.15 + 0.7 * random.nextDouble());
					double angle = 2 * Math.PI * random.nextDouble();
					double lat = DemoConsumptionRooms.LAT + Math.toDegrees(metres * Math.cos(angle) / 6_371_008.8);
					double lon = DemoConsumptionRooms.LON + Math.toDegrees(metres * Math.sin(angle) / 6_371_008.8)
							/ Math.cos(Math.toRadians(DemoConsumptionRooms.LAT));
					long day = 1 + random.nextLong(days - 1);
					var date = side == 0 ? opened.minusDays(day) : opened.plusDays(day);
					int minutes = DemoConsumptionRooms.OPENS.getHour() * 60 + 60 + random.nextInt(
							(DemoConsumptionRooms.CLOSES.getHour() - DemoConsumptionRooms.OPENS.getHour() - 2) * 60);
					var when = date.atTime(minutes / 60, minutes % 60).atZone(region.timeZone()).toInstant();
					recorded += record(paramedic, "DEMO-WMAS-DIGBETH-" + ring + "-" + side + "-" + i, when, lat, lon,
							random) ? 1 : 0;
				}
			}
			inner = outer;
		}
		return recorded;
	}

	private boolean record(HarmwatchUser paramedic, String reference, Instant when, double lat, double lon,
			Random random) {
		boolean fatal = random.nextInt(20) == 0;
		var naloxone = random.nextInt(3) == 0 ? List.<NaloxoneAdministration>of()
				: List.of(new NaloxoneAdministration(NaloxoneGiver.PARAMEDIC, paramedic.agencyCode(),
						1 + random.nextInt(2), random.nextBoolean() ? NaloxoneRoute.NASAL : NaloxoneRoute.INJECTED));
		var draft = new IncidentDraft(when, lat, lon, null, fatal, naloxone, null, reference,
				AgeBand.values()[1 + random.nextInt(5)], random.nextInt(4) == 0 ? Sex.FEMALE : Sex.MALE,
				List.of(SUBSTANCES.get(random.nextInt(SUBSTANCES.size()))), SubstanceBasis.SUSPECTED,
				fatal ? IncidentOutcome.DIED
						: random.nextBoolean() ? IncidentOutcome.CONVEYED : IncidentOutcome.REVIVED,
				"P" + random.nextInt(40));
		return overdoses.record(draft, paramedic, RecordedVia.API).created();
	}

}
