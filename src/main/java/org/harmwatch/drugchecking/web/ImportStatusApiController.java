package org.harmwatch.drugchecking.web;

import java.util.UUID;

import org.harmwatch.drugchecking.DrugCheckingImports;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.imports.ImportJob;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far a CSV import job has got, for its page's script to poll. Only the uploader's
 * agency's analysts see it; for anyone else there is no such import (404).
 */
@RestController
class ImportStatusApiController {

	/**
	 * @param rowsDone rows checked (status {@code VALIDATING}) or stored
	 * ({@code IMPORTING})
	 * @param samples samples the file describes, once imported
	 * @param problemCount bad rows found; nothing was imported when there are any
	 */
	record ImportStatus(UUID id, ImportJob.Status status, boolean finished, int totalRows, int rowsDone,
			@Nullable Integer samples, @Nullable Integer imported, @Nullable Integer alreadyImported, int problemCount,
			@Nullable String failure) {
	}

	private final DrugCheckingImports imports;

	ImportStatusApiController(DrugCheckingImports imports) {
		this.imports = imports;
	}

	@GetMapping("/api/drug-checking/imports/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<ImportStatus> status(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var job = imports.job(id, user).orElseThrow(() -> new NotFoundException("drugchecking.notFound.import", id));
		var outcome = job.outcome();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new ImportStatus(job.id(), job.status(), job.finished(), job.totalRows(), job.rowsDone(),
					outcome == null ? null : outcome.records(), outcome == null ? null : outcome.stored(),
					outcome == null ? null : outcome.skipped(), job.problemCount(), job.failure()));
	}

}
