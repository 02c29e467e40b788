package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offline field mode's sync: a batch of records made on a device without signal (samples, result versions,
 * consultations), each carrying the id the device gave it.
 *
 * <p>Each record is stored once by its client id: a re-sent record with the same content is answered
 * {@link Status#ALREADY_STORED} and changes nothing. A record whose client id is stored with different content, or an
 * edit made on a base the server has moved past (another device recorded a result version, or a consultation, since
 * this device last saw the sample) is a {@link Status#CONFLICT}: nothing is written and the server's version is
 * returned for the analyst to choose. Everything goes through {@link DrugCheckingManagement}, so licence conditions,
 * validation, flags and {@link DangerousSampleFound} apply exactly as online.
 *
 * <p>A batch is validated whole before anything is written; when any record is wrong, nothing of the batch is stored
 * and {@link FieldSyncRejectedException} names each wrong record and field.
 */
@Service
public class DrugCheckingSync {

	/** Records per batch. */
	public static final int MAX_RECORDS = 200;

	/** One record made on a device. */
	public sealed interface FieldRecord {

		@Nullable UUID clientId();

	}

	/** A sample taken in on the device; its client id is the sample's. */
	public record FieldSample(@Nullable UUID clientId, SampleDraft draft) implements FieldRecord {
	}

	/**
	 * A result version recorded on the device.
	 * @param baseVersion the sample's result version the device last saw (0: none), so an edit on a stale base is a
	 * conflict
	 */
	public record FieldResult(@Nullable UUID clientId, @Nullable UUID sampleClientId, int baseVersion,
			ResultDraft draft) implements FieldRecord {
	}

	/**
	 * A consultation recorded on the device.
	 * @param baseClientId the client id of the consultation the device last saw for the sample (null: none)
	 */
	public record FieldConsultation(@Nullable UUID clientId, @Nullable UUID sampleClientId,
			@Nullable UUID baseClientId, @Nullable String advice, @Nullable Boolean disposed,
			@Nullable IntendedChange intendedChange, @Nullable String referral) implements FieldRecord {
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
	 * @param sample the stored sample (its id and anonymous code), for every kind of record
	 * @param version the stored result version (for a result), or the server's current one (for a result conflict)
	 * @param serverResult the server's current result, for a result conflict
	 * @param serverConsultation the server's consultation, for a consultation conflict
	 * @param serverConsultationClientId the client id of the server's consultation, to build on when keeping mine
	 * @param reason why it is a conflict
	 */
	public record Outcome(UUID clientId, String kind, Status status, @Nullable SampleView sample,
			@Nullable Integer version, @Nullable ResultVersion serverResult,
			@Nullable Consultation serverConsultation, @Nullable UUID serverConsultationClientId,
			@Nullable String reason) {
	}

	/** What is wrong with one record of a batch. */
	public record RecordProblem(int record, @Nullable UUID clientId, String field, String message) {
	}

	private final DrugCheckingManagement drugChecking;

	private final JdbcClient jdbc;

	DrugCheckingSync(DrugCheckingManagement drugChecking, JdbcClient jdbc) {
		this.drugChecking = drugChecking;
		this.jdbc = jdbc;
	}

	/**
	 * Stores a batch of records made at the session, in one transaction: samples first, then results, then
	 * consultations, whatever their order in the batch.
	 * @throws FieldSyncRejectedException naming each wrong record and field; nothing of the batch is stored then
	 * @throws DrugCheckingManagement.NotFound when there is no such session
	 */
	@Transactional
	public List<Outcome> sync(UUID sessionId, List<FieldRecord> records, String takenBy, String analyst, Instant now) {
		drugChecking.session(sessionId).orElseThrow(() -> new DrugCheckingManagement.NotFound("session " + sessionId));
		var problems = check(sessionId, records);
		if (!problems.isEmpty()) {
			throw new FieldSyncRejectedException(problems);
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
			problems.add(new RecordProblem(-1, null, "records", "Send at least one record."));
			return problems;
		}
		if (records.size() > MAX_RECORDS) {
			problems.add(new RecordProblem(-1, null, "records", "Send at most " + MAX_RECORDS + " records at a time."));
			return problems;
		}
		var seen = new HashSet<UUID>();
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
				problems.add(new RecordProblem(i, null, "clientId", "Every record needs the id the device gave it."));
				continue;
			}
			if (!seen.add(clientId)) {
				problems.add(new RecordProblem(i, clientId, "clientId", "This id is used by two records of the batch."));
				continue;
			}
			switch (record) {
				case FieldSample s -> {
					var stored = drugChecking.sampleByClientId(clientId);
					if (stored.isPresent() && !stored.get().sessionId().equals(sessionId)) {
						problems.add(new RecordProblem(i, clientId, "clientId",
								"This sample belongs to another session."));
					}
					else if (stored.isEmpty()) {
						drugChecking.check(sessionId, s.draft())
							.forEach(p -> problems.add(new RecordProblem(index, clientId, p.field(), p.message())));
					}
				}
				case FieldResult r -> {
					sampleProblem(sessionId, r.sampleClientId(), samplesInBatch, i, clientId).ifPresent(problems::add);
					if (r.baseVersion() < 0) {
						problems.add(new RecordProblem(i, clientId, "baseVersion", "The base version is 0 or more."));
					}
					if (storedResult(clientId).isEmpty()) {
						drugChecking.check(r.draft())
							.forEach(p -> problems.add(new RecordProblem(index, clientId, p.field(), p.message())));
					}
				}
				case FieldConsultation c -> {
					sampleProblem(sessionId, c.sampleClientId(), samplesInBatch, i, clientId).ifPresent(problems::add);
					drugChecking.checkConsultation(c.advice(), c.referral())
						.forEach(p -> problems.add(new RecordProblem(index, clientId, p.field(), p.message())));
				}
			}
		}
		return problems;
	}

	private Optional<RecordProblem> sampleProblem(UUID sessionId, @Nullable UUID sampleClientId,
			Set<UUID> samplesInBatch, int index, UUID clientId) {
		if (sampleClientId == null) {
			return Optional.of(new RecordProblem(index, clientId, "sampleClientId", "Say which sample this is for."));
		}
		if (samplesInBatch.contains(sampleClientId)) {
			return Optional.empty();
		}
		var stored = drugChecking.sampleByClientId(sampleClientId);
		if (stored.isEmpty() || !stored.get().sessionId().equals(sessionId)) {
			return Optional.of(new RecordProblem(index, clientId, "sampleClientId",
					"There is no such sample in this session: send the sample with it."));
		}
		return Optional.empty();
	}

	private Outcome sample(UUID sessionId, FieldSample record, String takenBy, Instant now) {
		var clientId = Objects.requireNonNull(record.clientId());
		var stored = drugChecking.sampleByClientId(clientId);
		if (stored.isPresent()) {
			return same(stored.get(), record.draft())
					? new Outcome(clientId, "sample", Status.ALREADY_STORED, stored.get(), null, null, null, null, null)
					: new Outcome(clientId, "sample", Status.CONFLICT, stored.get(), null, null, null, null,
							"A different sample is stored with this id.");
		}
		var sample = drugChecking.takeIn(sessionId, record.draft(), takenBy, now);
		return new Outcome(clientId, "sample", Status.STORED, sample, null, null, null, null, null);
	}

	private Outcome result(FieldResult record, String analyst, Instant now) {
		var clientId = Objects.requireNonNull(record.clientId());
		var sample = drugChecking.sampleByClientId(Objects.requireNonNull(record.sampleClientId())).orElseThrow();
		// One writer per sample at a time, so the base-version check and the write see the same current version.
		jdbc.sql("SELECT id FROM drugchecking.sample WHERE id = ? FOR UPDATE").param(sample.id()).query(UUID.class).single();
		var stored = storedResult(clientId);
		if (stored.isPresent()) {
			return same(stored.get(), record.draft())
					? new Outcome(clientId, "result", Status.ALREADY_STORED, sample, stored.get().version(), null, null,
							null, null)
					: new Outcome(clientId, "result", Status.CONFLICT, sample, stored.get().version(), stored.get(), null,
							null, "A different result is stored with this id.");
		}
		var current = currentResult(sample.id());
		int currentVersion = current.map(ResultVersion::version).orElse(0);
		if (currentVersion != record.baseVersion()) {
			return new Outcome(clientId, "result", Status.CONFLICT, sample, currentVersion, current.orElse(null), null,
					null, "The sample's result was changed on another device (version " + currentVersion
							+ ") since this device saw version " + record.baseVersion() + ".");
		}
		var result = drugChecking.recordResult(sample.id(), record.draft(), analyst, now);
		jdbc.sql("UPDATE drugchecking.result SET client_id = ? WHERE id = ?").param(clientId).param(result.id()).update();
		return new Outcome(clientId, "result", Status.STORED, sample, result.version(), null, null, null, null);
	}

	private Outcome consultation(FieldConsultation record, String by, Instant now) {
		var clientId = Objects.requireNonNull(record.clientId());
		var sample = drugChecking.sampleByClientId(Objects.requireNonNull(record.sampleClientId())).orElseThrow();
		jdbc.sql("SELECT id FROM drugchecking.sample WHERE id = ? FOR UPDATE").param(sample.id()).query(UUID.class).single();
		var stored = storedConsultation(sample.id());
		if (stored.isPresent()) {
			var storedId = stored.get().clientId();
			if (clientId.equals(storedId)) {
				return same(stored.get().consultation(), record)
						? new Outcome(clientId, "consultation", Status.ALREADY_STORED, sample, null, null, null, null,
								null)
						: new Outcome(clientId, "consultation", Status.CONFLICT, sample, null, null,
								stored.get().consultation(), storedId, "A different consultation is stored with this id.");
			}
			if (!Objects.equals(storedId, record.baseClientId()) || storedId == null) {
				return new Outcome(clientId, "consultation", Status.CONFLICT, sample, null, null,
						stored.get().consultation(), storedId,
						"The consultation was recorded on another device since this device last saw the sample.");
			}
		}
		else if (storedConsultationById(clientId)) {
			return new Outcome(clientId, "consultation", Status.CONFLICT, sample, null, null, null, null,
					"This id is stored for another sample's consultation.");
		}
		drugChecking.recordConsultation(sample.id(), record.advice(), record.disposed(), record.intendedChange(),
				record.referral(), by, now);
		jdbc.sql("UPDATE drugchecking.consultation SET client_id = ? WHERE sample_id = ?")
			.param(clientId)
			.param(sample.id())
			.update();
		return new Outcome(clientId, "consultation", Status.STORED, sample, null, null, null, null, null);
	}

	// ---- Reading what is stored

	private record StoredConsultation(@Nullable UUID clientId, Consultation consultation) {
	}

	private Optional<StoredConsultation> storedConsultation(UUID sampleId) {
		return jdbc.sql("SELECT * FROM drugchecking.consultation WHERE sample_id = ?").param(sampleId).query((rs, i) -> {
			var change = rs.getString("intended_change");
			var disposed = rs.getObject("disposed");
			return new StoredConsultation(rs.getObject("client_id", UUID.class),
					new Consultation(rs.getString("advice"), disposed == null ? null : (Boolean) disposed,
							change == null ? null : IntendedChange.valueOf(change), rs.getString("referral"),
							rs.getTimestamp("given_at").toInstant()));
		}).optional();
	}

	private boolean storedConsultationById(UUID clientId) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.consultation WHERE client_id = ?")
			.param(clientId)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<ResultVersion> storedResult(UUID clientId) {
		return jdbc.sql("SELECT * FROM drugchecking.result WHERE client_id = ?").param(clientId).query(this::result)
			.optional();
	}

	private Optional<ResultVersion> currentResult(UUID sampleId) {
		return jdbc.sql("SELECT * FROM drugchecking.result WHERE sample_id = ? ORDER BY version DESC LIMIT 1")
			.param(sampleId)
			.query(this::result)
			.optional();
	}

	private ResultVersion result(ResultSet rs, int row) throws SQLException {
		var id = rs.getObject("id", UUID.class);
		var components = jdbc.sql("SELECT * FROM drugchecking.component WHERE result_id = ? ORDER BY position")
			.param(id)
			.query((c, i) -> {
				var unit = c.getString("unit");
				var basis = c.getString("basis");
				return new ResultVersion.Component(c.getString("text"), c.getString("substance_code"),
						c.getString("substance_name"), c.getString("substance_class"), c.getBigDecimal("quantity"),
						unit == null ? null : QuantityUnit.valueOf(unit), basis == null ? null : Basis.valueOf(basis),
						Confidence.valueOf(c.getString("confidence")), AnalysisMethod.valueOf(c.getString("method")));
			})
			.list();
		return new ResultVersion(id, rs.getInt("version"), rs.getBoolean("confirmed"),
				strings(rs, "flags").stream().map(ResultFlag::valueOf).toList(), strings(rs, "reasons"),
				rs.getString("notes"), rs.getString("analyst"), rs.getTimestamp("recorded_at").toInstant(), components,
				List.of());
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		var array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	// ---- Same content: what the device sent is what is stored

	private static boolean same(SampleView s, SampleDraft d) {
		boolean pill = d.form() == DosageForm.PILL;
		return s.mode() == d.mode() && Objects.equals(s.soldAs(), trimmed(d.soldAs())) && s.form() == d.form()
				&& Objects.equals(s.pillColour(), pill ? trimmed(d.pillColour()) : null)
				&& Objects.equals(s.pillLogo(), pill ? trimmed(d.pillLogo()) : null)
				&& Objects.equals(s.pillShape(), pill ? trimmed(d.pillShape()) : null)
				&& Objects.equals(s.pillScoreLine(), pill ? d.pillScoreLine() : null)
				&& sameNumber(s.pillWeightMg(), pill ? d.pillWeightMg() : null)
				&& Objects.equals(s.obtainedLadCode(), trimmed(d.obtainedLadCode()))
				&& Objects.equals(s.intendedDose(), trimmed(d.intendedDose()))
				&& s.consent() == Boolean.TRUE.equals(d.consent()) && s.ageBand() == d.ageBand();
	}

	private static boolean same(ResultVersion r, ResultDraft d) {
		var given = d.components().stream().filter(c -> c != null && trimmed(c.text()) != null).toList();
		if (r.confirmed() != d.confirmed() || !Objects.equals(r.notes(), trimmed(d.notes()))
				|| r.components().size() != given.size()) {
			return false;
		}
		for (int i = 0; i < given.size(); i++) {
			var s = r.components().get(i);
			var c = given.get(i);
			boolean measured = c.quantity() != null;
			if (!s.text().equals(trimmed(c.text())) || !sameNumber(s.quantity(), c.quantity())
					|| s.unit() != (measured ? c.unit() : null)
					|| s.basis() != (measured && c.unit() == QuantityUnit.MG_PER_UNIT ? c.basis() : null)
					|| s.confidence() != c.confidence() || s.method() != c.method()) {
				return false;
			}
		}
		return true;
	}

	private static boolean same(Consultation s, FieldConsultation d) {
		return s.advice().equals(trimmed(d.advice())) && Objects.equals(s.disposed(), d.disposed())
				&& s.intendedChange() == d.intendedChange() && Objects.equals(s.referral(), trimmed(d.referral()));
	}

	private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
