package org.harmwatch.platform.imports;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
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

	private final @Nullable String startedBy;

	private final @Nullable String agencyCode;

	private final Consumer<ImportPreview> changed;

	ImportContext(@Nullable String scope, Map<String, String> options, String importedBy, Instant now,
			IntConsumer progress) {
		this(scope, options, importedBy, now, progress, null, null, preview -> {
		});
	}

	ImportContext(@Nullable String scope, Map<String, String> options, String importedBy, Instant now,
			IntConsumer progress, @Nullable String startedBy, @Nullable String agencyCode,
			Consumer<ImportPreview> changed) {
		this.scope = scope;
		this.options = Map.copyOf(options);
		this.importedBy = importedBy;
		this.now = now;
		this.progress = progress;
		this.startedBy = startedBy;
		this.agencyCode = agencyCode;
		this.changed = changed;
	}

	/**
	 * The username of who started the job (or confirmed it, when checked first), for the
	 * audit log; null when imported at once ({@link Imports#importNow}).
	 */
	public @Nullable String startedBy() {
		return startedBy;
	}

	/** The agency the job belongs to; null when imported at once. */
	public @Nullable String agencyCode() {
		return agencyCode;
	}

	/**
	 * Records what storing changed, in the same transaction, replacing what the check
	 * said it would change (e.g. when the records' target changed between the two):
	 * optional, for kinds that {@link ImportKind#preview}.
	 */
	public void changed(ImportPreview preview) {
		changed.accept(preview);
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
