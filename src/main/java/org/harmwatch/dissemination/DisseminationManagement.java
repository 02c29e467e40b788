package org.harmwatch.dissemination;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.internal.DeliveryRepository;
import org.harmwatch.dissemination.internal.DisseminationAudit;
import org.harmwatch.dissemination.internal.DisseminationProperties;
import org.harmwatch.dissemination.internal.EmailSender;
import org.harmwatch.dissemination.internal.Fanout;
import org.harmwatch.dissemination.internal.SmsSender;
import org.harmwatch.dissemination.internal.SubscriptionRepository;
import org.harmwatch.dissemination.internal.Tokens;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.OutboundHttp;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions to alerts, acknowledgements and feedback (the delivery log and the
 * delivery measures are {@link DeliveryLogManagement}'s).
 *
 * <p>
 * Public subscriptions keep only the address and its filters. Subscribing never tells
 * whether an address was already subscribed: a new or unconfirmed address is sent a
 * confirmation link, a confirmed one nothing, and the caller sees the same either way.
 */
@Service
public class DisseminationManagement {

	private static final Logger log = LoggerFactory.getLogger(DisseminationManagement.class);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final Pattern UK_MOBILE = Pattern.compile("^(?:\\+44|0044|0)7\\d{9}$");

	private final SubscriptionRepository subscriptions;

	private final DeliveryRepository deliveries;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final GeographyManagement geography;

	private final AgencyManagement agencies;

	private final DisseminationProperties properties;

	private final EmailSender email;

	private final SmsSender sms;

	private final AuditLog audit;

	private final OutboundHttp outbound;

	private final RegionSettings region;

	private final MessageSource messages;

	private final Fanout fanout;

	DisseminationManagement(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
			ApplicationEventPublisher events, TransactionTemplate transactions, GeographyManagement geography,
			AgencyManagement agencies, DisseminationProperties properties, EmailSender email, SmsSender sms,
			AuditLog audit, OutboundHttp outbound, RegionSettings region, MessageSource messages, Fanout fanout) {
		this.fanout = fanout;
		this.region = region;
		this.messages = messages;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.events = events;
		this.audit = audit;
		this.outbound = outbound;
		this.transactions = transactions;
		this.geography = geography;
		this.agencies = agencies;
		this.properties = properties;
		this.email = email;
		this.sms = sms;
	}

	/**
	 * How many recipients an alert for these audiences, districts and substance classes
	 * would reach if issued now, per audience and channel (keys such as
	 * {@code PROFESSIONALS:EMAIL}, {@code PROFESSIONALS:SMS}, {@code PARTNER:WEBHOOK},
	 * {@code PUBLIC:EMAIL}): the same matching as the deliveries written when it is
	 * issued, class tree included. Public subscribers count only for the public and no
	 * exercise. Saves nothing; holds no personal data.
	 */
	public Map<String, Integer> reach(Set<Audience> audiences, boolean exercise, List<String> ladCodes,
			List<String> substanceClasses) {
		return fanout.reach(audiences, exercise, ladCodes, substanceClasses);
	}

	/** The region's local authority districts, for area filters. */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD);
	}

	/**
	 * Asks for a public subscription and, when the address is new or not yet confirmed,
	 * sends it a confirmation link. Nothing is sent to the address until it is confirmed.
	 * @throws InputRejectedException when the address or a filter is not valid (nothing
	 * is stored or sent)
	 */
	public void subscribe(DeliveryChannel channel, String address, List<String> ladCodes, List<String> substanceClasses,
			Instant now) {
		var problems = new ArrayList<FieldProblem>();
		var normalised = normaliseAddress(channel, address, problems);
		var lads = checkFilters(ladCodes, substanceClasses, problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var token = Tokens.newToken();
		boolean send = Boolean.TRUE.equals(transactions.execute(status -> {
			var existing = subscriptions.lockPublic(channel, normalised);
			if (existing.isPresent() && existing.get().confirmed()) {
				return false;
			}
			var expires = now.plus(properties.confirmValidFor());
			if (existing.isPresent()) {
				subscriptions.renewPublic(existing.get().id(), Tokens.sha256(token), expires, lads, substanceClasses);
			}
			else {
				subscriptions.insert(new SubscriptionRepository.NewSubscription("PUBLIC", channel, normalised, null,
						null, null, null, lads, substanceClasses, Tokens.sha256(token), expires, null, now));
			}
			return true;
		}));
		// Who asked is anonymous; the address is personal data and stays out of the log.
		audit.recordFor("public", null, DisseminationAudit.SUBSCRIPTION_REQUESTED, "subscription", null, Purpose.PUBLIC,
				AuditLog.Outcome.ALLOWED, channel.name() + (send ? ", confirmation sent" : ", already confirmed"));
		if (send) {
			var link = region.url("/subscribe/confirm/" + token);
			var locale = LocaleContextHolder.getLocale();
			try {
				if (channel == DeliveryChannel.SMS) {
					sms.sendDirect(normalised, "",
							messages.getMessage("dissemination.confirmation.sms", new Object[] { link }, locale));
				}
				else {
					email.sendDirect(normalised,
							messages.getMessage("dissemination.confirmation.subject", null, locale),
							messages.getMessage("dissemination.confirmation.email",
									new Object[] { String.valueOf(properties.confirmValidFor().toHours()), link },
									locale));
				}
			}
			catch (Exception ex) {
				// The same answer either way: a failure must not tell the caller anything
				// about the address.
				log.warn("Could not send a subscription confirmation by {}: {}", channel, ex.toString());
			}
		}
	}

	/** Whether a confirmation link is valid now (for showing its page). */
	@Transactional(readOnly = true)
	public boolean confirmable(String token, Instant now) {
		return Tokens.wellFormed(token) && subscriptions.confirmable(Tokens.sha256(token), now);
	}

	/**
	 * Confirms a public subscription; the link works once, before it expires.
	 * @throws NotFoundException when it is not valid
	 */
	@Transactional
	public void confirm(String token, Instant now) {
		if (!Tokens.wellFormed(token)) {
			throw tokenNotFound();
		}
		var id = subscriptions.confirm(Tokens.sha256(token), now).orElseThrow(DisseminationManagement::tokenNotFound);
		audit.recordFor("public", null, DisseminationAudit.SUBSCRIPTION_CONFIRMED, "subscription", id.toString(),
				Purpose.PUBLIC, AuditLog.Outcome.ALLOWED, null);
	}

	/** Whether an unsubscribe link names a subscription (for showing its page). */
	@Transactional(readOnly = true)
	public boolean unsubscribable(String token) {
		return Tokens.wellFormed(token) && subscriptions.unsubscribable(token);
	}

	/**
	 * Ends a subscription; nothing more is sent to it, including deliveries already
	 * queued. Idempotent.
	 * @throws NotFoundException when the link names nothing
	 */
	@Transactional
	public void unsubscribe(String token) {
		if (!Tokens.wellFormed(token)) {
			throw tokenNotFound();
		}
		var id = subscriptions.unsubscribe(token).orElseThrow(DisseminationManagement::tokenNotFound);
		audit.recordFor("public", null, DisseminationAudit.SUBSCRIPTION_ENDED, "subscription", id.toString(),
				Purpose.PUBLIC, AuditLog.Outcome.ALLOWED, null);
	}

	@Transactional(readOnly = true)
	public List<SubscriptionView> subscriptions() {
		return subscriptions.managed();
	}

	/** How many confirmed public subscribers there are, by channel name. */
	@Transactional(readOnly = true)
	public Map<String, Long> publicSubscriberCounts() {
		return subscriptions.publicCounts();
	}

	/**
	 * Subscribes professionals: the staff of an agency and/or holders of a role (by
	 * email, resolved at send time), or one explicit address (an email address or a
	 * mobile number, e.g. an on-call phone).
	 * @throws InputRejectedException when something is not valid
	 */
	@Transactional
	public UUID addProfessional(@Nullable String agencyCode, @Nullable String roleName, DeliveryChannel channel,
			@Nullable String address, List<String> ladCodes, List<String> substanceClasses, Instant now) {
		var problems = new ArrayList<FieldProblem>();
		agencyCode = blankToNull(agencyCode);
		roleName = blankToNull(roleName);
		address = blankToNull(address);
		if (channel == DeliveryChannel.WEBHOOK) {
			problems.add(FieldProblem.of("channel", "dissemination.error.channel"));
		}
		if (address == null && agencyCode == null && roleName == null) {
			problems.add(FieldProblem.of("agencyCode", "dissemination.error.whoRequired"));
		}
		if (address == null && channel == DeliveryChannel.SMS) {
			problems.add(FieldProblem.of("address", "dissemination.error.smsNeedsAddress"));
		}
		if (agencyCode != null && agencies.agency(agencyCode).isEmpty()) {
			problems.add(FieldProblem.of("agencyCode", "dissemination.error.noAgency", agencyCode));
		}
		if (roleName != null) {
			if (!agencies.roleTitles().containsKey(roleName)) {
				problems.add(FieldProblem.of("roleName", "dissemination.error.noRole", roleName));
			}
		}
		String normalised = address == null ? null : normaliseAddress(channel, address, problems);
		var lads = checkFilters(ladCodes, substanceClasses, problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return subscriptions.insert(new SubscriptionRepository.NewSubscription("PROFESSIONAL", channel, normalised,
				null, agencyCode, roleName, null, lads, substanceClasses, null, null, now, now));
	}

	/**
	 * Adds a partner system's webhook. The secret is the partner's to keep: it signs
	 * every POST.
	 * @throws InputRejectedException when something is not valid
	 */
	@Transactional
	public UUID addWebhook(String name, String url, String secret, List<String> ladCodes, List<String> substanceClasses,
			Instant now) {
		var problems = new ArrayList<FieldProblem>();
		if (name.isBlank() || name.length() > 100) {
			problems.add(FieldProblem.of("name", "dissemination.error.webhookName"));
		}
		try {
			var uri = URI.create(url.trim());
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException();
			}
			// Checked again as each delivery connects; this tells the administrator now.
			outbound.refusal(uri)
				.ifPresent(why -> problems.add(FieldProblem.of("url", "dissemination.error.urlPrivate", why)));
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of("url", "dissemination.error.url"));
		}
		if (secret.length() < 32 || secret.length() > 200) {
			problems.add(FieldProblem.of("secret", "dissemination.error.secret"));
		}
		var lads = checkFilters(ladCodes, substanceClasses, problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return subscriptions.insert(new SubscriptionRepository.NewSubscription("WEBHOOK", DeliveryChannel.WEBHOOK,
				url.trim(), name.trim(), null, null, secret, lads, substanceClasses, null, null, now, now));
	}

	/**
	 * Ends a professional or webhook subscription; {@code false} when there is none with
	 * this id.
	 */
	@Transactional
	public boolean removeSubscription(UUID id) {
		return subscriptions.deactivateManaged(id);
	}

	/** A delivery as its recipient sees it through their link. */
	public record Received(String reference, String headline, boolean professional, @Nullable Instant acknowledgedAt,
			boolean feedbackGiven) {
	}

	/** What a delivery's link refers to, if anything. */
	@Transactional(readOnly = true)
	public Optional<Received> received(String token) {
		if (!Tokens.wellFormed(token)) {
			return Optional.empty();
		}
		return deliveries.received(token);
	}

	/**
	 * Records that a professional acknowledged receipt; a second acknowledgement keeps
	 * the first time.
	 * @return when it was (first) acknowledged
	 * @throws NotFoundException when the link names no delivery to a professional
	 */
	@Transactional
	public Instant acknowledge(String token, Instant now) {
		if (!Tokens.wellFormed(token)) {
			throw tokenNotFound();
		}
		var answered = deliveries.acknowledge(token, now).orElseThrow(DisseminationManagement::tokenNotFound);
		if (answered.first()) {
			events.publishEvent(new DeliveryAcknowledged(answered.id(), answered.alertId(), answered.version(),
					answered.queuedAt(), answered.at()));
		}
		return answered.at();
	}

	/**
	 * Records a recipient's answer to "was this alert useful? did it change what you
	 * did?", once per delivery.
	 * @return {@code false} when they had already answered (the first answer stays)
	 * @throws NotFoundException when the link names no delivery
	 * @throws InputRejectedException when the comment is too long
	 */
	@Transactional
	public boolean feedback(String token, boolean useful, boolean changedAction, @Nullable String comment,
			Instant now) {
		if (comment != null && comment.length() > 2000) {
			throw new InputRejectedException(FieldProblem.of("comment", "dissemination.error.comment"));
		}
		if (received(token).isEmpty()) {
			throw tokenNotFound();
		}
		var answered = deliveries.feedback(token, useful, changedAction,
				comment == null || comment.isBlank() ? null : comment.strip(), now);
		answered.ifPresent(a -> events.publishEvent(
				new FeedbackGiven(a.id(), a.alertId(), a.version(), a.queuedAt(), useful, changedAction, a.at())));
		return answered.isPresent();
	}

	/** A link's token names nothing: it was mistyped, has expired or has been used. */
	private static NotFoundException tokenNotFound() {
		return new NotFoundException("dissemination.error.tokenNotFound");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String normaliseAddress(DeliveryChannel channel, String address, List<FieldProblem> problems) {
		var trimmed = address.trim();
		if (trimmed.isEmpty() && channel != DeliveryChannel.WEBHOOK) {
			problems.add(FieldProblem.of("address", channel == DeliveryChannel.SMS
					? "dissemination.error.mobileRequired" : "dissemination.error.emailRequired"));
			return trimmed;
		}
		if (channel == DeliveryChannel.SMS) {
			var digits = trimmed.replaceAll("[\\s()-]", "");
			if (!UK_MOBILE.matcher(digits).matches()) {
				problems.add(FieldProblem.of("address", "dissemination.error.mobile"));
				return trimmed;
			}
			return "+44" + digits.substring(digits.length() - 10);
		}
		if (channel == DeliveryChannel.EMAIL) {
			if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
				problems.add(FieldProblem.of("address", "dissemination.error.email"));
			}
			return trimmed.toLowerCase(Locale.ROOT);
		}
		problems.add(FieldProblem.of("channel", "dissemination.error.channel"));
		return trimmed;
	}

	private List<String> checkFilters(List<String> ladCodes, List<String> substanceClasses,
			List<FieldProblem> problems) {
		Set<String> known = districts().stream().map(Area::code).collect(Collectors.toSet());
		for (var code : ladCodes) {
			if (!known.contains(code)) {
				problems.add(FieldProblem.of("ladCodes", "dissemination.error.areas"));
				break;
			}
		}
		for (var name : substanceClasses) {
			try {
				SubstanceClass.valueOf(name);
			}
			catch (IllegalArgumentException ex) {
				problems.add(FieldProblem.of("substanceClasses", "dissemination.error.classes"));
				break;
			}
		}
		return ladCodes.stream().distinct().toList();
	}

}
