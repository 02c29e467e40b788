package org.harmwatch.platform;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A linked transaction on the real server: its work is seen by nobody until the caller's
 * transaction commits, and then together with the caller's; it is rolled back with the
 * caller's, also when the caller's fails at its very commit (after the linked one was
 * prepared); work that fails in it keeps the caller's from committing; nothing is left
 * prepared or recorded afterwards.
 */
@HarmwatchIntegrationTest
class LinkedTransactionsIntegrationTests {

	@Autowired
	LinkedTransactions linkedTransactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void table() {
		// A real table: both database processes must see it (a temporary one cannot be
		// prepared). The unique key is checked at commit, so that a test can make the
		// caller's commit itself fail.
		jdbc.sql("""
				CREATE TABLE IF NOT EXISTS public.linked_test (id uuid PRIMARY KEY, side text NOT NULL,
				  k text UNIQUE DEFERRABLE INITIALLY DEFERRED)""").update();
	}

	@Test
	void theServerCanPrepareTransactions() {
		assertThat(linkedTransactions.available()).isTrue();
	}

	@Test
	void itsWorkIsSeenByNobodyUntilTheCallersCommitsAndThenWithIt() {
		var mine = UUID.randomUUID();
		var linked = UUID.randomUUID();
		var name = transactions.execute(tx -> {
			insert(mine, "caller", null);
			var transaction = linkedTransactions.open("test");
			transaction.submit(() -> insert(linked, "linked", null));
			transaction.await();
			// Another process sees neither while the caller's is open.
			assertThat(seenByAnother(mine, linked)).isZero();
			return transaction.name();
		});
		assertThat(name).startsWith(LinkedTransactions.PREFIX);
		assertThat(seenByAnother(mine, linked)).isEqualTo(2);
		assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
	}

	@Test
	void itRollsBackWithTheCallers() {
		var mine = UUID.randomUUID();
		var linked = UUID.randomUUID();
		var name = transactions.execute(tx -> {
			insert(mine, "caller", null);
			var transaction = linkedTransactions.open("test");
			transaction.submit(() -> insert(linked, "linked", null));
			transaction.await();
			tx.setRollbackOnly();
			return transaction.name();
		});
		assertThat(seenByAnother(mine, linked)).isZero();
		assertThat(left(name)).isEqualTo("0 prepared, 0 recorded");
	}

	/**
	 * The caller's commit fails after the linked transaction was prepared and the
	 * decision written (a key checked only at commit): the prepared one is rolled back.
	 */
	@Test
	void itRollsBackWhenTheCallersCommitFailsAfterItWasPrepared() {
		var key = "k-" + UUID.randomUUID();
		insert(UUID.randomUUID(), "before", key);
		var mine = UUID.randomUUID();
		var linked = UUID.randomUUID();
		var names = new String[1];
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			insert(mine, "caller", key);
			var transaction = linkedTransactions.open("test");
			names[0] = transaction.name();
			transaction.submit(() -> insert(linked, "linked", null));
		})).rootCause().hasMessageContaining("linked_test_k_key");
		assertThat(seenByAnother(mine, linked)).isZero();
		assertThat(left(names[0])).isEqualTo("0 prepared, 0 recorded");
	}

	@Test
	void workThatFailsKeepsTheCallersFromCommittingAndStopsTheWorkAfterIt() {
		var mine = UUID.randomUUID();
		var linked = UUID.randomUUID();
		var ranAfter = new AtomicBoolean();
		var names = new String[1];
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			insert(mine, "caller", null);
			var transaction = linkedTransactions.open("test");
			names[0] = transaction.name();
			transaction.submit(() -> insert(linked, "linked", null));
			transaction.submit(() -> {
				throw new IllegalArgumentException("broken work");
			});
			transaction.submit(() -> ranAfter.set(true));
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("broken work");
		assertThat(ranAfter).isFalse();
		assertThat(seenByAnother(mine, linked)).isZero();
		assertThat(left(names[0])).isEqualTo("0 prepared, 0 recorded");
	}

	@Test
	void itNeedsTheCallersTransaction() {
		assertThatThrownBy(() -> linkedTransactions.open("test")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("caller's transaction");
	}

	private void insert(UUID id, String side, String key) {
		jdbc.sql("INSERT INTO public.linked_test (id, side, k) VALUES (?, ?, ?)").params(id, side, key).update();
	}

	/** How many of the two rows a connection of its own sees. */
	private long seenByAnother(UUID first, UUID second) {
		try (var connection = dataSource.getConnection();
				var query = connection.prepareStatement("SELECT count(*) FROM public.linked_test WHERE id IN (?, ?)")) {
			query.setObject(1, first);
			query.setObject(2, second);
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String left(String name) {
		return LinkedTransactionsLeft.left(jdbc, name);
	}

}
