package org.harmwatch.naloxone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.naloxone.internal.KitLedgerRules;
import org.harmwatch.naloxone.internal.LedgerRepository;
import org.harmwatch.naloxone.internal.NaloxoneAudit;
import org.harmwatch.naloxone.internal.NaloxoneOwnership;
import org.harmwatch.naloxone.internal.NaloxonePolicy;
import org.harmwatch.naloxone.internal.NaloxoneProperties;
import org.harmwatch.naloxone.internal.RecordsRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Purpose;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kit ledger: holders, kits received, transferred, supplied to people, returned and
 * disposed of, stock and expiry warnings, and the reissue tasks that overdoses open.
 *
 * <p>
 * Each call takes the user and asks {@link NaloxonePolicy} (through the owners the user
 * may use) before it reads or changes anything; a holder the user may not use is "not
 * found", and the refusal is audited.
 */
@Service
public class KitLedgerManagement {

	/** How many of the latest supplies the ledger shows. */
	static final int SUPPLIES_SHOWN = 50;

	/** How many of the latest training records the ledger shows. */
	static final int TRAINING_SHOWN = 20;

	private final LedgerRepository ledger;

	private final RecordsRepository records;

	private final NaloxoneOwnership ownership;

	private final AuditLog audit;

	private final NaloxoneProperties properties;

	private final RegionSettings region;

	private final GeographyManagement geography;

	private final Clock clock;

	KitLedgerManagement(LedgerRepository ledger, RecordsRepository records, NaloxoneOwnership ownership, AuditLog audit,
			NaloxoneProperties properties, RegionSettings region, GeographyManagement geography, Clock clock) {
		this.ledger = ledger;
		this.records = records;
		this.ownership = ownership;
		this.audit = audit;
		this.properties = properties;
		this.region = region;
		this.geography = geography;
		this.clock = clock;
	}

	/** Today in the region. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(region.timeZone()));
	}

	/** The products the programme supplies. */
	@Transactional(readOnly = true)
	public List<Product> products() {
		return ledger.products();
	}

	/**
	 * Whether any agency has recorded a holder: counts only, so that the demo loads only
	 * into an empty ledger.
	 */
	@Transactional(readOnly = true)
	public boolean hasHolders() {
		return !ledger.allHolders().isEmpty();
	}

	/** The holders whose ledgers the user may use for the action. */
	@Transactional(readOnly = true)
	public List<Holder> holders(HarmwatchUser user, Action action) {
		return ledger.holders(ownership.owners(user, action));
	}

	/**
	 * What the user may see of the ledger; reading it is audited, and supplies to people
	 * (client codes) are shown and audited for health staff only.
	 */
	@Transactional(readOnly = true)
	public Ledger ledger(HarmwatchUser user) {
		var owners = ownership.owners(user, Action.READ);
		if (owners.isEmpty()) {
			audit.record(NaloxoneAudit.NALOXONE_LEDGER_VIEWED, "naloxone-ledger", null, null, Outcome.DENIED,
					"no agency's naloxone records");
			throw new AccessDeniedException("No naloxone records");
		}
		var stock = ledger.stock(owners);
		var today = today();
		var expiring = stock.stream()
			.filter(s -> KitLedgerRules.expiresSoon(s.expiresOn(), today, properties.expiryWarningDays()))
			.sorted((a, b) -> a.expiresOn().compareTo(b.expiresOn()))
			.toList();
		audit.record(NaloxoneAudit.NALOXONE_LEDGER_VIEWED, "naloxone-ledger", null, null, Outcome.ALLOWED,
				"owners " + String.join(",", owners.stream().sorted().toList()));
		List<Ledger.Supply> supplies = null;
		if (NaloxonePolicy.seesClientCodes(user)) {
			supplies = ledger.supplies(owners, SUPPLIES_SHOWN);
			audit.record(NaloxoneAudit.NALOXONE_SUPPLIES_VIEWED, "naloxone-supply", null, Purpose.HEALTH,
					Outcome.ALLOWED, supplies.size() + " supplies");
		}
		return new Ledger(ledger.holders(owners), stock, expiring, properties.expiryWarningDays(),
				records.openTasks(owners), supplies, records.training(owners, TRAINING_SHOWN));
	}

	/** Adds a holder to the user's agency's ledger. */
	@Transactional
	public UUID addHolder(HarmwatchUser user, HolderDraft draft) {
		if (!NaloxonePolicy.mayUse(user, user.agencyCode(), Set.of(), Action.WRITE)) {
			throw new AccessDeniedException("No naloxone write");
		}
		var problems = new ArrayList<FieldProblem>();
		if (ledger.holderNameTaken(user.agencyCode(), draft.name())) {
			problems.add(FieldProblem.of("name", "naloxone.holder.name.taken"));
		}
		if (draft.ladCode() != null
				&& geography.area(draft.ladCode()).filter(a -> a.level() == AreaLevel.LAD).isEmpty()) {
			problems.add(FieldProblem.of("ladCode", "naloxone.holder.ladCode.unknown"));
		}
		if (draft.publicListing() && (draft.address() == null || draft.openingHours() == null)) {
			problems.add(FieldProblem.of("publicListing", "naloxone.holder.publicListing.needsAddress"));
		}
		var ladCode = draft.ladCode();
		String lsoaCode = null;
		if ((draft.latitude() == null) != (draft.longitude() == null)) {
			problems.add(FieldProblem.of(draft.latitude() == null ? "latitude" : "longitude",
					"naloxone.holder.location.both"));
		}
		else if (draft.latitude() != null && draft.longitude() != null) {
			var found = geography.lookup(draft.latitude(), draft.longitude());
			if (found.isEmpty()) {
				problems.add(FieldProblem.of("latitude", "naloxone.holder.location.outside"));
			}
			else if (ladCode != null && !ladCode.equals(found.get().lad().code())) {
				problems.add(
						FieldProblem.of("ladCode", "naloxone.holder.location.otherDistrict", found.get().lad().name()));
			}
			else {
				ladCode = found.get().lad().code();
				lsoaCode = found.get().lsoa() == null ? null : found.get().lsoa().code();
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var sector = draft.sector() != null ? draft.sector() : Sector.usualFor(draft.kind());
		var id = ledger.addHolder(user.agencyCode(), draft, ladCode, lsoaCode, sector, clock.instant(),
				user.getUsername());
		audit.record(NaloxoneAudit.NALOXONE_HOLDER_ADDED, "naloxone-holder", id.toString(), null, Outcome.ALLOWED,
				draft.kind().name());
		return id;
	}

	/**
	 * Records kits moving; refuses (with field problems) what the ledger does not allow:
	 * more kits than the holder has, an expired batch going out, a day still to come.
	 */
	@Transactional
	public UUID record(HarmwatchUser user, MovementDraft draft) {
		if ((draft.kind() == MovementKind.SUPPLIED || draft.kind() == MovementKind.RETURNED)
				&& !NaloxonePolicy.recordsSupplies(user)) {
			audit.record(NaloxoneAudit.NALOXONE_MOVEMENT_REFUSED, "naloxone-movement", null, Purpose.HEALTH,
					Outcome.DENIED, draft.kind().name());
			throw new AccessDeniedException("Supplies to people are health records");
		}
		var problems = new ArrayList<>(KitLedgerRules.shape(draft, today()));
		if (!ledger.productExists(draft.productCode())) {
			problems.add(FieldProblem.of("productCode", "naloxone.movement.productCode.unknown"));
		}
		var holders = new LinkedHashSet<UUID>();
		if (draft.kind().takesFrom() && draft.fromHolder() != null) {
			holders.add(draft.fromHolder());
		}
		if (draft.kind().addsTo() && draft.toHolder() != null) {
			holders.add(draft.toHolder());
		}
		String owner = null;
		for (var id : holders) {
			var holder = ledger.holder(id).filter(h -> ownership.mayUse(user, h.ownerAgency(), Action.WRITE));
			if (holder.isEmpty()) {
				audit.record(NaloxoneAudit.NALOXONE_MOVEMENT_REFUSED, "naloxone-holder", id.toString(), null,
						Outcome.DENIED, "holder not found or not the user's to change");
				problems.add(FieldProblem.of(
						id.equals(draft.fromHolder()) && draft.kind().takesFrom() ? "fromHolder" : "toHolder",
						"naloxone.movement.holder.unknown"));
			}
			else if (owner == null) {
				owner = holder.get().ownerAgency();
			}
		}
		var batch = ledger.batch(draft.productCode(), draft.batchNumber());
		if (batch.isEmpty() && draft.kind() != MovementKind.RECEIVED) {
			problems.add(FieldProblem.of("batchNumber", "naloxone.movement.batch.unknown"));
		}
		if (batch.isEmpty() && draft.kind() == MovementKind.RECEIVED && draft.expiresOn() == null) {
			problems.add(FieldProblem.of("expiresOn", "naloxone.movement.expiresOn.required"));
		}
		if (batch.isPresent() && draft.expiresOn() != null && !batch.get().expiresOn().equals(draft.expiresOn())) {
			problems.add(FieldProblem.of("expiresOn", "naloxone.movement.expiresOn.differs", batch.get().expiresOn()));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var theBatch = batch.orElseGet(() -> ledger.addBatch(draft.productCode(), draft.batchNumber(),
				Objects.requireNonNull(draft.expiresOn())));
		long stock = 0;
		if (draft.kind().takesFrom()) {
			var from = Objects.requireNonNull(draft.fromHolder());
			ledger.lockHolder(from);
			stock = ledger.stock(from, theBatch.id());
		}
		var refusal = KitLedgerRules.refusal(draft.kind(), draft.kits(), stock, theBatch.expiresOn(),
				draft.happenedOn());
		if (refusal != null) {
			throw new InputRejectedException(refusal);
		}
		var id = ledger.addMovement(Objects.requireNonNull(owner), draft, theBatch.id(), clock.instant(),
				user.getUsername());
		audit.record(NaloxoneAudit.NALOXONE_MOVEMENT_RECORDED, "naloxone-movement", id.toString(),
				draft.kind() == MovementKind.SUPPLIED || draft.kind() == MovementKind.RETURNED ? Purpose.HEALTH : null,
				Outcome.ALLOWED, draft.kind().name() + " " + draft.kits());
		return id;
	}

	/** Marks a reissue task done: the holder has its kit back. */
	@Transactional
	public void reissued(HarmwatchUser user, UUID taskId) {
		var task = records.taskState(taskId);
		if (task.isEmpty() || !ownership.mayUse(user, task.get().owner(), Action.WRITE)) {
			audit.record(NaloxoneAudit.NALOXONE_TASK_REFUSED, "naloxone-reissue-task", taskId.toString(), null,
					Outcome.DENIED, task.isEmpty() ? "no such task" : "not the user's to change");
			throw new NotFoundException("naloxone.task.notFound");
		}
		if (task.get().open()) {
			records.taskDone(taskId, clock.instant(), user.getUsername());
			audit.record(NaloxoneAudit.NALOXONE_TASK_DONE, "naloxone-reissue-task", taskId.toString(), null,
					Outcome.ALLOWED, null);
		}
	}

}
