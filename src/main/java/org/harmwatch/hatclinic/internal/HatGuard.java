package org.harmwatch.hatclinic.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The checks every service of the clinic makes before it touches a record: the user's
 * role under {@link HatPolicy}, that a referral or enrolment belongs to the user's
 * agency, and what another agency shares; each refusal audited. Shared by the referral
 * intake and the clinic's treatment services so that the checks are written once.
 */
@Component
public class HatGuard {

	/** The audit log's name for a client's record. */
	public static final String RECORD = "hat-client";

	private static final String REFERRAL = "hat-referral";

	private final HatRepository repository;

	private final SharingManagement sharing;

	private final AuditLog audit;

	private final RegionSettings region;

	private final Clock clock;

	HatGuard(HatRepository repository, SharingManagement sharing, AuditLog audit, RegionSettings region, Clock clock) {
		this.repository = repository;
		this.sharing = sharing;
		this.audit = audit;
		this.region = region;
		this.clock = clock;
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(region.timeZone()));
	}

	/**
	 * Refuses (audited) anyone who may not record for the clinic.
	 * @throws AccessDeniedException when the user may not
	 */
	public void requireRecorder(HarmwatchUser user) {
		if (!HatPolicy.mayRecord(user)) {
			refuse("needs clinic write for health");
		}
	}

	/**
	 * Refuses (audited) anyone who may not read their own agency's records.
	 * @throws AccessDeniedException when the user may not
	 */
	public void requireOwnReader(HarmwatchUser user) {
		if (!HatPolicy.mayRead(user, user.agencyCode(), Set.of())) {
			refuse("needs clinic read for health");
		}
	}

	/**
	 * Records the refusal and throws.
	 * @throws AccessDeniedException always
	 */
	public void refuse(String why) {
		audit.record(HatAudit.HAT_REFUSED, RECORD, null, Purpose.HEALTH, AuditLog.Outcome.DENIED, why);
		throw new AccessDeniedException(why);
	}

	/** The purposes the owner shares with the reader's agency (none for the owner). */
	public Set<Purpose> shared(String owner, HarmwatchUser reader) {
		return owner.equals(reader.agencyCode()) ? Set.of()
				: sharing.sharedPurposes(owner, reader.agencyCode(), Capability.HAT_CLINIC, Action.READ);
	}

	/**
	 * The referral if it belongs to the user's agency.
	 * @throws NotFoundException otherwise (audited)
	 */
	public HatRepository.ReferralRow ownReferral(UUID id, HarmwatchUser user) {
		var row = repository.referral(id).orElse(null);
		if (row == null || !row.owner().equals(user.agencyCode())) {
			audit.record(HatAudit.HAT_REFUSED, REFERRAL, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"not a referral of the agency");
			throw new NotFoundException("hatclinic.notFound.referral", id);
		}
		return row;
	}

	/**
	 * The referral if the reader may read it, their own agency's or shared for health.
	 * @throws NotFoundException otherwise (audited)
	 */
	public HatRepository.ReferralRow readableReferral(UUID id, HarmwatchUser reader) {
		var row = repository.referral(id).orElse(null);
		if (row == null || !HatPolicy.mayRead(reader, row.owner(), shared(row.owner(), reader))) {
			audit.record(HatAudit.HAT_REFUSED, REFERRAL, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					row == null ? "no such referral" : "owned by " + row.owner() + ", not shared");
			throw new NotFoundException("hatclinic.notFound.referral", id);
		}
		return row;
	}

	/**
	 * The enrolment if it belongs to the user's agency.
	 * @throws NotFoundException otherwise (audited)
	 */
	public HatRepository.EnrolmentRow ownEnrolment(UUID id, HarmwatchUser user) {
		var row = repository.enrolment(id).orElse(null);
		if (row == null || !row.owner().equals(user.agencyCode())) {
			audit.record(HatAudit.HAT_REFUSED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					"not a client of the agency");
			throw new NotFoundException("hatclinic.notFound.patient", id);
		}
		return row;
	}

	/**
	 * The enrolment if the reader may read it, their own agency's or shared for health.
	 * @throws NotFoundException otherwise (audited)
	 */
	public HatRepository.EnrolmentRow readableEnrolment(UUID id, HarmwatchUser reader) {
		HatRepository.@Nullable EnrolmentRow row = repository.enrolment(id).orElse(null);
		if (row == null || !HatPolicy.mayRead(reader, row.owner(), shared(row.owner(), reader))) {
			audit.record(HatAudit.HAT_REFUSED, RECORD, id.toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED,
					row == null ? "no such client" : "owned by " + row.owner() + ", not shared");
			throw new NotFoundException("hatclinic.notFound.patient", id);
		}
		return row;
	}

}
