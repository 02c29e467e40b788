package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.CheckingSession;
import org.harmwatch.drugchecking.internal.CheckingSessionRepository;
import org.harmwatch.drugchecking.internal.DraftChecks;
import org.harmwatch.drugchecking.internal.DrugCheckingAudit;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.SessionOwnership;
import org.harmwatch.drugchecking.internal.SessionViewRepository;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking sessions: planning one at a site with its licence conditions, listing them,
 * and opening one for a user under its owner agency's rules
 * ({@link DrugCheckingPolicy#mayUse}).
 */
@Service
public class SessionManagement {

	/** Sessions per page. */
	public static final int PAGE_SIZE = 25;

	private final SessionViewRepository views;

	private final CheckingSessionRepository sessions;

	private final DraftChecks checks;

	private final SessionOwnership ownership;

	private final GeographyManagement geography;

	private final AuditLog audit;

	SessionManagement(SessionViewRepository views, CheckingSessionRepository sessions, DraftChecks checks,
			SessionOwnership ownership, GeographyManagement geography, AuditLog audit) {
		this.views = views;
		this.sessions = sessions;
		this.checks = checks;
		this.ownership = ownership;
		this.geography = geography;
		this.audit = audit;
	}

	/** The region's local authority districts, by name. */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD).stream().sorted(Comparator.comparing(Area::name)).toList();
	}

	/** What is wrong with a session draft; empty when it can be created. */
	public List<FieldProblem> check(SessionDraft draft) {
		return checks.check(draft);
	}

	/**
	 * Creates a session owned by the agency that runs it, and its site when no site has
	 * that name.
	 * @param ownerAgency the code of the agency that runs the session (the creator's):
	 * its records are that agency's
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public UUID createSession(SessionDraft draft, String createdBy, String ownerAgency, Instant now) {
		var problems = check(draft);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var siteName = draft.siteName().strip();
		var siteId = views.siteNamed(siteName)
			.orElseGet(() -> views.addSite(siteName, draft.siteKind(),
					draft.siteLadCode() == null || draft.siteLadCode().isBlank() ? null : draft.siteLadCode()));
		var session = CheckingSession.plan(siteId, draft.name(), draft.startsOn(), draft.endsOn(), draft.staff(),
				draft.conditions(), now, createdBy, ownerAgency);
		return sessions.save(session).id();
	}

	/** One page of sessions, the latest first. */
	public record SessionPage(List<SessionView> sessions, int page, int pages, long total) {
	}

	/**
	 * One page of the sessions the reader may read: their agency's own, and those of
	 * agencies sharing theirs with the reader's agency under an agreement in force
	 * ({@link DrugCheckingPolicy#mayUse}). Audited.
	 */
	public SessionPage sessions(int page, HarmwatchUser reader) {
		var owners = ownership.readableOwners(reader);
		long total = views.countOwnedBy(owners);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(1, page), pages);
		var list = views.ownedBy(owners, PAGE_SIZE, (p - 1) * PAGE_SIZE);
		audit.record(DrugCheckingAudit.DRUG_CHECK_SESSIONS_LISTED, "drug-checking-session", null, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "page " + p + ", " + list.size() + " sessions");
		return new SessionPage(list, p, pages, total);
	}

	/**
	 * A session, whoever asks: for this module's own work and for the public pages, which
	 * go through releases.
	 */
	public Optional<SessionView> session(UUID id) {
		return views.find(id);
	}

	/**
	 * A session for a user who wants to read, change or export its records, if its owner
	 * agency lets them ({@link DrugCheckingPolicy#mayUse}). A refusal is audited and
	 * looks like a session that does not exist.
	 * @throws NotFoundException when there is no such session, or the user may not use it
	 */
	public SessionView session(UUID id, HarmwatchUser user, Action action) {
		var session = session(id).orElseThrow(() -> new NotFoundException("drugchecking.notFound.session", id));
		if (!ownership.mayUse(user, session.ownerAgency(), action)) {
			audit.record(DrugCheckingAudit.DRUG_CHECK_SESSION_REFUSED, "drug-checking-session", id.toString(),
					Purpose.HEALTH, AuditLog.Outcome.DENIED, action + " by " + user.agencyCode() + " of "
							+ session.ownerAgency() + "'s session: no sharing agreement");
			throw new NotFoundException("drugchecking.notFound.session", id);
		}
		return session;
	}

}
