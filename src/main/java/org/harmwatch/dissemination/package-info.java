/**
 * Alert dissemination: delivers each issued alert ({@code earlywarning.AlertIssued}) to
 * the people and systems that should have it, exactly once per recipient and channel.
 *
 * <p>
 * Subscriptions: professionals by agency and/or role (managed by administrators and the
 * early-warning coordinator, resolved to staff emails at send time), the public by email
 * or mobile number (double opt-in, one-click unsubscribe, filters by area and substance
 * class) and partner systems by signed webhook. On each issue a fan-out writes one
 * delivery row per recipient and channel under an idempotency key; a sender job claims
 * due rows in small batches ({@code FOR UPDATE SKIP LOCKED} with a lease), sends them by
 * email (SMTP), SMS (GOV.UK Notify) or webhook, and marks each one sent, or failed with a
 * retry time (exponential backoff) until it is dead. Professionals acknowledge receipt;
 * unacknowledged alerts to key roles escalate. Recipients say whether an alert was
 * useful. Every member of staff has an alerts inbox of what was sent to them or to their
 * agency and role (professionals-only and exercise alerts included), whose alert pages
 * are what the e-mail, text message and CAP links of such alerts open; who reads which
 * alert is {@code internal.DisseminationPolicy}'s to say.
 *
 * <p>
 * Used by the early-warning coordinator (delivery log), administrators (subscriptions),
 * the public (subscribe, confirm, unsubscribe) and professionals (inbox, acknowledge,
 * feedback). Reads no early-warning tables: the event carries everything. Publishes what
 * happened to deliveries ({@code AlertDeliveriesCounted}, {@code DeliveryAcknowledged},
 * {@code FeedbackGiven}) for the programme's measures, and knows nothing of who listens.
 * The SQL lives in {@code internal} repositories; this package is the API.
 */
@NullMarked
@ApplicationModule(displayName = "Alert dissemination", allowedDependencies = { "shared", "platform", "agency",
		"geography", "substances", "earlywarning :: events", "earlywarning :: recipients" })
package org.harmwatch.dissemination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
