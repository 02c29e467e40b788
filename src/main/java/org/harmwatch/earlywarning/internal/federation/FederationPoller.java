package org.harmwatch.earlywarning.internal.federation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.earlywarning.internal.federation.CapReader.InvalidCapException;
import org.harmwatch.earlywarning.internal.federation.FederationProperties.Feed;
import org.harmwatch.platform.OutboundHttp;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;

/**
 * Polls the neighbouring regions' feeds and stores their CAP alerts as external alerts,
 * each once (by CAP sender and identifier). A feed may be an Atom feed whose entries link
 * to CAP messages, or a single CAP message.
 *
 * <p>
 * It holds a database lock while it runs, so with several instances one polls at a time.
 * A feed that cannot be read, or an entry that is not valid CAP 1.2, is recorded against
 * the feed for the coordinator to see; the other feeds and entries are still read.
 * Nothing polled is ever re-broadcast: it only lands in
 * {@code earlywarning.external_alert}.
 *
 * <p>
 * Feeds and the CAP links inside them are fetched through the platform's
 * {@link OutboundHttp}, so neither a feed URL nor a hostile feed's links (nor their
 * redirects) can reach loopback, private or link-local addresses unless an administrator
 * allow-listed the host.
 */
@Component
@EnableConfigurationProperties(FederationProperties.class)
public class FederationPoller {

	private static final Logger log = LoggerFactory.getLogger(FederationPoller.class);

	private static final String CAP_TYPE = "application/cap+xml";

	private final ExternalAlertRepository alerts;

	private final FederationProperties properties;

	private final Clock clock;

	private final OutboundHttp http;

	FederationPoller(ExternalAlertRepository alerts, FederationProperties properties, Clock clock, OutboundHttp http) {
		this.alerts = alerts;
		this.properties = properties;
		this.clock = clock;
		this.http = http;
	}

	/**
	 * What one poll of one feed found.
	 *
	 * @param feed the feed's name
	 * @param stored alerts new to Harmwatch
	 * @param known alerts already stored
	 * @param refused entries that could not be read, each with why
	 * @param error why the feed itself could not be read, if it could not
	 */
	public record Outcome(String feed, int stored, int known, List<String> refused, @Nullable String error) {
	}

	@Scheduled(fixedDelayString = "${harmwatch.early-warning.federation.every:PT10M}",
			initialDelayString = "${harmwatch.early-warning.federation.initial-delay:PT1M}")
	@SchedulerLock(name = "federation-poller", lockAtMostFor = "PT10M")
	void run() {
		if (!properties.feeds().isEmpty()) {
			poll(properties.feeds(), clock.instant());
		}
	}

	/** Polls each feed as of {@code now}. */
	public List<Outcome> poll(List<Feed> feeds, Instant now) {
		return feeds.stream().map(feed -> poll(feed, now)).toList();
	}

	private Outcome poll(Feed feed, Instant now) {
		int stored = 0;
		int known = 0;
		var refused = new ArrayList<String>();
		String error = null;
		try {
			var body = fetch(feed.url());
			var document = CapReader.parse(body);
			if (CapReader.isCap(document)) {
				if (store(feed, feed.url(), CapReader.read(document, utf8(body)), now)) {
					stored++;
				}
				else {
					known++;
				}
			}
			else {
				for (var link : capLinks(feed.url(), body)) {
					if (alreadyFetched(link)) {
						known++;
						continue;
					}
					try {
						var cap = fetch(link);
						if (store(feed, link, CapReader.read(CapReader.parse(cap), utf8(cap)), now)) {
							stored++;
						}
						else {
							known++;
						}
					}
					catch (IOException | InvalidCapException ex) {
						refused.add(link + ": " + ex.getMessage());
					}
				}
			}
		}
		catch (IOException | InvalidCapException | FeedException ex) {
			error = ex.getMessage();
		}
		var problem = error != null ? error : refused.isEmpty() ? null
				: refused.size() + " entr" + (refused.size() == 1 ? "y" : "ies") + " refused; first: " + refused.get(0);
		record(feed, now, error == null, problem);
		if (problem != null) {
			log.warn("Federation feed {}: {}", feed.name(), problem);
		}
		return new Outcome(feed.name(), stored, known, List.copyOf(refused), error);
	}

	private List<URI> capLinks(URI feedUrl, byte[] body) throws FeedException, IOException {
		var input = new SyndFeedInput();
		var syndFeed = input.build(new InputSource(new ByteArrayInputStream(body)));
		var links = new ArrayList<URI>();
		for (SyndEntry entry : syndFeed.getEntries()) {
			if (links.size() >= properties.maxEntries()) {
				break;
			}
			capLink(entry).map(href -> feedUrl.resolve(href.strip())).ifPresent(links::add);
		}
		return links;
	}

	private static java.util.Optional<String> capLink(SyndEntry entry) {
		for (SyndLink link : entry.getLinks()) {
			if (link.getType() != null && link.getType().toLowerCase(Locale.ROOT).startsWith(CAP_TYPE)) {
				return java.util.Optional.ofNullable(link.getHref());
			}
		}
		return java.util.Optional.empty();
	}

	private byte[] fetch(URI url) throws IOException {
		var response = http.get(url,
				Map.of("Accept", "application/atom+xml, application/cap+xml, application/xml;q=0.9"),
				properties.timeout(), properties.maxBytes() + 1);
		if (response.status() != 200) {
			throw new IOException("HTTP " + response.status() + " from " + url);
		}
		if (response.body().length > properties.maxBytes()) {
			throw new IOException("larger than " + properties.maxBytes() + " bytes: " + url);
		}
		return response.body();
	}

	private boolean alreadyFetched(URI link) {
		return alerts.alreadyFetched(link);
	}

	private boolean store(Feed feed, URI source, CapMessage cap, Instant now) {
		return alerts.insert(feed, source, cap, now);
	}

	private void record(Feed feed, Instant now, boolean read, @Nullable String problem) {
		alerts.recordPoll(feed, now, read, problem);
	}

	private static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
