package org.harmwatch.diversion;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;

import org.harmwatch.diversion.internal.DiversionAudit;
import org.harmwatch.diversion.internal.DiversionGuard;
import org.harmwatch.diversion.internal.DiversionRepository;
import org.harmwatch.diversion.internal.PermutedBlocks;
import org.harmwatch.diversion.internal.SchemeRepository;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diversion schemes: their eligibility rules, trial settings (seed, block size) and
 * costs, and a trial's allocation list drawn again from its seed, each within
 * {@code DiversionPolicy} and audited. The cases referred to a scheme are
 * {@link DiversionManagement}'s.
 */
@Service
public class DiversionSchemeManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DiversionRepository repository;

	private final SchemeRepository schemes;

	private final DiversionGuard guard;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final Clock clock;

	DiversionSchemeManagement(DiversionRepository repository, SchemeRepository schemes, DiversionGuard guard,
			GeographyManagement geography, AuditLog audit, RegionSettings region) {
		this.repository = repository;
		this.schemes = schemes;
		this.guard = guard;
		this.geography = geography;
		this.audit = audit;
		this.clock = Clock.system(region.timeZone());
	}

	/**
	 * Creates a scheme for the user's agency; a trial without a seed gets a random one.
	 * @throws InputRejectedException naming what is wrong
	 */
	@Transactional
	public Scheme createScheme(SchemeDraft draft, HarmwatchUser user) {
		guard.mustWork(user, user.agencyCode(), "diversion-scheme", null);
		var problems = new ArrayList<FieldProblem>();
		var name = draft.name().strip();
		if (name.isEmpty() || name.length() > 120) {
			problems.add(FieldProblem.of("name", "diversion.scheme.name.required"));
		}
		else if (schemes.schemeNamed(user.agencyCode(), name)) {
			problems.add(FieldProblem.of("name", "diversion.scheme.name.taken"));
		}
		if (geography.areas(AreaLevel.LAD).stream().noneMatch(a -> a.code().equals(draft.districtCode()))) {
			problems.add(FieldProblem.of("districtCode", "diversion.scheme.district.required"));
		}
		var rules = draft.rules();
		if (rules.offenceGroups().isEmpty()) {
			problems.add(FieldProblem.of("offenceGroups", "diversion.scheme.offenceGroups.required"));
		}
		if (rules.maxGravity() < 1 || rules.maxGravity() > 5) {
			problems.add(FieldProblem.of("maxGravity", "diversion.scheme.maxGravity.range"));
		}
		if (rules.maxPreviousConvictions() < 0 || rules.maxPreviousConvictions() > 50) {
			problems.add(FieldProblem.of("maxPreviousConvictions", "diversion.scheme.maxPreviousConvictions.range"));
		}
		if (rules.maxOffenceAgeDays() != null && (rules.maxOffenceAgeDays() < 1 || rules.maxOffenceAgeDays() > 3650)) {
			problems.add(FieldProblem.of("maxOffenceAgeDays", "diversion.scheme.maxOffenceAgeDays.range"));
		}
		if (rules.maxMonths() < 1 || rules.maxMonths() > 4) {
			problems.add(FieldProblem.of("maxMonths", "diversion.scheme.maxMonths.range"));
		}
		Integer block = draft.blockSize();
		if (draft.trial() && (block == null || block < 2 || block > 8 || block % 2 != 0)) {
			problems.add(FieldProblem.of("blockSize", "diversion.scheme.blockSize.range"));
		}
		if (draft.contractCostPounds() < 0 || draft.contractCostPounds() > 1_000_000) {
			problems.add(FieldProblem.of("contractCostPounds", "diversion.scheme.cost.range"));
		}
		if (draft.courtCaseCostPounds() < 0 || draft.courtCaseCostPounds() > 1_000_000) {
			problems.add(FieldProblem.of("courtCaseCostPounds", "diversion.scheme.cost.range"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		Long seed = draft.trial() ? (draft.seed() == null ? RANDOM.nextLong() : draft.seed()) : null;
		var scheme = new Scheme(UUID.randomUUID(), user.agencyCode(), name, draft.districtCode(), rules, draft.trial(),
				seed, draft.trial() ? block : null, draft.contractCostPounds(), draft.courtCaseCostPounds(),
				clock.instant());
		schemes.insertScheme(scheme, user.getUsername());
		audit.record(DiversionAudit.DIVERSION_SCHEME_CREATED, "diversion-scheme", scheme.id().toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED,
				draft.trial() ? "trial, seed " + seed + ", blocks of " + block : "decision-maker allocates");
		return scheme;
	}

	/** The schemes the reader may read: their agency's and those shared with it. */
	@Transactional(readOnly = true)
	public List<Scheme> schemes(HarmwatchUser reader) {
		guard.mustRead(reader, "diversion-scheme");
		var found = schemes.schemes(guard.owners(reader));
		audit.record(DiversionAudit.DIVERSION_SCHEMES_LISTED, "diversion-scheme", null, Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, found.size() + " schemes");
		return found;
	}

	/**
	 * One scheme.
	 * @throws NotFoundException when there is none or the reader may not read it
	 */
	@Transactional(readOnly = true)
	public Scheme scheme(UUID id, HarmwatchUser reader) {
		var scheme = schemes.scheme(id).filter(s -> guard.readable(reader, s.ownerAgency()));
		if (scheme.isEmpty()) {
			guard.refused(reader, "diversion-scheme", id);
			throw new NotFoundException("diversion.notFound.scheme", id);
		}
		audit.record(DiversionAudit.DIVERSION_SCHEME_VIEWED, "diversion-scheme", id.toString(), Purpose.POLICING,
				AuditLog.Outcome.ALLOWED, null);
		return scheme.get();
	}

	/**
	 * A trial's allocation list, each entry drawn again from the seed, with the balance
	 * per stratum (audited with the seed).
	 */
	@Transactional(readOnly = true)
	public AllocationList allocationList(UUID schemeId, HarmwatchUser reader) {
		var scheme = schemes.scheme(schemeId).filter(s -> guard.readable(reader, s.ownerAgency()));
		if (scheme.isEmpty()) {
			guard.refused(reader, "diversion-scheme", schemeId);
			throw new NotFoundException("diversion.notFound.scheme", schemeId);
		}
		var s = scheme.get();
		var entries = new ArrayList<AllocationList.Entry>();
		var counts = new EnumMap<OffenceGroup, int[]>(OffenceGroup.class);
		if (s.trial()) {
			var byStratum = new EnumMap<OffenceGroup, List<Arm>>(OffenceGroup.class);
			var allocated = repository.randomAllocations(schemeId);
			for (var referral : allocated) {
				var a = referral.allocation();
				var list = byStratum.computeIfAbsent(a.stratum(), g -> PermutedBlocks.arms(s.seed(), g,
						(int) allocated.stream().filter(r -> r.allocation().stratum() == g).count(), s.blockSize()));
				var redrawn = a.position() < list.size() ? list.get(a.position()) : a.arm();
				entries.add(new AllocationList.Entry(referral.id(), referral.custodyReference(), a.stratum(),
						a.position(), a.arm(), redrawn));
				var n = counts.computeIfAbsent(a.stratum(), g -> new int[2]);
				n[a.arm() == Arm.DIVERSION ? 0 : 1]++;
			}
		}
		var balance = new ArrayList<AllocationList.StratumBalance>();
		counts.forEach((g, n) -> balance.add(new AllocationList.StratumBalance(g, n[0], n[1])));
		var list = new AllocationList(s, entries, balance);
		audit.record(DiversionAudit.DIVERSION_ALLOCATION_LIST_READ, "diversion-scheme", schemeId.toString(),
				Purpose.POLICING, AuditLog.Outcome.ALLOWED, "seed " + s.seed() + ", " + entries.size()
						+ " allocations, " + (list.reproduces() ? "reproduced" : "NOT reproduced"));
		return list;
	}

}
