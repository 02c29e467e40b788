package org.harmwatch.dissemination.internal;

import java.time.Instant;

import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.earlywarning.AlertIssued;
import org.jspecify.annotations.Nullable;

/**
 * One claimed delivery, ready to send.
 *
 * @param id the delivery row
 * @param key its idempotency key (alert, version, recipient, channel): the email
 * Message-ID, the Notify reference and the webhook's {@code X-Harmwatch-Delivery} header
 * @param channel how it travels
 * @param recipient an email address, a mobile number, or
 * {@code webhook:<subscription id>}
 * @param audience PROFESSIONALS, PUBLIC or PARTNER
 * @param address where it goes (the webhook URL for webhooks, else the recipient)
 * @param token the delivery's own token, for the acknowledge and feedback links
 * @param unsubscribeToken the subscription's unsubscribe token, when the recipient can
 * unsubscribe themselves
 * @param secret a webhook's shared secret
 * @param alert what to send
 * @param claimedUntil when this sender's claim runs out
 */
public record Outgoing(long id, String key, DeliveryChannel channel, String recipient, String audience, String address,
		String token, @Nullable String unsubscribeToken, @Nullable String secret, AlertIssued alert,
		Instant claimedUntil) {

	public boolean professional() {
		return "PROFESSIONALS".equals(audience);
	}

}
