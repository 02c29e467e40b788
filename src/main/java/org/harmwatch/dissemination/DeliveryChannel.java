package org.harmwatch.dissemination;

/**
 * How a delivery travels.
 */
public enum DeliveryChannel {

	/** SMTP email, multipart plain text and HTML. */
	EMAIL,
	/** A text message through GOV.UK Notify. */
	SMS,
	/** A signed JSON POST to a partner system. */
	WEBHOOK

}
