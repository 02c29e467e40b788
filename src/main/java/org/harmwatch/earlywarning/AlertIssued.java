package org.harmwatch.earlywarning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An approved alert (or an update or cancellation of one) was issued and must now reach
 * people.
 *
 * <p>
 * Everything a delivery channel needs is in the event, so that dissemination never reads
 * early-warning tables. One alert may be issued several times (an update, then a
 * cancellation); each issue has its own {@code version}, and deliveries are idempotent
 * per alert, version and recipient.
 *
 * @param alertId the alert, stable across its updates
 * @param version 1 for the first issue, then 2, 3… for each update or the cancellation
 * @param reference the human reference, e.g. {@code HW-2026-0007}
 * @param messageType new, update or cancellation
 * @param level how serious
 * @param audiences who it is for; an exercise never includes {@link Audience#PUBLIC}
 * recipients
 * @param exercise a test or exercise alert: marked as such everywhere, never sent to the
 * public
 * @param headline one line, e.g. {@code Heroin contaminated with fentanyl in Birmingham}
 * @param lookOutFor what to look out for (appearance, effects)
 * @param publicAdvice what to do, in plain language for the public
 * @param professionalAdvice what to do, with clinical detail for professionals
 * @param smsText the SMS text (one text message: whole sentences and the link to webPath)
 * @param ladCodes the affected local authority districts (ONS codes)
 * @param substanceClasses the substance classes involved ({@code SubstanceClass} names),
 * for subscription filters
 * @param substances the substances involved, by display name
 * @param webPath the alert's page for the people it was sent to, relative to the site
 * root: {@code /alerts/HW-2026-0007} for a public alert,
 * {@code /inbox/alerts/HW-2026-0007} (the professionals' inbox) for one to professionals
 * only or an exercise; e.g. {@code /alerts/HW-2026-0007}
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being current
 * @param signalId the signal the alert was drafted from, when known (issues stored before
 * it was carried have none)
 * @param firstEvidenceAt when that signal's earliest evidence happened, for the time from
 * first evidence to alert
 */
@NamedInterface("events")
public record AlertIssued(UUID alertId, int version, String reference, AlertMessageType messageType, AlertLevel level,
		Set<Audience> audiences, boolean exercise, String headline, String lookOutFor, String publicAdvice,
		String professionalAdvice, String smsText, List<String> ladCodes, List<String> substanceClasses,
		List<String> substances, String webPath, Instant issuedAt, @Nullable Instant expiresAt, @Nullable UUID signalId,
		@Nullable Instant firstEvidenceAt) {

	public AlertIssued {
		audiences = Set.copyOf(audiences);
		ladCodes = List.copyOf(ladCodes);
		substanceClasses = List.copyOf(substanceClasses);
		substances = List.copyOf(substances);
	}

	/** An idempotency key for one recipient of this issue of the alert. */
	public String deliveryKey(String recipient) {
		return alertId + ":" + version + ":" + recipient;
	}

}
