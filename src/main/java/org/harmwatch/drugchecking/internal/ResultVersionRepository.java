package org.harmwatch.drugchecking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.drugchecking.ResultVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads result versions with their components and spectra: one query for the versions and
 * components of any number of samples, one for their spectra. Also keeps spectra and the
 * client ids field devices gave results.
 */
@Repository
public class ResultVersionRepository {

	private static final String SELECT = """
			SELECT r.id, r.sample_id, r.version, r.confirmed, r.flags, r.reasons, r.notes, r.analyst, r.recorded_at,
			  c.position, c.text, c.substance_code, c.substance_name, c.substance_class, c.quantity, c.unit, c.basis,
			  c.confidence, c.method
			FROM drugchecking.result r LEFT JOIN drugchecking.component c ON c.result_id = r.id""";

	private final JdbcClient jdbc;

	ResultVersionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A file of a spectrum, with the sample whose result it belongs to. */
	public record SpectrumContent(UUID sampleId, String filename, byte[] content) {
	}

	/** The sample's versions, newest first, with components and spectra. */
	public List<ResultVersion> ofSample(UUID sampleId) {
		return ofSamples(List.of(sampleId)).getOrDefault(sampleId, List.of());
	}

	/**
	 * The versions of each sample, newest first, with components and spectra; samples
	 * without results are left out.
	 */
	public Map<UUID, List<ResultVersion>> ofSamples(Collection<UUID> sampleIds) {
		if (sampleIds.isEmpty()) {
			return Map.of();
		}
		var ids = sampleIds.stream().map(UUID::toString).toList();
		var spectra = new HashMap<UUID, List<ResultVersion.Spectrum>>();
		jdbc.sql("""
				SELECT x.result_id, x.id, x.filename, x.title FROM drugchecking.spectrum x
				JOIN drugchecking.result r ON r.id = x.result_id
				WHERE r.sample_id = ANY (?::uuid[]) ORDER BY x.uploaded_at""")
			.param(Columns.array(ids))
			.query((rs, i) -> Map.entry(rs.getObject("result_id", UUID.class),
					new ResultVersion.Spectrum(rs.getObject("id", UUID.class), rs.getString("filename"),
							rs.getString("title"))))
			.list()
			.forEach(e -> spectra.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		var rows = jdbc
			.sql(SELECT + " WHERE r.sample_id = ANY (?::uuid[]) ORDER BY r.sample_id, r.version DESC, c.position")
			.param(Columns.array(ids))
			.query(ResultVersionRepository::row)
			.list();
		var bySample = new LinkedHashMap<UUID, List<ResultVersion>>();
		for (var version : assemble(rows, spectra)) {
			bySample.computeIfAbsent(version.sampleId(), k -> new ArrayList<>()).add(version.version());
		}
		return bySample;
	}

	/** The sample's current (latest) version, without spectra. */
	public Optional<ResultVersion> current(UUID sampleId) {
		var rows = jdbc
			.sql(SELECT + " WHERE r.id = (SELECT id FROM drugchecking.result WHERE sample_id = ?"
					+ " ORDER BY version DESC LIMIT 1) ORDER BY c.position")
			.param(sampleId)
			.query(ResultVersionRepository::row)
			.list();
		return assemble(rows, Map.of()).stream().findFirst().map(OfSample::version);
	}

	/** The version a field device recorded under its client id, without spectra. */
	public Optional<ResultVersion> byClientId(UUID clientId) {
		var rows = jdbc.sql(SELECT + " WHERE r.client_id = ? ORDER BY c.position")
			.param(clientId)
			.query(ResultVersionRepository::row)
			.list();
		return assemble(rows, Map.of()).stream().findFirst().map(OfSample::version);
	}

	/** The number of the sample's latest version; 0 when it has none. */
	public int lastNumber(UUID sampleId) {
		return jdbc.sql("SELECT coalesce(max(version), 0) FROM drugchecking.result WHERE sample_id = ?")
			.param(sampleId)
			.query(Integer.class)
			.single();
	}

	/** Records the client id a field device gave a stored version. */
	public void setClientId(UUID resultId, UUID clientId) {
		jdbc.sql("UPDATE drugchecking.result SET client_id = ? WHERE id = ?").param(clientId).param(resultId).update();
	}

	public boolean exists(UUID resultId) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.result WHERE id = ?")
			.param(resultId)
			.query(Long.class)
			.single() > 0;
	}

	/** Attaches a spectrum file to a version. */
	public UUID addSpectrum(UUID resultId, String filename, String title, byte[] content, Instant at, String by) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO drugchecking.spectrum (id, result_id, filename, title, content, uploaded_at, uploaded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.param(id)
			.param(resultId)
			.param(filename)
			.param(title)
			.param(content)
			.param(Columns.timestamp(at))
			.param(by)
			.update();
		return id;
	}

	public Optional<SpectrumContent> spectrum(UUID spectrumId) {
		return jdbc.sql("""
				SELECT r.sample_id, x.filename, x.content FROM drugchecking.spectrum x
				JOIN drugchecking.result r ON r.id = x.result_id WHERE x.id = ?""")
			.param(spectrumId)
			.query((rs, i) -> new SpectrumContent(rs.getObject("sample_id", UUID.class), rs.getString("filename"),
					rs.getBytes("content")))
			.optional();
	}

	private record Row(UUID id, UUID sampleId, int version, boolean confirmed, List<ResultFlag> flags,
			List<String> reasons, String notes, String analyst, Instant recordedAt, ResultVersion.Component component) {
	}

	private record OfSample(UUID sampleId, ResultVersion version) {
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		ResultVersion.Component component = null;
		if (rs.getString("text") != null) {
			component = new ResultVersion.Component(rs.getString("text"), rs.getString("substance_code"),
					rs.getString("substance_name"), rs.getString("substance_class"), rs.getBigDecimal("quantity"),
					Columns.enumOrNull(rs, "unit", QuantityUnit::valueOf),
					Columns.enumOrNull(rs, "basis", Basis::valueOf), Confidence.valueOf(rs.getString("confidence")),
					AnalysisMethod.valueOf(rs.getString("method")));
		}
		return new Row(rs.getObject("id", UUID.class), rs.getObject("sample_id", UUID.class), rs.getInt("version"),
				rs.getBoolean("confirmed"), Columns.enums(rs, "flags", ResultFlag::valueOf),
				Columns.strings(rs, "reasons"), rs.getString("notes"), rs.getString("analyst"),
				Columns.instant(rs, "recorded_at"), component);
	}

	/**
	 * Groups rows (one per component, in order) into versions, keeping the rows' order of
	 * versions.
	 */
	private static List<OfSample> assemble(List<Row> rows, Map<UUID, List<ResultVersion.Spectrum>> spectra) {
		var components = new LinkedHashMap<UUID, List<ResultVersion.Component>>();
		var first = new LinkedHashMap<UUID, Row>();
		for (var row : rows) {
			first.putIfAbsent(row.id(), row);
			var list = components.computeIfAbsent(row.id(), k -> new ArrayList<>());
			if (row.component() != null) {
				list.add(row.component());
			}
		}
		return first.values()
			.stream()
			.map(r -> new OfSample(r.sampleId(),
					new ResultVersion(r.id(), r.version(), r.confirmed(), r.flags(), r.reasons(), r.notes(),
							r.analyst(), r.recordedAt(), components.get(r.id()),
							spectra.getOrDefault(r.id(), List.of()))))
			.toList();
	}

}
