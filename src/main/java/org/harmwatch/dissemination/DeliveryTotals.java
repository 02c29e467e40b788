package org.harmwatch.dissemination;

/**
 * How well alerts reached people, for the delivery log: of one alert (all its versions)
 * or of all.
 *
 * @param deliveries delivery rows (one per recipient, channel and version)
 * @param sent delivered to the provider (SMTP server accepted, Notify accepted, webhook
 * answered 2xx)
 * @param pending not yet sent, or being sent, or failed and waiting for a retry
 * @param dead given up
 * @param professionalSent deliveries to professionals that were sent
 * @param acknowledged of those, how many were acknowledged
 * @param feedback how many recipients answered "was this alert useful?"
 * @param useful of those, how many said yes
 * @param changedAction of those, how many said it changed what they did
 */
public record DeliveryTotals(long deliveries, long sent, long pending, long dead, long professionalSent,
		long acknowledged, long feedback, long useful, long changedAction) {

	/** Sent as a share of all deliveries, 0 when there are none. */
	public double deliveryRate() {
		return deliveries == 0 ? 0 : (double) sent / deliveries;
	}

	/**
	 * Acknowledged as a share of deliveries to professionals that were sent, 0 when there
	 * are none.
	 */
	public double acknowledgementRate() {
		return professionalSent == 0 ? 0 : (double) acknowledged / professionalSent;
	}

}
