package org.harmwatch.drugchecking.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of background CSV imports.
 *
 * @param maxFileSize the largest file accepted (50 MB unless configured; keep
 * {@code spring.servlet.multipart.max-file-size} above it, so that a larger file is explained on the form)
 * @param threads imports run at once on each instance
 * @param staleAfter a running import that has reported no progress for this long was stopped (its instance went
 * away): it is queued again, at most three times
 * @param keepFor finished imports, and uploads never started, are deleted this long after
 */
@ConfigurationProperties("harmwatch.drug-checking.import")
public record DrugCheckingImportProperties(@Nullable DataSize maxFileSize, @Nullable Integer threads,
		@Nullable Duration staleAfter, @Nullable Duration keepFor) {

	public DrugCheckingImportProperties {
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
		threads = threads == null || threads < 1 ? 1 : threads;
		staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
		keepFor = keepFor == null ? Duration.ofDays(7) : keepFor;
	}

}
