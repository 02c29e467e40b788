package org.harmwatch.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.harmwatch.platform.internal.ClientPseudonyms;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing without letting anyone lock an account (ADR 8).
 *
 * <p>
 * Failed sign-ins are counted per key in {@code platform.sign_in_throttle}, shared by
 * every instance. A client that is familiar for the account (it presents the device
 * cookie of an earlier successful sign-in, or comes from an address the account signed in
 * from) is counted only against its own key (that device, or that account and address).
 * Any other client is counted against three: that account and address, that account from
 * all unfamiliar clients, and that address over all accounts. Past its free failures a
 * key must wait, doubling with each further failure up to a maximum, and an attempt while
 * it waits is refused without checking the password. So a stranger who guesses wrong
 * slows only strangers; the account's owner, from their usual device or address, signs in
 * as before.
 *
 * <p>
 * Keys are computed from the username as typed, whether or not such an account exists, so
 * throttling tells nobody which usernames are real.
 */
@Component
public class SignInThrottle {

	private final JdbcClient jdbc;

	private final ClientPseudonyms pseudonyms;

	private final SignInThrottlePolicy policy;

	SignInThrottle(JdbcClient jdbc, ClientPseudonyms pseudonyms, SignInThrottlePolicy policy) {
		this.jdbc = jdbc;
		this.pseudonyms = pseudonyms;
		this.policy = policy;
	}

	/**
	 * One sign-in attempt: the username as typed, the client's address, and the device
	 * token its browser presented (if any).
	 */
	public record Attempt(String username, String address, @Nullable String deviceToken) {

		String account() {
			return username.strip().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * An account's failures from unfamiliar clients, and until when they must wait; for
	 * administrators.
	 */
	public record AccountStatus(int failures, @Nullable Instant blockedUntil) {
	}

	private record Key(String key, @Nullable String account, int free) {
	}

	public SignInThrottlePolicy policy() {
		return policy;
	}

	/** Until when this attempt must wait; empty when it may be checked now. */
	@Transactional(readOnly = true)
	public Optional<Instant> blockedUntil(Attempt attempt, Instant now) {
		var keys = keys(attempt, now).stream().map(Key::key).toArray(String[]::new);
		return jdbc.sql("""
				SELECT max(blocked_until) FROM platform.sign_in_throttle
				WHERE key = ANY (:keys) AND blocked_until > :now""")
			.param("keys", keys)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * Counts a wrong password (or unknown username) against the attempt's keys.
	 * @return whether the account is now slowed for unfamiliar clients because of it
	 */
	@Transactional
	public boolean failed(Attempt attempt, Instant now) {
		var keys = keys(attempt, now);
		var counted = jdbc.sql("""
				INSERT INTO platform.sign_in_throttle AS t (key, account, free, failures, last_failure_at, expires_at)
				SELECT k.key, k.account, k.free, 1, :now, :expires
				FROM unnest(:keys, :accounts, :frees) AS k (key, account, free)
				ON CONFLICT (key) DO UPDATE
				SET failures = CASE WHEN t.last_failure_at < :forgotten THEN 1 ELSE t.failures + 1 END,
				    free = excluded.free,
				    last_failure_at = excluded.last_failure_at,
				    expires_at = GREATEST(excluded.expires_at, t.blocked_until)
				RETURNING key, failures, free""")
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(policy.forgetAfter())))
			.param("forgotten", Timestamp.from(now.minus(policy.forgetAfter())))
			.param("keys", keys.stream().map(Key::key).toArray(String[]::new))
			.param("accounts", keys.stream().map(Key::account).toArray(String[]::new))
			.param("frees", keys.stream().map(Key::free).toArray(Integer[]::new))
			.query((rs, row) -> new Counted(rs.getString("key"), rs.getInt("failures"), rs.getInt("free")))
			.list();
		boolean accountSlowed = false;
		for (var key : counted) {
			var delay = policy.delayAfter(key.failures(), key.free());
			if (delay.isPositive()) {
				var until = now.plus(delay);
				jdbc.sql("""
						UPDATE platform.sign_in_throttle SET blocked_until = :until,
						  expires_at = GREATEST(expires_at, :until)
						WHERE key = :key""").param("until", Timestamp.from(until)).param("key", key.key()).update();
				accountSlowed |= key.key().startsWith("account:") && key.failures() == key.free() + 1;
			}
		}
		return accountSlowed;
	}

	private record Counted(String key, int failures, int free) {
	}

	/**
	 * Clears the failures of the keys the right password was given under (never the
	 * client address's over all accounts) and makes the device and the address familiar
	 * for the account. The owner signing in from a familiar device or address does not
	 * clear what strangers have run up against the account from elsewhere.
	 */
	@Transactional
	public void succeeded(Attempt attempt, Instant now) {
		var account = attempt.account();
		var forget = keys(attempt, now).stream()
			.map(Key::key)
			.filter(key -> !key.startsWith("client:"))
			.toArray(String[]::new);
		jdbc.sql("DELETE FROM platform.sign_in_throttle WHERE key = ANY (:keys)").param("keys", forget).update();
		var familiar = new ArrayList<String>();
		familiar.add(familiarAddress(account, attempt.address()));
		if (attempt.deviceToken() != null) {
			familiar.add(familiarDevice(account, attempt.deviceToken()));
		}
		jdbc.sql("""
				INSERT INTO platform.sign_in_familiar (key, last_success_at)
				SELECT k, :now FROM unnest(:keys) AS k
				ON CONFLICT (key) DO UPDATE SET last_success_at = excluded.last_success_at""")
			.param("keys", familiar.toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The account's failures from unfamiliar clients, if any are remembered. */
	@Transactional(readOnly = true)
	public Optional<AccountStatus> accountStatus(String username, Instant now) {
		return jdbc.sql("""
				SELECT failures, blocked_until FROM platform.sign_in_throttle
				WHERE key = :key AND expires_at > :now AND last_failure_at >= :forgotten""")
			.param("key", "account:" + pseudonyms.of("account", username.strip().toLowerCase(Locale.ROOT)))
			.param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(now.minus(policy.forgetAfter())))
			.query((rs, row) -> {
				var until = rs.getTimestamp("blocked_until");
				return new AccountStatus(rs.getInt("failures"),
						until == null || !until.toInstant().isAfter(now) ? null : until.toInstant());
			})
			.optional();
	}

	/**
	 * Forgets every failure counted against the account (from any client), so its next
	 * attempts are not slowed; what a client address did to other accounts stays.
	 */
	@Transactional
	public void clear(String username) {
		jdbc.sql("DELETE FROM platform.sign_in_throttle WHERE account = :account")
			.param("account", pseudonyms.of("account", username.strip().toLowerCase(Locale.ROOT)))
			.update();
	}

	/**
	 * Deletes failures that are forgotten and familiar devices and addresses that are no
	 * longer.
	 */
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
	@SchedulerLock(name = "sign-in-throttle-sweep", lockAtMostFor = "PT10M")
	public void sweep() {
		sweep(Instant.now());
	}

	/** Deletes, as of {@code now}, what {@link #sweep()} deletes. */
	@Transactional
	public void sweep(Instant now) {
		jdbc.sql("DELETE FROM platform.sign_in_throttle WHERE expires_at < :now")
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("DELETE FROM platform.sign_in_familiar WHERE last_success_at < :before")
			.param("before", Timestamp.from(now.minus(policy.familiarFor())))
			.update();
	}

	private List<Key> keys(Attempt attempt, Instant now) {
		var account = attempt.account();
		var hashedAccount = pseudonyms.of("account", account);
		var token = attempt.deviceToken();
		if (token != null && isFamiliar(familiarDevice(account, token), now)) {
			return List.of(new Key("device:" + pseudonyms.of("device", token), hashedAccount, policy.freeFailures()));
		}
		var pair = new Key("pair:" + pseudonyms.of("pair", account + "\n" + attempt.address()), hashedAccount,
				policy.freeFailures());
		if (isFamiliar(familiarAddress(account, attempt.address()), now)) {
			return List.of(pair);
		}
		return List.of(pair, new Key("account:" + hashedAccount, hashedAccount, policy.accountFreeFailures()),
				new Key("client:" + pseudonyms.of("client", attempt.address()), null, policy.clientFreeFailures()));
	}

	private String familiarDevice(String account, String token) {
		return "device:" + pseudonyms.of("familiar-device", account + "\n" + token);
	}

	private String familiarAddress(String account, String address) {
		return "address:" + pseudonyms.of("familiar-address", account + "\n" + address);
	}

	private boolean isFamiliar(String key, Instant now) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM platform.sign_in_familiar WHERE key = ? AND last_success_at > ?)")
			.param(key)
			.param(Timestamp.from(now.minus(policy.familiarFor())))
			.query(Boolean.class)
			.single();
	}

	/** How long the wait is, rounded up to whole minutes, for telling a person. */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

}
