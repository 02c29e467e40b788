package org.harmwatch.platform.audit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log's key, sealing and checkpoints.
 *
 * @param key the audit key(s) in base64, comma-separated, oldest first (the last one
 * seals new entries); when set, the key file is not read ({@code HARMWATCH_AUDIT_KEY},
 * for keys kept in a secret store)
 * @param keyFile the file holding the audit key(s), one base64 key a line, oldest first;
 * created with a new random key (mode 0600) when it does not exist; empty for a
 * throw-away key in a temporary file (tests)
 * @param checkpointFile the append-only file checkpoints of the chain's head are written
 * to; empty for a temporary file (tests)
 * @param checkpointEvery how often each instance writes a checkpoint (when the chain has
 * grown)
 * @param sealEvery how often each instance seals new entries
 * @param poolSize the connections of the audit log's own pool (default 4), which entries
 * are written with so that they never wait for the application's pool
 */
@ConfigurationProperties("harmwatch.audit")
record AuditProperties(@Nullable String key, @Nullable String keyFile, @Nullable String checkpointFile,
		@Nullable Duration checkpointEvery, @Nullable Duration sealEvery, @Nullable Integer poolSize) {

	AuditProperties {
		poolSize = poolSize == null || poolSize < 2 ? 4 : poolSize;
		checkpointEvery = checkpointEvery == null ? Duration.ofMinutes(1) : checkpointEvery;
		sealEvery = sealEvery == null ? Duration.ofSeconds(1) : sealEvery;
	}

}
