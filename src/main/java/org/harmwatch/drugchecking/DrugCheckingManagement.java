package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.CsvReader;
import org.harmwatch.drugchecking.internal.DraftChecks;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drug checking's import of historical or partner results into a session: checking a CSV against a column mapping,
 * and storing it all or nothing through {@link SampleManagement} and {@link ResultManagement}. The rest of the
 * module's API is split by what users do: {@link SessionManagement}, {@link SampleManagement},
 * {@link ResultManagement}, {@link ReleaseManagement}.
 */
@Service
public class DrugCheckingManagement {

	static final int MAX_COMPONENTS = DraftChecks.MAX_COMPONENTS;

	private final SessionManagement sessions;

	private final SampleManagement intake;

	private final ResultManagement results;

	DrugCheckingManagement(SessionManagement sessions, SampleManagement intake, ResultManagement results) {
		this.sessions = sessions;
		this.intake = intake;
		this.results = results;
	}

	/** A session, whoever asks: {@link SessionManagement#session(UUID)}. */
	public Optional<SessionView> session(UUID id) {
		return sessions.session(id);
	}

	/** A session for a user under its owner's rules: {@link SessionManagement#session(UUID, HarmwatchUser, Action)}. */
	public SessionView session(UUID id, HarmwatchUser user, Action action) {
		return sessions.session(id, user, action);
	}

	/** The sample created with this client id: {@link SampleManagement#sampleByClientId}. */
	public Optional<SampleView> sampleByClientId(UUID clientId) {
		return intake.sampleByClientId(clientId);
	}

	/** Takes an imported sample in: {@link SampleManagement#takeIn}. */
	public SampleView takeIn(UUID sessionId, SampleDraft draft, String takenBy, Instant now) {
		return intake.takeIn(sessionId, draft, takenBy, now);
	}

	/**
	 * Records a result that is history, not news (e.g. a partner lab's, imported from CSV): as
	 * {@link ResultManagement#recordResult}, but it publishes no {@link DangerousSampleFound}.
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public ResultVersion recordHistoricalResult(UUID sampleId, ResultDraft draft, String analyst, Instant at) {
		return results.record(sampleId, draft, analyst, at, false);
	}

	static final int MAX_IMPORT_ROWS = 50_000;

	private static final java.time.format.DateTimeFormatter COMPACT_DATE = new java.time.format.DateTimeFormatterBuilder()
		.parseCaseInsensitive()
		.appendPattern("dMMMyyyy")
		.toFormatter(java.util.Locale.ENGLISH);

	/** Checks a CSV of results against the mapping, row by row; stores nothing. */
	public SampleImportReport checkImport(UUID sessionId, String csv, ImportMapping mapping) {
		sessions.session(sessionId).orElseThrow(() -> new NotFound("session " + sessionId));
		return parseImport(sessionId, CsvReader.rows(new java.io.StringReader(csv)), mapping, new ArrayList<>(),
				ImportProgress.NONE);
	}

	/**
	 * Imports historical or partner results into a session: all or nothing. When any row is bad nothing is stored and
	 * the report names each bad row. Each sample gets a new anonymous code; its client id is derived from the session
	 * and the partner's key, so importing the same file again stores nothing twice. Imported results are confirmed and
	 * flagged, but publish no warning: they are history, not news.
	 */
	@Transactional
	public SampleImportReport importCsv(UUID sessionId, String csv, ImportMapping mapping, String by, Instant now) {
		sessions.session(sessionId).orElseThrow(() -> new NotFound("session " + sessionId));
		var samples = new ArrayList<ImportedSample>();
		var report = parseImport(sessionId, CsvReader.rows(new java.io.StringReader(csv)), mapping, samples,
				ImportProgress.NONE);
		if (!report.ok()) {
			return report;
		}
		return storeImport(sessionId, report, samples, mapping, by, now, ImportProgress.NONE);
	}

	/** Told how far a background import has got: rows checked, then rows stored. */
	interface ImportProgress {

		ImportProgress NONE = new ImportProgress() {
		};

		default void checked(int rows) {
		}

		default void stored(int rows) {
		}

	}

	/**
	 * Stores the samples of a checked import (see {@link #importCsv}); the caller's transaction makes it all or nothing.
	 */
	SampleImportReport storeImport(UUID sessionId, SampleImportReport report, List<ImportedSample> samples,
			ImportMapping mapping, String by, Instant now, ImportProgress progress) {
		int imported = 0;
		int rowsStored = 0;
		for (var s : samples) {
			rowsStored += s.components().size();
			if (intake.sampleByClientId(s.clientId()).isPresent()) {
				progress.stored(rowsStored);
				continue;
			}
			var sample = intake.takeIn(sessionId, new SampleDraft(s.clientId(), mapping.mode(), s.soldAs(), s.form(), null, null,
					null, null, null, null, null, true, null), by, s.completed() == null ? now : s.completed());
			recordHistoricalResult(sample.id(), new ResultDraft(s.components(), true,
					"Imported (partner sample " + s.key() + ")" + (s.traces().isEmpty() ? ""
							: ". Trace: " + String.join(", ", s.traces()))),
					by, s.completed() == null ? now : s.completed());
			imported++;
			progress.stored(rowsStored);
		}
		return new SampleImportReport(report.rows(), report.samples(), imported, report.samples() - imported, List.of());
	}

	record ImportedSample(String key, UUID clientId, String soldAs, DosageForm form,
			List<ComponentDraft> components, List<String> traces, @Nullable Instant completed) {
	}

	/** Checks the rows (the header first) against the mapping, one at a time; the samples they describe go to out. */
	SampleImportReport parseImport(UUID sessionId, java.util.Iterator<List<String>> rows, ImportMapping mapping,
			List<ImportedSample> out, ImportProgress progress) {
		var problems = new ArrayList<SampleImportReport.RowProblem>();
		if (!rows.hasNext()) {
			return new SampleImportReport(0, 0, 0, 0, List.of(new SampleImportReport.RowProblem(1, "The file is empty.")));
		}
		var header = rows.next().stream().map(String::strip).toList();
		var columns = new java.util.LinkedHashMap<String, Integer>();
		for (var entry : new String[][] { { "sample key", mapping.sampleKey() }, { "substance", mapping.substance() },
				{ "sold as", mapping.soldAs() }, { "form", mapping.form() }, { "trace", mapping.trace() },
				{ "method", mapping.method() }, { "date", mapping.date() } }) {
			if (entry[1] == null || entry[1].isBlank()) {
				continue;
			}
			int index = header.indexOf(entry[1].strip());
			if (index < 0) {
				problems.add(new SampleImportReport.RowProblem(1,
						"The " + entry[0] + " column \"" + entry[1].strip() + "\" is not in the header."));
			}
			columns.put(entry[0], index);
		}
		if (!problems.isEmpty()) {
			return new SampleImportReport(0, 0, 0, 0, problems);
		}
		record Part(String soldAs, DosageForm form, List<ComponentDraft> components, List<String> traces,
				Instant[] completed) {
		}
		var groups = new java.util.LinkedHashMap<String, Part>();
		int data = 0;
		while (rows.hasNext()) {
			var row = rows.next();
			data++;
			int line = data + 1;
			if (data > MAX_IMPORT_ROWS) {
				return new SampleImportReport(data, 0, 0, 0, List.of(new SampleImportReport.RowProblem(1,
						"At most " + MAX_IMPORT_ROWS + " rows can be imported at once.")));
			}
			progress.checked(data);
			if (row.size() == 1 && row.get(0).isBlank()) {
				continue;
			}
			if (row.size() != header.size()) {
				problems.add(new SampleImportReport.RowProblem(line,
						"Has " + row.size() + " fields; the header has " + header.size() + "."));
				continue;
			}
			java.util.function.Function<String, @Nullable String> cell = name -> {
				var index = columns.get(name);
				return index == null ? null : row.get(index).strip();
			};
			var key = cell.apply("sample key");
			var substance = cell.apply("substance");
			if (key == null || key.isEmpty()) {
				problems.add(new SampleImportReport.RowProblem(line, "No sample key."));
				continue;
			}
			if (substance == null || substance.isEmpty()) {
				problems.add(new SampleImportReport.RowProblem(line, "No substance."));
				continue;
			}
			if (substance.length() > 200) {
				problems.add(new SampleImportReport.RowProblem(line, "The substance is longer than 200 characters."));
				continue;
			}
			var trace = cell.apply("trace");
			if (trace != null && !trace.isEmpty() && !trace.equalsIgnoreCase("trace")) {
				problems.add(new SampleImportReport.RowProblem(line,
						"The trace column must be \"trace\" or blank, not \"" + trace + "\"."));
				continue;
			}
			var methodText = cell.apply("method");
			var method = mapping.defaultMethod();
			if (methodText != null && !methodText.isEmpty()) {
				var compact = methodText.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
				method = Arrays.stream(AnalysisMethod.values())
					.filter(m -> m.name().replace("_", "").equals(compact))
					.findFirst()
					.orElse(null);
				if (method == null) {
					problems.add(new SampleImportReport.RowProblem(line, "Unknown method \"" + methodText + "\"; use one of "
							+ Arrays.stream(AnalysisMethod.values()).map(Enum::name).toList() + "."));
					continue;
				}
			}
			Instant completed = null;
			var dateText = cell.apply("date");
			if (dateText != null && !dateText.isEmpty()) {
				try {
					var date = dateText.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(dateText)
							: java.time.LocalDate.parse(dateText, COMPACT_DATE);
					completed = date.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
				}
				catch (java.time.format.DateTimeParseException ex) {
					problems.add(new SampleImportReport.RowProblem(line,
							"\"" + dateText + "\" is not a date like 2023-04-16 or 16apr2023."));
					continue;
				}
			}
			var soldAs = cell.apply("sold as");
			var formText = cell.apply("form");
			var form = DosageForm.OTHER;
			if (formText != null && !formText.isEmpty()) {
				form = Arrays.stream(DosageForm.values())
					.filter(f -> f.name().equalsIgnoreCase(formText))
					.findFirst()
					.orElse(DosageForm.OTHER);
			}
			var part = groups.computeIfAbsent(key, k -> new Part(
					soldAs == null || soldAs.isEmpty() ? "unknown" : (soldAs.length() > 200 ? soldAs.substring(0, 200) : soldAs),
					DosageForm.OTHER, new ArrayList<>(), new ArrayList<>(), new Instant[1]));
			if (part.components().size() >= MAX_COMPONENTS) {
				problems.add(new SampleImportReport.RowProblem(line,
						"Sample " + key + " has more than " + MAX_COMPONENTS + " components."));
				continue;
			}
			if (formText != null && !formText.isEmpty() && part.components().isEmpty()) {
				groups.put(key, part = new Part(part.soldAs(), form, part.components(), part.traces(), part.completed()));
			}
			boolean isTrace = trace != null && trace.equalsIgnoreCase("trace");
			var component = new ComponentDraft(substance, null, null, null,
					isTrace ? Confidence.PROBABLE : Confidence.CONFIRMED, method);
			if (isTrace) {
				part.components().add(component);
				part.traces().add(substance);
			}
			else {
				// Main components first, so the first listed is the main one.
				int firstTrace = (int) part.components().stream().filter(c -> c.confidence() == Confidence.CONFIRMED).count();
				part.components().add(firstTrace, component);
			}
			if (completed != null) {
				part.completed()[0] = completed;
			}
		}
		for (var entry : groups.entrySet()) {
			var p = entry.getValue();
			var clientId = UUID.nameUUIDFromBytes((sessionId + ":" + entry.getKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.add(new ImportedSample(entry.getKey(), clientId, p.soldAs(), p.form(), List.copyOf(p.components()),
					List.copyOf(p.traces()), p.completed()[0]));
		}
		return new SampleImportReport(data, groups.size(), 0, 0, problems);
	}

	/** Thrown when there is no such session, sample, result or import. */
	public static class NotFound extends DrugCheckingNotFoundException {

		public NotFound(String what) {
			super(what);
		}

	}

}
