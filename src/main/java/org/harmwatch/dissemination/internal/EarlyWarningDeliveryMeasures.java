package org.harmwatch.dissemination.internal;

import java.time.Instant;

import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.earlywarning.DeliveryMeasures;
import org.springframework.stereotype.Component;

/**
 * Tells early warning's measures dashboard how issued alerts reached people (early warning defines the interface, so it
 * never depends on this module).
 */
@Component
class EarlyWarningDeliveryMeasures implements DeliveryMeasures {

	private final DisseminationManagement dissemination;

	EarlyWarningDeliveryMeasures(DisseminationManagement dissemination) {
		this.dissemination = dissemination;
	}

	@Override
	public Totals since(Instant since) {
		var m = dissemination.measures(since);
		return new Totals(m.deliveries(), m.sent(), m.dead(), m.professionalSent(), m.acknowledged(), m.feedback(),
				m.useful(), m.changedAction());
	}

}
