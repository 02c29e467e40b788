package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.DraftChecks;
import org.harmwatch.drugchecking.internal.DrugCheckingAudit;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.DrugCheckingProperties;
import org.harmwatch.drugchecking.internal.ReservedCodeRepository;
import org.harmwatch.drugchecking.internal.SampleCodes;
import org.harmwatch.drugchecking.internal.SampleRepository;
import org.harmwatch.drugchecking.internal.SubstanceMatching;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sample intake: taking a sample in under a new anonymous code (or one a field device
 * reserved and issued offline), finding it again, and its label. Samples hold no personal
 * data: no name, contact details or date of birth. Their results come from
 * {@link ResultManagement} and leave the module through {@link ReleaseManagement}.
 */
@Service
public class SampleManagement {

	private final SampleRepository samples;

	private final SessionManagement sessions;

	private final DraftChecks checks;

	private final SubstanceMatching matching;

	private final AuditLog audit;

	private final ReservedCodeRepository reserved;

	private final DrugCheckingProperties properties;

	SampleManagement(SampleRepository samples, SessionManagement sessions, DraftChecks checks,
			SubstanceMatching matching, AuditLog audit, ReservedCodeRepository reserved,
			DrugCheckingProperties properties) {
		this.reserved = reserved;
		this.properties = properties;
		this.samples = samples;
		this.sessions = sessions;
		this.checks = checks;
		this.matching = matching;
		this.audit = audit;
	}

	/**
	 * What is wrong with a sample draft for the session; empty when it can be taken in.
	 * @throws NotFoundException when there is no such session
	 */
	public List<FieldProblem> check(UUID sessionId, SampleDraft draft) {
		var session = sessions.session(sessionId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.session", sessionId));
		return checks.check(session, draft);
	}

	/**
	 * Takes a sample in and gives it a new anonymous code. Idempotent by client id: when
	 * a sample with the draft's client id exists, it is returned unchanged, so a re-send
	 * is stored once.
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 * @throws NotFoundException when there is no such session
	 */
	@Transactional
	public SampleView takeIn(UUID sessionId, SampleDraft draft, String takenBy, Instant now) {
		return takeIn(sessionId, draft, takenBy, now, null);
	}

	/**
	 * As {@link #takeIn(UUID, SampleDraft, String, Instant)}, under a code a field device
	 * reserved for the session ({@link #reserveCodes}) and issued offline, when
	 * {@code reservedCode} is given; the reservation is then used up.
	 * @throws InputRejectedException naming every wrong field (the code: not reserved for
	 * the session, or used already); nothing is stored then
	 * @throws NotFoundException when there is no such session
	 */
	@Transactional
	public SampleView takeIn(UUID sessionId, SampleDraft draft, String takenBy, Instant now,
			@Nullable String reservedCode) {
		var clientId = draft.clientId() == null ? UUID.randomUUID() : draft.clientId();
		var existing = samples.findByClientId(clientId);
		if (existing.isPresent()) {
			return existing.get();
		}
		var problems = new ArrayList<>(check(sessionId, draft));
		problems.addAll(checkReservedCode(sessionId, reservedCode));
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var soldAs = draft.soldAs().strip();
		var expected = matching.expectedCodes(soldAs);
		boolean pill = draft.form() == DosageForm.PILL;
		var sample = new SampleRepository.NewSample(UUID.randomUUID(), clientId, sessionId, draft.mode(), soldAs,
				expected.isEmpty() ? null : expected.get(0), draft.form(), pill ? trimmed(draft.pillColour()) : null,
				pill ? trimmed(draft.pillLogo()) : null, pill ? trimmed(draft.pillShape()) : null,
				pill ? draft.pillScoreLine() : null, pill ? draft.pillWeightMg() : null,
				trimmed(draft.obtainedLadCode()), trimmed(draft.intendedDose()), Boolean.TRUE.equals(draft.consent()),
				draft.ageBand(), now, takenBy);
		if (reservedCode != null) {
			var code = SampleCodes.normalise(reservedCode);
			if (!reserved.claim(code, sessionId, now)) {
				throw new InputRejectedException(FieldProblem.of("code", "drugchecking.error.code.notReserved"));
			}
			samples.add(sample, code);
			reserved.link(code, sample.id());
			return samples.findByClientId(clientId).orElseThrow();
		}
		for (int attempt = 0;; attempt++) {
			var code = SampleCodes.next();
			if (reserved.isReserved(code)) {
				continue;
			}
			try {
				samples.add(sample, code);
				break;
			}
			catch (DuplicateKeyException ex) {
				if (attempt > 5) {
					throw ex;
				}
			}
		}
		return samples.findByClientId(clientId).orElseThrow();
	}

	/**
	 * What is wrong with a code a device issued offline for the session: it must be one
	 * reserved for the session and not yet used. Empty when there is no code.
	 */
	public List<FieldProblem> checkReservedCode(UUID sessionId, @Nullable String code) {
		if (code == null) {
			return List.of();
		}
		return code.length() <= 40 && reserved.isFree(SampleCodes.normalise(code), sessionId) ? List.of()
				: List.of(FieldProblem.of("code", "drugchecking.error.code.notReserved"));
	}

	/** A block of sample codes reserved for one device, to issue offline. */
	public record CodeBlock(UUID sessionId, String device, List<String> codes) {

		public CodeBlock {
			codes = List.copyOf(codes);
		}

	}

	/**
	 * Reserves a block of sample codes (of the configured size) for a field device while
	 * it is online, to issue offline: each unique across every device and sample, usable
	 * once in this session. Audited.
	 * @throws InputRejectedException when the device's name is blank or longer than 100
	 * characters
	 * @throws NotFoundException when there is no such session, or the user may not change
	 * it
	 */
	@Transactional
	public CodeBlock reserveCodes(UUID sessionId, @Nullable String device, HarmwatchUser user, Instant now) {
		sessions.session(sessionId, user, Action.WRITE);
		if (device == null || device.isBlank() || device.strip().length() > 100) {
			throw new InputRejectedException(FieldProblem.of("device", "drugchecking.error.device"));
		}
		int size = properties.field().codeBlockSize();
		var codes = reserved.reserve(sessionId, device.strip(), user.getUsername(), now, size);
		audit.record(DrugCheckingAudit.DRUG_CHECK_CODES_RESERVED, "drug-checking-session", sessionId.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, size + " codes for device " + device.strip());
		return new CodeBlock(sessionId, device.strip(), codes);
	}

	/** The sample created with this client id, if any. */
	public Optional<SampleView> sampleByClientId(UUID clientId) {
		return samples.findByClientId(clientId);
	}

	/**
	 * The session's samples, as taken in (no results: those come from
	 * {@link ReleaseManagement#releases}).
	 */
	public List<SampleView> samples(UUID sessionId) {
		return samples.ofSession(sessionId);
	}

	/** A sample as taken in, without results. */
	public Optional<SampleView> sample(UUID id) {
		return samples.find(id);
	}

	/**
	 * A sample for a user who wants to read or change it, under its session's owner's
	 * rules ({@link SessionManagement#session(UUID, HarmwatchUser, Action)}).
	 * @throws NotFoundException when there is no such sample, or the user may not use it
	 */
	public SampleView sample(UUID id, HarmwatchUser user, Action action) {
		var sample = sample(id).orElseThrow(() -> new NotFoundException("drugchecking.notFound.sample", id));
		sessions.session(sample.sessionId(), user, action);
		return sample;
	}

	/**
	 * The sample a result version belongs to, for a user who wants to read or change it.
	 * @throws NotFoundException when there is no such result, or the user may not use its
	 * sample
	 */
	public SampleView sampleOfResult(UUID resultId, HarmwatchUser user, Action action) {
		var sampleId = samples.idOfResult(resultId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.result", resultId));
		return sample(sampleId, user, action);
	}

	/**
	 * A sample with its code, for its label and QR code: only for readers the policy
	 * gives codes to ({@link DrugCheckingPolicy#seesCode}). Audited.
	 * @throws NotFoundException when there is no such sample
	 * @throws AccessDeniedException when the reader may not have the code
	 */
	public SampleView labelled(UUID sampleId, HarmwatchUser reader) {
		var audience = DrugCheckingPolicy.audienceOf(reader);
		var sample = sample(sampleId, reader, Action.READ);
		boolean allowed = DrugCheckingPolicy.seesCode(audience);
		audit.record(allowed ? DrugCheckingAudit.DRUG_CHECK_LABEL_VIEWED : DrugCheckingAudit.DRUG_CHECK_LABEL_WITHHELD,
				"drug-checking-sample", sampleId.toString(), Purpose.HEALTH,
				allowed ? AuditLog.Outcome.ALLOWED : AuditLog.Outcome.DENIED, audience.name());
		if (!allowed) {
			throw new AccessDeniedException("A sample's code is for the drug-checking service only.");
		}
		return sample;
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
