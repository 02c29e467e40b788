package org.harmwatch.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.programme.internal.FundingOwnership;
import org.harmwatch.programme.internal.FundingPolicy;
import org.harmwatch.programme.internal.FundingRepository;
import org.harmwatch.programme.internal.ProgrammeAudit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funding ledger (recommendation 2): funding streams with their amounts per financial
 * year, the services they pay for, allocations between them, and from the outputs the
 * delivering modules report, the audit of what each district funds and produces and a
 * what-if for pooling. Costs per output and per outcome are computed, never typed in.
 */
@Service
public class FundingManagement {

	/** The most a stream may bring in, or an allocation be, in a year: £1,000,000,000. */
	public static final long MAX_PENCE = 100_000_000_000L;

	private final FundingRepository repository;

	private final FundingOwnership ownership;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final Clock clock;

	private final RegionSettings region;

	FundingManagement(FundingRepository repository, FundingOwnership ownership, GeographyManagement geography,
			AuditLog audit, Clock clock, RegionSettings region) {
		this.repository = repository;
		this.ownership = ownership;
		this.geography = geography;
		this.audit = audit;
		this.clock = clock;
		this.region = region;
	}

	/** The financial year today falls in, in the region's time zone. */
	public FinancialYear currentYear() {
		return FinancialYear.of(LocalDate.now(clock.withZone(region.timeZone())));
	}

	/**
	 * Whether any agency keeps a funding ledger: the demo loads one only when none does.
	 */
	@Transactional(readOnly = true)
	public boolean hasLedger() {
		return repository.anyStream();
	}

	/** Whether the user may record in the ledger. */
	public boolean mayRecord(HarmwatchUser user) {
		return FundingPolicy.mayRecord(user);
	}

	/** One year of the ledger, as the user may read it. */
	@Transactional(readOnly = true)
	public FundingLedger ledger(HarmwatchUser user, FinancialYear year) {
		var owners = ownership.readableOwners(user);
		var names = districtNames();
		var services = repository.services(owners, year.startYear())
			.stream()
			.map(s -> new FundingLedger.Service(s.id(), s.ownerAgency(), s.name(), s.kind(), s.districtCode(),
					names.getOrDefault(s.districtCode(), s.districtCode()), s.provider(), s.allocatedPence()))
			.toList();
		return new FundingLedger(year, repository.streams(owners, year.startYear()), services,
				repository.allocations(owners, year.startYear()));
	}

	/** Adds a funding stream to the user's agency's ledger. */
	@Transactional
	public UUID addStream(HarmwatchUser user, FundingDrafts.Stream draft) {
		requireRecorder(user);
		if (repository.streamNameTaken(user.agencyCode(), draft.name())) {
			throw new InputRejectedException(List.of(FieldProblem.of("name", "programme.funding.stream.name.taken")));
		}
		var id = repository.addStream(user.agencyCode(), draft, user.getUsername(), clock.instant());
		audit.record(ProgrammeAudit.FUNDING_STREAM_ADDED, "funding-stream", id.toString(), FundingPolicy.PURPOSE,
				Outcome.ALLOWED, draft.kind().name());
		return id;
	}

	/**
	 * Records what one of the user's agency's streams brings in a year; never less than
	 * is already allocated from it.
	 */
	@Transactional
	public void setAmount(HarmwatchUser user, FundingDrafts.Amount draft) {
		requireRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		checkYear(draft.year(), problems);
		checkPence(draft.pence(), 0, problems, "pence");
		var owner = repository.lockStream(draft.streamId());
		if (owner.isEmpty() || !owner.get().equals(user.agencyCode())) {
			problems.add(FieldProblem.of("streamId", "programme.funding.stream.notYours"));
		}
		if (problems.isEmpty()) {
			long allocated = repository.allocated(draft.streamId(), draft.year());
			if (draft.pence() < allocated) {
				problems.add(FieldProblem.of("pence", "programme.funding.amount.belowAllocated", pounds(allocated)));
			}
		}
		reject(problems, draft.streamId());
		repository.setAmount(draft.streamId(), draft.year(), draft.pence());
		audit.record(ProgrammeAudit.FUNDING_AMOUNT_SET, "funding-stream", draft.streamId().toString(),
				FundingPolicy.PURPOSE, Outcome.ALLOWED, "year " + draft.year());
	}

	/** Adds a funded service to the user's agency's ledger. */
	@Transactional
	public UUID addService(HarmwatchUser user, FundingDrafts.Service draft) {
		requireRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		if (repository.serviceNameTaken(user.agencyCode(), draft.name())) {
			problems.add(FieldProblem.of("name", "programme.funding.service.name.taken"));
		}
		var district = geography.area(draft.districtCode()).filter(a -> a.level() == AreaLevel.LAD);
		if (district.isEmpty()) {
			problems.add(FieldProblem.of("districtCode", "programme.funding.service.district.unknown"));
		}
		reject(problems, null);
		var id = repository.addService(user.agencyCode(), draft, user.getUsername(), clock.instant());
		audit.record(ProgrammeAudit.FUNDED_SERVICE_ADDED, "funded-service", id.toString(), FundingPolicy.PURPOSE,
				Outcome.ALLOWED, draft.kind().name() + " " + draft.districtCode());
		return id;
	}

	/**
	 * Allocates money from one of the user's agency's streams to a service the user may
	 * read, within what the stream brings in that year.
	 */
	@Transactional
	public UUID allocate(HarmwatchUser user, FundingDrafts.Allocation draft) {
		requireRecorder(user);
		var problems = new ArrayList<FieldProblem>();
		checkYear(draft.year(), problems);
		checkPence(draft.pence(), 1, problems, "pence");
		var owner = repository.lockStream(draft.streamId());
		if (owner.isEmpty() || !owner.get().equals(user.agencyCode())) {
			problems.add(FieldProblem.of("streamId", "programme.funding.stream.notYours"));
		}
		var service = repository.service(draft.serviceId());
		if (service.isEmpty() || !ownership.readableOwners(user).contains(service.get().ownerAgency())) {
			problems.add(FieldProblem.of("serviceId", "programme.funding.service.unknown"));
		}
		if (problems.isEmpty()) {
			var amount = repository.amount(draft.streamId(), draft.year());
			if (amount.isEmpty()) {
				problems.add(FieldProblem.of("year", "programme.funding.allocation.noAmount"));
			}
			else {
				long left = amount.get() - repository.allocated(draft.streamId(), draft.year());
				if (draft.pence() > left) {
					problems.add(FieldProblem.of("pence", "programme.funding.allocation.tooMuch", pounds(left)));
				}
			}
		}
		reject(problems, draft.streamId());
		var id = repository.allocate(draft, user.getUsername(), clock.instant());
		audit.record(ProgrammeAudit.FUNDING_ALLOCATED, "funding-allocation", id.toString(), FundingPolicy.PURPOSE,
				Outcome.ALLOWED, "year " + draft.year());
		return id;
	}

	/** The audit of recommendation 2.1 for a year, over the records the user may read. */
	@Transactional(readOnly = true)
	public FundingAudit audit(HarmwatchUser user, FinancialYear year) {
		var funded = repository.funded(ownership.readableOwners(user), year.startYear());
		var outputs = repository.outputs(year);
		var districts = new ArrayList<FundingAudit.District>();
		for (var district : geography.areas(AreaLevel.LAD)) {
			var lines = new ArrayList<FundingAudit.Line>();
			var gaps = new ArrayList<FundedServiceKind>();
			var overlaps = new ArrayList<FundedServiceKind>();
			var unfunded = new ArrayList<FundedServiceKind>();
			var produced = outputs.getOrDefault(district.code(), Map.of());
			long districtPence = 0;
			for (var kind : FundedServiceKind.values()) {
				var here = funded.stream()
					.filter(f -> f.kind() == kind && f.districtCode().equals(district.code()) && f.pence() > 0)
					.toList();
				long pence = here.stream().mapToLong(FundingRepository.Funded::pence).sum();
				long output = count(produced, kind.output());
				long outcome = count(produced, kind.outcome());
				districtPence += pence;
				if (here.isEmpty() && kind.core()) {
					gaps.add(kind);
				}
				if (here.size() > 1) {
					overlaps.add(kind);
				}
				if (here.isEmpty() && output > 0) {
					unfunded.add(kind);
				}
				if (!here.isEmpty() || output > 0) {
					lines.add(new FundingAudit.Line(kind, here.size(), pence, tally(kind.output(), output),
							tally(kind.outcome(), outcome), perUnit(pence, kind.output(), output),
							perUnit(pence, kind.outcome(), outcome)));
				}
			}
			districts.add(new FundingAudit.District(district.code(), district.name(), lines, districtPence, gaps,
					overlaps, unfunded));
		}
		audit.record(ProgrammeAudit.FUNDING_AUDIT_VIEWED, "funding-audit", null, FundingPolicy.PURPOSE, Outcome.ALLOWED,
				"year " + year.startYear());
		return new FundingAudit(year, districts);
	}

	/**
	 * Recommendation 2.2's what-if: the region's allocations to one kind of service this
	 * year pooled and shared out by population, and the outputs that would buy.
	 */
	@Transactional(readOnly = true)
	public PoolingWhatIf pooling(HarmwatchUser user, FinancialYear year, FundedServiceKind kind) {
		var output = kind.output();
		var funded = repository.funded(ownership.readableOwners(user), year.startYear())
			.stream()
			.filter(f -> f.kind() == kind)
			.toList();
		var outputs = repository.outputs(year);
		var areas = geography.areas(AreaLevel.LAD);
		long pool = funded.stream().mapToLong(FundingRepository.Funded::pence).sum();
		long people = areas.stream().mapToLong(FundingManagement::population).sum();
		// the region's cost per output, from the districts whose own is shown
		long shownPence = 0;
		long shownOutputs = 0;
		for (var area : areas) {
			long pence = penceIn(funded, area);
			long count = count(outputs.getOrDefault(area.code(), Map.of()), output);
			if (perUnit(pence, output, count) != null) {
				shownPence += pence;
				shownOutputs += count;
			}
		}
		Long regional = shownOutputs == 0 ? null : Math.round((double) shownPence / shownOutputs);
		var rows = new ArrayList<PoolingWhatIf.District>();
		long currentTotal = 0;
		long projectedTotal = 0;
		boolean anyWithheld = false;
		boolean allProjected = output != null;
		for (var area : areas) {
			long pence = penceIn(funded, area);
			long count = count(outputs.getOrDefault(area.code(), Map.of()), output);
			var tally = tally(output, count);
			long population = population(area);
			long share = people == 0 ? 0 : Math.round((double) pool * population / people);
			var own = perUnit(pence, output, count);
			Long unitCost = own != null ? own : regional;
			Long projected = unitCost == null || unitCost == 0 ? null : Math.round((double) share / unitCost);
			Long change = projected == null || tally.shown() == null ? null : projected - tally.shown();
			anyWithheld |= tally.withheld();
			currentTotal += count;
			if (projected == null) {
				allProjected = false;
			}
			else {
				projectedTotal += projected;
			}
			rows.add(new PoolingWhatIf.District(area.code(), area.name(), population, pence, tally, share, projected,
					change, own == null && projected != null));
		}
		Long shownCurrent = output == null || anyWithheld ? null : currentTotal;
		Long shownProjected = allProjected ? projectedTotal : null;
		Long change = shownCurrent == null || shownProjected == null ? null : shownProjected - shownCurrent;
		return new PoolingWhatIf(year, kind, pool, regional, rows, shownCurrent, shownProjected, change);
	}

	private static long penceIn(List<FundingRepository.Funded> funded, Area area) {
		return funded.stream()
			.filter(f -> f.districtCode().equals(area.code()))
			.mapToLong(FundingRepository.Funded::pence)
			.sum();
	}

	private static long population(Area area) {
		return area.population() == null ? 0 : area.population();
	}

	private static long count(Map<ServiceOutput, Long> produced, @Nullable ServiceOutput output) {
		return output == null ? 0 : produced.getOrDefault(output, 0L);
	}

	private static Tally tally(@Nullable ServiceOutput output, long count) {
		return output == null ? Tally.notRecorded() : Tally.of(count);
	}

	/**
	 * The cost of one output or outcome, when money was spent and the count is shown (a
	 * cost over a withheld count would give the count away).
	 */
	private static @Nullable Long perUnit(long pence, @Nullable ServiceOutput output, long count) {
		if (output == null || pence == 0 || count < Tally.THRESHOLD) {
			return null;
		}
		return Math.round((double) pence / count);
	}

	private Map<String, String> districtNames() {
		var names = new HashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	private void requireRecorder(HarmwatchUser user) {
		if (!FundingPolicy.mayRecord(user)) {
			audit.record(ProgrammeAudit.FUNDING_REFUSED, "funding-ledger", null, FundingPolicy.PURPOSE, Outcome.DENIED,
					"may not record");
			throw new AccessDeniedException("May not keep the funding ledger");
		}
	}

	private void reject(List<FieldProblem> problems, @Nullable UUID stream) {
		if (!problems.isEmpty()) {
			audit.record(ProgrammeAudit.FUNDING_REFUSED, "funding-stream", stream == null ? null : stream.toString(),
					FundingPolicy.PURPOSE, Outcome.DENIED, problems.get(0).code());
			throw new InputRejectedException(problems);
		}
	}

	private static void checkYear(int year, List<FieldProblem> problems) {
		if (year < FinancialYear.FIRST || year > FinancialYear.LAST) {
			problems
				.add(FieldProblem.of("year", "programme.funding.year.range", FinancialYear.FIRST, FinancialYear.LAST));
		}
	}

	private static void checkPence(long pence, long min, List<FieldProblem> problems, String field) {
		if (pence < min || pence > MAX_PENCE) {
			problems.add(FieldProblem.of(field, "programme.funding.pence.range"));
		}
	}

	/** Pence as pounds for a message: "£1,234.56". */
	static String pounds(long pence) {
		return String.format("£%,d.%02d", pence / 100, pence % 100);
	}

}
