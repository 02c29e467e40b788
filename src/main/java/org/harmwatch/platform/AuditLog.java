package org.harmwatch.platform;

import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * The append-only, keyed, hash-chained record of who read or changed personal data, and
 * of every refusal.
 *
 * <p>
 * Entries are written in their own transaction, so a refusal or a failed change is
 * recorded even when the work around it rolls back. The signed-in user and their agency
 * are taken from the security context.
 */
public interface AuditLog {

	/** Whether the access happened or was refused. */
	enum Outcome {

		ALLOWED, DENIED, FAILED

	}

	/**
	 * Records one access.
	 * @param action what was done, a constant of the module's enum of actions, e.g.
	 * {@code STAFF_VIEWED}
	 * @param recordType the kind of record, e.g. {@code staff}
	 * @param recordId its id, or {@code null} for a search
	 * @param purpose the purpose the record is held for, if it is one
	 * @param outcome allowed, denied or failed
	 * @param detail a short reason or search description; never the personal data itself
	 */
	void record(AuditAction action, String recordType, @Nullable String recordId, @Nullable Purpose purpose,
			Outcome outcome, @Nullable String detail);

	/**
	 * Records one access on behalf of a named actor, for events that happen before anyone
	 * is signed in.
	 */
	void recordFor(String actor, @Nullable String agency, AuditAction action, String recordType,
			@Nullable String recordId, @Nullable Purpose purpose, Outcome outcome, @Nullable String detail);

}
