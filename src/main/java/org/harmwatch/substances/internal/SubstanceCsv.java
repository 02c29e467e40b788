package org.harmwatch.substances.internal;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.harmwatch.platform.CsvReader;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.substances.Alias;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceDraft;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.TermKind;
import org.jspecify.annotations.Nullable;

/**
 * The vocabulary's CSV format, for export, import and the seed list.
 *
 * <p>
 * UTF-8, one header row, one substance per row, columns in any order: <pre>
 * code          stable code (optional on import: derived from the name for new substances)
 * name          preferred name (required)
 * class         one of {@link SubstanceClass}, e.g. NITAZENE (required)
 * flags         {@link RiskFlag} names separated by |, e.g. HIGH_POTENCY|NALOXONE_RESPONSIVE
 * parent        code of what it is a kind or form of
 * aliases       synonyms separated by |
 * street_names  street names separated by |
 * pubchem_cid   PubChem compound id
 * cas_number    CAS registry number, e.g. 437-38-7
 * notes         free text
 * </pre> An alias or street name that is also used for other substances carries their
 * codes: {@code china white [also: heroin]}. Rows are matched to existing substances by
 * code, else by name.
 */
public final class SubstanceCsv {

	public static final List<String> COLUMNS = List.of("code", "name", "class", "flags", "parent", "aliases",
			"street_names", "pubchem_cid", "cas_number", "notes");

	static final int MAX_ROWS = 5000;

	private static final Pattern ALSO = Pattern.compile("^(.*?)\\s*\\[\\s*also\\s*:\\s*([^\\]]*)\\]\\s*$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A row read from a file, as a draft, with its row number as a spreadsheet shows it
	 * (the header is row 1).
	 */
	public record Row(int row, SubstanceDraft draft) {
	}

	/**
	 * What was read: the rows that could be read, and the problems of those that could
	 * not.
	 */
	public record Parsed(List<Row> rows, List<RowProblem> problems, int rowCount) {
	}

	private SubstanceCsv() {
	}

	// ---- Writing

	/** Writes the vocabulary, by name, with a header row. */
	public static void write(Collection<SubstanceDetails> substances, Appendable out) {
		var csv = new CsvWriter(out);
		csv.row(COLUMNS);
		substances.stream()
			.sorted(SubstanceIndex.byName())
			.forEach(s -> csv.row(List.of(s.id().code(), s.name(), s.substanceClass().name(),
					s.flags().stream().map(Enum::name).collect(Collectors.joining("|")),
					s.parent() == null ? "" : s.parent().code(), aliasList(s.aliases(), TermKind.SYNONYM, "|"),
					aliasList(s.aliases(), TermKind.STREET_NAME, "|"),
					s.pubchemCid() == null ? "" : s.pubchemCid().toString(), s.casNumber() == null ? "" : s.casNumber(),
					s.notes() == null ? "" : s.notes())));
	}

	/**
	 * Aliases of one kind, written as in the CSV (or, with a line break as separator, as
	 * in the edit form).
	 */
	public static String aliasList(List<Alias> aliases, TermKind kind, String separator) {
		return aliases.stream()
			.filter(a -> a.kind() == kind)
			.map(SubstanceCsv::aliasText)
			.collect(Collectors.joining(separator));
	}

	static String aliasText(Alias alias) {
		if (alias.alsoMeans().isEmpty()) {
			return alias.text();
		}
		return alias.text() + " [also: "
				+ alias.alsoMeans().stream().map(SubstanceId::code).collect(Collectors.joining(", ")) + "]";
	}

	// ---- Reading

	/** Reads a file; problems name each row and column. */
	public static Parsed read(Reader reader) {
		List<CsvReader.Row> records;
		try {
			records = CsvReader.read(reader, MAX_ROWS + 1);
		}
		catch (CsvReader.MalformedCsvException ex) {
			return new Parsed(List.of(), List.of(RowProblem.of(null, "file", "imports.problem.malformed",
					String.valueOf(ex.getMessage()), String.valueOf(ex.line()))), 0);
		}
		if (records.isEmpty()) {
			return new Parsed(List.of(),
					List.of(RowProblem.of(null, "file", "substances.csv.empty", String.join(",", COLUMNS))), 0);
		}
		var header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		var columns = new HashMap<String, Integer>();
		var problems = new ArrayList<RowProblem>();
		for (int i = 0; i < header.size(); i++) {
			var name = header.get(i);
			if (!COLUMNS.contains(name)) {
				problems.add(RowProblem.of(null, "header", "substances.import.header.unknown", name,
						String.join(", ", COLUMNS)));
			}
			else if (columns.putIfAbsent(name, i) != null) {
				problems.add(RowProblem.of(null, "header", "substances.import.header.twice", name));
			}
		}
		for (var required : List.of("name", "class")) {
			if (!columns.containsKey(required)) {
				problems.add(RowProblem.of(null, "header", "substances.import.header.missing", required));
			}
		}
		if (!problems.isEmpty()) {
			return new Parsed(List.of(), problems, records.size() - 1);
		}
		var rows = new ArrayList<Row>();
		for (int i = 1; i < records.size(); i++) {
			var record = records.get(i);
			// As a spreadsheet numbers it, as every import does: the header is row 1.
			int r = i + 1;
			var rowProblems = new ArrayList<RowProblem>();
			if (record.fields().size() > header.size()) {
				rowProblems.add(RowProblem.of(r, "row", "substances.csv.fieldCount",
						String.valueOf(record.fields().size()), String.valueOf(header.size())));
			}
			var draft = draft(r, record.fields(), columns, rowProblems);
			problems.addAll(rowProblems);
			if (rowProblems.isEmpty() && draft != null) {
				rows.add(new Row(r, draft));
			}
		}
		return new Parsed(rows, problems, records.size() - 1);
	}

	/**
	 * What is wrong with a file's header: unknown columns, columns named twice, and the
	 * required name and class missing; each a problem of the upload form's {@code file}
	 * field.
	 */
	public static List<FieldProblem> headerProblems(List<String> header) {
		var problems = new ArrayList<FieldProblem>();
		var seen = new ArrayList<String>();
		for (var column : header) {
			var name = column.strip().toLowerCase(Locale.ROOT);
			if (!COLUMNS.contains(name)) {
				problems
					.add(FieldProblem.of("file", "substances.import.header.unknown", name, String.join(", ", COLUMNS)));
			}
			else if (seen.contains(name)) {
				problems.add(FieldProblem.of("file", "substances.import.header.twice", name));
			}
			seen.add(name);
		}
		for (var required : List.of("name", "class")) {
			if (!seen.contains(required)) {
				problems.add(FieldProblem.of("file", "substances.import.header.missing", required));
			}
		}
		return problems;
	}

	private static @Nullable SubstanceDraft draft(int row, List<String> fields, Map<String, Integer> columns,
			List<RowProblem> problems) {
		return draft(row, column -> field(fields, columns, column), problems);
	}

	/**
	 * One row as a draft, or null when it has problems (each added, with the row's
	 * number); give a list of the row's own problems.
	 * @param cell a column's cell as written (blank when the file lacks the column)
	 */
	public static @Nullable SubstanceDraft draft(int row, Function<String, String> cell, List<RowProblem> problems) {
		var code = blankToNull(cell.apply("code"));
		if (code != null && !SubstanceId.isValid(code)) {
			problems.add(RowProblem.of(row, "code", "substances.csv.code.invalid", code));
		}
		var name = cell.apply("name").strip();
		if (name.isEmpty()) {
			problems.add(RowProblem.of(row, "name", "substances.csv.name.missing"));
		}
		var className = cell.apply("class").strip();
		SubstanceClass substanceClass = null;
		try {
			substanceClass = SubstanceClass.valueOf(className.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			var classes = Arrays.stream(SubstanceClass.values()).map(Enum::name).collect(Collectors.joining(", "));
			problems.add(className.isEmpty() ? RowProblem.of(row, "class", "substances.csv.class.missing", classes)
					: RowProblem.of(row, "class", "substances.csv.class.invalid", className, classes));
		}
		var flags = EnumSet.noneOf(RiskFlag.class);
		for (var flag : split(cell.apply("flags"))) {
			try {
				flags.add(RiskFlag.valueOf(flag.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(RowProblem.of(row, "flags", "substances.csv.flag.invalid", flag,
						Arrays.stream(RiskFlag.values()).map(Enum::name).collect(Collectors.joining(", "))));
			}
		}
		var parent = blankToNull(cell.apply("parent"));
		if (parent != null && !SubstanceId.isValid(parent)) {
			problems.add(RowProblem.of(row, "parent", "substances.rule.parent.notCode", parent));
		}
		var aliases = new ArrayList<Alias>();
		aliases.addAll(aliases(row, "aliases", split(cell.apply("aliases")), TermKind.SYNONYM, problems));
		aliases.addAll(aliases(row, "street_names", split(cell.apply("street_names")), TermKind.STREET_NAME, problems));
		Long cid = null;
		var cidText = blankToNull(cell.apply("pubchem_cid"));
		if (cidText != null) {
			try {
				cid = Long.valueOf(cidText);
			}
			catch (NumberFormatException ex) {
				problems.add(RowProblem.of(row, "pubchem_cid", "substances.csv.pubchemCid.invalid", cidText));
			}
		}
		var cas = blankToNull(cell.apply("cas_number"));
		var notes = blankToNull(cell.apply("notes"));
		if (!problems.isEmpty() || substanceClass == null) {
			return null;
		}
		return new SubstanceDraft(code, name, substanceClass, flags, parent, aliases, cid, cas, notes);
	}

	/**
	 * Parses aliases written one per entry, each optionally followed by
	 * {@code [also: code, code]}.
	 */
	public static List<Alias> aliases(@Nullable Integer row, String field, List<String> entries, TermKind kind,
			List<RowProblem> problems) {
		var result = new ArrayList<Alias>();
		for (var entry : entries) {
			var text = entry.strip();
			var also = List.<SubstanceId>of();
			var matcher = ALSO.matcher(text);
			if (matcher.matches()) {
				text = matcher.group(1).strip();
				var codes = new ArrayList<SubstanceId>();
				for (var code : matcher.group(2).split("[,\\s]+")) {
					if (code.isBlank()) {
						continue;
					}
					if (SubstanceId.isValid(code.strip())) {
						codes.add(new SubstanceId(code.strip()));
					}
					else {
						problems.add(RowProblem.of(row, field, "substances.csv.also.invalid", entry.strip(), code));
					}
				}
				also = codes;
			}
			else if (text.contains("[") || text.contains("]")) {
				problems.add(RowProblem.of(row, field, "substances.csv.also.brackets", text));
				continue;
			}
			if (!text.isEmpty()) {
				result.add(new Alias(text, kind, also));
			}
		}
		return result;
	}

	/**
	 * A cell as it was before the export neutralised it (a formula-like value kept as
	 * text in a spreadsheet).
	 */
	private static String field(List<String> fields, Map<String, Integer> columns, String column) {
		var index = columns.get(column);
		return index == null || index >= fields.size() ? "" : CsvWriter.restore(fields.get(index));
	}

	static List<String> split(String list) {
		return Arrays.stream(list.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

}
