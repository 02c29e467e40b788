package org.harmwatch.platform.imports;

import java.time.Instant;
import java.util.Map;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ImportKind#store} knows about its job: where it imports to, who started it,
 * and where to report.
 */
public final class ImportContext {

	private final @Nullable String scope;

	private final Map<String, String> options;

	private final String importedBy;

	private final Instant now;

	private final IntConsumer progress;

	ImportContext(@Nullable String scope, Map<String, String> options, String importedBy, Instant now,
			IntConsumer progress) {
		this.scope = scope;
		this.options = Map.copyOf(options);
		this.importedBy = importedBy;
		this.now = now;
		this.progress = progress;
	}

	/** What the job imports into, as given at upload (e.g. a session id). */
	public @Nullable String scope() {
		return scope;
	}

	/** An option the job was started with, or null. */
	public @Nullable String option(String name) {
		return options.get(name);
	}

	/** The display name of who started the job. */
	public String importedBy() {
		return importedBy;
	}

	/** When the job was started. */
	public Instant now() {
		return now;
	}

	/**
	 * Reports that this many rows are stored so far (at most a few writes a second reach
	 * the database).
	 */
	public void stored(int rows) {
		progress.accept(rows);
	}

}
