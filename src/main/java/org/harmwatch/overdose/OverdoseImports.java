package org.harmwatch.overdose;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.overdose.internal.IncidentImportKind;
import org.harmwatch.overdose.internal.SourceMappingRepository;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.SafeText;
import org.harmwatch.platform.imports.ColumnMapping;
import org.harmwatch.platform.imports.ImportColumn;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.platform.imports.ImportRejectedException;
import org.harmwatch.platform.imports.Imports;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing overdose incidents from partners' CSV files through the platform's import
 * facility, in steps: upload a file for a named source (e.g. "WMAS CAD export"); map its
 * columns, offered from the mapping the agency saved for that source last time, else
 * guessed from the header; then the job checks every row and stores all or nothing in the
 * background.
 */
@Service
public class OverdoseImports {

	/** The source name used when none is given. */
	public static final String DEFAULT_SOURCE = "default";

	/** Longest source name. */
	public static final int MAX_SOURCE_NAME = 60;

	private final Imports imports;

	private final IncidentImportKind kind;

	private final SourceMappingRepository mappings;

	private final Clock clock;

	OverdoseImports(Imports imports, IncidentImportKind kind, SourceMappingRepository mappings, Clock clock) {
		this.imports = imports;
		this.kind = kind;
		this.mappings = mappings;
		this.clock = clock;
	}

	/** The largest file accepted, in whole megabytes. */
	public long maxMegabytes() {
		return imports.maxMegabytes();
	}

	/** The columns a file may have, in order, each required or not. */
	public List<ImportColumn> columns() {
		return kind.columns();
	}

	/** The sources the user's agency saved mappings for. */
	public List<String> sources(HarmwatchUser user) {
		return mappings.sources(user.agencyCode());
	}

	/**
	 * Keeps an uploaded CSV of the named source for the user's agency to map.
	 * @throws InputRejectedException saying what is wrong with the file or the source
	 * name; nothing is stored then
	 * @throws AccessDeniedException when the user may not import overdoses
	 */
	public ImportJob upload(@Nullable String sourceName, @Nullable String filename, byte[] content,
			HarmwatchUser user) {
		mayImport(user);
		var source = sourceName == null || sourceName.isBlank() ? DEFAULT_SOURCE : sourceName.strip();
		if (source.length() > MAX_SOURCE_NAME || !SafeText.isSafe(source)) {
			throw new InputRejectedException(
					FieldProblem.of("sourceName", "overdose.import.sourceName.invalid", MAX_SOURCE_NAME));
		}
		try {
			return imports.upload(kind, source, filename, content, user);
		}
		catch (ImportRejectedException rejected) {
			throw new InputRejectedException(
					FieldProblem.of("file", "overdose.import.file.rejected", rejected.getMessage()));
		}
	}

	/**
	 * The job, if the user may see it (audited); empty when there is none or they may
	 * not.
	 */
	public Optional<ImportJob> job(UUID id, HarmwatchUser user) {
		return imports.job(kind, id, user);
	}

	/** The first bad rows a failed job found, in row order. */
	public List<ImportProblem> problems(UUID id, HarmwatchUser user, int limit) {
		return imports.problems(kind, id, user, limit);
	}

	/** The job's status for its page's script. */
	public Optional<Imports.Status> status(UUID id, HarmwatchUser user) {
		return job(id, user).map(Imports.Status::of);
	}

	/** The source a job's file came from. */
	public static String sourceOf(ImportJob job) {
		return job.scope() == null ? DEFAULT_SOURCE : job.scope();
	}

	/**
	 * The mapping to offer: the one the agency saved for the job's source, else guessed
	 * from the header.
	 */
	public ColumnMapping guess(ImportJob job) {
		return ColumnMapping.guess(kind, job.header(), mappings.saved(job.agencyCode(), sourceOf(job)));
	}

	/**
	 * The mapping guessed from a header alone, as for a first file.
	 */
	public ColumnMapping guess(List<String> header) {
		return ColumnMapping.guess(kind, header, Map.of());
	}

	/** The chosen mapping, as the kind's columns to the file's headers. */
	public ColumnMapping mapping(Map<String, @Nullable String> chosen) {
		return ColumnMapping.of(kind, chosen);
	}

	/** The mapping's problems with the job's file. */
	public List<ColumnMapping.ColumnProblem> check(ColumnMapping mapping, ImportJob job) {
		return mapping.problems(kind, job.header());
	}

	/**
	 * Starts the job once with the mapping, saving it for the job's source.
	 * @param fatal whether every row is fatal (true), none (false), or the file says
	 * (null)
	 * @param source who reported the incidents, or null for the agency's kind
	 * @param keepPlaces keep places not in the region as written (a file from elsewhere)
	 * @return false when it was started already or the user may not see it
	 */
	@Transactional
	public boolean start(UUID id, ColumnMapping mapping, @Nullable Boolean fatal, @Nullable IncidentSource source,
			boolean keepPlaces, HarmwatchUser user) {
		mayImport(user);
		var job = imports.job(kind, id, user);
		if (job.isEmpty() || !imports.start(kind, id, mapping, options(user, fatal, source, keepPlaces), user)) {
			return false;
		}
		mappings.save(user.agencyCode(), sourceOf(job.get()), mapping, clock.instant());
		return true;
	}

	/**
	 * Imports a CSV at once for the user's agency, all or nothing: for small files and
	 * tests. When any row is bad nothing is stored and the report names each bad row.
	 */
	@Transactional
	public Imports.Report importNow(String csv, ColumnMapping mapping, @Nullable Boolean fatal,
			@Nullable IncidentSource source, boolean keepPlaces, HarmwatchUser user) {
		mayImport(user);
		return imports.importNow(kind, DEFAULT_SOURCE, csv, mapping, options(user, fatal, source, keepPlaces),
				user.getUsername(), clock.instant());
	}

	private static Map<String, String> options(HarmwatchUser user, @Nullable Boolean fatal,
			@Nullable IncidentSource source, boolean keepPlaces) {
		var options = new HashMap<String, String>();
		if (keepPlaces) {
			options.put(IncidentImportKind.KEEP_PLACES, "true");
		}
		options.put(IncidentImportKind.AGENCY, user.agencyCode());
		options.put(IncidentImportKind.AGENCY_TYPE, user.agencyType().name());
		if (fatal != null) {
			options.put(IncidentImportKind.FATAL, fatal.toString());
		}
		if (source != null) {
			options.put(IncidentImportKind.SOURCE, source.name());
		}
		return options;
	}

	/**
	 * Refuses a user who may not import overdoses (health staff with overdose write may).
	 * @throws AccessDeniedException when they may not
	 */
	/** Whether the user may import overdoses: health staff with overdose write. */
	public boolean allowed(HarmwatchUser user) {
		var grant = kind.grant();
		return user.may(grant.capability(), grant.action(), grant.purpose());
	}

	public void mayImport(HarmwatchUser user) {
		if (!allowed(user)) {
			throw new AccessDeniedException("Importing overdoses needs " + kind.grant());
		}
	}

}
