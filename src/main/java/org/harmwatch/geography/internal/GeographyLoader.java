package org.harmwatch.geography.internal;

import java.time.Clock;
import java.util.Map;

import org.harmwatch.geography.AreaLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the geography tables from the bundled dataset when they are empty or hold another
 * version of it.
 *
 * <p>
 * Safe when several instances start together: each takes a PostgreSQL advisory lock for
 * its transaction, so one loads and the others find the same checksum already stored and
 * do nothing.
 */
@Component
public class GeographyLoader {

	private static final Logger log = LoggerFactory.getLogger(GeographyLoader.class);

	/** What a load did. */
	public record LoadResult(boolean loaded, Map<AreaLevel, Long> counts, long populationRows, long millis) {
	}

	private final GeographyStore store;

	private final ResourceLoader resources;

	private final GeographyProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GeographyLoader(GeographyStore store, ResourceLoader resources, GeographyProperties properties,
			PlatformTransactionManager transactions, Clock clock) {
		this.store = store;
		this.resources = resources;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Loads the dataset unless exactly this version of it is stored already. */
	public LoadResult loadIfChanged() {
		return load(false);
	}

	/** Replaces what is stored with the dataset, even if it is unchanged. */
	public LoadResult reload() {
		return load(true);
	}

	private LoadResult load(boolean force) {
		long started = System.nanoTime();
		var checksum = DatasetReader.checksum(resources, properties.source());
		var loaded = transactions.execute(status -> {
			store.lockForLoading();
			var stored = store.dataset();
			if (!force && stored.isPresent() && stored.get().checksum().equals(checksum)) {
				return false;
			}
			var dataset = DatasetReader.read(resources, properties.source());
			store.replace(dataset, clock.instant());
			return true;
		});
		var result = new LoadResult(Boolean.TRUE.equals(loaded), store.counts(), store.populationRows(),
				(System.nanoTime() - started) / 1_000_000);
		if (result.loaded()) {
			log.info("Loaded geography from {} in {} ms: {} areas {}, {} population rows", properties.source(),
					result.millis(), result.counts().values().stream().mapToLong(Long::longValue).sum(),
					result.counts(), result.populationRows());
		}
		else {
			log.info("Geography from {} already stored (checked in {} ms): {}", properties.source(), result.millis(),
					result.counts());
		}
		return result;
	}

}
