package org.harmwatch.naloxone.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Naloxone's settings.
 *
 * @param expiryWarningDays how many days before a batch expires its kits in stock are
 * warned of (on the ledger and the home page)
 */
@ConfigurationProperties("harmwatch.naloxone")
public record NaloxoneProperties(@DefaultValue("90") int expiryWarningDays) {

	public NaloxoneProperties {
		if (expiryWarningDays < 1 || expiryWarningDays > 730) {
			throw new IllegalArgumentException(
					"harmwatch.naloxone.expiry-warning-days must be between 1 and 730, not " + expiryWarningDays);
		}
	}

}
