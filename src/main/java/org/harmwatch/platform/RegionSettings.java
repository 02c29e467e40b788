package org.harmwatch.platform;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * The region this Harmwatch serves: its name, its time zone (every date shown or entered
 * is in it) and the public address every link in a message, feed or document starts with.
 *
 * <p>
 * One bean, from {@code harmwatch.region.name}, {@code harmwatch.region.time-zone},
 * {@code harmwatch.region.public-url}, {@code harmwatch.region.issuer} and
 * {@code harmwatch.region.helpline}; for the address, the older
 * {@code harmwatch.alerts.public-url} and then {@code harmwatch.dissemination.base-url}
 * are still honoured when the new one is not set.
 *
 * @param name the region's name, e.g. West Midlands
 * @param timeZone its time zone, e.g. Europe/London
 * @param publicUrl the public address, without a trailing slash, e.g.
 * {@code https://harmwatch.example.org}
 * @param issuer the body that issues public alerts, named on posters, e.g. West Midlands
 * Drug Early Warning System; the region's name when not set
 * @param helpline the helpline a poster gives, e.g. {@code FRANK 0300 123 6600}, if any
 */
public record RegionSettings(String name, ZoneId timeZone, String publicUrl, String issuer, @Nullable String helpline) {

	public RegionSettings {
		if (name.isBlank()) {
			throw new IllegalArgumentException("harmwatch.region.name must not be empty");
		}
		if (issuer.isBlank()) {
			issuer = name;
		}
		if (helpline != null && helpline.isBlank()) {
			helpline = null;
		}
		while (publicUrl.endsWith("/")) {
			publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
		}
		if (!publicUrl.startsWith("https://") && !publicUrl.startsWith("http://")) {
			throw new IllegalArgumentException(
					"harmwatch.region.public-url must be an http or https address, not '" + publicUrl + "'");
		}
	}

	/** The region with no issuer of its own (its name) and no helpline. */
	public RegionSettings(String name, ZoneId timeZone, String publicUrl) {
		this(name, timeZone, publicUrl, name, null);
	}

	/** The public address of a path on this site, e.g. {@code url("/alerts/42")}. */
	public String url(String path) {
		return publicUrl + (path.startsWith("/") ? path : "/" + path);
	}

}
