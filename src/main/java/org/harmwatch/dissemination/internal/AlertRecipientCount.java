package org.harmwatch.dissemination.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.harmwatch.earlywarning.AlertRecipients;
import org.harmwatch.earlywarning.Audience;
import org.springframework.stereotype.Component;

/**
 * Tells early warning who an alert would reach, by the fan-out's own matching rules, so
 * that the approver sees it before signing off.
 */
@Component
class AlertRecipientCount implements AlertRecipients {

	private final Fanout fanout;

	AlertRecipientCount(Fanout fanout) {
		this.fanout = fanout;
	}

	@Override
	public Map<String, Integer> reach(Set<Audience> audiences, boolean exercise, List<String> ladCodes,
			List<String> substanceClasses) {
		return fanout.reach(audiences, exercise, ladCodes, substanceClasses);
	}

}
