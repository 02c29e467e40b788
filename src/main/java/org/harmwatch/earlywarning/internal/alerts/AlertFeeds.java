package org.harmwatch.earlywarning.internal.alerts;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.harmwatch.earlywarning.AlertView;

/**
 * The public Atom feeds, written with Rome: the public alerts, and the CAP index whose
 * entries link to each alert's CAP 1.2 document ({@code type="application/cap+xml"}) for
 * other regions and national bodies to poll. An alert is one entry whose id stays the
 * same across its versions (published at its first issue, updated at its latest), with
 * the issuing body as author.
 */
public final class AlertFeeds {

	public static final String CAP_TYPE = "application/cap+xml";

	private AlertFeeds() {
	}

	/** The public alerts feed. */
	public static String alerts(List<AlertView> alerts, String baseUrl, String region) {
		return feed(alerts, baseUrl, region, false);
	}

	/** The CAP index feed. */
	public static String capIndex(List<AlertView> alerts, String baseUrl, String region) {
		return feed(alerts, baseUrl, region, true);
	}

	private static String feed(List<AlertView> alerts, String baseUrl, String region, boolean cap) {
		var feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle((cap ? "CAP alerts: " : "Drug alerts: ") + region);
		feed.setDescription("Public drug alerts from the " + region + " drugs early warning system");
		feed.setUri(baseUrl + (cap ? "/alerts/cap.atom" : "/alerts/feed.atom"));
		feed.setAuthors(List.of(author(baseUrl, region)));
		var self = new SyndLinkImpl();
		self.setRel("self");
		self.setType("application/atom+xml");
		self.setHref(baseUrl + (cap ? "/alerts/cap.atom" : "/alerts/feed.atom"));
		var html = new SyndLinkImpl();
		html.setRel("alternate");
		html.setType("text/html");
		html.setHref(baseUrl + "/alerts");
		feed.setLinks(List.of(self, html));
		var updated = alerts.stream()
			.map(AlertView::issuedAt)
			.filter(java.util.Objects::nonNull)
			.max(java.util.Comparator.naturalOrder())
			.orElse(java.time.Instant.EPOCH);
		feed.setPublishedDate(Date.from(updated));
		var entries = new ArrayList<SyndEntry>();
		for (var alert : alerts) {
			var current = alert.current();
			if (current == null || alert.reference() == null || alert.issuedAt() == null) {
				continue;
			}
			var entry = new SyndEntryImpl();
			var page = baseUrl + "/alerts/" + alert.reference();
			// One id for every version, so that a feed reader shows an update as the same
			// item changed, not as a new one (RFC 4287 4.2.6: the id stays when the entry
			// is
			// updated).
			entry.setUri(entryId(baseUrl, alert.reference()));
			entry.setAuthors(List.of(author(baseUrl, region)));
			var state = switch (alert.state()) {
				case CANCELLED -> "Cancelled: ";
				default -> current.version() != null && current.version() > 1 ? "Updated: " : "";
			};
			entry.setTitle(state + alert.reference() + " " + current.headline());
			var first = alert.issuedMessages().getLast().issuedAt();
			entry.setPublishedDate(Date.from(first != null ? first : alert.issuedAt()));
			entry.setUpdatedDate(Date.from(alert.issuedAt()));
			var alternate = new SyndLinkImpl();
			alternate.setRel("alternate");
			alternate.setType("text/html");
			alternate.setHref(page);
			var links = new ArrayList<com.rometools.rome.feed.synd.SyndLink>();
			if (cap) {
				var capLink = new SyndLinkImpl();
				capLink.setRel("alternate");
				capLink.setType(CAP_TYPE);
				capLink.setHref(page + ".cap");
				links.add(capLink);
				var related = new SyndLinkImpl();
				related.setRel("related");
				related.setType("text/html");
				related.setHref(page);
				links.add(related);
			}
			else {
				links.add(alternate);
			}
			entry.setLinks(links);
			entry.setLink(links.getFirst().getHref());
			var summary = new SyndContentImpl();
			summary.setType("text");
			summary.setValue(
					current.lookOutFor() + (current.publicAdvice() == null ? "" : "\n\n" + current.publicAdvice()));
			entry.setDescription(summary);
			entry.setCategories(List.of(category(alert.level().name())));
			entries.add(entry);
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the feed", ex);
		}
	}

	/** The Atom id of an alert's entry: the same for every version of the alert. */
	public static String entryId(String baseUrl, String reference) {
		return baseUrl + "/alerts/" + reference;
	}

	private static SyndPerson author(String baseUrl, String region) {
		var person = new SyndPersonImpl();
		person.setName("Harmwatch drugs early warning, " + region);
		person.setUri(baseUrl + "/alerts");
		return person;
	}

	private static com.rometools.rome.feed.synd.SyndCategory category(String name) {
		var category = new com.rometools.rome.feed.synd.SyndCategoryImpl();
		category.setName(name);
		return category;
	}

}
