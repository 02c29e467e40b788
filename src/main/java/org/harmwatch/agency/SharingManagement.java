package org.harmwatch.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.agency.internal.Agency;
import org.harmwatch.agency.internal.AgencyAudit;
import org.harmwatch.agency.internal.AgencyRepository;
import org.harmwatch.agency.internal.SharingAgreement;
import org.harmwatch.agency.internal.SharingAgreementRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-sharing agreements: which agency's records of a capability another agency may read
 * or change, for which purpose, on which legal basis and between which dates.
 *
 * <p>
 * Administrators record and end them (each change audited); every module that owns
 * records asks here before it lets staff of another agency read or change them.
 */
@Service
public class SharingManagement {

	static final int MAX_REFERENCE = 100;

	static final int MAX_LEGAL_BASIS = 1000;

	private final SharingAgreementRepository agreements;

	private final AgencyRepository agencies;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	SharingManagement(SharingAgreementRepository agreements, AgencyRepository agencies, AuditLog audit, Clock clock,
			RegionSettings region) {
		this.agreements = agreements;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/** What an administrator records. */
	public record Draft(@Nullable String reference, @Nullable String ownerCode, @Nullable String recipientCode,
			@Nullable Capability capability, @Nullable Action access, @Nullable Purpose purpose,
			@Nullable String legalBasis, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	/**
	 * For each agency that shares its records of the capability with the recipient agency
	 * for the action today, the purposes it shares them for.
	 */
	@Transactional(readOnly = true)
	public Map<String, Set<Purpose>> sharingWith(String recipientCode, Capability capability, Action action) {
		var recipient = agencies.findByCode(recipientCode);
		if (recipient.isEmpty()) {
			return Map.of();
		}
		var today = LocalDate.now(clock.withZone(zone));
		var codes = new HashMap<UUID, String>();
		var result = new HashMap<String, Set<Purpose>>();
		for (var agreement : agreements.findByRecipientAndCapability(recipient.get().id(), capability)) {
			if (agreement.allows(action, today)) {
				var owner = codes.computeIfAbsent(agreement.owner(),
						id -> agencies.findById(id).filter(Agency::active).map(Agency::code).orElse(""));
				if (!owner.isEmpty()) {
					result.computeIfAbsent(owner, k -> EnumSet.noneOf(Purpose.class)).add(agreement.purpose());
				}
			}
		}
		return result;
	}

	/**
	 * The purposes for which the owner agency shares its records of the capability with
	 * the recipient today.
	 */
	public Set<Purpose> sharedPurposes(String ownerCode, String recipientCode, Capability capability, Action action) {
		return sharingWith(recipientCode, capability, action).getOrDefault(ownerCode, Set.of());
	}

	@Transactional(readOnly = true)
	public List<SharingAgreementView> agreements() {
		var today = LocalDate.now(clock.withZone(zone));
		var byId = new HashMap<UUID, Agency>();
		agencies.findAll().forEach(a -> byId.put(a.id(), a));
		return agreements.findAllByOrderByCreatedAtDesc().stream().map(a -> view(a, byId, today)).toList();
	}

	/**
	 * Records an agreement. Audited.
	 * @throws InputRejectedException naming the first wrong field; nothing is stored then
	 */
	@Transactional
	public SharingAgreementView record(Draft draft, String by) {
		var reference = required(draft.reference(), "reference", "admin.sharing.error.reference", MAX_REFERENCE);
		var owner = agency(draft.ownerCode(), "owner", "admin.sharing.error.owner");
		var recipient = agency(draft.recipientCode(), "recipient", "admin.sharing.error.recipient");
		if (owner.id().equals(recipient.id())) {
			throw rejected("recipient", "admin.sharing.error.ownRecords");
		}
		if (draft.capability() == null) {
			throw rejected("capability", "admin.sharing.error.capability");
		}
		if (draft.access() != Action.READ && draft.access() != Action.WRITE) {
			throw rejected("access", "admin.sharing.error.access");
		}
		var purpose = draft.purpose();
		if (purpose == null || !draft.capability().purposes().contains(purpose)) {
			throw rejected("purpose", "admin.sharing.error.purpose");
		}
		if (!recipient.type().purposes().contains(purpose)) {
			throw rejected("purpose", "admin.sharing.error.purposeNotHeld", recipient.type().title().toLowerCase(),
					purpose.name().toLowerCase().replace('_', ' '));
		}
		var basis = required(draft.legalBasis(), "legalBasis", "admin.sharing.error.legalBasis", MAX_LEGAL_BASIS);
		if (draft.startsOn() == null) {
			throw rejected("startsOn", "admin.sharing.error.startsOn");
		}
		if (draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			throw rejected("endsOn", "admin.sharing.error.endsOn");
		}
		var agreement = agreements
			.save(SharingAgreement.record(reference, owner.id(), recipient.id(), draft.capability(), draft.access(),
					purpose, basis, draft.startsOn(), draft.endsOn(), by, clock.instant()));
		audit.record(AgencyAudit.SHARING_AGREEMENT_RECORDED, "sharing_agreement", agreement.id().toString(), purpose,
				Outcome.ALLOWED,
				reference + ": " + owner.code() + " -> " + recipient.code() + ", " + draft.capability() + ":"
						+ draft.access() + ", " + draft.startsOn() + " to "
						+ (draft.endsOn() == null ? "open" : draft.endsOn()));
		return view(agreement, Map.of(owner.id(), owner, recipient.id(), recipient),
				LocalDate.now(clock.withZone(zone)));
	}

	/** Ends an agreement now. Audited. */
	@Transactional
	public void end(UUID id, String by) {
		var agreement = agreements.findById(id)
			.orElseThrow(() -> new NotFoundException("admin.error.notFound.sharing_agreement", id));
		if (agreement.endedAt() != null) {
			return;
		}
		agreement.end(by, clock.instant());
		agreements.save(agreement);
		audit.record(AgencyAudit.SHARING_AGREEMENT_ENDED, "sharing_agreement", id.toString(), agreement.purpose(),
				Outcome.ALLOWED, agreement.reference());
	}

	private Agency agency(@Nullable String code, String field, String messageCode) {
		if (code == null || code.isBlank()) {
			throw rejected(field, messageCode);
		}
		return agencies.findByCode(code.strip()).orElseThrow(() -> rejected(field, messageCode));
	}

	private static String required(@Nullable String text, String field, String messageCode, int max) {
		if (text == null || text.isBlank()) {
			throw rejected(field, messageCode);
		}
		if (text.strip().length() > max) {
			throw rejected(field, "admin.error.tooLong", String.valueOf(max));
		}
		return text.strip();
	}

	private static InputRejectedException rejected(String field, String code, Object... arguments) {
		return new InputRejectedException(FieldProblem.of(field, code, arguments));
	}

	private static SharingAgreementView view(SharingAgreement a, Map<UUID, Agency> agencies, LocalDate today) {
		var owner = agencies.get(a.owner());
		var recipient = agencies.get(a.recipient());
		return new SharingAgreementView(a.id(), a.reference(), owner.code(), owner.name(), recipient.code(),
				recipient.name(), a.capability(), a.access(), a.purpose(), a.legalBasis(), a.startsOn(), a.endsOn(),
				a.createdBy(), a.createdAt(), a.endedBy(), a.endedAt(), a.allows(Action.READ, today));
	}

}
