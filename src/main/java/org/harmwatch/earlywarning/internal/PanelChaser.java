package org.harmwatch.earlywarning.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.earlywarning.PanelManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chases the panel: reminders to members who have not graded and escalation of overdue
 * grading to the out-of-hours lead, each once (see
 * {@link PanelManagement#chase(java.time.Instant)}). One instance at a time runs it
 * (ShedLock).
 */
@Component
class PanelChaser {

	private static final Logger log = LoggerFactory.getLogger(PanelChaser.class);

	private final PanelManagement panel;

	private final Clock clock;

	PanelChaser(PanelManagement panel, Clock clock) {
		this.panel = panel;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${harmwatch.early-warning.panel.chase-every:PT5M}",
			initialDelayString = "${harmwatch.early-warning.panel.chase-initial-delay:PT1M}")
	@SchedulerLock(name = "panel-chaser", lockAtMostFor = "PT10M")
	void run() {
		var chased = panel.chase(clock.instant());
		if (!chased.reminders().isEmpty() || !chased.escalations().isEmpty()) {
			log.info("Panel chaser: {} reminder(s), {} escalation(s)", chased.reminders().size(),
					chased.escalations().size());
		}
	}

}
