package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.ConsultationRepository;
import org.harmwatch.drugchecking.internal.ResultVersionRepository;
import org.harmwatch.drugchecking.internal.SameContent;
import org.harmwatch.drugchecking.internal.SampleCodes;
import org.harmwatch.drugchecking.internal.SampleRepository;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offline field mode's sync: a batch of records made on a device without signal
 * (samples, result versions, consultations), each carrying the id the device gave it.
 *
 * <p>
 * Each record is stored once by its client id: a re-sent record with the same content is
 * answered {@link Status#ALREADY_STORED} and changes nothing. A record whose client id is
 * stored with different content, or an edit made on a base the server has moved past
 * (another device recorded a result version, or a consultation, since this device last
 * saw the sample) is a {@link Status#CONFLICT}: nothing is written and the server's
 * version is returned for the analyst to choose. Everything goes through the module's
 * management services, so licence conditions, validation, flags and
 * {@link DangerousSampleFound} apply exactly as online.
 *
 * <p>
 * A batch is validated whole before anything is written; when any record is wrong,
 * nothing of the batch is stored and {@link InputRejectedException} names each wrong
 * record and field.
 */
@Service
public class FieldSyncManagement {

	/** Records per batch. */
	public static final int MAX_RECORDS = 200;

	/** One record made on a device. */
	public sealed interface FieldRecord {

		@Nullable UUID clientId();

	}

	/**
	 * A sample taken in on the device; its client id is the sample's.
	 *
	 * @param code the code the device issued it offline from a block it reserved
	 * ({@link SampleManagement#reserveCodes}); {@code null} for a new code on sync
	 */
	public record FieldSample(@Nullable UUID clientId, SampleDraft draft,
			@Nullable String code) implements FieldRecord {

		public FieldSample(@Nullable UUID clientId, SampleDraft draft) {
			this(clientId, draft, null);
		}

	}

	/**
	 * A result version recorded on the device.
	 *
	 * @param baseVersion the sample's result version the device last saw (0: none), so an
	 * edit on a stale base is a conflict
	 */
	public record FieldResult(@Nullable UUID clientId, @Nullable UUID sampleClientId, int baseVersion,
			ResultDraft draft) implements FieldRecord {
	}

	/**
	 * A consultation recorded on the device.
	 *
	 * @param baseClientId the client id of the consultation the device last saw for the
	 * sample (null: none)
	 */
	public record FieldConsultation(@Nullable UUID clientId, @Nullable UUID sampleClientId, @Nullable UUID baseClientId,
			@Nullable String advice, @Nullable Boolean disposed, @Nullable IntendedChange intendedChange,
			@Nullable String referral) implements FieldRecord {
	}

	public enum Status {

		/** Stored now. */
		STORED,

		/** Stored before with the same content; nothing changed. */
		ALREADY_STORED,

		/** The server holds a different version; nothing changed. */
		CONFLICT

	}

	/**
	 * What became of one record.
	 *
	 * @param sample the stored sample (its id and anonymous code), for every kind of
	 * record
	 * @param version the stored result version (for a result), or the server's current
	 * one (for a result conflict)
	 * @param serverResult the server's current result, for a result conflict
	 * @param serverConsultation the server's consultation, for a consultation conflict
	 * @param serverConsultationClientId the client id of the server's consultation, to
	 * build on when keeping mine
	 * @param reason why it is a conflict
	 */
	public record Outcome(UUID clientId, String kind, Status status, @Nullable SampleView sample,
			@Nullable Integer version, @Nullable ResultVersion serverResult, @Nullable Consultation serverConsultation,
			@Nullable UUID serverConsultationClientId, @Nullable FieldProblem reason) {
	}

	/**
	 * What is wrong with one record of a batch.
	 *
	 * @param record the index of the record in the batch, or -1 for the batch as a whole
	 * @param clientId the id the device gave the record, when it could be read
	 * @param problem the field of the record and the message's code
	 */
	public record RecordProblem(int record, @Nullable UUID clientId, FieldProblem problem) {

		public RecordProblem(int record, @Nullable UUID clientId, String field, String code,
				@Nullable Object... arguments) {
			this(record, clientId, FieldProblem.of(field, code, arguments));
		}

		/** The field, within the record (or of the batch). */
		public String field() {
			return String.valueOf(problem.field());
		}

		/**
		 * The problem as a field of the whole request, e.g. {@code records[2].soldAs}.
		 */
		FieldProblem inRequest() {
			return record < 0 ? problem : new FieldProblem("records[" + record + "]." + problem.field(), problem.code(),
					problem.arguments());
		}

	}

	private final SessionManagement sessionManagement;

	private final SampleManagement sampleManagement;

	private final ResultManagement resultManagement;

	private final SampleRepository sampleRows;

	private final ResultVersionRepository versions;

	private final ConsultationRepository consultations;

	FieldSyncManagement(SessionManagement sessionManagement, SampleManagement sampleManagement,
			ResultManagement resultManagement, SampleRepository sampleRows, ResultVersionRepository versions,
			ConsultationRepository consultations) {
		this.sessionManagement = sessionManagement;
		this.sampleManagement = sampleManagement;
		this.resultManagement = resultManagement;
		this.sampleRows = sampleRows;
		this.versions = versions;
		this.consultations = consultations;
	}

	/**
	 * Stores a batch of records made at the session, in one transaction: samples first,
	 * then results, then consultations, whatever their order in the batch.
	 * @throws InputRejectedException naming each wrong record and field; nothing of the
	 * batch is stored then
	 * @throws NotFoundException when there is no such session
	 */
	@Transactional
	public List<Outcome> sync(UUID sessionId, List<FieldRecord> records, String takenBy, String analyst, Instant now) {
		sessionManagement.session(sessionId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.session", sessionId));
		var problems = check(sessionId, records);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems.stream().map(RecordProblem::inRequest).toList());
		}
		var outcomes = new HashMap<Integer, Outcome>();
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i) instanceof FieldSample s) {
				outcomes.put(i, sample(sessionId, s, takenBy, now));
			}
		}
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i) instanceof FieldResult r) {
				outcomes.put(i, result(r, analyst, now));
			}
		}
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i) instanceof FieldConsultation c) {
				outcomes.put(i, consultation(c, analyst, now));
			}
		}
		var list = new ArrayList<Outcome>();
		for (int i = 0; i < records.size(); i++) {
			list.add(outcomes.get(i));
		}
		return list;
	}

	/** What is wrong with a batch, record by record; empty when it can be synced. */
	public List<RecordProblem> check(UUID sessionId, List<FieldRecord> records) {
		var problems = new ArrayList<RecordProblem>();
		if (records.isEmpty()) {
			problems.add(new RecordProblem(-1, null, "records", "drugchecking.error.sync.none"));
			return problems;
		}
		if (records.size() > MAX_RECORDS) {
			problems.add(new RecordProblem(-1, null, "records", "drugchecking.error.sync.tooMany", MAX_RECORDS));
			return problems;
		}
		var seen = new HashSet<UUID>();
		var codesInBatch = new HashSet<String>();
		var samplesInBatch = new HashSet<UUID>();
		for (var record : records) {
			if (record instanceof FieldSample s && s.clientId() != null) {
				samplesInBatch.add(s.clientId());
			}
		}
		for (int i = 0; i < records.size(); i++) {
			var record = records.get(i);
			int index = i;
			var clientId = record.clientId();
			if (clientId == null) {
				problems.add(new RecordProblem(i, null, "clientId", "drugchecking.error.sync.clientId"));
				continue;
			}
			if (!seen.add(clientId)) {
				problems.add(new RecordProblem(i, clientId, "clientId", "drugchecking.error.sync.clientIdTwice"));
				continue;
			}
			switch (record) {
				case FieldSample s -> {
					var stored = sampleManagement.sampleByClientId(clientId);
					if (stored.isPresent() && !stored.get().sessionId().equals(sessionId)) {
						problems
							.add(new RecordProblem(i, clientId, "clientId", "drugchecking.error.sync.otherSession"));
					}
					else if (stored.isEmpty()) {
						sampleManagement.check(sessionId, s.draft())
							.forEach(p -> problems.add(new RecordProblem(index, clientId, p)));
						sampleManagement.checkReservedCode(sessionId, s.code())
							.forEach(p -> problems.add(new RecordProblem(index, clientId, p)));
						if (s.code() != null && !codesInBatch.add(SampleCodes.normalise(s.code()))) {
							problems.add(new RecordProblem(index, clientId, "code", "drugchecking.error.code.twice"));
						}
					}
				}
				case FieldResult r -> {
					sampleProblem(sessionId, r.sampleClientId(), samplesInBatch, i, clientId).ifPresent(problems::add);
					if (r.baseVersion() < 0) {
						problems
							.add(new RecordProblem(i, clientId, "baseVersion", "drugchecking.error.sync.baseVersion"));
					}
					if (versions.byClientId(clientId).isEmpty()) {
						resultManagement.check(r.draft())
							.forEach(p -> problems.add(new RecordProblem(index, clientId, p)));
					}
				}
				case FieldConsultation c -> {
					sampleProblem(sessionId, c.sampleClientId(), samplesInBatch, i, clientId).ifPresent(problems::add);
					resultManagement.checkConsultation(c.advice(), c.referral())
						.forEach(p -> problems.add(new RecordProblem(index, clientId, p)));
				}
			}
		}
		return problems;
	}

	private Optional<RecordProblem> sampleProblem(UUID sessionId, @Nullable UUID sampleClientId,
			Set<UUID> samplesInBatch, int index, UUID clientId) {
		if (sampleClientId == null) {
			return Optional.of(new RecordProblem(index, clientId, "sampleClientId", "drugchecking.error.sync.sample"));
		}
		if (samplesInBatch.contains(sampleClientId)) {
			return Optional.empty();
		}
		var stored = sampleManagement.sampleByClientId(sampleClientId);
		if (stored.isEmpty() || !stored.get().sessionId().equals(sessionId)) {
			return Optional
				.of(new RecordProblem(index, clientId, "sampleClientId", "drugchecking.error.sync.noSuchSample"));
		}
		return Optional.empty();
	}

	private Outcome sample(UUID sessionId, FieldSample record, String takenBy, Instant now) {
		var clientId = Objects.requireNonNull(record.clientId());
		var stored = sampleManagement.sampleByClientId(clientId);
		if (stored.isPresent()) {
			return SameContent.same(stored.get(), record.draft())
					? new Outcome(clientId, "sample", Status.ALREADY_STORED, stored.get(), null, null, null, null, null)
					: new Outcome(clientId, "sample", Status.CONFLICT, stored.get(), null, null, null, null,
							FieldProblem.global("drugchecking.sync.conflict.sample"));
		}
		var sample = sampleManagement.takeIn(sessionId, record.draft(), takenBy, now, record.code());
		return new Outcome(clientId, "sample", Status.STORED, sample, null, null, null, null, null);
	}

	private Outcome result(FieldResult record, String analyst, Instant now) {
		var clientId = Objects.requireNonNull(record.clientId());
		var sample = sampleManagement.sampleByClientId(Objects.requireNonNull(record.sampleClientId())).orElseThrow();
		// One writer per sample at a time, so the base-version check and the write see
		// the same current version.
		sampleRows.lock(sample.id());
		var stored = versions.byClientId(clientId);
		if (stored.isPresent()) {
			return SameContent.same(stored.get(), record.draft())
					? new Outcome(clientId, "result", Status.ALREADY_STORED, sample, stored.get().version(), null, null,
							null, null)
					: new Outcome(clientId, "result", Status.CONFLICT, sample, stored.get().version(), stored.get(),
							null, null, FieldProblem.global("drugchecking.sync.conflict.result"));
		}
		var current = versions.current(sample.id());
		int currentVersion = current.map(ResultVersion::version).orElse(0);
		if (currentVersion != record.baseVersion()) {
			return new Outcome(clientId, "result", Status.CONFLICT, sample, currentVersion, current.orElse(null), null,
					null,
					FieldProblem.global("drugchecking.sync.conflict.version", currentVersion, record.baseVersion()));
		}
		var result = resultManagement.recordResult(sample.id(), record.draft(), analyst, now);
		versions.setClientId(result.id(), clientId);
		return new Outcome(clientId, "result", Status.STORED, sample, result.version(), null, null, null, null);
	}

	private Outcome consultation(FieldConsultation record, String by, Instant now) {
		var clientId = Objects.requireNonNull(record.clientId());
		var sample = sampleManagement.sampleByClientId(Objects.requireNonNull(record.sampleClientId())).orElseThrow();
		sampleRows.lock(sample.id());
		var stored = consultations.find(sample.id());
		if (stored.isPresent()) {
			var storedId = stored.get().clientId();
			if (clientId.equals(storedId)) {
				return SameContent.same(stored.get().consultation(), record.advice(), record.disposed(),
						record.intendedChange(), record.referral())
								? new Outcome(clientId, "consultation", Status.ALREADY_STORED, sample, null, null, null,
										null, null)
								: new Outcome(clientId, "consultation", Status.CONFLICT, sample, null, null,
										stored.get().consultation(), storedId,
										FieldProblem.global("drugchecking.sync.conflict.consultation"));
			}
			if (!Objects.equals(storedId, record.baseClientId()) || storedId == null) {
				return new Outcome(clientId, "consultation", Status.CONFLICT, sample, null, null,
						stored.get().consultation(), storedId,
						FieldProblem.global("drugchecking.sync.conflict.otherDevice"));
			}
		}
		else if (consultations.existsByClientId(clientId)) {
			return new Outcome(clientId, "consultation", Status.CONFLICT, sample, null, null, null, null,
					FieldProblem.global("drugchecking.sync.conflict.otherSample"));
		}
		resultManagement.recordConsultation(sample.id(), record.advice(), record.disposed(), record.intendedChange(),
				record.referral(), by, now);
		consultations.setClientId(sample.id(), clientId);
		return new Outcome(clientId, "consultation", Status.STORED, sample, null, null, null, null, null);
	}

}
