package org.harmwatch.drugchecking.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.imports.ImportColumn;
import org.harmwatch.platform.imports.ImportContext;
import org.harmwatch.platform.imports.ImportFailedException;
import org.harmwatch.platform.imports.ImportKind;
import org.harmwatch.platform.imports.ImportOutcome;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.platform.imports.ImportRow;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Historical or partner results as an import: one row per component found, rows of one
 * sample sharing its key (as in the UNC Street Drug Analysis Lab's
 * {@code lab_detail.csv}). Each sample gets a new anonymous code; its client id is
 * derived from the session and the partner's key, so importing the same file again stores
 * nothing twice. Imported results are confirmed and flagged, but publish no warning: they
 * are history, not news.
 */
@Component
public class SampleImportKind implements ImportKind<SampleImportKind.SampleRow> {

	/** The kind's name, stored with its jobs. */
	public static final String NAME = "drug-checking-samples";

	/** Options the job is started with. */
	public static final String MODE = "mode";

	public static final String DEFAULT_METHOD = "defaultMethod";

	/** Rows in one file at most. */
	public static final int MAX_ROWS = 50_000;

	/** Components of one sample at most, as a result recorded by hand. */
	static final int MAX_COMPONENTS = 20;

	private static final DateTimeFormatter COMPACT_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("dMMMyyyy")
		.toFormatter(Locale.ENGLISH);

	private static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.required("sampleKey", "sampleid", "sample_id", "sample"),
			ImportColumn.required("substance", "substance"),
			ImportColumn.optional("soldAs", "expectedsubstance", "sold_as", "soldas"),
			ImportColumn.optional("form", "form", "sampletype"), ImportColumn.optional("trace", "abundance", "trace"),
			ImportColumn.optional("method", "method"), ImportColumn.optional("date", "date_complete", "date"));

	/** One valid row: one component of a sample. */
	public record SampleRow(String key, String substance, @Nullable String soldAs, @Nullable DosageForm form,
			boolean trace, AnalysisMethod method, @Nullable Instant completed) {
	}

	private final SampleManagement sampleManagement;

	private final ResultManagement results;

	private final MessageSource messages;

	SampleImportKind(SampleManagement sampleManagement, ResultManagement results, MessageSource messages) {
		this.sampleManagement = sampleManagement;
		this.results = results;
		this.messages = messages;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Grant grant() {
		return new Grant(Capability.DRUG_CHECKING, Action.WRITE, Purpose.HEALTH);
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public int maxRows() {
		return MAX_ROWS;
	}

	@Override
	public SampleRow parse(ImportRow row) {
		var key = row.text("sampleKey");
		if (key == null) {
			throw row.reject("sampleKey", "drugchecking.import.sampleKey.required");
		}
		var substance = row.text("substance");
		if (substance == null) {
			throw row.reject("substance", "drugchecking.import.substance.required");
		}
		if (substance.length() > 200) {
			throw row.reject("substance", "drugchecking.import.substance.tooLong", 200);
		}
		var trace = row.text("trace");
		if (trace != null && !trace.equalsIgnoreCase("trace")) {
			throw row.reject("trace", "drugchecking.import.trace.invalid", trace);
		}
		var methodText = row.text("method");
		var method = AnalysisMethod.valueOf(row.option(DEFAULT_METHOD));
		if (methodText != null) {
			var compact = methodText.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
			method = Arrays.stream(AnalysisMethod.values())
				.filter(m -> m.name().replace("_", "").equals(compact))
				.findFirst()
				.orElseThrow(() -> row.reject("method", "drugchecking.import.method.unknown", methodText,
						Arrays.stream(AnalysisMethod.values()).map(Enum::name).toList().toString()));
		}
		Instant completed = null;
		var dateText = row.text("date");
		if (dateText != null) {
			try {
				var date = dateText.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(dateText)
						: LocalDate.parse(dateText, COMPACT_DATE);
				completed = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				throw row.reject("date", "drugchecking.import.date.invalid", dateText);
			}
		}
		var soldAs = row.text("soldAs");
		var formText = row.text("form");
		var form = formText == null ? null
				: Arrays.stream(DosageForm.values())
					.filter(f -> f.name().equalsIgnoreCase(formText))
					.findFirst()
					.orElse(DosageForm.OTHER);
		return new SampleRow(key, substance, soldAs, form, trace != null, method, completed);
	}

	@Override
	public List<ImportProblem> checkTogether(List<Parsed<SampleRow>> rows) {
		var problems = new ArrayList<ImportProblem>();
		var components = new HashMap<String, Integer>();
		for (var row : rows) {
			var key = row.record().key();
			int count = components.merge(key, 1, Integer::sum);
			if (count > MAX_COMPONENTS) {
				problems.add(ImportProblem.of(row.row(), "sampleKey", "drugchecking.import.components.tooMany", key,
						MAX_COMPONENTS));
			}
		}
		return problems;
	}

	@Override
	public int describes(List<SampleRow> records) {
		return (int) records.stream().map(SampleRow::key).distinct().count();
	}

	/** One sample of the file: its rows, main components first. */
	private record Sample(String key, String soldAs, DosageForm form, List<ComponentDraft> components,
			List<String> traces, @Nullable Instant completed, int rows) {
	}

	static List<Sample> samples(List<SampleRow> records) {
		var byKey = new LinkedHashMap<String, List<SampleRow>>();
		for (var r : records) {
			byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
		}
		var samples = new ArrayList<Sample>();
		for (var entry : byKey.entrySet()) {
			var rows = entry.getValue();
			var first = rows.get(0);
			var soldAs = first.soldAs() == null ? "unknown"
					: (first.soldAs().length() > 200 ? first.soldAs().substring(0, 200) : first.soldAs());
			var form = first.form() == null ? DosageForm.OTHER : first.form();
			var components = new ArrayList<ComponentDraft>();
			var traces = new ArrayList<String>();
			Instant completed = null;
			for (var r : rows) {
				var component = new ComponentDraft(r.substance(), null, null, null,
						r.trace() ? Confidence.PROBABLE : Confidence.CONFIRMED, r.method());
				if (r.trace()) {
					components.add(component);
					traces.add(r.substance());
				}
				else {
					// Main components first, so the first listed is the main one.
					int firstTrace = (int) components.stream()
						.filter(c -> c.confidence() == Confidence.CONFIRMED)
						.count();
					components.add(firstTrace, component);
				}
				if (r.completed() != null) {
					completed = r.completed();
				}
			}
			samples.add(new Sample(entry.getKey(), soldAs, form, components, traces, completed, rows.size()));
		}
		return samples;
	}

	@Override
	public ImportOutcome store(List<SampleRow> records, ImportContext context) {
		var sessionId = UUID.fromString(String.valueOf(context.scope()));
		var mode = SampleMode.valueOf(context.option(MODE));
		var samples = samples(records);
		int imported = 0;
		int rowsStored = 0;
		for (var s : samples) {
			rowsStored += s.rows();
			var clientId = UUID.nameUUIDFromBytes((sessionId + ":" + s.key()).getBytes(StandardCharsets.UTF_8));
			if (sampleManagement.sampleByClientId(clientId).isPresent()) {
				context.stored(rowsStored);
				continue;
			}
			var at = s.completed() == null ? context.now() : s.completed();
			try {
				var sample = sampleManagement.takeIn(sessionId, new SampleDraft(clientId, mode, s.soldAs(), s.form(),
						null, null, null, null, null, null, null, true, null), context.importedBy(), at);
				results.recordHistoricalResult(sample.id(), new ResultDraft(s.components(), true, note(s)),
						context.importedBy(), at);
			}
			catch (InputRejectedException rejected) {
				var locale = LocaleContextHolder.getLocale();
				throw new ImportFailedException("drugchecking.error.import.notStored", List.of(String.join(" ",
						rejected.problems().stream().map(p -> messages.getMessage(p, locale)).toList())));
			}
			imported++;
			context.stored(rowsStored);
		}
		return new ImportOutcome(samples.size(), imported, samples.size() - imported);
	}

	/** The result's note: where it came from, and the traces found. */
	private String note(Sample sample) {
		var locale = LocaleContextHolder.getLocale();
		var note = messages.getMessage("drugchecking.import.note", new Object[] { sample.key() }, locale);
		return sample.traces().isEmpty() ? note : messages.getMessage("drugchecking.import.note.traces",
				new Object[] { note, String.join(", ", sample.traces()) }, locale);
	}

}
