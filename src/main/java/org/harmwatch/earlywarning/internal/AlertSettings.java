package org.harmwatch.earlywarning.internal;

import java.time.ZoneId;

import org.harmwatch.platform.RegionSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What alerts are issued with: the CAP sender, and from the region's settings the public
 * address for links and the time zone.
 */
@Component
public class AlertSettings {

	private final String sender;

	private final RegionSettings region;

	private final boolean publicExercises;

	AlertSettings(@Value("${harmwatch.alerts.sender:early-warning@harmwatch.example}") String sender,
			RegionSettings region, @Value("${harmwatch.alerts.public-exercises:false}") boolean publicExercises) {
		this.sender = sender;
		this.region = region;
		this.publicExercises = publicExercises;
	}

	/**
	 * Whether the public alert pages also show exercise alerts written for the public,
	 * marked as exercises: on in the demo only. An exercise never reaches public
	 * subscribers or the public feeds either way.
	 */
	public boolean publicExercises() {
		return publicExercises;
	}

	/** The CAP sender. */
	public String sender() {
		return sender;
	}

	/** The site's public address, without a trailing slash. */
	public String publicUrl() {
		return region.publicUrl();
	}

	/** The region's time zone. */
	public ZoneId zone() {
		return region.timeZone();
	}

}
