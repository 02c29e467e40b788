package org.harmwatch.custodytesting.internal;

import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.internal.CustodyRepository.StoredReferral;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The treatment team's way in to a referral from custody: only health staff of the team
 * it was sent to, under a sharing agreement from the referring police agency, read it
 * ({@link CustodyTestingPolicy}); every refusal is audited. Shared by the services that
 * act on a team's referral.
 */
@Component
public class TeamReferralGuard {

	/** The record type referrals are audited under. */
	public static final String REFERRAL = "custody-referral";

	private final CustodyRepository repository;

	private final SharingManagement sharing;

	private final AuditLog audit;

	TeamReferralGuard(CustodyRepository repository, SharingManagement sharing, AuditLog audit) {
		this.repository = repository;
		this.sharing = sharing;
		this.audit = audit;
	}

	/**
	 * The purposes the referral's owner shares custody testing with the reader's agency
	 * for.
	 */
	public Set<Purpose> sharedWithTeam(StoredReferral referral, HarmwatchUser reader) {
		return sharing.sharedPurposes(referral.ownerAgency(), reader.agencyCode(), Capability.CUSTODY_TESTING,
				Action.READ);
	}

	/**
	 * The referral when the reader's team may read it, locked for update if asked.
	 * @param refused the audit action a refusal is recorded under
	 * @throws AccessDeniedException when the reader is not treatment-team staff (audited)
	 * @throws NotFoundException when there is none the reader may read (audited)
	 */
	public StoredReferral teamReadable(UUID id, HarmwatchUser reader, boolean lock, CustodyTestingAudit refused) {
		if (!CustodyTestingPolicy.mayReadReferrals(reader)) {
			audit.record(refused, REFERRAL, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"needs custody testing read for health, in a health agency");
			throw new AccessDeniedException("Not a treatment team");
		}
		var referral = repository.referral(id, lock).orElse(null);
		if (referral != null && CustodyTestingPolicy.mayReadReferral(reader, referral.teamAgency(),
				sharedWithTeam(referral, reader))) {
			return referral;
		}
		audit.record(refused, REFERRAL, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
				referral == null ? "no such referral" : "not sent to " + reader.agencyCode() + " under an agreement");
		throw new NotFoundException("custodytesting.notFound.referral", id);
	}

}
