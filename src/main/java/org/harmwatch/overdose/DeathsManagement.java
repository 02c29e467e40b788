package org.harmwatch.overdose;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.overdose.internal.DeathRepository;
import org.harmwatch.overdose.internal.DrugDeathDefinition;
import org.harmwatch.overdose.internal.OnsRegistrations;
import org.harmwatch.overdose.internal.OverdoseAudit;
import org.harmwatch.overdose.internal.OverdosePolicy;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceManagement;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drug-related deaths: coroners' findings in (all or nothing), with ONS's definitions
 * applied, and the counts by year of registration and of occurrence next to what ONS
 * published. Findings are health records; only health staff record them.
 */
@Service
public class DeathsManagement {

	/** The most findings one request or file sends. */
	public static final int MAX_FINDINGS = 20_000;

	private final DeathRepository deaths;

	private final SubstanceManagement substances;

	private final GeographyManagement geography;

	private final OnsRegistrations ons;

	private final SharingManagement sharing;

	private final AuditLog audit;

	private final Clock clock;

	DeathsManagement(DeathRepository deaths, SubstanceManagement substances, GeographyManagement geography,
			OnsRegistrations ons, SharingManagement sharing, AuditLog audit, Clock clock) {
		this.deaths = deaths;
		this.substances = substances;
		this.geography = geography;
		this.ons = ons;
		this.sharing = sharing;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records the findings for the user's agency, all or none; a finding whose reference
	 * the agency sent before is kept once.
	 * @return how many were new
	 * @throws AccessDeniedException when the user may not record health records of
	 * overdoses (audited)
	 * @throws InputRejectedException naming each finding (from 1) and what is wrong
	 */
	@Transactional
	public int record(List<DeathDraft> findings, HarmwatchUser user) {
		if (user.lawEnforcement() || !user.may(Capability.OVERDOSE, Action.WRITE, Purpose.HEALTH)) {
			audit.record(OverdoseAudit.DEATHS_RECORD_REFUSED, "overdose-death", null, Purpose.HEALTH,
					AuditLog.Outcome.DENIED, "needs overdose write for HEALTH");
			throw new AccessDeniedException("No overdose write for HEALTH");
		}
		if (findings.isEmpty() || findings.size() > MAX_FINDINGS) {
			throw new InputRejectedException(FieldProblem.of("findings", "overdose.death.count", MAX_FINDINGS));
		}
		var districts = new HashMap<String, Area>();
		geography.areas(AreaLevel.LAD).forEach(a -> districts.put(a.code(), a));
		var today = LocalDate.now(clock);
		var problems = new ArrayList<FieldProblem>();
		var stored = new ArrayList<DeathRepository.StoredFinding>();
		int number = 0;
		for (var draft : findings) {
			number++;
			var reference = draft.sourceReference() == null ? "" : draft.sourceReference().strip();
			if (reference.isEmpty() || reference.length() > 100) {
				problems.add(FieldProblem.of("sourceReference", "overdose.death.reference", number));
			}
			if (draft.dateOfDeath() == null || draft.dateOfDeath().isAfter(today)) {
				problems.add(FieldProblem.of("dateOfDeath", "overdose.death.dateOfDeath", number));
			}
			else if (draft.dateOfRegistration() != null && (draft.dateOfRegistration().isBefore(draft.dateOfDeath())
					|| draft.dateOfRegistration().isAfter(today))) {
				problems.add(FieldProblem.of("dateOfRegistration", "overdose.death.dateOfRegistration", number));
			}
			var lad = draft.ladCode() == null ? null : draft.ladCode().strip();
			if (lad == null || !districts.containsKey(lad)) {
				problems.add(FieldProblem.of("ladCode", "overdose.death.ladCode", number));
			}
			var cause = DrugDeathDefinition.normalise(draft.underlyingCause());
			if (cause == null) {
				problems.add(FieldProblem.of("underlyingCause", "overdose.death.cause", number));
			}
			var names = new ArrayList<String>();
			var classes = new LinkedHashSet<String>();
			for (var words : draft.substances()) {
				if (words == null || words.isBlank() || words.length() > 200) {
					problems.add(FieldProblem.of("substances", "overdose.death.substances", number));
					break;
				}
				var resolved = substances.resolve(words.strip());
				var name = resolved.map(r -> r.substance().name()).orElse(words.strip());
				resolved.ifPresent(r -> r.substance().substanceClass().lineage().forEach(c -> classes.add(c.name())));
				if (!names.contains(name)) {
					names.add(name);
				}
			}
			if (problems.isEmpty()) {
				stored.add(new DeathRepository.StoredFinding(UUID.randomUUID(), user.agencyCode(), reference,
						draft.dateOfDeath(), draft.dateOfRegistration(), lad, cause, names, List.copyOf(classes),
						draft.controlledUnderMisuseOfDrugsAct(), DrugDeathDefinition.drugPoisoning(cause),
						DrugDeathDefinition.drugMisuse(cause, draft.controlledUnderMisuseOfDrugsAct()),
						user.getUsername(), clock.instant()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems.subList(0, Math.min(problems.size(), 20)));
		}
		int created = 0;
		for (var finding : stored) {
			if (deaths.insert(finding)) {
				created++;
			}
		}
		audit.record(OverdoseAudit.DEATHS_RECORDED, "overdose-death", null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				created + " new of " + findings.size());
		return created;
	}

	/**
	 * Deaths per district of the region and year, by registration and by occurrence, of
	 * the findings the reader may read, next to ONS's published registrations (audited).
	 * @throws AccessDeniedException when the user may not read overdoses (audited)
	 */
	@Transactional(readOnly = true)
	public DeathTable table(int firstYear, int lastYear, HarmwatchUser reader) {
		if (!OverdosePolicy.mayRead(reader)) {
			audit.record(OverdoseAudit.DEATHS_READ, "overdose-death", null, null, AuditLog.Outcome.DENIED,
					"needs overdose read");
			throw new AccessDeniedException("No overdose read");
		}
		var shared = sharing.sharingWith(reader.agencyCode(), Capability.OVERDOSE, Action.READ);
		var owners = new ArrayList<String>();
		if (OverdosePolicy.detail(reader, reader.agencyCode(), Purpose.HEALTH, Set.of()) != null) {
			owners.add(reader.agencyCode());
		}
		shared.forEach((owner, purposes) -> {
			if (OverdosePolicy.detail(reader, owner, Purpose.HEALTH, purposes) != null) {
				owners.add(owner);
			}
		});
		var registered = new HashMap<String, DeathRepository.Count>();
		deaths.byRegistration(owners, firstYear, lastYear).forEach(c -> registered.put(c.ladCode() + c.year(), c));
		var occurred = new HashMap<String, DeathRepository.Count>();
		deaths.byOccurrence(owners, firstYear, lastYear).forEach(c -> occurred.put(c.ladCode() + c.year(), c));
		var none = new DeathRepository.Count("", 0, 0, 0);
		var rows = new ArrayList<DeathTable.Row>();
		var lads = geography.areas(AreaLevel.LAD).stream().sorted(Comparator.comparing(Area::name)).toList();
		for (var lad : lads) {
			for (int year = firstYear; year <= lastYear; year++) {
				var r = registered.getOrDefault(lad.code() + year, none);
				var o = occurred.getOrDefault(lad.code() + year, none);
				rows.add(new DeathTable.Row(lad.code(), lad.name(), year, r.poisoning(), r.misuse(), o.poisoning(),
						o.misuse(), ons.registered(lad.code(), year)));
			}
		}
		audit.record(OverdoseAudit.DEATHS_READ, "overdose-death", null, Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				firstYear + "–" + lastYear + ", " + owners.size() + " owners");
		return new DeathTable(firstYear, lastYear, rows, OnsRegistrations.SOURCE);
	}

}
