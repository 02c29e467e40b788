package org.harmwatch.platform.audit;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit entries appended per second by 8 threads on a durable PostgreSQL ({@code fsync}
 * and {@code synchronous_commit} on): the keyed chain (a plain insert, sealed every
 * second by a sealer running alongside) against the chain as it was before (an advisory
 * lock held from reading the head to the commit of each entry).
 *
 * <p>
 * Run with {@code bench/jmh.sh AuditAppendBenchmark}; results in docs/benchmarks.md and
 * ADR 7.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(8)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class AuditAppendBenchmark {

	EmbeddedPostgres postgres;

	HikariDataSource dataSource;

	AuditChain chain;

	JdbcClient jdbc;

	TransactionTemplate newTransaction;

	ScheduledExecutorService sealer;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		postgres = EmbeddedPostgres.builder()
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				CREATE TABLE platform.audit_event_before (
				  seq BIGINT PRIMARY KEY, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, actor TEXT NOT NULL,
				  agency TEXT, action TEXT NOT NULL, record_type TEXT NOT NULL, record_id TEXT, purpose TEXT,
				  outcome TEXT NOT NULL, detail TEXT, prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL)
				""").update();
		var transactions = new DataSourceTransactionManager(dataSource);
		newTransaction = new TransactionTemplate(transactions);
		newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		chain = new AuditChain(dataSource, transactions, "platform.audit_event", AuditChain.CHAIN_LOCK,
				AuditKeys.parse(AuditKeys.newKey(), "benchmark"), Clock.systemUTC());
		sealer = Executors.newSingleThreadScheduledExecutor();
		sealer.scheduleWithFixedDelay(() -> chain.seal(false), 1, 1, TimeUnit.SECONDS);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		sealer.shutdown();
		sealer.awaitTermination(1, TimeUnit.MINUTES);
		long sealed = chain.seal(true);
		var result = chain.verify(new AuditCheckpoints.Reading(java.util.List.of(), 0));
		System.out.printf("%nkeyed chain: %d entries checked, intact %s (%d sealed at the end)%n",
				result.entriesChecked(), result.intact(), sealed);
		dataSource.close();
		postgres.close();
	}

	@Benchmark
	public void keyedChainAppend() {
		chain.append("frontline", "BRP", "REPORT_RECEIVED", "report", "r-1", "PUBLIC_HEALTH_INTELLIGENCE", "ALLOWED",
				"partner API");
	}

	/**
	 * The append as JdbcAuditLog did it before the keyed chain: lock, read the head,
	 * hash, insert, commit.
	 */
	@Benchmark
	public void lockedChainAppendAsBefore() {
		newTransaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(0x6175646975L).query().singleRow();
			var head = jdbc.sql("SELECT seq, hash FROM platform.audit_event_before ORDER BY seq DESC LIMIT 1")
				.query((rs, n) -> new AuditChain.Head(rs.getLong("seq"), rs.getString("hash")))
				.optional()
				.orElse(new AuditChain.Head(0, AuditHashes.GENESIS));
			long seq = head.chainSeq() + 1;
			var at = Clock.systemUTC().instant().truncatedTo(ChronoUnit.MICROS);
			var hash = AuditHashes.hash(head.hash(), seq, at, "frontline", "BRP", "REPORT_RECEIVED", "report", "r-1",
					"PUBLIC_HEALTH_INTELLIGENCE", "ALLOWED", "partner API");
			jdbc.sql("""
					INSERT INTO platform.audit_event_before (seq, occurred_at, actor, agency, action, record_type,
					  record_id, purpose, outcome, detail, prev_hash, hash)
					VALUES (?, ?, 'frontline', 'BRP', 'REPORT_RECEIVED', 'report', 'r-1', 'PUBLIC_HEALTH_INTELLIGENCE',
					  'ALLOWED', 'partner API', ?, ?)
					""").params(seq, Timestamp.from(at), head.hash(), hash).update();
		});
	}

}
