package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and adds samples as taken in. A sample does not change once taken in; its results
 * are stored apart.
 */
@Repository
public class SampleRepository {

	private static final String SELECT = "SELECT * FROM drugchecking.sample";

	private final JdbcClient jdbc;

	SampleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What is stored of a new sample (the code and the time come with the insert). */
	public record NewSample(UUID id, UUID clientId, UUID sessionId, SampleMode mode, String soldAs,
			@Nullable String soldAsCode, DosageForm form, @Nullable String pillColour, @Nullable String pillLogo,
			@Nullable String pillShape, @Nullable Boolean pillScoreLine, @Nullable BigDecimal pillWeightMg,
			@Nullable String obtainedLadCode, @Nullable String intendedDose, boolean consent, @Nullable AgeBand ageBand,
			Instant takenAt, String takenBy) {
	}

	/**
	 * Adds the sample under the code unless a sample with its client id exists.
	 * @throws org.springframework.dao.DuplicateKeyException when the code is taken
	 */
	public void add(NewSample s, String code) {
		jdbc.sql("""
				INSERT INTO drugchecking.sample (id, client_id, code, session_id, mode, sold_as, sold_as_code,
				  dosage_form, pill_colour, pill_logo, pill_shape, pill_score_line, pill_weight_mg,
				  obtained_lad_code, intended_dose, consent, age_band, taken_at, taken_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (client_id) DO NOTHING""")
			.param(s.id())
			.param(s.clientId())
			.param(code)
			.param(s.sessionId())
			.param(s.mode().name())
			.param(s.soldAs())
			.param(s.soldAsCode())
			.param(s.form().name())
			.param(s.pillColour())
			.param(s.pillLogo())
			.param(s.pillShape())
			.param(s.pillScoreLine())
			.param(s.pillWeightMg())
			.param(s.obtainedLadCode())
			.param(s.intendedDose())
			.param(s.consent())
			.param(s.ageBand() == null ? null : s.ageBand().name())
			.param(Columns.timestamp(s.takenAt()))
			.param(s.takenBy())
			.update();
	}

	public Optional<SampleView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(SampleRepository::view).optional();
	}

	public Optional<SampleView> findByClientId(UUID clientId) {
		return jdbc.sql(SELECT + " WHERE client_id = ?").param(clientId).query(SampleRepository::view).optional();
	}

	public Optional<SampleView> findByCode(String code) {
		return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(SampleRepository::view).optional();
	}

	/** The sample a result version belongs to. */
	public Optional<UUID> idOfResult(UUID resultId) {
		return jdbc.sql("SELECT sample_id FROM drugchecking.result WHERE id = ?")
			.param(resultId)
			.query(UUID.class)
			.optional();
	}

	/** The session's samples in the order they were taken in. */
	public List<SampleView> ofSession(UUID sessionId) {
		return jdbc.sql(SELECT + " WHERE session_id = ? ORDER BY taken_at, code")
			.param(sessionId)
			.query(SampleRepository::view)
			.list();
	}

	/** The samples taken in within {@code [from, to)}, the latest first. */
	public List<SampleView> takenBetween(Instant from, Instant to) {
		return jdbc.sql(SELECT + " WHERE taken_at >= ? AND taken_at < ? ORDER BY taken_at DESC, code")
			.param(Columns.timestamp(from))
			.param(Columns.timestamp(to))
			.query(SampleRepository::view)
			.list();
	}

	/** Locks the sample until the transaction ends, if there is one; whether there is. */
	public boolean lockIfExists(UUID sampleId) {
		return jdbc.sql("SELECT id FROM drugchecking.sample WHERE id = ? FOR UPDATE")
			.param(sampleId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Locks the sample until the transaction ends, so one writer at a time changes its
	 * results or consultation.
	 */
	public void lock(UUID sampleId) {
		jdbc.sql("SELECT id FROM drugchecking.sample WHERE id = ? FOR UPDATE")
			.param(sampleId)
			.query(UUID.class)
			.single();
	}

	private static SampleView view(ResultSet rs, int row) throws SQLException {
		return new SampleView(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
				rs.getString("code"), rs.getObject("session_id", UUID.class), SampleMode.valueOf(rs.getString("mode")),
				rs.getString("sold_as"), rs.getString("sold_as_code"), DosageForm.valueOf(rs.getString("dosage_form")),
				rs.getString("pill_colour"), rs.getString("pill_logo"), rs.getString("pill_shape"),
				Columns.booleanOrNull(rs, "pill_score_line"), rs.getBigDecimal("pill_weight_mg"),
				rs.getString("obtained_lad_code"), rs.getString("intended_dose"), rs.getBoolean("consent"),
				Columns.enumOrNull(rs, "age_band", AgeBand::valueOf), Columns.instant(rs, "taken_at"),
				rs.getString("taken_by"));
	}

}
