package org.harmwatch.demo.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.harmwatch.diversion.AgeBand;
import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.ConditionKind;
import org.harmwatch.diversion.DiversionManagement;
import org.harmwatch.diversion.DiversionOutcomeManagement;
import org.harmwatch.diversion.DiversionSchemeManagement;
import org.harmwatch.diversion.Ethnicity;
import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.LegalBasis;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.ProsecutionDecision;
import org.harmwatch.diversion.ReferralDraft;
import org.harmwatch.diversion.SchemeDraft;
import org.harmwatch.diversion.SchemeRules;
import org.harmwatch.diversion.Sex;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Diversion in the demo: a Turning Point-like trial in Birmingham run by the navigator,
 * with a dozen referrals from fourteen months ago (two not eligible), allocated at random
 * from a recorded seed; contracts with three conditions, a treatment link the clinic
 * reports attendance against, one breach ending in prosecution, completions, 12-month
 * outcomes and victim surveys.
 *
 * <p>
 * Everything goes through diversion's management API in the navigator's (and for
 * attendance the clinic's) name. Loaded once, when {@code harmwatch.demo.scenario} is on
 * and the navigator's agency has no scheme yet.
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(23)
class DemoDiversion extends DemoRunner {

	static final String BIRMINGHAM = "E08000025";

	/** The demo trial's seed, recorded so that its allocation list can be drawn again. */
	static final long SEED = 20111001L;

	private final DiversionManagement diversion;

	private final DiversionSchemeManagement schemes;

	private final DiversionOutcomeManagement outcomes;

	private final UserDetailsService users;

	private final ZoneId zone;

	DemoDiversion(DiversionManagement diversion, DiversionSchemeManagement schemes, DiversionOutcomeManagement outcomes,
			UserDetailsService users, RegionSettings region) {
		super("system:demo-diversion");
		this.diversion = diversion;
		this.schemes = schemes;
		this.outcomes = outcomes;
		this.users = users;
		this.zone = region.timeZone();
	}

	@Override
	void runAsSystem() {
		locked("harmwatch-demo-diversion", () -> {
			var navigator = (HarmwatchUser) users.loadUserByUsername("navigator");
			if (!schemes.schemes(navigator).isEmpty()) {
				return;
			}
			load(navigator, (HarmwatchUser) users.loadUserByUsername("clinic"));
		});
	}

	private void load(HarmwatchUser navigator, HarmwatchUser clinic) {
		var scheme = schemes.createScheme(new SchemeDraft("Birmingham drugs diversion trial (demo)", BIRMINGHAM,
				SchemeRules.turningPointLike(), true, SEED, 4, 350, 1350), navigator);
		var referred = LocalDate.now(zone).minusMonths(14);
		var groups = List.of(OffenceGroup.DRUG_POSSESSION, OffenceGroup.ACQUISITIVE);
		var bands = AgeBand.values();
		var ethnicities = Ethnicity.values();
		for (int i = 0; i < 12; i++) {
			var group = groups.get(i % 2);
			var flags = i == 10 ? EnumSet.of(Exclusion.DOMESTIC_ABUSE) : EnumSet.noneOf(Exclusion.class);
			var referral = diversion.refer(new ReferralDraft(scheme.id(), String.format("20/%05d/DEMO", 41000 + i),
					group, referred.plusDays(i).minusDays(2), referred.plusDays(i), 1 + i % 3, i == 11 ? 1 : 0, flags,
					true, bands[1 + i % 3], i % 3 == 0 ? Sex.FEMALE : Sex.MALE, ethnicities[i % 5]), navigator);
			if (!referral.decision().eligible()) {
				continue;
			}
			var allocation = diversion.allocate(referral.id(), null, null, navigator);
			var on = referral.referredOn();
			if (allocation.arm() == Arm.DIVERSION) {
				diversion.startContract(
						referral.id(), on.plusDays(2), 4, List.of(ConditionKind.NO_REOFFENDING,
								ConditionKind.DRUG_ASSESSMENT_AND_TREATMENT, ConditionKind.NAVIGATOR_SESSIONS),
						navigator);
				var contract = diversion.caseFile(referral.id(), navigator).contract();
				var treatment = contract.conditions().get(1);
				var link = diversion.createLink(referral.id(), treatment.id(), LegalBasis.CONSENT, navigator);
				diversion.reportAttendance(link, on.plusDays(9), true, clinic);
				diversion.recordSession(referral.id(), on.plusDays(5), true, navigator);
				if (i == 3) {
					var breach = diversion.recordBreach(referral.id(), contract.conditions().get(0).id(),
							on.plusDays(40), "Charged with a further theft from a shop", navigator);
					diversion.decide(referral.id(), breach, ProsecutionDecision.PROSECUTE,
							"Reoffended during the contract: prosecution, as the contract said", navigator);
				}
				else {
					for (var condition : contract.conditions()) {
						diversion.conditionMet(referral.id(), condition.id(), on.plusDays(110), navigator);
					}
					diversion.complete(referral.id(), on.plusDays(115), navigator);
				}
			}
			outcomes.recordOutcome(referral.id(), 12, i % 4 == 0, i % 5 == 0, navigator);
			outcomes.recordSurvey(referral.id(), allocation.arm() == Arm.DIVERSION ? 4 + i % 2 : 2 + i % 3, navigator);
		}
	}

}
