package org.harmwatch.platform;

/**
 * Something the audit log records, named once in a module's enum of actions rather than
 * typed as text at each call.
 *
 * <p>
 * A module declares {@code enum SubstanceAudit implements AuditAction {
 * SUBSTANCE_CREATED, … }}; the enum constant's name is what the log stores, so existing
 * entries and searches keep their meaning.
 */
public interface AuditAction {

	/** The action as stored in the log, e.g. {@code STAFF_VIEWED}. */
	String name();

}
