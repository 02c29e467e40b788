package org.harmwatch.earlywarning.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.earlywarning.ReporterQuestionManagement;
import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.EarlyWarningWorkRepository;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Component;

/**
 * Early warning's work on the home page: urgent signals for every early-warning reader,
 * signals with the panel and alerts a laboratory result has overtaken for the
 * coordinator, grades and alert sign-offs due from each panel member and coordinator, and
 * for staff who report, the coordinator's questions to their agency about its reports.
 *
 * <p>
 * Signals are public-health intelligence that every early-warning reader sees, whatever
 * their agency, so they are counted region-wide; grades and sign-offs are counted for the
 * person themselves.
 */
@Component
class EarlyWarningWorkQueue implements WorkQueue {

	private final EarlyWarningWorkRepository work;

	private final ReporterQuestionManagement questions;

	EarlyWarningWorkQueue(EarlyWarningWorkRepository work, ReporterQuestionManagement questions) {
		this.work = work;
		this.questions = questions;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		var items = new ArrayList<WorkItem>();
		if (user.may(Capability.EARLY_WARNING, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE)) {
			items.add(new WorkItem(NavigationGroup.INTELLIGENCE, "earlywarning.home.queue.urgentSignals",
					work.urgentOpenSignals(), "/early-warning/signals?status=OPEN&urgency=URGENT", Urgency.URGENT, 10));
			if (user.may(Capability.EARLY_WARNING, Action.MANAGE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)) {
				items.add(new WorkItem(NavigationGroup.INTELLIGENCE, "earlywarning.home.queue.withPanel",
						work.signalsWithThePanel(), "/early-warning/signals?status=VALIDATED", Urgency.ROUTINE, 20));
				items.add(new WorkItem(NavigationGroup.INTELLIGENCE, "earlywarning.home.queue.alertsToUpdate",
						work.alertsToUpdate(), "/early-warning/signals?alertToUpdate=true", Urgency.URGENT, 25));
			}
		}
		if (EarlyWarningPolicy.answersQuestions(user)) {
			items.add(new WorkItem(NavigationGroup.INTELLIGENCE, "earlywarning.home.queue.questions",
					questions.unansweredForMyAgency(user), "/early-warning/questions", Urgency.URGENT, 5));
		}
		if (EarlyWarningPolicy.mayApprove(user)) {
			items.add(new WorkItem(NavigationGroup.INTELLIGENCE, "earlywarning.home.queue.gradesDue",
					work.gradesDue(user.getUsername()), "/early-warning/panel", Urgency.ROUTINE, 30));
			items.add(new WorkItem(NavigationGroup.INTELLIGENCE, "earlywarning.home.queue.approvals",
					work.approvalsAwaiting(user.getUsername(), now), "/early-warning/alerts", Urgency.URGENT, 40));
		}
		return items;
	}

}
