package org.harmwatch.platform.imports;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of CSV imports.
 *
 * @param maxFileSize the largest file accepted (50 MB unless configured; keep
 * {@code spring.servlet.multipart.max-file-size} above it, so that a larger file is
 * explained on the form)
 * @param threads imports run at once on each instance
 * @param lease how long a claimed job is held without progress before another instance
 * may take it over (its instance went away); it is taken over at most
 * {@code max-attempts} times
 * @param maxAttempts runs of one job before it is stopped
 * @param keepFor finished imports, and uploads never started, are deleted this long after
 */
@ConfigurationProperties("harmwatch.imports")
record ImportProperties(@Nullable DataSize maxFileSize, @Nullable Integer threads, @Nullable Duration lease,
		@Nullable Integer maxAttempts, @Nullable Duration keepFor) {

	ImportProperties {
		maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
		threads = threads == null || threads < 1 ? 1 : threads;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
		maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
		keepFor = keepFor == null ? Duration.ofDays(7) : keepFor;
	}

}
