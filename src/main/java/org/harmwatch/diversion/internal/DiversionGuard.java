package org.harmwatch.diversion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The checks every diversion service makes before it reads or changes a record: whose
 * records the reader may read (their agency's and those shared for policing), and who may
 * work on them ({@link DiversionPolicy}); every refusal is audited. Shared by the
 * diversion services so that each asks the same way.
 */
@Component
public class DiversionGuard {

	private final SharingManagement sharing;

	private final AuditLog audit;

	DiversionGuard(SharingManagement sharing, AuditLog audit) {
		this.sharing = sharing;
		this.audit = audit;
	}

	/**
	 * The agencies whose records the reader may read: their own and those sharing
	 * diversion for policing.
	 */
	public List<String> owners(HarmwatchUser reader) {
		var owners = new ArrayList<String>();
		owners.add(reader.agencyCode());
		Map<String, Set<Purpose>> shared = sharing.sharingWith(reader.agencyCode(), Capability.DIVERSION, Action.READ);
		shared.forEach((owner, purposes) -> {
			if (purposes.contains(Purpose.POLICING)) {
				owners.add(owner);
			}
		});
		return owners;
	}

	/** Whether the reader may read a record the agency owns. */
	public boolean readable(HarmwatchUser reader, String owner) {
		return DiversionPolicy.mayRead(reader, owner,
				!owner.equals(reader.agencyCode())
						&& sharing.sharedPurposes(owner, reader.agencyCode(), Capability.DIVERSION, Action.READ)
							.contains(Purpose.POLICING));
	}

	/**
	 * Refuses (audited) a reader who may read no diversion records.
	 * @throws AccessDeniedException then
	 */
	public void mustRead(HarmwatchUser reader, String type) {
		if (!DiversionPolicy.mayRead(reader)) {
			audit.record(DiversionAudit.DIVERSION_REFUSED, type, null, Purpose.POLICING, AuditLog.Outcome.DENIED,
					"needs diversion read for policing in a police agency");
			throw new AccessDeniedException("No diversion read for policing");
		}
	}

	/**
	 * Refuses (audited) a user who may not work on the agency's records.
	 * @throws AccessDeniedException then
	 */
	public void mustWork(HarmwatchUser user, String owner, String type, @Nullable UUID id) {
		if (!DiversionPolicy.mayWork(user, owner)) {
			audit.record(DiversionAudit.DIVERSION_REFUSED, type, id == null ? null : id.toString(), Purpose.POLICING,
					AuditLog.Outcome.DENIED, "needs diversion write for policing in the owning police agency");
			throw new AccessDeniedException("No diversion write for policing");
		}
	}

	/**
	 * Audits a record not found or not readable, before the caller answers "not found".
	 */
	public void refused(HarmwatchUser reader, String type, UUID id) {
		audit.record(DiversionAudit.DIVERSION_REFUSED, type, id.toString(), Purpose.POLICING, AuditLog.Outcome.DENIED,
				"not found or not readable");
	}

}
