package org.harmwatch.earlywarning;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * What the expert panel decided a validated signal calls for (PHE Local Drug Information
 * System model), from the least to the most action.
 */
@NamedInterface("events")
public enum PanelOutcome {

	/** No action now; keep monitoring for further reports. */
	MONITOR(Set.of()),

	/** Information to professionals: a briefing, not an alert. */
	INFORM_PROFESSIONALS(Set.of(Audience.PROFESSIONALS)),

	/** An alert to professionals. */
	ALERT_PROFESSIONALS(Set.of(Audience.PROFESSIONALS)),

	/** An alert to professionals and the public. */
	ALERT_PROFESSIONALS_AND_PUBLIC(Set.of(Audience.PROFESSIONALS, Audience.PUBLIC));

	private final Set<Audience> audiences;

	PanelOutcome(Set<Audience> audiences) {
		this.audiences = audiences;
	}

	/**
	 * Who anything issued on this outcome may reach; empty when nothing may be issued.
	 */
	public Set<Audience> audiences() {
		return audiences;
	}

}
