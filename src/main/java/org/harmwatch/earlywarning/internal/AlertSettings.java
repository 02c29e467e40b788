package org.harmwatch.earlywarning.internal;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What alerts are issued with: the CAP sender, the site's public address for links, and the region's time zone.
 */
@Component
public class AlertSettings {

	private final String sender;

	private final String publicUrl;

	private final ZoneId zone;

	AlertSettings(@Value("${harmwatch.alerts.sender:early-warning@harmwatch.example}") String sender,
			@Value("${harmwatch.alerts.public-url:http://localhost:8080}") String publicUrl,
			@Value("${harmwatch.region.time-zone}") String zone) {
		this.sender = sender;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.zone = ZoneId.of(zone);
	}

	/** The CAP sender. */
	public String sender() {
		return sender;
	}

	/** The site's public address, without a trailing slash. */
	public String publicUrl() {
		return publicUrl;
	}

	/** The region's time zone. */
	public ZoneId zone() {
		return zone;
	}

}
