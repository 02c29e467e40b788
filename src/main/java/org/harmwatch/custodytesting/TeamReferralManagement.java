package org.harmwatch.custodytesting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.custodytesting.internal.CustodyNames;
import org.harmwatch.custodytesting.internal.CustodyRepository;
import org.harmwatch.custodytesting.internal.CustodyRepository.StoredReferral;
import org.harmwatch.custodytesting.internal.CustodyTestingAudit;
import org.harmwatch.custodytesting.internal.CustodyTestingPolicy;
import org.harmwatch.custodytesting.internal.TeamReferralGuard;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The health side of a referral from custody: the treatment team reads the referrals sent
 * to it (a code and a date, nothing of the arrest) and answers whether treatment started,
 * within {@code CustodyTestingPolicy} and audited. The police side (arrests, tests,
 * assessments, making the referral) is {@link CustodyTestingManagement}'s.
 */
@Service
public class TeamReferralManagement {

	private static final String REFERRAL = TeamReferralGuard.REFERRAL;

	private final CustodyRepository repository;

	private final TeamReferralGuard guard;

	private final CustodyNames names;

	private final SharingManagement sharing;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	TeamReferralManagement(CustodyRepository repository, TeamReferralGuard guard, CustodyNames names,
			SharingManagement sharing, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			RegionSettings region) {
		this.repository = repository;
		this.guard = guard;
		this.names = names;
		this.sharing = sharing;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * A page of the referrals sent to the reader's treatment team, unanswered first
	 * (audited).
	 * @throws AccessDeniedException when the reader is not treatment-team staff (audited)
	 */
	@Transactional(readOnly = true)
	public TeamReferralPage teamReferrals(int page, HarmwatchUser reader) {
		if (!CustodyTestingPolicy.mayReadReferrals(reader)) {
			audit.record(CustodyTestingAudit.CUSTODY_REFERRALS_LISTED, REFERRAL, null, Purpose.HEALTH,
					AuditLog.Outcome.DENIED, "needs custody testing read for health, in a health agency");
			throw new AccessDeniedException("Not a treatment team");
		}
		var owners = referringOwners(reader);
		int number = Math.max(1, Math.min(page, CustodyTestingManagement.MAX_PAGE));
		int size = CustodyTestingManagement.PAGE_SIZE;
		var referrals = owners.isEmpty() ? List.<TeamReferral>of()
				: repository.teamReferrals(reader.agencyCode(), owners, size, (long) (number - 1) * size)
					.stream()
					.map(this::teamView)
					.toList();
		long total = owners.isEmpty() ? 0 : repository.countTeamReferrals(reader.agencyCode(), owners);
		audit.record(CustodyTestingAudit.CUSTODY_REFERRALS_LISTED, REFERRAL, null, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "page " + number + " of " + total);
		return new TeamReferralPage(referrals, number, size, total);
	}

	/**
	 * One referral as its treatment team reads it (audited).
	 * @throws NotFoundException when there is none the reader may read (audited)
	 */
	@Transactional(readOnly = true)
	public TeamReferral teamReferral(UUID id, HarmwatchUser reader) {
		var referral = guard.teamReadable(id, reader, false, CustodyTestingAudit.CUSTODY_REFERRAL_REFUSED);
		audit.record(CustodyTestingAudit.CUSTODY_REFERRAL_VIEWED, REFERRAL, id.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, null);
		return teamView(referral);
	}

	/**
	 * Whether the user is treatment-team staff who may read the referrals sent to their
	 * agency.
	 */
	public boolean mayReadReferrals(HarmwatchUser user) {
		return CustodyTestingPolicy.mayReadReferrals(user);
	}

	/** Whether the reader may answer referrals sent to their team. */
	public boolean mayAnswer(HarmwatchUser reader) {
		return CustodyTestingPolicy.mayReadReferrals(reader)
				&& reader.may(Capability.CUSTODY_TESTING, Action.WRITE, Purpose.HEALTH);
	}

	/**
	 * The treatment team's answer: whether treatment started, and when. A "no" may become
	 * a "yes" later; a "yes" is final.
	 * @throws NotFoundException when there is no referral the reader may read (audited)
	 * @throws AccessDeniedException when they may read but not answer it (audited)
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void answer(UUID referralId, @Nullable Boolean started, @Nullable LocalDate on, HarmwatchUser reader) {
		var referral = guard.teamReadable(referralId, reader, true, CustodyTestingAudit.CUSTODY_TREATMENT_ANSWERED);
		if (!CustodyTestingPolicy.mayAnswer(reader, referral.teamAgency(), guard.sharedWithTeam(referral, reader))) {
			audit.record(CustodyTestingAudit.CUSTODY_TREATMENT_ANSWERED, REFERRAL, referralId.toString(),
					Purpose.HEALTH, AuditLog.Outcome.DENIED, "needs custody testing write for health");
			throw new AccessDeniedException("No custody testing write for health");
		}
		var problems = new ArrayList<FieldProblem>();
		if (Boolean.TRUE.equals(referral.treatmentStarted())) {
			throw new InputRejectedException(FieldProblem.global("custodytesting.answer.startedAlready"));
		}
		if (started == null) {
			problems.add(FieldProblem.of("started", "custodytesting.started.required"));
		}
		else if (started) {
			if (on == null) {
				problems.add(FieldProblem.of("startedOn", "custodytesting.startedOn.required"));
			}
			else if (on.isBefore(referral.referredOn()) || on.isAfter(today())) {
				problems.add(FieldProblem.of("startedOn", "custodytesting.startedOn.range"));
			}
		}
		if (!problems.isEmpty() || started == null) {
			throw new InputRejectedException(problems);
		}
		repository.answer(referralId, started, started ? on : null, reader.getUsername(), clock.instant());
		audit.record(CustodyTestingAudit.CUSTODY_TREATMENT_ANSWERED, REFERRAL, referralId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, started ? "started" : "not started");
		if (started && on != null) {
			var arrest = repository.arrest(referral.arrestId(), false).orElseThrow();
			events.publishEvent(new TreatmentStarted(referralId, names.suiteOf(arrest).districtCode(), on));
		}
	}

	private List<String> referringOwners(HarmwatchUser reader) {
		var owners = new ArrayList<String>();
		sharing.sharingWith(reader.agencyCode(), Capability.CUSTODY_TESTING, Action.READ).forEach((owner, purposes) -> {
			if (CustodyTestingPolicy.mayReadReferral(reader, reader.agencyCode(), purposes)) {
				owners.add(owner);
			}
		});
		return owners;
	}

	private TeamReferral teamView(StoredReferral r) {
		var arrest = repository.arrest(r.arrestId(), false).orElseThrow();
		return new TeamReferral(r.id(), r.teamPersonCode(), r.referredOn(), names.agencyName(r.ownerAgency()),
				names.districtName(names.suiteOf(arrest).districtCode()), r.treatmentStarted(), r.treatmentStartedOn(),
				r.answeredAt());
	}

}
