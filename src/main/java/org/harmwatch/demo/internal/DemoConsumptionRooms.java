package org.harmwatch.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.harmwatch.consumptionrooms.ConsumptionRoute;
import org.harmwatch.consumptionrooms.HousingStatus;
import org.harmwatch.consumptionrooms.NeedleChannel;
import org.harmwatch.consumptionrooms.NeedleManagement;
import org.harmwatch.consumptionrooms.NeedleReportDraft;
import org.harmwatch.consumptionrooms.OtherwisePlace;
import org.harmwatch.consumptionrooms.ReferralKind;
import org.harmwatch.consumptionrooms.ReferralOutcome;
import org.harmwatch.consumptionrooms.RoomEvaluation;
import org.harmwatch.consumptionrooms.RoomManagement;
import org.harmwatch.consumptionrooms.RoomOverdoseDraft;
import org.harmwatch.consumptionrooms.RoomOverdoseOutcome;
import org.harmwatch.consumptionrooms.SweepDraft;
import org.harmwatch.consumptionrooms.VisitDraft;
import org.harmwatch.platform.HarmwatchUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumption rooms in the demo: Birmingham's overdose prevention centre in Digbeth with
 * a morning of supervised visits, one overdose managed with naloxone (which overdose
 * surveillance and the naloxone ledger then count), referrals; and discarded needles in
 * Coventry reported by the public and through Open311, some already swept by the council.
 *
 * <p>
 * Everything goes through the module's management APIs, in the clinic's and the sweeper's
 * names. Loaded once, when {@code harmwatch.demo.scenario} is on and the centre has no
 * site yet.
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(22)
class DemoConsumptionRooms extends DemoRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoConsumptionRooms.class);

	/** Where the demo room is ({@link DemoOverdoses} places call-outs around it). */
	static final double LAT = 52.4751;

	static final double LON = -1.8857;

	/** How long ago it opened, in months, and its hours. */
	static final int OPEN_MONTHS = 6;

	static final LocalTime OPENS = LocalTime.of(8, 0);

	static final LocalTime CLOSES = LocalTime.of(22, 0);

	static final String COVENTRY = "E08000026";

	private final RoomManagement rooms;

	private final NeedleManagement needles;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RoomEvaluation evaluation;

	DemoConsumptionRooms(RoomManagement rooms, NeedleManagement needles, UserDetailsService users, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, RoomEvaluation evaluation) {
		super("system:demo-consumption-rooms");
		this.rooms = rooms;
		this.evaluation = evaluation;
		this.needles = needles;
		this.users = users;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	void runAsSystem() {
		// One transaction holds the lock (a session lock could be released on another
		// pooled connection and stay held): instances started together take turns, and
		// the events of what is loaded go out when it commits.
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('harmwatch-demo-consumption-rooms'))")
				.query((rs, row) -> 1)
				.list();
			var clinic = (HarmwatchUser) users.loadUserByUsername("clinic");
			if (!rooms.sites(clinic).isEmpty()) {
				return;
			}
			load(clinic, (HarmwatchUser) users.loadUserByUsername("sweeper"));
		});
	}

	private void load(HarmwatchUser clinic, HarmwatchUser sweeper) {
		var site = rooms.setSite("BHM-OPC", "Digbeth overdose prevention centre (demo)", LAT, LON, 8,
				"system:demo-consumption-rooms");
		// Open for six months from 08:00 to 22:00, so that its evaluation compares before
		// and after.
		evaluation.setHours(site, rooms.today().minusMonths(OPEN_MONTHS), OPENS, CLOSES,
				"system:demo-consumption-rooms");
		var start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(6));
		var clients = List.of("OPC-0101", "OPC-0102", "OPC-0103", "OPC-0104", "OPC-0105", "OPC-0106", "OPC-0107",
				"OPC-0108");
		var otherwise = List.of(OtherwisePlace.PUBLIC_PLACE, OtherwisePlace.PUBLIC_PLACE, OtherwisePlace.HOSTEL,
				OtherwisePlace.HOME, OtherwisePlace.PUBLIC_PLACE, OtherwisePlace.SOMEONE_ELSES_HOME,
				OtherwisePlace.PUBLIC_PLACE, OtherwisePlace.WOULD_NOT_HAVE_USED);
		var housing = List.of(HousingStatus.HOMELESS, HousingStatus.HOUSING_PROBLEM, HousingStatus.HOUSING_PROBLEM,
				HousingStatus.SETTLED, HousingStatus.HOMELESS, HousingStatus.SETTLED, HousingStatus.SETTLED,
				HousingStatus.NOT_KNOWN);
		UUID overdoseVisit = null;
		for (int i = 0; i < clients.size(); i++) {
			var in = start.plus(Duration.ofMinutes(25L * i));
			var visit = rooms.recordVisit(new VisitDraft(site, clients.get(i), in, in.plus(Duration.ofMinutes(35)),
					i % 3 == 2 ? List.of("heroin", "crack cocaine") : List.of("heroin"),
					i == 3 ? ConsumptionRoute.SMOKED : ConsumptionRoute.INJECTED, String.valueOf(i % 8 + 1),
					otherwise.get(i), housing.get(i), i == 4 ? "Drowsy after injecting; watched closely" : null,
					i % 2 == 0), clinic);
			if (i == 4) {
				overdoseVisit = visit;
			}
			if (i % 3 == 0) {
				var referral = rooms.recordReferral(visit, i == 0 ? ReferralKind.HOUSING : ReferralKind.BBV_TESTING,
						rooms.today(), clinic);
				if (i == 0) {
					rooms.recordReferralOutcome(referral, ReferralOutcome.ATTENDED, clinic);
				}
			}
		}
		rooms.recordOverdose(overdoseVisit, new RoomOverdoseDraft(start.plus(Duration.ofMinutes(110)), true, 2, "NASAL",
				true, RoomOverdoseOutcome.RECOVERED_ON_SITE), clinic);

		needles.setCouncil(COVENTRY, "COV-ENV", 48, "system:demo-consumption-rooms");
		double[][] points = { { 52.4068, -1.5197 }, { 52.4081, -1.5106 }, { 52.4120, -1.5030 }, { 52.3990, -1.4980 },
				{ 52.4200, -1.5400 }, { 52.3950, -1.5350 }, { 52.4300, -1.4900 }, { 52.3850, -1.5150 },
				{ 52.4150, -1.5250 }, { 52.4075, -1.5120 } };
		var words = List.of("Syringes in the underpass", "A needle by the bench", "Sharps bin knocked over",
				"Several needles behind the shops", "Needle on the footpath", "Syringe in the play area hedge",
				"Needles by the canal towpath", "One syringe at the bus stop", "Needles in the car park stairwell",
				"Syringes by the station subway");
		for (int i = 0; i < points.length; i++) {
			var received = needles.report(new NeedleReportDraft(points[i][0], points[i][1], words.get(i), null,
					i % 3 == 0 ? "https://fixmystreet.example/report/" + (9000 + i) + "/photo.jpeg" : null,
					i % 3 == 0 ? NeedleChannel.OPEN311 : NeedleChannel.WEB));
			if (i < 6) {
				needles.sweep(received.id(),
						new SweepDraft(i != 5, i == 5 ? 0 : i + 1, Instant.now().truncatedTo(ChronoUnit.MINUTES), null),
						sweeper);
			}
		}
		log.info("Loaded the demo consumption room (8 visits, 1 overdose managed) and 10 needle reports in Coventry");
	}

}
