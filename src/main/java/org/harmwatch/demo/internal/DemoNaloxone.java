package org.harmwatch.demo.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.harmwatch.naloxone.HolderDraft;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.KitLedgerManagement;
import org.harmwatch.naloxone.MovementDraft;
import org.harmwatch.naloxone.MovementKind;
import org.harmwatch.naloxone.PointsOfRiskManagement;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.SupplyType;
import org.harmwatch.naloxone.TraineeGroup;
import org.harmwatch.naloxone.TrainingDraft;
import org.harmwatch.naloxone.TrainingManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Naloxone in the demo, so that the finder, the ledger and the figures are not empty: the
 * drug service's naloxone lead keeps three places listed in the public finder (with their
 * points, opening hours and whether they train), a hostel and a prison release team; kits
 * received, passed on and supplied to people (some at prison release, against the
 * prison's count of people released last month), and training given.
 *
 * <p>
 * Everything goes through naloxone's management APIs in the lead's name. Loaded once,
 * when {@code harmwatch.demo.scenario} is on and no agency has recorded a naloxone holder
 * yet (a restart or a second instance changes nothing).
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(21)
class DemoNaloxone extends DemoRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNaloxone.class);

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	static final String WOLVERHAMPTON = "E08000031";

	/** The listed drug service's name, for finding it again. */
	static final String SERVICE = "Digbeth Recovery Hub (demo)";

	static final String BATCH = "DEMO-NYX-0001";

	private final KitLedgerManagement ledger;

	private final TrainingManagement training;

	private final PointsOfRiskManagement points;

	private final UserDetailsService users;

	DemoNaloxone(KitLedgerManagement ledger, TrainingManagement training, PointsOfRiskManagement points,
			UserDetailsService users) {
		super("system:demo-naloxone");
		this.ledger = ledger;
		this.training = training;
		this.points = points;
		this.users = users;
	}

	@Override
	void runAsSystem() {
		locked("harmwatch-demo-naloxone", () -> {
			if (ledger.hasHolders()) {
				return;
			}
			load((HarmwatchUser) users.loadUserByUsername("naloxone"));
		});
	}

	private void load(HarmwatchUser lead) {
		var today = ledger.today();
		var service = ledger.addHolder(lead,
				new HolderDraft(HolderKind.DRUG_SERVICE, SERVICE, null, BIRMINGHAM, "12 Fazeley Street, Digbeth",
						"B5 5RS", "Monday to Friday 9am to 5pm, Thursday until 7pm", true, true, 52.4790, -1.8870,
						null));
		var pharmacy = ledger.addHolder(lead,
				new HolderDraft(HolderKind.PHARMACY, "Moor Street Pharmacy (demo)", null, BIRMINGHAM,
						"3 Moor Street Queensway", "B4 7UL", "Monday to Saturday 8am to 8pm", false, true, 52.4795,
						-1.8925, null));
		var coventry = ledger.addHolder(lead,
				new HolderDraft(HolderKind.DRUG_SERVICE, "Coventry Outreach Point (demo)", null, COVENTRY,
						"20 Corporation Street", "CV1 1GF", "Tuesday and Thursday 10am to 4pm", true, true, 52.4095,
						-1.5120, null));
		var hostel = ledger.addHolder(lead, new HolderDraft(HolderKind.HOSTEL, "Wolverhampton move-on hostel (demo)",
				null, WOLVERHAMPTON, null, null, null, false, false));
		var prison = ledger.addHolder(lead, new HolderDraft(HolderKind.PRISON, "HMP Birmingham release team (demo)",
				null, BIRMINGHAM, null, null, null, true, false));

		var received = today.minusDays(70);
		move(lead, MovementKind.RECEIVED, null, service, 120, received, today.plusYears(2));
		move(lead, MovementKind.TRANSFERRED, service, pharmacy, 20, received.plusDays(2), null);
		move(lead, MovementKind.TRANSFERRED, service, coventry, 20, received.plusDays(2), null);
		move(lead, MovementKind.TRANSFERRED, service, hostel, 10, received.plusDays(3), null);
		move(lead, MovementKind.TRANSFERRED, service, prison, 20, received.plusDays(3), null);

		var lastMonth = points.thisMonth().minusMonths(1);
		for (int i = 1; i <= 7; i++) {
			supply(lead, prison, lastMonth.atDay(i * 3), "DEMO-P" + i, ReleasePoint.PRISON_RELEASE);
		}
		points.recordLeavers(lead, prison, ReleasePoint.PRISON_RELEASE, lastMonth, 18);
		for (int i = 1; i <= 9; i++) {
			supply(lead, service, today.minusDays(i * 3L), "DEMO-C" + i,
					i == 4 ? ReleasePoint.LEAVING_TREATMENT : null);
		}
		for (int i = 1; i <= 4; i++) {
			supply(lead, coventry, today.minusDays(i * 5L), "DEMO-V" + i, null);
		}
		supply(lead, hostel, lastMonth.atDay(12), "DEMO-H1", ReleasePoint.HOMELESS_SHELTER);
		points.recordLeavers(lead, hostel, ReleasePoint.HOMELESS_SHELTER, lastMonth, 6);

		training.recordTraining(lead, new TrainingDraft(today.minusDays(20), "Nat Naloxone",
				TraineeGroup.PEOPLE_WHO_USE_DRUGS, 8, service, null));
		training.recordTraining(lead,
				new TrainingDraft(today.minusDays(45), "Nat Naloxone", TraineeGroup.SERVICE_STAFF, 12, service, null));
		training.recordTraining(lead,
				new TrainingDraft(today.minusDays(35), "Nat Naloxone", TraineeGroup.PRISON_STAFF, 6, prison, null));
		log.info("Loaded the naloxone demo: five holders, three in the public finder, kits supplied and training");
	}

	private void move(HarmwatchUser lead, MovementKind kind, @Nullable UUID from, UUID to, int kits, LocalDate on,
			@Nullable LocalDate expires) {
		ledger.record(lead,
				new MovementDraft(kind, "NYXOID", BATCH, expires, from, to, kits, on, null, null, null, null));
	}

	private void supply(HarmwatchUser lead, UUID from, LocalDate on, String client, @Nullable ReleasePoint point) {
		ledger.record(lead, new MovementDraft(MovementKind.SUPPLIED, "NYXOID", BATCH, null, from, null, 1, on, client,
				SupplyType.FIRST, null, point));
	}

}
