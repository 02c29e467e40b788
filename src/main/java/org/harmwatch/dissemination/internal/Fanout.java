package org.harmwatch.dissemination.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.StaffContact;
import org.harmwatch.earlywarning.AlertIssued;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an issued alert into one delivery row per recipient and channel, in bulk and
 * idempotently: each row's idempotency key is
 * {@code AlertIssued.deliveryKey(recipient) + ":" + channel}, inserted with
 * {@code ON CONFLICT DO NOTHING}, so handling the same event twice (a redelivered event,
 * two instances) adds nothing.
 *
 * <p>
 * Who: professionals (PROFESSIONALS audience) from professional subscriptions by agency
 * and/or role, resolved to staff emails now, and explicit professional addresses;
 * confirmed public subscribers when the audience includes PUBLIC and it is not an
 * exercise; every webhook. Area and substance-class filters match when empty or when they
 * share a value with the alert. An update or cancellation also goes to everyone who had
 * an earlier version (unless they unsubscribed since). Every agency's named cascade lead
 * has every alert to professionals as a key role, whatever the subscriptions. The
 * agencies and roles an issue went to are recorded for the professionals' alerts inbox.
 */
@Component
public class Fanout {

	private static final Logger log = LoggerFactory.getLogger(Fanout.class);

	private final JdbcClient jdbc;

	private final AlertIssues issues;

	private final AgencyManagement agencies;

	private final DisseminationProperties properties;

	private final Clock clock;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final DeliveryCounts counts;

	private final CascadeLeads cascadeLeads;

	Fanout(JdbcClient jdbc, JdbcTemplate template, AlertIssues issues, AgencyManagement agencies,
			DisseminationProperties properties, Clock clock, PlatformTransactionManager transactionManager,
			DeliveryCounts counts, CascadeLeads cascadeLeads) {
		this.counts = counts;
		this.cascadeLeads = cascadeLeads;
		this.jdbc = jdbc;
		this.template = template;
		// Each part commits on its own, also inside the event listener's own transaction.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.issues = issues;
		this.agencies = agencies;
		this.properties = properties;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AlertIssued alert) {
		fanOut(alert, clock.instant());
	}

	/**
	 * Writes the deliveries of an issue; returns how many rows were new.
	 *
	 * <p>
	 * The issue, its professionals, webhooks and earlier recipients are written in one
	 * transaction, so senders can start on them at once; public subscribers follow in
	 * chunks of {@link #PUBLIC_CHUNK}, each committed on its own, so the first of 100,000
	 * people is being sent to within a second instead of after the last row is written.
	 * If the process dies between chunks, the event is handled again (Spring Modulith
	 * resubmits it) and the idempotency keys skip what was written.
	 */
	public int fanOut(AlertIssued alert, Instant now) {
		int created = transactions.execute(status -> fanOutFew(alert, now));
		if (alert.audiences().contains(Audience.PUBLIC) && !alert.exercise()) {
			var after = new UUID(0, 0);
			while (after != null) {
				var from = after;
				var chunk = transactions.execute(status -> publicChunk(alert, now, from));
				created += chunk.created();
				after = chunk.last();
			}
		}
		log.info("Alert {} version {}: {} new deliveries", alert.reference(), alert.version(), created);
		counts.publish(List.of(new DeliveryCounts.Issue(alert.alertId(), alert.version())));
		return created;
	}

	/** How many public subscribers one fan-out transaction writes. */
	public static final int PUBLIC_CHUNK = 10_000;

	private record Chunk(int created, @Nullable UUID last) {
	}

	/**
	 * One chunk of confirmed public subscribers after {@code after}, in id order;
	 * {@code last} is null at the end.
	 */
	private Chunk publicChunk(AlertIssued alert, Instant now, UUID after) {
		return jdbc.sql("""
				WITH chunk AS (
				  SELECT s.id, s.address, s.channel FROM dissemination.subscription s
				  WHERE s.kind = 'PUBLIC' AND s.active AND s.confirmed_at IS NOT NULL AND s.id > :after
				    AND (cardinality(s.lad_codes) = 0 OR s.lad_codes && CAST(:lads AS TEXT[]))
				    AND (cardinality(s.substance_classes) = 0 OR s.substance_classes && CAST(:classes AS TEXT[]))
				  ORDER BY s.id LIMIT :size),
				inserted AS (
				  INSERT INTO dissemination.delivery (idempotency_key, alert_id, version, channel, recipient, audience,
				    subscription_id, state, next_attempt_at, created_at, token)
				  SELECT :prefix || lower(c.address) || ':' || c.channel, :alert, :version, c.channel, lower(c.address),
				    'PUBLIC', c.id, 'PENDING', :now, :now, """ + SQL_TOKEN + """
				  FROM chunk c
				  ON CONFLICT (idempotency_key) DO NOTHING
				  RETURNING 1)
				SELECT (SELECT count(*) FROM inserted) AS created, (SELECT count(*) FROM chunk) AS taken,
				  (SELECT id FROM chunk ORDER BY id DESC LIMIT 1) AS last""")
			.param("prefix", alert.deliveryKey(""))
			.param("alert", alert.alertId())
			.param("version", alert.version())
			.param("now", Timestamp.from(now))
			.param("lads", alert.ladCodes().toArray(String[]::new))
			.param("classes", matchedClasses(alert))
			.param("after", after)
			.param("size", PUBLIC_CHUNK)
			.query((rs, n) -> new Chunk(rs.getInt("created"),
					rs.getInt("taken") < PUBLIC_CHUNK ? null : rs.getObject("last", UUID.class)))
			.single();
	}

	/**
	 * The issue, professionals, webhooks and, for an update, everyone who had an earlier
	 * version.
	 */
	private int fanOutFew(AlertIssued alert, Instant now) {
		issues.store(alert, now);
		var prefix = alert.deliveryKey("");
		var lads = alert.ladCodes().toArray(String[]::new);
		var classes = matchedClasses(alert);
		var at = Timestamp.from(now);
		int created = 0;
		if (alert.audiences().contains(Audience.PROFESSIONALS)) {
			created += professionals(alert, prefix, lads, classes, at);
		}
		created += jdbc.sql("""
				INSERT INTO dissemination.delivery (idempotency_key, alert_id, version, channel, recipient, audience,
				  subscription_id, state, next_attempt_at, created_at, token)
				SELECT :prefix || 'webhook:' || s.id || ':WEBHOOK', :alert, :version, 'WEBHOOK', 'webhook:' || s.id,
				  'PARTNER', s.id, 'PENDING', :now, :now, """ + SQL_TOKEN + """
				FROM dissemination.subscription s
				WHERE s.kind = 'WEBHOOK' AND s.active
				  AND (cardinality(s.lad_codes) = 0 OR s.lad_codes && CAST(:lads AS TEXT[]))
				  AND (cardinality(s.substance_classes) = 0 OR s.substance_classes && CAST(:classes AS TEXT[]))
				ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("prefix", prefix)
			.param("alert", alert.alertId())
			.param("version", alert.version())
			.param("now", at)
			.param("lads", lads)
			.param("classes", classes)
			.update();
		if (alert.version() > 1) {
			// Whoever had an earlier version hears of its update or cancellation, filters
			// or not.
			created += jdbc
				.sql("""
						INSERT INTO dissemination.delivery (idempotency_key, alert_id, version, channel, recipient, audience,
						  subscription_id, staff_id, agency_code, key_role, cascade, state, next_attempt_at, created_at,
						  token)
						SELECT DISTINCT ON (d.recipient, d.channel) :prefix || d.recipient || ':' || d.channel, :alert,
						  :version, d.channel, d.recipient, d.audience, d.subscription_id, d.staff_id, d.agency_code,
						  d.key_role, d.cascade, 'PENDING', :now, :now, """
						+ SQL_TOKEN + """
								FROM dissemination.delivery d
								LEFT JOIN dissemination.subscription s ON s.id = d.subscription_id
								WHERE d.alert_id = :alert AND d.version < :version AND d.state <> 'DEAD'
								  AND (d.subscription_id IS NULL OR s.active)
								ON CONFLICT (idempotency_key) DO NOTHING""")
				.param("prefix", prefix)
				.param("alert", alert.alertId())
				.param("version", alert.version())
				.param("now", at)
				.update();
		}
		return created;
	}

	/**
	 * The classes a subscriber's filter is matched against: the alert's own and every
	 * class they are a kind of, so that a subscriber to "Opioid" gets an alert about a
	 * nitazene.
	 */
	static String[] matchedClasses(AlertIssued alert) {
		return SubstanceClass.withAncestors(alert.substanceClasses()).toArray(String[]::new);
	}

	/**
	 * 256 random bits, base64url without padding (43 characters), made by the database
	 * for bulk inserts.
	 */
	static final String SQL_TOKEN = "translate(encode(decode(replace(gen_random_uuid()::text, '-', '') || "
			+ "replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_')";

	private record Row(String recipient, String channel, @Nullable UUID subscription, @Nullable UUID staff,
			@Nullable String agency, boolean keyRole, @Nullable String cascade) {
	}

	/**
	 * Records which agencies and roles this issue went to: every subscription resolved to
	 * staff (by agency and/or role), and every address subscription that names an agency.
	 */
	private void recordGroups(AlertIssued alert, List<Object[]> subscriptions) {
		var groups = new ArrayList<Object[]>();
		for (var s : subscriptions) {
			if (s[2] == null || s[3] != null) {
				groups.add(new Object[] { alert.alertId(), alert.version(), s[3], s[4] });
			}
		}
		template.batchUpdate("""
				INSERT INTO dissemination.issue_recipient_group (alert_id, version, agency_code, role_name)
				VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", groups);
	}

	private record Professionals(List<Object[]> subscriptions, LinkedHashMap<String, Row> rows) {
	}

	/**
	 * The professionals an alert for these districts and classes reaches: the matching
	 * professional subscriptions, and one row per recipient and channel.
	 */
	private Professionals professionalRows(String[] lads, String[] classes) {
		var subscriptions = jdbc.sql("""
				SELECT id, channel, address, agency_code, role_name FROM dissemination.subscription
				WHERE kind = 'PROFESSIONAL' AND active
				  AND (cardinality(lad_codes) = 0 OR lad_codes && CAST(:lads AS TEXT[]))
				  AND (cardinality(substance_classes) = 0 OR substance_classes && CAST(:classes AS TEXT[]))""")
			.param("lads", lads)
			.param("classes", classes)
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("channel"),
							rs.getString("address"), rs.getString("agency_code"), rs.getString("role_name") })
			.list();
		var rows = new LinkedHashMap<String, Row>();
		var leads = cascadeLeads.leads();
		if (subscriptions.isEmpty() && leads.isEmpty()) {
			return new Professionals(subscriptions, rows);
		}
		var keyRoles = properties.escalation().roles();
		var staff = subscriptions.stream().anyMatch(s -> s[2] == null) || !leads.isEmpty() ? agencies.staffContacts()
				: List.<StaffContact>of();
		// Every agency's cascade lead has every alert to professionals, and must
		// acknowledge it.
		for (var lead : leads) {
			staff.stream()
				.filter(m -> m.id().equals(lead.lead()) && m.agencyCode().equals(lead.agencyCode()))
				.findFirst()
				.ifPresent(member -> rows.put(member.email().toLowerCase() + ":EMAIL", new Row(
						member.email().toLowerCase(), "EMAIL", null, member.id(), member.agencyCode(), true, "LEAD")));
		}
		for (var s : subscriptions) {
			var id = (UUID) s[0];
			var channel = (String) s[1];
			var address = (String) s[2];
			if (address != null) {
				var recipient = address.toLowerCase();
				rows.putIfAbsent(recipient + ":" + channel, new Row(recipient, channel, id, null, null, false, null));
				continue;
			}
			var agency = (String) s[3];
			var role = (String) s[4];
			for (var member : staff) {
				if ((agency == null || agency.equals(member.agencyCode()))
						&& (role == null || member.roleNames().contains(role))) {
					var recipient = member.email().toLowerCase();
					boolean key = member.roleNames().stream().anyMatch(keyRoles::contains);
					rows.putIfAbsent(recipient + ":EMAIL",
							new Row(recipient, "EMAIL", null, member.id(), member.agencyCode(), key, null));
				}
			}
		}
		return new Professionals(subscriptions, rows);
	}

	/**
	 * How many recipients a first issue for these audiences, districts and substance
	 * classes would reach now, per audience and channel, by the same rules as
	 * {@link #fanOut}; writes nothing. Public subscribers count only when the audience
	 * includes the public and it is no exercise.
	 */
	public Map<String, Integer> reach(Set<Audience> audiences, boolean exercise, List<String> ladCodes,
			List<String> substanceClasses) {
		var lads = ladCodes.toArray(String[]::new);
		var classes = SubstanceClass.withAncestors(substanceClasses).toArray(String[]::new);
		var reach = new TreeMap<String, Integer>();
		if (audiences.contains(Audience.PROFESSIONALS)) {
			professionalRows(lads, classes).rows()
				.values()
				.forEach(row -> reach.merge("PROFESSIONALS:" + row.channel(), 1, Integer::sum));
		}
		int webhooks = jdbc.sql("""
				SELECT count(*) FROM dissemination.subscription s
				WHERE s.kind = 'WEBHOOK' AND s.active
				  AND (cardinality(s.lad_codes) = 0 OR s.lad_codes && CAST(:lads AS TEXT[]))
				  AND (cardinality(s.substance_classes) = 0 OR s.substance_classes && CAST(:classes AS TEXT[]))""")
			.param("lads", lads)
			.param("classes", classes)
			.query(Integer.class)
			.single();
		if (webhooks > 0) {
			reach.put("PARTNER:WEBHOOK", webhooks);
		}
		if (audiences.contains(Audience.PUBLIC) && !exercise) {
			jdbc.sql("""
					SELECT s.channel, count(DISTINCT lower(s.address)) AS n FROM dissemination.subscription s
					WHERE s.kind = 'PUBLIC' AND s.active AND s.confirmed_at IS NOT NULL
					  AND (cardinality(s.lad_codes) = 0 OR s.lad_codes && CAST(:lads AS TEXT[]))
					  AND (cardinality(s.substance_classes) = 0 OR s.substance_classes && CAST(:classes AS TEXT[]))
					GROUP BY s.channel""")
				.param("lads", lads)
				.param("classes", classes)
				.query((rs, n) -> Map.entry("PUBLIC:" + rs.getString("channel"), rs.getInt("n")))
				.list()
				.forEach(e -> reach.put(e.getKey(), e.getValue()));
		}
		return reach;
	}

	private int professionals(AlertIssued alert, String prefix, String[] lads, String[] classes, Timestamp at) {
		var found = professionalRows(lads, classes);
		var rows = found.rows();
		if (rows.isEmpty()) {
			return 0;
		}
		recordGroups(alert, found.subscriptions());
		var batch = new ArrayList<Object[]>();
		for (var row : rows.values()) {
			batch.add(new Object[] { prefix + row.recipient() + ":" + row.channel(), alert.alertId(), alert.version(),
					row.channel(), row.recipient(), row.subscription(), row.staff(), row.agency(), row.keyRole(),
					row.cascade(), at, at, Tokens.newToken() });
		}
		int created = 0;
		for (int n : template.batchUpdate("""
				INSERT INTO dissemination.delivery (idempotency_key, alert_id, version, channel, recipient, audience,
				  subscription_id, staff_id, agency_code, key_role, cascade, state, next_attempt_at, created_at, token)
				VALUES (?, ?, ?, ?, ?, 'PROFESSIONALS', ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
				ON CONFLICT (idempotency_key) DO NOTHING""", batch)) {
			created += Math.max(n, 0);
		}
		return created;
	}

}
