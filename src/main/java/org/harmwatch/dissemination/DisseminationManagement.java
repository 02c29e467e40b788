package org.harmwatch.dissemination;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.internal.AlertIssues;
import org.harmwatch.dissemination.internal.DisseminationProperties;
import org.harmwatch.dissemination.internal.EmailSender;
import org.harmwatch.dissemination.internal.SmsSender;
import org.harmwatch.dissemination.internal.Tokens;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.OutboundHttp;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscriptions to alerts, acknowledgements, feedback, the delivery log and delivery measures.
 *
 * <p>Public subscriptions keep only the address and its filters. Subscribing never tells whether an address was
 * already subscribed: a new or unconfirmed address is sent a confirmation link, a confirmed one nothing, and the
 * caller sees the same either way.
 */
@Service
public class DisseminationManagement {

	private static final Logger log = LoggerFactory.getLogger(DisseminationManagement.class);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final Pattern UK_MOBILE = Pattern.compile("^(?:\\+44|0044|0)7\\d{9}$");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final GeographyManagement geography;

	private final AgencyManagement agencies;

	private final DisseminationProperties properties;

	private final EmailSender email;

	private final SmsSender sms;

	private final AlertIssues issues;

	private final AuditLog audit;

	private final OutboundHttp outbound;

	DisseminationManagement(JdbcClient jdbc, TransactionTemplate transactions, GeographyManagement geography,
			AgencyManagement agencies, DisseminationProperties properties, EmailSender email, SmsSender sms,
			AlertIssues issues, AuditLog audit, OutboundHttp outbound) {
		this.audit = audit;
		this.outbound = outbound;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.geography = geography;
		this.agencies = agencies;
		this.properties = properties;
		this.email = email;
		this.sms = sms;
		this.issues = issues;
	}

	// ---- Choices for forms

	/** The region's local authority districts, for area filters. */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD);
	}

	// ---- Public subscriptions

	/**
	 * Asks for a public subscription and, when the address is new or not yet confirmed, sends it a confirmation link.
	 * Nothing is sent to the address until it is confirmed.
	 *
	 * @throws SubscriptionRejectedException when the address or a filter is not valid (nothing is stored or sent)
	 */
	public void subscribe(DeliveryChannel channel, String address, List<String> ladCodes,
			List<String> substanceClasses, Instant now) {
		var problems = new ArrayList<SubscriptionProblem>();
		var normalised = normaliseAddress(channel, address, problems);
		var lads = checkFilters(ladCodes, substanceClasses, problems);
		if (!problems.isEmpty()) {
			throw new SubscriptionRejectedException(problems);
		}
		var token = Tokens.newToken();
		boolean send = Boolean.TRUE.equals(transactions.execute(status -> {
			var existing = jdbc.sql("""
					SELECT id, confirmed_at IS NOT NULL AND active AS confirmed FROM dissemination.subscription
					WHERE kind = 'PUBLIC' AND channel = ? AND lower(address) = lower(?) FOR UPDATE""")
				.params(channel.name(), normalised)
				.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getBoolean("confirmed") })
				.optional();
			if (existing.isPresent() && (Boolean) existing.get()[1]) {
				return false;
			}
			var expires = Timestamp.from(now.plus(properties.confirmValidFor()));
			if (existing.isPresent()) {
				jdbc.sql("""
						UPDATE dissemination.subscription SET confirm_token_hash = :hash, confirm_expires_at = :expires,
						  confirmed_at = NULL, active = TRUE, lad_codes = :lads, substance_classes = :classes
						WHERE id = :id""")
					.param("hash", Tokens.sha256(token))
					.param("expires", expires)
					.param("lads", lads.toArray(String[]::new))
					.param("classes", substanceClasses.toArray(String[]::new))
					.param("id", existing.get()[0])
					.update();
			}
			else {
				jdbc.sql("""
						INSERT INTO dissemination.subscription (id, kind, channel, address, lad_codes, substance_classes,
						  confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at)
						VALUES (:id, 'PUBLIC', :channel, :address, :lads, :classes, :hash, :expires, :unsubscribe, :now)""")
					.param("id", UUID.randomUUID())
					.param("channel", channel.name())
					.param("address", normalised)
					.param("lads", lads.toArray(String[]::new))
					.param("classes", substanceClasses.toArray(String[]::new))
					.param("hash", Tokens.sha256(token))
					.param("expires", expires)
					.param("unsubscribe", Tokens.newToken())
					.param("now", Timestamp.from(now))
					.update();
			}
			return true;
		}));
		// Who asked is anonymous; the address is personal data and stays out of the log.
		audit.recordFor("public", null, "SUBSCRIPTION_REQUESTED", "subscription", null, Purpose.PUBLIC,
				AuditLog.Outcome.ALLOWED, channel.name() + (send ? ", confirmation sent" : ", already confirmed"));
		if (send) {
			var link = properties.baseUrl() + "/subscribe/confirm/" + token;
			try {
				if (channel == DeliveryChannel.SMS) {
					sms.sendDirect(normalised, "", "Confirm your Harmwatch drug alerts: " + link
							+ " (ignore this text if you did not ask for them)");
				}
				else {
					email.sendDirect(normalised, "Confirm your subscription to drug alerts",
							"Someone (we hope you) asked to receive drug alerts from Harmwatch at this address.\n\n"
									+ "To confirm, open this link within "
									+ properties.confirmValidFor().toHours() + " hours:\n" + link
									+ "\n\nIf you did not ask for this, ignore this email: nothing will be sent.\n");
				}
			}
			catch (Exception ex) {
				// The same answer either way: a failure must not tell the caller anything about the address.
				log.warn("Could not send a subscription confirmation by {}: {}", channel, ex.toString());
			}
		}
	}

	/** Whether a confirmation link is valid now (for showing its page). */
	@Transactional(readOnly = true)
	public boolean confirmable(String token, Instant now) {
		return Tokens.wellFormed(token) && jdbc.sql("""
				SELECT count(*) FROM dissemination.subscription
				WHERE confirm_token_hash = ? AND confirm_expires_at > ?""")
			.params(Tokens.sha256(token), Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Confirms a public subscription; the link works once, before it expires.
	 *
	 * @throws TokenNotFoundException when it is not valid
	 */
	@Transactional
	public void confirm(String token, Instant now) {
		if (!Tokens.wellFormed(token)) {
			throw new TokenNotFoundException();
		}
		var id = jdbc.sql("""
				UPDATE dissemination.subscription SET confirmed_at = :now, confirm_token_hash = NULL,
				  confirm_expires_at = NULL
				WHERE confirm_token_hash = :hash AND confirm_expires_at > :now RETURNING id""")
			.param("now", Timestamp.from(now))
			.param("hash", Tokens.sha256(token))
			.query(UUID.class)
			.optional()
			.orElseThrow(TokenNotFoundException::new);
		audit.recordFor("public", null, "SUBSCRIPTION_CONFIRMED", "subscription", id.toString(), Purpose.PUBLIC,
				AuditLog.Outcome.ALLOWED, null);
	}

	/** Whether an unsubscribe link names a subscription (for showing its page). */
	@Transactional(readOnly = true)
	public boolean unsubscribable(String token) {
		return Tokens.wellFormed(token) && jdbc.sql("SELECT count(*) FROM dissemination.subscription "
				+ "WHERE unsubscribe_token = ?").param(token).query(Long.class).single() > 0;
	}

	/**
	 * Ends a subscription; nothing more is sent to it, including deliveries already queued. Idempotent.
	 *
	 * @throws TokenNotFoundException when the link names nothing
	 */
	@Transactional
	public void unsubscribe(String token) {
		if (!Tokens.wellFormed(token)) {
			throw new TokenNotFoundException();
		}
		var id = jdbc.sql("""
				UPDATE dissemination.subscription SET active = FALSE, confirm_token_hash = NULL
				WHERE unsubscribe_token = ? RETURNING id""")
			.param(token)
			.query(UUID.class)
			.optional()
			.orElseThrow(TokenNotFoundException::new);
		audit.recordFor("public", null, "SUBSCRIPTION_ENDED", "subscription", id.toString(), Purpose.PUBLIC,
				AuditLog.Outcome.ALLOWED, null);
	}

	// ---- Professional and webhook subscriptions

	@Transactional(readOnly = true)
	public List<SubscriptionView> subscriptions() {
		return jdbc.sql("""
				SELECT * FROM dissemination.subscription WHERE kind <> 'PUBLIC' AND active ORDER BY kind, created_at""")
			.query((rs, n) -> new SubscriptionView(rs.getObject("id", UUID.class), rs.getString("kind"),
					DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("name"), rs.getString("address"),
					rs.getString("agency_code"), rs.getString("role_name"),
					List.of((String[]) rs.getArray("lad_codes").getArray()),
					List.of((String[]) rs.getArray("substance_classes").getArray()),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** How many confirmed public subscribers there are, by channel name. */
	@Transactional(readOnly = true)
	public java.util.Map<String, Long> publicSubscriberCounts() {
		var counts = new java.util.TreeMap<String, Long>();
		jdbc.sql("""
				SELECT channel, count(*) AS n FROM dissemination.subscription
				WHERE kind = 'PUBLIC' AND active AND confirmed_at IS NOT NULL GROUP BY channel""")
			.query(rs -> {
				counts.put(rs.getString("channel"), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * Subscribes professionals: the staff of an agency and/or holders of a role (by email, resolved at send time), or
	 * one explicit address (an email address or a mobile number, e.g. an on-call phone).
	 *
	 * @throws SubscriptionRejectedException when something is not valid
	 */
	@Transactional
	public UUID addProfessional(@Nullable String agencyCode, @Nullable String roleName, DeliveryChannel channel,
			@Nullable String address, List<String> ladCodes, List<String> substanceClasses, Instant now) {
		var problems = new ArrayList<SubscriptionProblem>();
		agencyCode = blankToNull(agencyCode);
		roleName = blankToNull(roleName);
		address = blankToNull(address);
		if (channel == DeliveryChannel.WEBHOOK) {
			problems.add(new SubscriptionProblem("channel", "Choose email or text message."));
		}
		if (address == null && agencyCode == null && roleName == null) {
			problems.add(new SubscriptionProblem("agencyCode", "Choose an agency, a role, or enter an address."));
		}
		if (address == null && channel == DeliveryChannel.SMS) {
			problems.add(new SubscriptionProblem("address",
					"Staff have no phone numbers here: enter the mobile number to text."));
		}
		if (agencyCode != null && agencies.agency(agencyCode).isEmpty()) {
			problems.add(new SubscriptionProblem("agencyCode", "There is no agency " + agencyCode + "."));
		}
		if (roleName != null) {
			if (!agencies.roleTitles().containsKey(roleName)) {
				problems.add(new SubscriptionProblem("roleName", "There is no role " + roleName + "."));
			}
		}
		String normalised = address == null ? null : normaliseAddress(channel, address, problems);
		var lads = checkFilters(ladCodes, substanceClasses, problems);
		if (!problems.isEmpty()) {
			throw new SubscriptionRejectedException(problems);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dissemination.subscription (id, kind, channel, address, agency_code, role_name, lad_codes,
				  substance_classes, confirmed_at, unsubscribe_token, created_at)
				VALUES (:id, 'PROFESSIONAL', :channel, :address, :agency, :role, :lads, :classes, :now, :unsubscribe,
				  :now)""")
			.param("id", id)
			.param("channel", channel.name())
			.param("address", normalised)
			.param("agency", agencyCode)
			.param("role", roleName)
			.param("lads", lads.toArray(String[]::new))
			.param("classes", substanceClasses.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.param("unsubscribe", Tokens.newToken())
			.update();
		return id;
	}

	/**
	 * Adds a partner system's webhook. The secret is the partner's to keep: it signs every POST.
	 *
	 * @throws SubscriptionRejectedException when something is not valid
	 */
	@Transactional
	public UUID addWebhook(String name, String url, String secret, List<String> ladCodes,
			List<String> substanceClasses, Instant now) {
		var problems = new ArrayList<SubscriptionProblem>();
		if (name.isBlank() || name.length() > 100) {
			problems.add(new SubscriptionProblem("name", "Enter the partner's name (at most 100 characters)."));
		}
		try {
			var uri = URI.create(url.trim());
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException();
			}
			// Checked again as each delivery connects; this tells the administrator now.
			outbound.refusal(uri)
				.ifPresent(why -> problems.add(new SubscriptionProblem("url", "Harmwatch does not send to this "
						+ "address: it is on a private, loopback or link-local network (" + why + ").")));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new SubscriptionProblem("url", "Enter the partner's URL, starting https://"));
		}
		if (secret.length() < 32 || secret.length() > 200) {
			problems.add(new SubscriptionProblem("secret", "The shared secret must be 32 to 200 characters long."));
		}
		var lads = checkFilters(ladCodes, substanceClasses, problems);
		if (!problems.isEmpty()) {
			throw new SubscriptionRejectedException(problems);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO dissemination.subscription (id, kind, channel, address, name, secret, lad_codes,
				  substance_classes, confirmed_at, unsubscribe_token, created_at)
				VALUES (:id, 'WEBHOOK', 'WEBHOOK', :url, :name, :secret, :lads, :classes, :now, :unsubscribe, :now)""")
			.param("id", id)
			.param("url", url.trim())
			.param("name", name.trim())
			.param("secret", secret)
			.param("lads", lads.toArray(String[]::new))
			.param("classes", substanceClasses.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.param("unsubscribe", Tokens.newToken())
			.update();
		return id;
	}

	/** Ends a professional or webhook subscription; {@code false} when there is none with this id. */
	@Transactional
	public boolean removeSubscription(UUID id) {
		return jdbc.sql("UPDATE dissemination.subscription SET active = FALSE WHERE id = ? AND kind <> 'PUBLIC'")
			.param(id)
			.update() > 0;
	}

	// ---- Acknowledgements and feedback

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
		return jdbc.sql("""
				SELECT a.reference, a.headline, d.audience, d.acknowledged_at, f.delivery_id IS NOT NULL AS given
				FROM dissemination.delivery d
				JOIN dissemination.alert_issue a ON a.alert_id = d.alert_id AND a.version = d.version
				LEFT JOIN dissemination.feedback f ON f.delivery_id = d.id
				WHERE d.token = ?""")
			.param(token)
			.query((rs, n) -> new Received(rs.getString("reference"), rs.getString("headline"),
					"PROFESSIONALS".equals(rs.getString("audience")),
					rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant(),
					rs.getBoolean("given")))
			.optional();
	}

	/**
	 * Records that a professional acknowledged receipt; a second acknowledgement keeps the first time.
	 *
	 * @return when it was (first) acknowledged
	 * @throws TokenNotFoundException when the link names no delivery to a professional
	 */
	@Transactional
	public Instant acknowledge(String token, Instant now) {
		if (!Tokens.wellFormed(token)) {
			throw new TokenNotFoundException();
		}
		return jdbc.sql("""
				UPDATE dissemination.delivery SET acknowledged_at = COALESCE(acknowledged_at, :now)
				WHERE token = :token AND audience = 'PROFESSIONALS' RETURNING acknowledged_at""")
			.param("now", Timestamp.from(now))
			.param("token", token)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElseThrow(TokenNotFoundException::new);
	}

	/**
	 * Records a recipient's answer to "was this alert useful? did it change what you did?", once per delivery.
	 *
	 * @return {@code false} when they had already answered (the first answer stays)
	 * @throws TokenNotFoundException when the link names no delivery
	 * @throws SubscriptionRejectedException when the comment is too long
	 */
	@Transactional
	public boolean feedback(String token, boolean useful, boolean changedAction, @Nullable String comment,
			Instant now) {
		if (comment != null && comment.length() > 2000) {
			throw new SubscriptionRejectedException(
					List.of(new SubscriptionProblem("comment", "Comments must be 2000 characters or fewer.")));
		}
		if (received(token).isEmpty()) {
			throw new TokenNotFoundException();
		}
		return jdbc.sql("""
				INSERT INTO dissemination.feedback (delivery_id, useful, changed_action, comment, given_at)
				SELECT id, :useful, :changed, :comment, :now FROM dissemination.delivery WHERE token = :token
				ON CONFLICT (delivery_id) DO NOTHING""")
			.param("useful", useful)
			.param("changed", changedAction)
			.param("comment", comment == null || comment.isBlank() ? null : comment.strip())
			.param("now", Timestamp.from(now))
			.param("token", token)
			.update() > 0;
	}

	// ---- Delivery log and measures

	/** An issued alert with its delivery counts, for the coordinator's list. */
	public record IssuedAlert(UUID alertId, String reference, String headline, String level, boolean exercise,
			int versions, Instant lastIssuedAt, long deliveries, long sent) {
	}

	@Transactional(readOnly = true)
	public List<IssuedAlert> issuedAlerts(int limit) {
		return jdbc.sql("""
				SELECT a.alert_id, max(a.reference) AS reference, (array_agg(a.headline ORDER BY a.version DESC))[1] AS headline,
				  (array_agg(a.level ORDER BY a.version DESC))[1] AS level, bool_or(a.exercise) AS exercise,
				  max(a.version) AS versions, max(a.issued_at) AS issued,
				  (SELECT count(*) FROM dissemination.delivery d WHERE d.alert_id = a.alert_id) AS deliveries,
				  (SELECT count(*) FROM dissemination.delivery d WHERE d.alert_id = a.alert_id AND d.state = 'SENT') AS sent
				FROM dissemination.alert_issue a GROUP BY a.alert_id ORDER BY max(a.issued_at) DESC LIMIT ?""")
			.param(Math.max(1, Math.min(limit, 500)))
			.query((rs, n) -> new IssuedAlert(rs.getObject("alert_id", UUID.class), rs.getString("reference"),
					rs.getString("headline"), rs.getString("level"), rs.getBoolean("exercise"), rs.getInt("versions"),
					rs.getTimestamp("issued").toInstant(), rs.getLong("deliveries"), rs.getLong("sent")))
			.list();
	}

	/** One alert's delivery log, or empty when it was never issued to dissemination. */
	@Transactional(readOnly = true)
	public Optional<DeliveryLog> deliveryLog(UUID alertId) {
		var latest = jdbc.sql("SELECT version FROM dissemination.alert_issue WHERE alert_id = ? "
				+ "ORDER BY version DESC LIMIT 1").param(alertId).query(Integer.class).optional();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		var alert = issues.find(alertId, latest.get()).orElseThrow();
		var counts = jdbc.sql("""
				SELECT version, channel, state, count(*) AS n FROM dissemination.delivery WHERE alert_id = ?
				GROUP BY version, channel, state ORDER BY version, channel, state""")
			.param(alertId)
			.query((rs, n) -> new DeliveryLog.Count(rs.getInt("version"), DeliveryChannel.valueOf(rs.getString("channel")),
					DeliveryState.valueOf(rs.getString("state")), rs.getLong("n")))
			.list();
		var failures = jdbc.sql("""
				SELECT id, version, channel, recipient, state, attempts, last_error, next_attempt_at
				FROM dissemination.delivery WHERE alert_id = ? AND state IN ('FAILED', 'DEAD') ORDER BY id LIMIT 200""")
			.param(alertId)
			.query((rs, n) -> new DeliveryLog.Failure(rs.getLong("id"), rs.getInt("version"),
					DeliveryChannel.valueOf(rs.getString("channel")), mask(rs.getString("recipient")),
					DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
					"FAILED".equals(rs.getString("state")) ? rs.getTimestamp("next_attempt_at").toInstant() : null))
			.list();
		return Optional.of(new DeliveryLog(alertId, alert.reference(), alert.headline(), counts, failures,
				measures(alertId)));
	}

	/**
	 * Sends failed and dead deliveries of an alert again, now (not those whose subscriber left).
	 *
	 * @return how many were queued again
	 */
	@Transactional
	public int retry(UUID alertId, Instant now) {
		return jdbc.sql("""
				UPDATE dissemination.delivery d SET state = 'PENDING', next_attempt_at = :now, attempts = 0
				WHERE d.alert_id = :alert AND d.state IN ('FAILED', 'DEAD')
				  AND NOT EXISTS (SELECT 1 FROM dissemination.subscription s WHERE s.id = d.subscription_id AND NOT s.active)""")
			.param("now", Timestamp.from(now))
			.param("alert", alertId)
			.update();
	}

	/** Delivery, acknowledgement and feedback measures of one alert (all its versions). */
	@Transactional(readOnly = true)
	public DeliveryMeasures measures(UUID alertId) {
		return measures("WHERE d.alert_id = ?", alertId);
	}

	/** Delivery, acknowledgement and feedback measures of every alert issued since {@code since}. */
	@Transactional(readOnly = true)
	public DeliveryMeasures measures(Instant since) {
		return measures("WHERE d.created_at >= ?", Timestamp.from(since));
	}

	private DeliveryMeasures measures(String where, Object param) {
		return jdbc.sql("""
				SELECT count(*) AS deliveries,
				  count(*) FILTER (WHERE d.state = 'SENT') AS sent,
				  count(*) FILTER (WHERE d.state IN ('PENDING', 'SENDING', 'FAILED')) AS pending,
				  count(*) FILTER (WHERE d.state = 'DEAD') AS dead,
				  count(*) FILTER (WHERE d.state = 'SENT' AND d.audience = 'PROFESSIONALS') AS professional_sent,
				  count(*) FILTER (WHERE d.acknowledged_at IS NOT NULL) AS acknowledged,
				  count(f.delivery_id) AS feedback,
				  count(*) FILTER (WHERE f.useful) AS useful,
				  count(*) FILTER (WHERE f.changed_action) AS changed
				FROM dissemination.delivery d LEFT JOIN dissemination.feedback f ON f.delivery_id = d.id
				""" + where)
			.param(param)
			.query((rs, n) -> new DeliveryMeasures(rs.getLong("deliveries"), rs.getLong("sent"), rs.getLong("pending"),
					rs.getLong("dead"), rs.getLong("professional_sent"), rs.getLong("acknowledged"),
					rs.getLong("feedback"), rs.getLong("useful"), rs.getLong("changed")))
			.single();
	}

	// ---- Rules

	static String mask(String recipient) {
		if (recipient.startsWith("webhook:")) {
			return recipient;
		}
		int at = recipient.indexOf('@');
		if (at > 0) {
			return recipient.charAt(0) + "…" + recipient.substring(at);
		}
		return recipient.length() > 4 ? "…" + recipient.substring(recipient.length() - 4) : "…";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String normaliseAddress(DeliveryChannel channel, String address, List<SubscriptionProblem> problems) {
		var trimmed = address.trim();
		if (channel == DeliveryChannel.SMS) {
			var digits = trimmed.replaceAll("[\\s()-]", "");
			if (!UK_MOBILE.matcher(digits).matches()) {
				problems.add(new SubscriptionProblem("address",
						"Enter a UK mobile number, like 07700 900 982 or +44 7700 900 982."));
				return trimmed;
			}
			return "+44" + digits.substring(digits.length() - 10);
		}
		if (channel == DeliveryChannel.EMAIL) {
			if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
				problems.add(new SubscriptionProblem("address",
						"Enter an email address in the correct format, like name@example.com."));
			}
			return trimmed.toLowerCase(Locale.ROOT);
		}
		problems.add(new SubscriptionProblem("channel", "Choose email or text message."));
		return trimmed;
	}

	private List<String> checkFilters(List<String> ladCodes, List<String> substanceClasses,
			List<SubscriptionProblem> problems) {
		Set<String> known = districts().stream().map(Area::code).collect(Collectors.toSet());
		for (var code : ladCodes) {
			if (!known.contains(code)) {
				problems.add(new SubscriptionProblem("ladCodes", "Choose areas from the list."));
				break;
			}
		}
		for (var name : substanceClasses) {
			try {
				SubstanceClass.valueOf(name);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new SubscriptionProblem("substanceClasses", "Choose kinds of drug from the list."));
				break;
			}
		}
		return ladCodes.stream().distinct().toList();
	}

}
