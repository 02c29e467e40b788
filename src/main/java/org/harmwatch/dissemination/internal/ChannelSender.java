package org.harmwatch.dissemination.internal;

import org.harmwatch.dissemination.DeliveryChannel;

/**
 * One way of delivering: email, SMS or webhook. A sender opens a connection for a batch
 * (one SMTP session for many emails), sends each message through it and closes it.
 */
public interface ChannelSender {

	DeliveryChannel channel();

	/**
	 * Opens a connection for a batch; throws when the provider cannot be reached (every
	 * delivery then fails).
	 */
	Connection open() throws Exception;

	/**
	 * Sends one short message outside any alert (a subscription confirmation), to an
	 * address on this channel.
	 */
	void sendDirect(String address, String subject, String text) throws Exception;

	/** A batch's connection. */
	interface Connection extends AutoCloseable {

		/**
		 * Sends one message and returns the provider's id for it once the provider has
		 * accepted it.
		 * @throws Exception when it was not accepted
		 */
		String send(Outgoing message) throws Exception;

		@Override
		void close();

	}

}
