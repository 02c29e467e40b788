package org.harmwatch.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceKind;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PotentialHarm;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.ReporterQuestionManagement;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.platform.HarmwatchUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A small believable scenario for the demo, so that each role finds work on signing in: a
 * nitazene signal in Birmingham, reported by a drug service, the ambulance service and
 * A&amp;E, validated, graded by the panel and alerted on to professionals and the public
 * as an exercise (on the public alert pages marked as one, never sent to the public); a
 * xylazine signal in Coventry waiting for the panel, with a duplicate from Solihull
 * merged into it and a question to the drug service that sent that report waiting for its
 * answer; an anonymous report in Wolverhampton waiting for the coordinator; a night-time
 * drug-checking session with results and one sample still to analyse; and professionals
 * on the distribution lists (e-mail and text message), whose alert waits in the demo
 * outbox.
 *
 * <p>
 * Everything goes through the modules' management APIs, as the people named would do it
 * on their pages (their rules, audit and events included), in the demo users' names.
 * Loaded once, after the demo users ({@code DemoData}), when
 * {@code harmwatch.demo.scenario} is on and early warning holds no signal yet (a restart
 * or a second instance changes nothing).
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(20)
class DemoScenario extends DemoRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);

	static final String BIRMINGHAM = "E08000025";

	static final String COVENTRY = "E08000026";

	static final String WOLVERHAMPTON = "E08000031";

	static final String SOLIHULL = "E08000029";

	/** The alert's headline, for finding it again. */
	static final String HEADLINE = "Nitazene (protonitazene) in heroin in Birmingham: repeated naloxone needed";

	private final EarlyWarningManagement earlyWarning;

	private final PanelManagement panel;

	private final ReporterQuestionManagement questions;

	private final AlertManagement alerts;

	private final SessionManagement sessions;

	private final SampleManagement samples;

	private final ResultManagement results;

	private final DisseminationManagement dissemination;

	private final UserDetailsService users;

	private final Clock clock;

	DemoScenario(EarlyWarningManagement earlyWarning, PanelManagement panel, ReporterQuestionManagement questions,
			AlertManagement alerts, SessionManagement sessions, SampleManagement samples, ResultManagement results,
			DisseminationManagement dissemination, UserDetailsService users, Clock clock) {
		super("system:demo-scenario");
		this.earlyWarning = earlyWarning;
		this.panel = panel;
		this.questions = questions;
		this.alerts = alerts;
		this.sessions = sessions;
		this.samples = samples;
		this.results = results;
		this.dissemination = dissemination;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Loads the scenario into a database without signals; instances started together take
	 * turns (a session-level advisory lock, held while the first loads), so the later
	 * ones find it loaded.
	 */
	@Override
	void runAsSystem() {
		locked("harmwatch-demo-scenario", () -> {
			if (earlyWarning.signals(null, null, 1).total() != 0) {
				return;
			}
			var now = clock.instant();
			subscribers(now);
			var alert = nitazeneAlert(now);
			xylazineAwaitingPanel(now);
			anonymousReportAwaitingDecision(now);
			drugChecking(now);
			log.info("Loaded the demo scenario: three signals, exercise alert {} and a drug-checking session", alert);
		});
	}

	private void subscribers(Instant now) {
		// The drug service's staff (the frontline worker and the naloxone lead) by
		// e-mail,
		// A&E by e-mail, and the drug service's on-call phone for Birmingham by text.
		dissemination.addProfessional("BHM-TREAT", null, DeliveryChannel.EMAIL, null, List.of(), List.of(), now);
		dissemination.addProfessional("UHB", null, DeliveryChannel.EMAIL, null, List.of(BIRMINGHAM), List.of(), now);
		dissemination.addProfessional(null, null, DeliveryChannel.SMS, "07700 900123", List.of(BIRMINGHAM), List.of(),
				now);
		dissemination.addProfessional(null, "EARLY_WARNING_COORDINATOR", DeliveryChannel.EMAIL, null, List.of(),
				List.of(), now);
	}

	private UUID nitazeneAlert(Instant now) {
		var first = report(reporter("frontline"), SourceType.DRUG_SERVICE, now.minus(Duration.ofHours(70)), BIRMINGHAM,
				"protonitazene", HowKnown.SUSPECTED, Set.of(Outcome.OVERDOSE), 2,
				"Two clients at the needle exchange collapsed within an hour of each other after using heroin bought "
						+ "on the same street. Each needed three doses of naloxone before they came round. Both "
						+ "recovered; both said the heroin looked and tasted normal.");
		report(reporter("panel2"), SourceType.AMBULANCE, now.minus(Duration.ofHours(52)), BIRMINGHAM, "protonitazene",
				HowKnown.CLINICAL_PICTURE, Set.of(Outcome.OVERDOSE), 1,
				"Man in his forties found unresponsive, pinpoint pupils, respiratory rate 4. Responded only to a "
						+ "fourth dose of naloxone. Said he had used heroin from a new dealer.");
		report(reporter("panel"), SourceType.EMERGENCY_DEPARTMENT, now.minus(Duration.ofHours(30)), BIRMINGHAM,
				"protonitazene", HowKnown.LAB, Set.of(Outcome.OVERDOSE), 1,
				"Toxicology from last week's admission: protonitazene and heroin. Needed a naloxone infusion for six "
						+ "hours in resus.");
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, first.toString()).orElseThrow();
		earlyWarning.decide(signal, SignalStatus.VALIDATED, null, "coordinator", now.minus(Duration.ofHours(29)));
		panel.grade(signal, EvidenceStrength.B, PotentialHarm.HIGH, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				"Three independent sources in three days, one confirmed by laboratory toxicology.", "panel",
				"Priya Panel", now.minus(Duration.ofHours(28)));
		panel.grade(signal, EvidenceStrength.B, PotentialHarm.HIGH, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				"Agree: the clinical picture matches; crews are seeing repeated naloxone doses.", "panel2",
				"Pat Paramedic", now.minus(Duration.ofHours(27)));
		panel.recordOutcome(signal, PanelOutcome.ALERT_PROFESSIONALS_AND_PUBLIC,
				"Both grades agree: alert professionals and the public in Birmingham.", "coordinator",
				now.minus(Duration.ofHours(26)));
		var alert = alerts.draft(signal, new AlertDraft(AlertLevel.WARNING,
				Set.of(Audience.PROFESSIONALS, Audience.PUBLIC), List.of(BIRMINGHAM), List.of("protonitazene"),
				HEADLINE,
				"People who use heroin collapsing quickly, with pinpoint pupils and slow or no breathing, who need "
						+ "more naloxone than usual or fall unconscious again after coming round.",
				"Heroin in Birmingham may contain a nitazene, far stronger than heroin. Do not use alone, start with a "
						+ "small amount, and carry naloxone. If someone will not wake or is breathing slowly, call 999 "
						+ "and give naloxone; give a second dose if they do not wake in 2 to 3 minutes.",
				"Give naloxone and call 999. Be ready to give more than one dose: wait 2 to 3 minutes between doses. "
						+ "Stay with the person: naloxone can wear off before the nitazene does. Make sure clients and "
						+ "their friends carry naloxone. Report every case to early warning.",
				now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(7)), true, null), "coordinator",
				now.minus(Duration.ofHours(25)));
		alerts.approve(alert, user("panel"), false, now.minus(Duration.ofHours(24)));
		return alert;
	}

	private void xylazineAwaitingPanel(Instant now) {
		var report = report(reporter("panel2"), SourceType.AMBULANCE, now.minus(Duration.ofHours(20)), COVENTRY,
				"xylazine", HowKnown.CLINICAL_PICTURE, Set.of(Outcome.UNUSUAL_EFFECTS), 1,
				"Woman heavily sedated for hours after injecting heroin, breathing normally after naloxone but not "
						+ "waking. Open wounds on both forearms away from injection sites.");
		var signal = earlyWarning.signalOf(EvidenceKind.REPORT, report.toString()).orElseThrow();
		earlyWarning.decide(signal, SignalStatus.VALIDATED, null, "coordinator", now.minus(Duration.ofHours(2)));
		// The drug service's outreach team reported the same woman in Solihull, which
		// opened a signal of its own; the coordinator merged it into Coventry's.
		var duplicate = report(reporter("frontline"), SourceType.DRUG_SERVICE, now.minus(Duration.ofHours(16)),
				SOLIHULL, "xylazine", HowKnown.SUSPECTED, Set.of(Outcome.UNUSUAL_EFFECTS), 1,
				"Outreach saw a woman staying in Solihull who was sedated for hours yesterday after heroin bought in "
						+ "Coventry, with open wounds on her forearms. Crews were called to her in Coventry.");
		var duplicateSignal = earlyWarning.signalOf(EvidenceKind.REPORT, duplicate.toString()).orElseThrow();
		earlyWarning.mergeSignal(duplicateSignal, signal,
				"Same woman as the ambulance report in Coventry, reported again by the outreach team in Solihull.",
				"coordinator", now.minus(Duration.ofHours(1)));
		// and asked the outreach team something the panel will want to know; the
		// question waits on the drug service's work queue
		questions.ask(signal, duplicate,
				"Did she say where in Coventry the heroin came from, and have you seen other wounds like these?",
				user("coordinator"), now.minus(Duration.ofMinutes(50)));
	}

	private void anonymousReportAwaitingDecision(Instant now) {
		report(null, SourceType.MEMBER_OF_PUBLIC, now.minus(Duration.ofHours(9)), WOLVERHAMPTON, "ketamine",
				HowKnown.SUSPECTED, Set.of(Outcome.UNUSUAL_EFFECTS), 3,
				"Pink powder sold as 'tusi' at a club night. Three of my friends were sick and very confused for "
						+ "hours, much worse than usual.");
	}

	private UUID report(@Nullable Reporter reporter, SourceType source, Instant occurred, String lad, String substance,
			HowKnown howKnown, Set<Outcome> outcomes, int people, String description) {
		var channel = reporter == null ? Channel.PUBLIC_FORM : Channel.STAFF_FORM;
		return earlyWarning.submit(
				new ReportDraft(channel, source, occurred, null, null, lad,
						List.of(new SubstanceMention(substance, howKnown)), null, outcomes, people, description),
				reporter, occurred.plus(Duration.ofHours(1)));
	}

	private void drugChecking(Instant now) {
		var today = LocalDate.ofInstant(now, clock.getZone());
		var session = sessions.createSession(
				new SessionDraft("Digbeth night-time drug checking", SiteKind.NIGHT_TIME_DISTRICT, BIRMINGHAM,
						"Friday night, Digbeth", today.minusDays(1), today,
						"Ana Analyst (chemist), two harm reduction workers", Set.of(LicenceCondition.ADULTS_ONLY)),
				"analyst", "WM-CHECK", now.minus(Duration.ofHours(20)));
		var pill = samples.takeIn(session,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL, "blue", "Tesla",
						"shield", true, new BigDecimal("410"), BIRMINGHAM, "one pill", true, AgeBand.AGE_18_24),
				"analyst", now.minus(Duration.ofHours(19)));
		results.recordResult(pill.id(),
				new ResultDraft(
						List.of(new ComponentDraft("MDMA", new BigDecimal("230"), QuantityUnit.MG_PER_UNIT, Basis.SALT,
								Confidence.CONFIRMED, AnalysisMethod.FTIR)),
						true, "Very strong pill: about twice a usual dose."),
				"analyst", now.minus(Duration.ofHours(18)));
		var powder = samples.takeIn(session,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "cocaine", DosageForm.POWDER, null, null,
						null, null, null, BIRMINGHAM, "a line", true, AgeBand.AGE_25_34),
				"analyst", now.minus(Duration.ofHours(18)));
		results.recordResult(powder.id(), new ResultDraft(
				List.of(new ComponentDraft("cocaine", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR),
						new ComponentDraft("levamisole", null, null, null, Confidence.PROBABLE, AnalysisMethod.FTIR)),
				true, null), "analyst", now.minus(Duration.ofHours(17)));
		var ketamine = samples.takeIn(session,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "ketamine", DosageForm.CRYSTAL, null,
						null, null, null, null, BIRMINGHAM, null, true, AgeBand.AGE_18_24),
				"analyst", now.minus(Duration.ofHours(17)));
		results.recordResult(ketamine.id(),
				new ResultDraft(List
					.of(new ComponentDraft("ketamine", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR)),
						true, null),
				"analyst", now.minus(Duration.ofHours(16)));
		// Handed in at the end of the night: still to analyse.
		samples.takeIn(
				session, new SampleDraft(UUID.randomUUID(), SampleMode.AMNESTY_BIN, "ketamine", DosageForm.POWDER, null,
						null, null, null, null, BIRMINGHAM, null, true, null),
				"analyst", now.minus(Duration.ofHours(15)));
	}

	private Reporter reporter(String username) {
		var user = user(username);
		return new Reporter(user.id(), user.displayName(), user.agencyCode(), user.agencyName());
	}

	private HarmwatchUser user(String username) {
		return (HarmwatchUser) users.loadUserByUsername(username);
	}

}
