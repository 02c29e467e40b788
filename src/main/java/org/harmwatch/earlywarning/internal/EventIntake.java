package org.harmwatch.earlywarning.internal;

import java.time.Clock;

import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into evidence in signals. Each event is filed once, however
 * often it is delivered (the event registry redelivers incomplete publications): the
 * spike's id and the sample's id are the keys.
 */
@Component
class EventIntake {

	private final EarlyWarningManagement earlyWarning;

	private final Clock clock;

	EventIntake(EarlyWarningManagement earlyWarning, Clock clock) {
		this.earlyWarning = earlyWarning;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SpikeDetected event) {
		earlyWarning.recordSpike(event, clock.instant());
	}

	@ApplicationModuleListener
	void on(DangerousSampleFound event) {
		earlyWarning.recordDangerousSample(event, clock.instant());
	}

}
