package org.harmwatch.dissemination;

import java.util.List;

import org.harmwatch.earlywarning.AlertIssued;

/**
 * An alert as a professional reads it in their inbox: its issues, newest first.
 *
 * @param reference its reference, e.g. {@code HW-2026-0007}
 * @param versions its issues as sent, the latest first
 * @param sentToReader whether it was sent to the reader (to them, or their agency and
 * role), not only readable by them
 */
public record InboxAlert(String reference, List<AlertIssued> versions, boolean sentToReader) {

	public InboxAlert {
		versions = List.copyOf(versions);
	}

	/** The latest issue. */
	public AlertIssued latest() {
		return versions.getFirst();
	}

	/** The issues before the latest, newest first. */
	public List<AlertIssued> earlier() {
		return versions.subList(1, versions.size());
	}

}
