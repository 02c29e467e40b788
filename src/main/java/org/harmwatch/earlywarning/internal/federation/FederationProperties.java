package org.harmwatch.earlywarning.internal.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Neighbouring regions' feeds to poll ({@code harmwatch.early-warning.federation.*}).
 *
 * @param feeds the feeds: each an Atom feed whose entries link to CAP messages, or one
 * CAP message
 * @param every how often to poll
 * @param initialDelay how long after start-up the first poll runs
 * @param timeout how long one request may take
 * @param maxBytes the largest document read from a feed
 * @param maxEntries the most entries read from one Atom feed per poll
 */
@ConfigurationProperties("harmwatch.early-warning.federation")
public record FederationProperties(@Nullable List<Feed> feeds, @Nullable Duration every,
		@Nullable Duration initialDelay, @Nullable Duration timeout, @Nullable Integer maxBytes,
		@Nullable Integer maxEntries) {

	/**
	 * One neighbouring region's feed.
	 *
	 * @param name what the coordinator sees, e.g. {@code Greater Manchester DEWS}
	 * @param url the Atom feed or CAP message
	 */
	public record Feed(String name, URI url) {
	}

	public FederationProperties {
		feeds = feeds == null ? List.of() : List.copyOf(feeds);
		every = every == null ? Duration.ofMinutes(10) : every;
		initialDelay = initialDelay == null ? Duration.ofMinutes(1) : initialDelay;
		timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
		maxBytes = maxBytes == null ? 2_000_000 : maxBytes;
		maxEntries = maxEntries == null ? 100 : maxEntries;
	}

}
