package org.harmwatch.programme.internal;

import org.harmwatch.dissemination.AlertDeliveriesCounted;
import org.harmwatch.dissemination.DeliveryAcknowledged;
import org.harmwatch.dissemination.FeedbackGiven;
import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.SignalDecided;
import org.harmwatch.earlywarning.SignalEscalated;
import org.harmwatch.earlywarning.SignalGraded;
import org.harmwatch.earlywarning.SignalMerged;
import org.harmwatch.earlywarning.SignalOpened;
import org.harmwatch.earlywarning.SignalStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the measures tables up to date from early warning's and dissemination's events.
 * Every listener is idempotent and does not depend on the order events arrive in (urgency
 * only rises, status only moves on, the latest delivery count wins), so the registry may
 * deliver an event again, or two at once, without changing a figure.
 */
@Component
class MeasuresProjection {

	private final MeasuresRepository repository;

	MeasuresProjection(MeasuresRepository repository) {
		this.repository = repository;
	}

	@ApplicationModuleListener
	void on(SignalOpened event) {
		repository.signalOpened(event.signalId(), event.urgency(), event.openedAt());
	}

	@ApplicationModuleListener
	void on(SignalEscalated event) {
		repository.signalEscalated(event.signalId(), event.urgency());
	}

	@ApplicationModuleListener
	void on(SignalDecided event) {
		repository.signalMovedOn(event.signalId(), event.outcome());
	}

	@ApplicationModuleListener
	void on(SignalGraded event) {
		repository.signalMovedOn(event.signalId(), SignalStatus.GRADED);
	}

	@ApplicationModuleListener
	void on(SignalMerged event) {
		repository.signalMerged(event.merged());
	}

	@ApplicationModuleListener
	void on(AlertIssued event) {
		if (event.version() == 1) {
			repository.alertFirstIssued(event.alertId(), event.level(), event.exercise(), event.issuedAt(),
					event.firstEvidenceAt());
		}
	}

	@ApplicationModuleListener
	void on(AlertDeliveriesCounted event) {
		repository.deliveriesCounted(event.alertId(), event.version(), event.queuedAt(), event.deliveries(),
				event.sent(), event.dead(), event.professionalSent(), event.countedAt());
	}

	@ApplicationModuleListener
	void on(DeliveryAcknowledged event) {
		repository.acknowledged(event.deliveryId(), event.queuedAt());
	}

	@ApplicationModuleListener
	void on(FeedbackGiven event) {
		repository.feedback(event.deliveryId(), event.queuedAt(), event.useful(), event.changedPractice());
	}

}
