package org.harmwatch.dissemination.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.SubscriptionView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions table: public (double opt-in), professional and webhook
 * subscriptions.
 */
@Repository
public class SubscriptionRepository {

	/** A public subscription found by its address. */
	public record PublicAddress(UUID id, boolean confirmed) {
	}

	/**
	 * What a new subscription holds; {@code confirmed} is null until a public one is
	 * confirmed.
	 */
	public record NewSubscription(String kind, DeliveryChannel channel, @Nullable String address, @Nullable String name,
			@Nullable String agencyCode, @Nullable String roleName, @Nullable String secret, List<String> ladCodes,
			List<String> substanceClasses, @Nullable String confirmHash, @Nullable Instant confirmExpires,
			@Nullable Instant confirmed, Instant now) {
	}

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The public subscription of an address on a channel, locked for the caller's
	 * transaction.
	 */
	public Optional<PublicAddress> lockPublic(DeliveryChannel channel, String address) {
		return jdbc.sql("""
				SELECT id, confirmed_at IS NOT NULL AND active AS confirmed FROM dissemination.subscription
				WHERE kind = 'PUBLIC' AND channel = ? AND lower(address) = lower(?) FOR UPDATE""")
			.params(channel.name(), address)
			.query((rs, n) -> new PublicAddress(rs.getObject("id", UUID.class), rs.getBoolean("confirmed")))
			.optional();
	}

	/**
	 * Asks again for confirmation of an existing public subscription, with new filters.
	 */
	public void renewPublic(UUID id, String confirmHash, Instant expires, List<String> ladCodes,
			List<String> substanceClasses) {
		jdbc.sql("""
				UPDATE dissemination.subscription SET confirm_token_hash = :hash, confirm_expires_at = :expires,
				  confirmed_at = NULL, active = TRUE, lad_codes = :lads, substance_classes = :classes
				WHERE id = :id""")
			.param("hash", confirmHash)
			.param("expires", Timestamp.from(expires))
			.param("lads", ladCodes.toArray(String[]::new))
			.param("classes", substanceClasses.toArray(String[]::new))
			.param("id", id)
			.update();
	}

	/** Stores a new subscription and returns its id. */
	public UUID insert(NewSubscription s) {
		var id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO dissemination.subscription (id, kind, channel, address, name, agency_code, role_name, secret,
						  lad_codes, substance_classes, confirm_token_hash, confirm_expires_at, confirmed_at, unsubscribe_token,
						  created_at)
						VALUES (:id, :kind, :channel, :address, :name, :agency, :role, :secret, :lads, :classes, :hash, :expires,
						  :confirmed, :unsubscribe, :now)""")
			.param("id", id)
			.param("kind", s.kind())
			.param("channel", s.channel().name())
			.param("address", s.address())
			.param("name", s.name())
			.param("agency", s.agencyCode())
			.param("role", s.roleName())
			.param("secret", s.secret())
			.param("lads", s.ladCodes().toArray(String[]::new))
			.param("classes", s.substanceClasses().toArray(String[]::new))
			.param("hash", s.confirmHash())
			.param("expires", s.confirmExpires() == null ? null : Timestamp.from(s.confirmExpires()))
			.param("confirmed", s.confirmed() == null ? null : Timestamp.from(s.confirmed()))
			.param("unsubscribe", Tokens.newToken())
			.param("now", Timestamp.from(s.now()))
			.update();
		return id;
	}

	/** Whether a confirmation token (by its hash) is valid at {@code now}. */
	public boolean confirmable(String confirmHash, Instant now) {
		return jdbc.sql("""
				SELECT count(*) FROM dissemination.subscription
				WHERE confirm_token_hash = ? AND confirm_expires_at > ?""")
			.params(confirmHash, Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	/** Confirms the subscription of a valid token (by its hash); returns its id. */
	public Optional<UUID> confirm(String confirmHash, Instant now) {
		return jdbc.sql("""
				UPDATE dissemination.subscription SET confirmed_at = :now, confirm_token_hash = NULL,
				  confirm_expires_at = NULL
				WHERE confirm_token_hash = :hash AND confirm_expires_at > :now RETURNING id""")
			.param("now", Timestamp.from(now))
			.param("hash", confirmHash)
			.query(UUID.class)
			.optional();
	}

	/** Whether an unsubscribe token names a subscription. */
	public boolean unsubscribable(String token) {
		return jdbc.sql("SELECT count(*) FROM dissemination.subscription WHERE unsubscribe_token = ?")
			.param(token)
			.query(Long.class)
			.single() > 0;
	}

	/** Ends the subscription of an unsubscribe token; returns its id. */
	public Optional<UUID> unsubscribe(String token) {
		return jdbc.sql("""
				UPDATE dissemination.subscription SET active = FALSE, confirm_token_hash = NULL
				WHERE unsubscribe_token = ? RETURNING id""").param(token).query(UUID.class).optional();
	}

	/** Active professional and webhook subscriptions. */
	public List<SubscriptionView> managed() {
		return jdbc.sql("""
				SELECT * FROM dissemination.subscription WHERE kind <> 'PUBLIC' AND active ORDER BY kind, created_at""")
			.query(SubscriptionRepository::view)
			.list();
	}

	/** Confirmed public subscribers by channel name. */
	public Map<String, Long> publicCounts() {
		var counts = new TreeMap<String, Long>();
		jdbc.sql("""
				SELECT channel, count(*) AS n FROM dissemination.subscription
				WHERE kind = 'PUBLIC' AND active AND confirmed_at IS NOT NULL GROUP BY channel""").query(rs -> {
			counts.put(rs.getString("channel"), rs.getLong("n"));
		});
		return counts;
	}

	/**
	 * Ends a professional or webhook subscription; {@code false} when there is none with
	 * this id.
	 */
	public boolean deactivateManaged(UUID id) {
		return jdbc.sql("UPDATE dissemination.subscription SET active = FALSE WHERE id = ? AND kind <> 'PUBLIC'")
			.param(id)
			.update() > 0;
	}

	private static SubscriptionView view(ResultSet rs, int row) throws SQLException {
		return new SubscriptionView(rs.getObject("id", UUID.class), rs.getString("kind"),
				DeliveryChannel.valueOf(rs.getString("channel")), rs.getString("name"), rs.getString("address"),
				rs.getString("agency_code"), rs.getString("role_name"), strings(rs.getArray("lad_codes")),
				strings(rs.getArray("substance_classes")), rs.getTimestamp("created_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
