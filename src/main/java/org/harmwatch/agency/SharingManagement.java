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
import org.harmwatch.agency.internal.AgencyRepository;
import org.harmwatch.agency.internal.SharingAgreement;
import org.harmwatch.agency.internal.SharingAgreementRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-sharing agreements: which agency's records of a capability another agency may read or change, for which
 * purpose, on which legal basis and between which dates.
 *
 * <p>Administrators record and end them (each change audited); every module that owns records asks here before it
 * lets staff of another agency read or change them.
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
			@Value("${harmwatch.region.time-zone}") String zone) {
		this.agreements = agreements;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** What an administrator records. */
	public record Draft(@Nullable String reference, @Nullable String ownerCode, @Nullable String recipientCode,
			@Nullable Capability capability, @Nullable Action access, @Nullable Purpose purpose,
			@Nullable String legalBasis, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	/**
	 * For each agency that shares its records of the capability with the recipient agency for the action today, the
	 * purposes it shares them for.
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

	/** The purposes for which the owner agency shares its records of the capability with the recipient today. */
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
	 * @throws AgencyRuleException naming the first wrong field; nothing is stored then
	 */
	@Transactional
	public SharingAgreementView record(Draft draft, String by) {
		var reference = required(draft.reference(), "reference", "Enter the agreement's reference.", MAX_REFERENCE);
		var owner = agency(draft.ownerCode(), "owner", "Choose the agency whose records are shared.");
		var recipient = agency(draft.recipientCode(), "recipient", "Choose the agency the records are shared with.");
		if (owner.id().equals(recipient.id())) {
			throw new AgencyRuleException("recipient", "An agency needs no agreement to use its own records.");
		}
		if (draft.capability() == null) {
			throw new AgencyRuleException("capability", "Choose which records are shared.");
		}
		if (draft.access() != Action.READ && draft.access() != Action.WRITE) {
			throw new AgencyRuleException("access", "Choose whether the records may be read, or read and changed.");
		}
		var purpose = draft.purpose();
		if (purpose == null || !draft.capability().purposes().contains(purpose)) {
			throw new AgencyRuleException("purpose", "Choose a purpose these records can be held for.");
		}
		if (!recipient.type().purposes().contains(purpose)) {
			throw new AgencyRuleException("purpose", "A " + recipient.type().title().toLowerCase() + " may not hold "
					+ purpose.name().toLowerCase().replace('_', ' ') + " data, so no agreement can give it them.");
		}
		var basis = required(draft.legalBasis(), "legalBasis",
				"Enter the legal basis (e.g. the UK GDPR articles and DPA 2018 conditions relied on).", MAX_LEGAL_BASIS);
		if (draft.startsOn() == null) {
			throw new AgencyRuleException("startsOn", "Enter the date the agreement starts.");
		}
		if (draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			throw new AgencyRuleException("endsOn", "The end date must be on or after the start date.");
		}
		var agreement = agreements.save(SharingAgreement.record(reference, owner.id(), recipient.id(),
				draft.capability(), draft.access(), purpose, basis, draft.startsOn(), draft.endsOn(), by,
				clock.instant()));
		audit.record("SHARING_AGREEMENT_RECORDED", "sharing_agreement", agreement.id().toString(), purpose,
				Outcome.ALLOWED, reference + ": " + owner.code() + " -> " + recipient.code() + ", "
						+ draft.capability() + ":" + draft.access() + ", " + draft.startsOn() + " to "
						+ (draft.endsOn() == null ? "open" : draft.endsOn()));
		return view(agreement, Map.of(owner.id(), owner, recipient.id(), recipient),
				LocalDate.now(clock.withZone(zone)));
	}

	/** Ends an agreement now. Audited. */
	@Transactional
	public void end(UUID id, String by) {
		var agreement = agreements.findById(id)
			.orElseThrow(() -> new AgencyManagement.NotFound("sharing_agreement", id.toString()));
		if (agreement.endedAt() != null) {
			return;
		}
		agreement.end(by, clock.instant());
		agreements.save(agreement);
		audit.record("SHARING_AGREEMENT_ENDED", "sharing_agreement", id.toString(), agreement.purpose(),
				Outcome.ALLOWED, agreement.reference());
	}

	private Agency agency(@Nullable String code, String field, String message) {
		if (code == null || code.isBlank()) {
			throw new AgencyRuleException(field, message);
		}
		return agencies.findByCode(code.strip()).orElseThrow(() -> new AgencyRuleException(field, message));
	}

	private static String required(@Nullable String text, String field, String message, int max) {
		if (text == null || text.isBlank()) {
			throw new AgencyRuleException(field, message);
		}
		if (text.strip().length() > max) {
			throw new AgencyRuleException(field, "Use at most " + max + " characters.");
		}
		return text.strip();
	}

	private static SharingAgreementView view(SharingAgreement a, Map<UUID, Agency> agencies, LocalDate today) {
		var owner = agencies.get(a.owner());
		var recipient = agencies.get(a.recipient());
		return new SharingAgreementView(a.id(), a.reference(), owner.code(), owner.name(), recipient.code(),
				recipient.name(), a.capability(), a.access(), a.purpose(), a.legalBasis(), a.startsOn(), a.endsOn(),
				a.createdBy(), a.createdAt(), a.endedBy(), a.endedAt(), a.allows(Action.READ, today));
	}

}
