package org.harmwatch.dissemination.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.platform.OutboundHttp;
import org.harmwatch.platform.RegionSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed webhooks for partner systems: the alert as JSON, POSTed to the partner's URL
 * with
 * {@code X-Harmwatch-Signature: sha256=<hex HMAC-SHA256 of the body with the shared secret>},
 * {@code X-Harmwatch-Timestamp} (also inside the signed body, so it cannot be changed)
 * and {@code X-Harmwatch-Delivery} (the idempotency key, also in the body: a partner
 * drops a key it has seen).
 *
 * <p>
 * Sent through the platform's {@link OutboundHttp}: a webhook URL that is, or resolves
 * to, a loopback, private or link-local address fails (unless an administrator
 * allow-listed the host), and a redirect is a failure, never followed.
 */
@Component
public class WebhookSender implements ChannelSender {

	private final OutboundHttp http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final DisseminationProperties properties;

	private final RegionSettings region;

	public WebhookSender(DisseminationProperties properties, OutboundHttp http, RegionSettings region) {
		this.properties = properties;
		this.region = region;
		this.http = http;
	}

	@Override
	public DeliveryChannel channel() {
		return DeliveryChannel.WEBHOOK;
	}

	/** The signature header's value for a body. */
	public static String signature(String secret, byte[] body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Connection open() {
		return new Connection() {

			@Override
			public String send(Outgoing message) throws Exception {
				var timestamp = Instant.now().getEpochSecond();
				var body = json.writeValueAsBytes(payload(message, timestamp));
				var headers = Map.of("X-Harmwatch-Signature",
						signature(java.util.Objects.requireNonNull(message.secret()), body), "X-Harmwatch-Timestamp",
						String.valueOf(timestamp), "X-Harmwatch-Delivery", message.key());
				var response = http.post(URI.create(message.address()), headers, "application/json", body,
						Duration.ofSeconds(20));
				if (response.status() / 100 != 2) {
					throw new IllegalStateException("The partner answered HTTP " + response.status());
				}
				return "HTTP " + response.status();
			}

			@Override
			public void close() {
			}
		};
	}

	private java.util.Map<String, Object> payload(Outgoing message, long timestamp) {
		var alert = message.alert();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("deliveryId", message.key());
		payload.put("timestamp", timestamp);
		payload.put("alertId", alert.alertId().toString());
		payload.put("version", alert.version());
		payload.put("reference", alert.reference());
		payload.put("messageType", alert.messageType().name());
		payload.put("level", alert.level().name());
		payload.put("exercise", alert.exercise());
		payload.put("audiences", alert.audiences().stream().map(Enum::name).sorted().toList());
		payload.put("headline", alert.headline());
		payload.put("lookOutFor", alert.lookOutFor());
		payload.put("publicAdvice", alert.publicAdvice());
		payload.put("professionalAdvice", alert.professionalAdvice());
		payload.put("ladCodes", alert.ladCodes());
		payload.put("substanceClasses", alert.substanceClasses());
		payload.put("substances", alert.substances());
		payload.put("url", region.url(alert.webPath()));
		payload.put("issuedAt", alert.issuedAt().toString());
		if (alert.expiresAt() != null) {
			payload.put("expiresAt", alert.expiresAt().toString());
		}
		return payload;
	}

	@Override
	public void sendDirect(String address, String subject, String text) {
		throw new UnsupportedOperationException("Webhooks need no confirmation");
	}

}
