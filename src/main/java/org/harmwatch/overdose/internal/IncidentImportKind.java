package org.harmwatch.overdose.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.imports.ImportColumn;
import org.harmwatch.platform.imports.ImportContext;
import org.harmwatch.platform.imports.ImportKind;
import org.harmwatch.platform.imports.ImportOutcome;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.platform.imports.ImportRow;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Overdose incidents from a partner's CSV, one row each, through the platform's import
 * facility: the same checks as the form and the API ({@link IncidentIntake}), all or
 * nothing. A row's {@code sourceReference} keeps a re-imported incident from being stored
 * twice. Up to ten substance columns (as coroners' and the Allegheny County files have);
 * an age in years or a band; times with an offset, or local times read in the region's
 * zone.
 *
 * <p>
 * Options: {@link #AGENCY} and {@link #AGENCY_TYPE} (who owns the incidents: the
 * uploader's agency), {@link #FATAL} (whether every row is fatal when the file has no
 * such column, as a coroner's file), {@link #SOURCE} (who reported them).
 */
@Component
public class IncidentImportKind implements ImportKind<IncidentIntake.Checked> {

	/** The kind's name, stored with its jobs. */
	public static final String NAME = "overdose-incidents";

	public static final String AGENCY = "agency";

	public static final String AGENCY_TYPE = "agencyType";

	public static final String FATAL = "fatal";

	public static final String SOURCE = "source";

	/**
	 * Option: keep places that are not in the region as written, and rows with none as
	 * not known (a file from elsewhere, kept for comparison and benchmarks).
	 */
	public static final String KEEP_PLACES = "keepPlaces";

	/** Rows in one file at most. */
	public static final int MAX_ROWS = 1_000_000;

	/** Substance columns at most. */
	public static final int SUBSTANCE_COLUMNS = 10;

	private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]");

	private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

	private static final List<ImportColumn> COLUMNS = allColumns();

	/** Between substances in one cell: ";", "/", "+", or a comma and a space. */
	private static final Pattern SUBSTANCE_SEPARATOR = Pattern.compile("\\s*(?:[;/+]|,\\s)\\s*");

	/** A local date and time with a space for the "T". */
	private static final Pattern SPACED_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) ");

	/** A time that names its offset (or Z): parsed as an offset time first. */
	private static final Pattern HAS_OFFSET = Pattern.compile(".*T.*(?:[Zz]|[+-]\\d{2}(?::?\\d{2})?)$");

	private final IncidentIntake intake;

	private final AuditLog audit;

	private final ZoneId zone;

	IncidentImportKind(IncidentIntake intake, AuditLog audit, RegionSettings region) {
		this.intake = intake;
		this.audit = audit;
		this.zone = region.timeZone();
	}

	private static List<ImportColumn> allColumns() {
		var columns = new ArrayList<ImportColumn>();
		columns.add(ImportColumn.required("occurredAt", "occurred_at", "occurredat", "date_time", "datetime",
				"death_date_and_time", "incident_datetime", "incident_date_time", "call_datetime", "date"));
		columns.add(ImportColumn.optional("location", "location", "postcode_district", "postcode", "ward", "area",
				"area_code", "incident_zip", "zip"));
		columns.add(ImportColumn.optional("lat", "lat", "latitude"));
		columns.add(ImportColumn.optional("lon", "lon", "lng", "long", "longitude"));
		columns.add(ImportColumn.optional("fatal", "fatal", "is_fatal", "died"));
		columns.add(ImportColumn.optional("naloxoneDoses", "naloxone_doses", "naloxone", "naloxone_given"));
		columns.add(ImportColumn.optional("naloxoneRoute", "naloxone_route", "route"));
		columns.add(ImportColumn.optional("naloxoneGivenBy", "naloxone_given_by", "given_by"));
		columns.add(ImportColumn.optional("age", "age", "age_band", "ageband"));
		columns.add(ImportColumn.optional("sex", "sex", "gender"));
		for (int i = 1; i <= SUBSTANCE_COLUMNS; i++) {
			columns.add(i == 1 ? ImportColumn.optional("substance1", "substances", "substance", "substance1",
					"combined_od1", "drugs")
					: ImportColumn.optional("substance" + i, "substance" + i, "combined_od" + i));
		}
		columns.add(ImportColumn.optional("substanceBasis", "substance_basis", "basis"));
		columns.add(ImportColumn.optional("outcome", "outcome"));
		columns.add(ImportColumn.optional("personCode", "person_code", "client_code", "patient_code"));
		columns.add(ImportColumn.optional("sourceReference", "_id", "id", "reference", "incident_id", "case_id",
				"incident_number"));
		return List.copyOf(columns);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Grant grant() {
		// Health staff import; police record through the form and the API.
		return new Grant(Capability.OVERDOSE, Action.WRITE, Purpose.HEALTH);
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public int maxRows() {
		return MAX_ROWS;
	}

	/**
	 * A row is checked and placed in memory (the region's areas, the clock): a long file
	 * is parsed on every core.
	 */
	@Override
	public boolean parsesInParallel() {
		return true;
	}

	@Override
	public IncidentIntake.Checked parse(ImportRow row) {
		var problems = new ArrayList<ImportProblem>();
		var when = occurredAt(row, problems);
		Boolean fatal = bool(row.text("fatal"));
		if (row.text("fatal") != null && fatal == null) {
			problems.add(row.problem("fatal", "overdose.import.fatal.invalid", row.text("fatal")));
		}
		if (fatal == null && row.text("fatal") == null) {
			fatal = bool(row.option(FATAL));
			if (fatal == null) {
				problems.add(row.problem("fatal", "overdose.import.fatal.required"));
			}
		}
		var naloxone = new ArrayList<NaloxoneAdministration>();
		var dosesText = row.text("naloxoneDoses");
		if (dosesText != null) {
			int doses = -1;
			var yesNo = bool(dosesText);
			try {
				doses = yesNo != null ? (yesNo ? 1 : 0) : Integer.parseInt(dosesText);
			}
			catch (NumberFormatException ex) {
				doses = -1;
			}
			if (doses < 0 || doses > IncidentIntake.MAX_DOSES) {
				problems.add(row.problem("naloxoneDoses", "overdose.import.naloxoneDoses.invalid", dosesText,
						IncidentIntake.MAX_DOSES));
			}
			else if (doses > 0) {
				var route = route(row.text("naloxoneRoute"));
				var givenBy = constant(NaloxoneGiver.class, row.text("naloxoneGivenBy"));
				if (route == null) {
					problems.add(row.problem("naloxoneRoute", "overdose.import.naloxoneRoute.invalid",
							String.valueOf(row.text("naloxoneRoute"))));
				}
				else if (row.text("naloxoneGivenBy") != null && givenBy == null) {
					problems.add(row.problem("naloxoneGivenBy", "overdose.import.choice.invalid",
							row.text("naloxoneGivenBy")));
				}
				else {
					naloxone.add(new NaloxoneAdministration(givenBy == null ? NaloxoneGiver.OTHER : givenBy, null,
							doses, route));
				}
			}
		}
		AgeBand band = null;
		var age = row.text("age");
		if (age != null) {
			band = constant(AgeBand.class, age);
			if (band == null) {
				try {
					band = AgeBand.of(Integer.parseInt(age));
				}
				catch (IllegalArgumentException ex) {
					problems.add(row.problem("age", "overdose.import.age.invalid", age));
				}
			}
		}
		var sex = sex(row.text("sex"));
		var substances = new ArrayList<String>();
		for (int i = 1; i <= SUBSTANCE_COLUMNS; i++) {
			var words = row.text("substance" + i);
			if (words != null) {
				// One cell may name several: "heroin, street benzo", "heroin; crack". A
				// comma followed by no space is part of a name: "1,1-Difluoroethane".
				for (var part : hasSeparator(words) ? SUBSTANCE_SEPARATOR.split(words) : new String[] { words }) {
					if (!part.isBlank() && !substances.contains(part.strip())) {
						substances.add(part.strip());
					}
				}
			}
		}
		var basis = constant(SubstanceBasis.class, row.text("substanceBasis"));
		if (row.text("substanceBasis") != null && basis == null) {
			problems.add(row.problem("substanceBasis", "overdose.import.choice.invalid", row.text("substanceBasis")));
		}
		var outcome = constant(IncidentOutcome.class, row.text("outcome"));
		if (row.text("outcome") != null && outcome == null) {
			problems.add(row.problem("outcome", "overdose.import.choice.invalid", row.text("outcome")));
		}
		Double lat = decimal(row, "lat", problems);
		Double lon = decimal(row, "lon", problems);
		if (!problems.isEmpty() || when == null || fatal == null) {
			throw row.reject(problems);
		}
		var source = constant(IncidentSource.class, row.option(SOURCE));
		var draft = new IncidentDraft(when, lat, lon, row.text("location"), fatal, naloxone, source,
				row.text("sourceReference"), band, sex, substances, basis, outcome, row.text("personCode"));
		try {
			return intake.checked(draft, "true".equals(row.option(KEEP_PLACES)));
		}
		catch (InputRejectedException rejected) {
			throw row.reject(rejected.problems()
				.stream()
				.map(p -> row.problem(column(p.field()), p.code(), p.getArguments()))
				.toList());
		}
	}

	@Override
	public List<ImportProblem> checkTogether(List<Parsed<IncidentIntake.Checked>> rows) {
		var problems = new ArrayList<ImportProblem>();
		var seen = new HashSet<String>();
		for (var row : rows) {
			var reference = row.record().draft().sourceReference();
			if (reference != null && !seen.add(reference)) {
				problems
					.add(ImportProblem.of(row.row(), "sourceReference", "overdose.import.reference.twice", reference));
			}
		}
		return problems;
	}

	@Override
	public ImportOutcome store(List<IncidentIntake.Checked> records, ImportContext context) {
		try (var storing = storing(context)) {
			storing.accept(records);
			return storing.finish();
		}
	}

	/**
	 * A long file's incidents are stored as its rows are checked (each row is checked and
	 * placed on its own; the references sent twice in the file, which only the whole file
	 * shows, fail the job at its end and roll the rows stored back).
	 */
	@Override
	public boolean storesWhileChecking() {
		return true;
	}

	@Override
	public Storing<IncidentIntake.Checked> storing(ImportContext context) {
		var agency = String.valueOf(context.option(AGENCY));
		var type = AgencyType.valueOf(String.valueOf(context.option(AGENCY_TYPE)));
		var by = context.startedBy() == null ? context.importedBy() : context.startedBy();
		var recorder = new IncidentIntake.Recorder(agency, type, by);
		// Placed when checked; tens of thousands of rows to a copy: a million rows in
		// seconds.
		var recording = intake.recording(recorder, RecordedVia.IMPORT, context::stored);
		return new Storing<>() {

			private int records;

			@Override
			public void accept(List<IncidentIntake.Checked> checked) {
				records += checked.size();
				recording.accept(checked);
			}

			@Override
			public ImportOutcome finish() {
				int stored = recording.finish();
				audit.recordFor(by, agency, OverdoseAudit.OVERDOSE_RECORDED, "overdose-incident", null,
						type.lawEnforcement() ? Purpose.POLICING : Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
						"import: " + stored + " stored, " + (records - stored) + " sent before");
				return new ImportOutcome(records, stored, records - stored);
			}

			@Override
			public void close() {
				recording.close();
			}

		};
	}

	/**
	 * Whether a cell may name several substances: most name one, and are not matched
	 * against {@link #SUBSTANCE_SEPARATOR} at all.
	 */
	private static boolean hasSeparator(String words) {
		for (int i = 0; i < words.length(); i++) {
			char c = words.charAt(i);
			if (c == ';' || c == '/' || c == '+' || c == ',') {
				return true;
			}
		}
		return false;
	}

	private @Nullable Instant occurredAt(ImportRow row, List<ImportProblem> problems) {
		var text = row.text("occurredAt");
		if (text == null) {
			problems.add(row.problem("occurredAt", "overdose.import.occurredAt.required"));
			return null;
		}
		var local = isoLocal(text);
		if (local != null) {
			return local.atZone(zone).toInstant();
		}
		if (text.length() <= 40) {
			// Only a time that looks as if it had an offset is tried as one: a failed
			// parse
			// costs an exception, and a million rows of local times would each pay it.
			if (HAS_OFFSET.matcher(text).matches()) {
				try {
					return OffsetDateTime.parse(text).toInstant();
				}
				catch (DateTimeParseException ex) {
					// try a local time next
				}
			}
			for (var format : List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, UK_TIME)) {
				try {
					return LocalDateTime.parse(SPACED_TIME.matcher(text).replaceFirst("$1T"), format)
						.atZone(zone)
						.toInstant();
				}
				catch (DateTimeParseException ex) {
					// try the next
				}
			}
			for (var format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE)) {
				try {
					return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
				}
				catch (DateTimeParseException ex) {
					// try the next
				}
			}
		}
		problems.add(row.problem("occurredAt", "overdose.import.occurredAt.invalid", text));
		return null;
	}

	/**
	 * The commonest layout read without a formatter: {@code 2024-05-17T14:03:00} or
	 * {@code 2024-05-17 14:03} (a formatter costs a few microseconds a row, most of the
	 * checking of a million rows); null for anything else, or a date that does not exist,
	 * which the formatters then read or refuse as before.
	 */
	static @Nullable LocalDateTime isoLocal(String text) {
		int length = text.length();
		if ((length != 16 && length != 19) || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| (text.charAt(10) != 'T' && text.charAt(10) != ' ') || text.charAt(13) != ':'
				|| (length == 19 && text.charAt(16) != ':')) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = length == 19 ? digits(text, 17, 2) : 0;
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDateTime.of(year, month, day, hour, minute, second);
	}

	/** The decimal number of {@code count} ASCII digits from {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static @Nullable Double decimal(ImportRow row, String column, List<ImportProblem> problems) {
		var text = row.text(column);
		if (text == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isFinite(value) && text.length() <= 30) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(row.problem(column, "overdose.import.number.invalid", text));
		return null;
	}

	static @Nullable Boolean bool(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "fatal", "died" -> Boolean.TRUE;
			case "false", "no", "n", "0", "non-fatal", "nonfatal", "survived" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static @Nullable NaloxoneRoute route(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "nasal", "intranasal", "in", "nasal spray", "spray" -> NaloxoneRoute.NASAL;
			case "injected", "injection", "im", "intramuscular", "iv", "intravenous" -> NaloxoneRoute.INJECTED;
			default -> null;
		};
	}

	private static @Nullable Sex sex(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "f", "female", "woman" -> Sex.FEMALE;
			case "m", "male", "man" -> Sex.MALE;
			case "o", "other", "x" -> Sex.OTHER;
			default -> null; // "U", "unknown", "not known"
		};
	}

	static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String text) {
		if (text == null) {
			return null;
		}
		var name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		return null;
	}

	/** The import column a form field's problem belongs to. */
	private static @Nullable String column(@Nullable String field) {
		if (field == null) {
			return null;
		}
		return switch (field) {
			case "substances" -> "substance1";
			case "naloxoneHolder" -> "naloxoneGivenBy";
			case "location" -> "location";
			default -> field;
		};
	}

}
