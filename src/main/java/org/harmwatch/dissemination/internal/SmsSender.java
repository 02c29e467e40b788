package org.harmwatch.dissemination.internal;

import java.util.Map;

import org.harmwatch.dissemination.DeliveryChannel;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;

/**
 * Text messages through GOV.UK Notify ({@code harmwatch.dissemination.sms.*}): a template
 * whose body is {@code ((body))}, and the delivery's idempotency key as Notify's
 * {@code reference}, so a message sent twice can be found in Notify's records.
 */
@Component
public class SmsSender implements ChannelSender {

	private final DisseminationProperties.Sms sms;

	private final MessageRenderer renderer;

	public SmsSender(DisseminationProperties properties, MessageRenderer renderer) {
		this.sms = properties.sms();
		this.renderer = renderer;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.SMS;
	}

	private NotificationClient client() {
		if (!sms.configured()) {
			throw new IllegalStateException("SMS is not configured (harmwatch.dissemination.sms.api-key, template-id)");
		}
		return new NotificationClient(sms.apiKey(), sms.baseUrl());
	}

	@Override
	public Connection open() {
		var client = client();
		return new Connection() {

			@Override
			public String send(Outgoing message) throws Exception {
				var response = client.sendSms(sms.templateId(), message.address(),
						Map.of("body", renderer.sms(message)), message.key());
				return response.getNotificationId().toString();
			}

			@Override
			public void close() {
			}
		};
	}

	@Override
	public void sendDirect(String address, String subject, String text) throws Exception {
		client().sendSms(sms.templateId(), address, Map.of("body", text), null);
	}

}
