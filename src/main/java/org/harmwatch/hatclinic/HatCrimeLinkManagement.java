package org.harmwatch.hatclinic;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.agency.SharingAgreementView;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.hatclinic.internal.CrimeLinkKey;
import org.harmwatch.hatclinic.internal.CrimeLinkRepository;
import org.harmwatch.hatclinic.internal.HatAudit;
import org.harmwatch.hatclinic.internal.HatGuard;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recorded crime through a pseudonymised link with a recorded legal basis (issue 16 item
 * 4).
 *
 * <p>
 * The clinic's manager records, once per agreement, the data-sharing agreement under
 * which a police force shares recorded crime with the clinic (and its legal basis text).
 * Clinic staff then link a client to the force by the police person identifier, which is
 * turned into a keyed hash ({@link CrimeLinkKey}) and never stored. The force sends
 * recorded offences per pseudonym and month for everyone in its data, and reads nothing
 * back: which pseudonym is which client stays with the clinic, and the policing side sees
 * only the published aggregate ({@link HatReports#recordedCrime()}).
 */
@Service
public class HatCrimeLinkManagement {

	/** The most rows one sending takes. */
	public static final int MAX_ROWS = 50_000;

	private final CrimeLinkRepository repository;

	private final CrimeLinkKey key;

	private final HatGuard guard;

	private final SharingManagement sharing;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	private final Clock clock;

	HatCrimeLinkManagement(CrimeLinkRepository repository, CrimeLinkKey key, HatGuard guard, SharingManagement sharing,
			AgencyManagement agencies, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.key = key;
		this.guard = guard;
		this.sharing = sharing;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether a key is configured, so that clients can be linked. */
	public boolean keyConfigured() {
		return key.configured();
	}

	/**
	 * The agreements the user's clinic may rely on, by id: in force, from a police force
	 * to the clinic, for the clinic's work and health.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> agreements(HarmwatchUser user) {
		requireManager(user);
		var agreements = new LinkedHashMap<UUID, String>();
		for (var agreement : sharing.agreements()) {
			if (reliable(agreement, user)) {
				agreements.put(agreement.id(), agreement.reference() + ": " + agreement.ownerName());
			}
		}
		return agreements;
	}

	private boolean reliable(SharingAgreementView agreement, HarmwatchUser user) {
		return agreement.inForce() && agreement.recipientCode().equals(user.agencyCode())
				&& agreement.capability() == Capability.HAT_CLINIC && agreement.purpose() == Purpose.HEALTH
				&& agencies.agency(agreement.ownerCode())
					.map(AgencySummary::type)
					.filter(AgencyType.POLICE_FORCE::equals)
					.isPresent();
	}

	/**
	 * Records the agreement as the legal basis of the clinic's links with its force,
	 * once.
	 * @throws InputRejectedException when it is not one the clinic may rely on, or is
	 * recorded already
	 */
	@Transactional
	public UUID recordBasis(UUID agreementId, HarmwatchUser user) {
		requireManager(user);
		var agreement = sharing.agreements()
			.stream()
			.filter(a -> a.id().equals(agreementId) && reliable(a, user))
			.findFirst()
			.orElseThrow(
					() -> new InputRejectedException(FieldProblem.of("agreement", "hatclinic.crimeLink.agreement")));
		var id = UUID.randomUUID();
		if (!repository.addBasis(new CrimeLinkRepository.BasisRow(id, user.agencyCode(), agreement.ownerCode(),
				agreement.id(), agreement.reference(), agreement.legalBasis(), user.getUsername(), clock.instant()))) {
			throw new InputRejectedException(FieldProblem.of("agreement", "hatclinic.crimeLink.agreement.recorded"));
		}
		audit.record(HatAudit.HAT_CRIME_LINK_BASIS_RECORDED, "hat-crime-link-basis", id.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, agreement.reference() + " with " + agreement.ownerCode());
		return id;
	}

	/** The legal bases the user's clinic relies on, newest first. */
	@Transactional(readOnly = true)
	public List<CrimeLinkBasis> bases(HarmwatchUser user) {
		guard.requireRecorder(user);
		return repository.bases(user.agencyCode())
			.stream()
			.map(b -> new CrimeLinkBasis(b.id(), b.forceAgency(),
					agencies.agency(b.forceAgency()).map(AgencySummary::name).orElse(b.forceAgency()),
					b.agreementReference(), b.legalBasis(), b.recordedBy(), b.recordedAt()))
			.toList();
	}

	/**
	 * Links a client to a force's recorded crime by the police person identifier, which
	 * is hashed and never stored.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public void link(UUID enrolmentId, String forceAgency, String identifier, HarmwatchUser user) {
		if (!HatPolicy.mayLinkClient(user)) {
			guard.refuse("needs clinic write for health");
		}
		var enrolment = guard.ownEnrolment(enrolmentId, user);
		if (!key.configured()) {
			throw new InputRejectedException(FieldProblem.global("hatclinic.crimeLink.noKey"));
		}
		var problems = new ArrayList<FieldProblem>();
		var basis = repository.basis(user.agencyCode(), forceAgency).orElse(null);
		if (basis == null) {
			problems.add(FieldProblem.of("force", "hatclinic.crimeLink.force"));
		}
		var normalised = CrimeLinkKey.normalise(identifier);
		if (!CrimeLinkKey.IDENTIFIER.matcher(normalised).matches()) {
			problems.add(FieldProblem.of("identifier", "hatclinic.crimeLink.identifier"));
		}
		if (!problems.isEmpty() || basis == null) {
			throw new InputRejectedException(problems);
		}
		if (!repository.addLink(enrolment.id(), forceAgency, key.pseudonym(forceAgency, normalised), basis.id(),
				user.getUsername(), clock.instant())) {
			throw new InputRejectedException(FieldProblem.of("force", "hatclinic.crimeLink.linked"));
		}
		audit.record(HatAudit.HAT_CRIME_LINK_RECORDED, HatGuard.RECORD, enrolmentId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "linked to " + forceAgency + " under " + basis.agreementReference());
	}

	/** The forces a client of the user's clinic is linked to. */
	@Transactional(readOnly = true)
	public List<String> linkedForces(UUID enrolmentId, HarmwatchUser user) {
		guard.requireRecorder(user);
		guard.ownEnrolment(enrolmentId, user);
		return repository.linkedForces(enrolmentId);
	}

	/**
	 * Takes in a force's recorded offences per pseudonym and month (all or nothing); a
	 * month sent again replaces its count. Nothing is read back.
	 * @return how many rows were taken in
	 * @throws AccessDeniedException when the sender is not a police force's, or no clinic
	 * has recorded a legal basis with the force (audited)
	 * @throws InputRejectedException naming each bad row
	 */
	@Transactional
	public int receive(List<RecordedCrimeCount> rows, HarmwatchUser sender) {
		if (!HatPolicy.maySendRecordedCrime(sender)) {
			audit.record(HatAudit.HAT_REFUSED, "hat-recorded-crime", null, Purpose.POLICING, AuditLog.Outcome.DENIED,
					"needs clinic write for policing, in a police force");
			throw new AccessDeniedException("Recorded crime is sent by a police force");
		}
		var problems = new ArrayList<FieldProblem>();
		if (rows.isEmpty() || rows.size() > MAX_ROWS) {
			problems.add(FieldProblem.of("rows", "hatclinic.recordedCrime.rows", MAX_ROWS));
		}
		var current = YearMonth.now(clock);
		for (int i = 0; i < rows.size() && problems.size() < 20; i++) {
			var row = rows.get(i);
			if (row == null || row.pseudonym() == null || !CrimeLinkKey.PSEUDONYM.matcher(row.pseudonym()).matches()) {
				problems.add(FieldProblem.of("rows[" + i + "].pseudonym", "hatclinic.recordedCrime.pseudonym"));
			}
			if (row == null || row.month() == null || row.month().isAfter(current) || row.month().getYear() < 2000) {
				problems.add(FieldProblem.of("rows[" + i + "].month", "hatclinic.recordedCrime.month"));
			}
			if (row == null || row.offences() == null || row.offences() < 0 || row.offences() > 1000) {
				problems.add(FieldProblem.of("rows[" + i + "].offences", "hatclinic.recordedCrime.offences"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		if (!repository.anyBasisWith(sender.agencyCode())) {
			audit.record(HatAudit.HAT_REFUSED, "hat-recorded-crime", null, Purpose.POLICING, AuditLog.Outcome.DENIED,
					"no clinic has recorded a legal basis with " + sender.agencyCode());
			throw new AccessDeniedException("No recorded legal basis for links with this force");
		}
		var now = clock.instant();
		repository.putCounts(sender.agencyCode(), rows, sender.getUsername(), now);
		audit.record(HatAudit.HAT_RECORDED_CRIME_RECEIVED, "hat-recorded-crime", null, Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, rows.size() + " rows from " + sender.agencyCode());
		return rows.size();
	}

	private void requireManager(HarmwatchUser user) {
		if (!HatPolicy.mayRecordLinkBasis(user)) {
			guard.refuse("needs clinic manage for health");
		}
	}

}
