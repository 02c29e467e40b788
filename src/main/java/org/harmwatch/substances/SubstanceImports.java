package org.harmwatch.substances;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.imports.ColumnMapping;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.platform.imports.ImportPreview;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.platform.imports.ImportRejectedException;
import org.harmwatch.platform.imports.Imports;
import org.harmwatch.substances.internal.SubstanceCsv;
import org.harmwatch.substances.internal.VocabularyImportKind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Importing the vocabulary from CSV through the platform's import facility, checked
 * first: the upload is kept in the database and a background job checks every row and
 * says what importing it would change (new, changed and unchanged substances, or every
 * bad row) before anything is written; once the coordinator confirms, a job checks every
 * row again and imports all of it or nothing. Any instance can run either step.
 */
@Service
public class SubstanceImports {

	/** Names of the changes a checked file shows. */
	public static final String CREATED = VocabularyImportKind.CREATED, CHANGED = VocabularyImportKind.CHANGED,
			UNCHANGED = VocabularyImportKind.UNCHANGED;

	private final Imports imports;

	private final VocabularyImportKind kind;

	SubstanceImports(Imports imports, VocabularyImportKind kind) {
		this.imports = imports;
		this.kind = kind;
	}

	/** The columns a file may have, in the order of the export. */
	public List<String> columns() {
		return SubstanceCsv.COLUMNS;
	}

	/** The largest file accepted, in whole megabytes. */
	public long maxMegabytes() {
		return imports.maxMegabytes();
	}

	/**
	 * Keeps an uploaded file and starts checking it in the background; nothing is written
	 * to the vocabulary.
	 * @throws InputRejectedException (on the {@code file} field) when the file cannot be
	 * imported at all: not UTF-8 CSV, no rows, too many, or a header without name and
	 * class or with columns the format does not have
	 */
	public ImportJob check(@Nullable String filename, byte[] content, HarmwatchUser user) {
		if (content.length == 0) {
			throw new InputRejectedException(FieldProblem.of("file", "substances.import.choose"));
		}
		ImportJob job;
		try {
			job = imports.upload(kind, null, filename, content, user);
		}
		catch (ImportRejectedException rejected) {
			throw new InputRejectedException(rejected.problem("file"));
		}
		var problems = SubstanceCsv.headerProblems(job.header());
		if (!problems.isEmpty()) {
			imports.discard(kind, job.id(), user);
			throw new InputRejectedException(problems);
		}
		imports.checkFirst(kind, job.id(), ColumnMapping.guess(kind, job.header(), Map.of()), Map.of(), user);
		return imports.job(kind, job.id(), user).orElseThrow();
	}

	/**
	 * The import job, if the user may see it.
	 * @throws NotFoundException when there is none or they may not
	 */
	public ImportJob job(UUID id, HarmwatchUser user) {
		return imports.job(kind, id, user).orElseThrow(() -> new NotFoundException("substances.import.notFound"));
	}

	/** What a checked file would change (or, once imported, changed). */
	public Optional<ImportPreview> preview(UUID id, HarmwatchUser user) {
		return imports.preview(kind, id, user);
	}

	/** Every bad row of a file that cannot be imported (the first {@code limit}). */
	public List<ImportProblem> problems(UUID id, HarmwatchUser user, int limit) {
		return imports.problems(kind, id, user, limit);
	}

	/**
	 * Imports a checked file: a job checks every row again and imports all or nothing.
	 * @return false, changing nothing, when the file is not waiting for a confirmation
	 * (e.g. confirmed already)
	 */
	public boolean confirm(UUID id, HarmwatchUser user) {
		return imports.confirm(kind, id, user);
	}

}
