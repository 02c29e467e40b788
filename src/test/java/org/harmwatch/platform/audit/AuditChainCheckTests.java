package org.harmwatch.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.platform.audit.AuditChainCheck.Kind;
import org.harmwatch.platform.audit.AuditChainCheck.Verification;
import org.harmwatch.platform.audit.AuditCheckpoints.Checkpoint;
import org.harmwatch.platform.audit.AuditCheckpoints.Reading;
import org.harmwatch.platform.audit.AuditEntry.Scheme;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain check on chains built in memory, attacked as someone with the database but
 * without the key would.
 */
class AuditChainCheckTests {

	static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

	final AuditKeys keys = AuditKeys.parse(AuditKeys.newKey(), "test");

	final AuditKeys.Key key = keys.current();

	/** An entry as written, before sealing. */
	static AuditEntry written(long seq) {
		return new AuditEntry(seq, T0.plusSeconds(seq), "user" + seq, "WMPCC", "STAFF_VIEWED", "staff", "r" + seq, null,
				"ALLOWED", "detail " + seq, null, Scheme.HMAC_SHA256, null, null, null);
	}

	static AuditEntry withDetail(AuditEntry e, String detail) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.agency(), e.action(), e.recordType(), e.recordId(),
				e.purpose(), e.outcome(), detail, e.chainSeq(), e.scheme(), e.keyId(), e.prevHash(), e.hash());
	}

	static AuditEntry withSeal(AuditEntry e, long chainSeq, Scheme scheme, String keyId, String prevHash, String hash) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.agency(), e.action(), e.recordType(), e.recordId(),
				e.purpose(), e.outcome(), e.detail(), chainSeq, scheme, keyId, prevHash, hash);
	}

	/**
	 * Entries from before keyed sealing: SHA-256 when written, chain position = number.
	 */
	static List<AuditEntry> legacy(int count) {
		var chain = new ArrayList<AuditEntry>();
		var previous = AuditHashes.GENESIS;
		for (long seq = 1; seq <= count; seq++) {
			var e = written(seq);
			var hash = AuditHashes.hash(previous, seq, e.occurredAt(), e.actor(), e.agency(), e.action(),
					e.recordType(), e.recordId(), e.purpose(), e.outcome(), e.detail());
			chain.add(withSeal(e, seq, Scheme.SHA256, null, previous, hash));
			previous = hash;
		}
		return chain;
	}

	/** The chain with these entries sealed onto its end, as the sealer does. */
	static List<AuditEntry> seal(List<AuditEntry> chain, List<AuditEntry> entries, AuditKeys.Key key) {
		var result = new ArrayList<>(chain);
		long position = chain.isEmpty() ? 0 : chain.getLast().chainSeq();
		var previous = chain.isEmpty() ? AuditHashes.GENESIS : chain.getLast().hash();
		for (var e : entries) {
			position++;
			var hash = AuditHashes.seal(key.newMac(), key.id(), position, previous, e);
			result.add(withSeal(e, position, Scheme.HMAC_SHA256, key.id(), previous, hash));
			previous = hash;
		}
		return result;
	}

	static List<AuditEntry> written(long from, long to) {
		var entries = new ArrayList<AuditEntry>();
		for (long seq = from; seq <= to; seq++) {
			entries.add(written(seq));
		}
		return entries;
	}

	/**
	 * The attacker's re-hash from an index on: the old unkeyed SHA-256, keeping or
	 * dropping the keyed scheme.
	 */
	static List<AuditEntry> rehashWithSha256(List<AuditEntry> chain, int from, Scheme scheme) {
		var result = new ArrayList<>(chain.subList(0, from));
		var previous = from == 0 ? AuditHashes.GENESIS : chain.get(from - 1).hash();
		for (var e : chain.subList(from, chain.size())) {
			var hash = AuditHashes.hash(previous, e.seq(), e.occurredAt(), e.actor(), e.agency(), e.action(),
					e.recordType(), e.recordId(), e.purpose(), e.outcome(), e.detail());
			result.add(withSeal(e, e.chainSeq(), scheme, scheme == Scheme.SHA256 ? null : e.keyId(), previous, hash));
			previous = hash;
		}
		return result;
	}

	/**
	 * The attacker's re-seal from an index on with a key of their own, under the id of
	 * ours or of theirs.
	 */
	static List<AuditEntry> resealWith(List<AuditEntry> chain, int from, AuditKeys.Key theirs, String keyId) {
		var result = new ArrayList<>(chain.subList(0, from));
		var previous = chain.get(from - 1).hash();
		for (var e : chain.subList(from, chain.size())) {
			var hash = AuditHashes.seal(theirs.newMac(), keyId, e.chainSeq(), previous, e);
			result.add(withSeal(e, e.chainSeq(), Scheme.HMAC_SHA256, keyId, previous, hash));
			previous = hash;
		}
		return result;
	}

	Checkpoint checkpointOf(List<AuditEntry> chain, long chainSeq, int line) {
		var head = chain.get((int) chainSeq - 1).hash();
		var at = T0.plusSeconds(3600 + chainSeq);
		return new Checkpoint(chainSeq, head, at, key.id(),
				AuditHashes.checkpoint(key.newMac(), key.id(), chainSeq, head, at), line);
	}

	Verification check(List<AuditEntry> chain, Checkpoint... checkpoints) {
		return check(chain, new Reading(List.of(checkpoints), 0));
	}

	Verification check(List<AuditEntry> chain, Reading checkpoints) {
		var check = new AuditChainCheck(keys, checkpoints);
		for (var entry : chain) {
			if (!check.accept(entry)) {
				break;
			}
		}
		return check.finish(0);
	}

	List<AuditEntry> keyedChain(int count) {
		return seal(List.of(), written(1, count), key);
	}

	@Test
	void anUntouchedChainOfOldAndKeyedEntriesIsIntact() {
		var chain = seal(legacy(3), written(4, 10), key);
		var result = check(chain, checkpointOf(chain, 5, 1), checkpointOf(chain, 10, 2));
		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(10);
		assertThat(result.legacyEntries()).isEqualTo(3);
		assertThat(result.checkpointsCompared()).isEqualTo(2);
		assertThat(result.latestCheckpoint().chainSeq()).isEqualTo(10);
		assertThat(check(List.of()).intact()).isTrue();
	}

	@Test
	void anEntryChangedAfterSealingIsFound() {
		var chain = new ArrayList<>(keyedChain(10));
		chain.set(6, withDetail(chain.get(6), "forged"));
		var result = check(chain);
		assertThat(result.problem().kind()).isEqualTo(Kind.CHANGED);
		assertThat(result.brokenAt()).isEqualTo(7);
		assertThat(result.problem().seq()).isEqualTo(7);
		assertThat(result.problem().altered()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(7);
	}

	@Test
	void aRewriteReHashedWithPlainSha256IsFoundWhateverSchemeItClaims() {
		var chain = new ArrayList<>(keyedChain(10));
		chain.set(6, withDetail(chain.get(6), "forged"));
		assertThat(check(rehashWithSha256(chain, 6, Scheme.HMAC_SHA256)).problem())
			.extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 7L);
		assertThat(check(rehashWithSha256(chain, 6, Scheme.SHA256)).problem())
			.extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.DOWNGRADED, 7L);
	}

	@Test
	void aWholeKeyedChainPassedOffAsOldEntriesIsFoundByItsCheckpoint() {
		var chain = keyedChain(10);
		var checkpoint = checkpointOf(chain, 10, 1);
		var downgraded = rehashWithSha256(chain, 0, Scheme.SHA256);
		assertThat(check(downgraded).intact()).as("without a checkpoint, an all-SHA-256 chain checks out").isTrue();
		assertThat(check(downgraded, checkpoint).problem())
			.extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.REPLACED, 10L);
	}

	@Test
	void aRewriteReSealedWithAnotherKeyIsFound() {
		var chain = new ArrayList<>(keyedChain(10));
		chain.set(6, withDetail(chain.get(6), "forged"));
		var theirs = AuditKeys.parse(AuditKeys.newKey(), "attacker").current();
		assertThat(check(resealWith(chain, 6, theirs, key.id())).problem())
			.extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 7L);
		var underTheirId = check(resealWith(chain, 6, theirs, theirs.id())).problem();
		assertThat(underTheirId.kind()).isEqualTo(Kind.UNKNOWN_KEY);
		assertThat(underTheirId.entry()).isEqualTo(7);
		assertThat(underTheirId.keyId()).isEqualTo(theirs.id());
		assertThat(underTheirId.altered()).isFalse();
	}

	@Test
	void anEntryWithoutItsSealOrWithAnUnknownSchemeIsChanged() {
		var chain = new ArrayList<>(keyedChain(6));
		var third = chain.get(2);
		chain.set(2, withSeal(third, 3, Scheme.UNKNOWN, third.keyId(), third.prevHash(), third.hash()));
		assertThat(check(chain).problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 3L);
		chain.set(2, withSeal(third, 3, third.scheme(), third.keyId(), third.prevHash(), null));
		assertThat(check(chain).problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 3L);
		assertThat(AuditEntry.Scheme.of("NONE")).isEqualTo(Scheme.UNKNOWN);
		assertThat(AuditEntry.Scheme.of("UNKNOWN")).isEqualTo(Scheme.UNKNOWN);
		assertThat(AuditEntry.Scheme.of(null)).isEqualTo(Scheme.UNKNOWN);
		assertThat(AuditEntry.Scheme.of("SHA256")).isEqualTo(Scheme.SHA256);
	}

	@Test
	void anEntryRemovedFromTheMiddleIsFound() {
		var chain = new ArrayList<>(keyedChain(10));
		chain.remove(4);
		var result = check(chain);
		assertThat(result.problem().kind()).isEqualTo(Kind.MISSING);
		assertThat(result.brokenAt()).isEqualTo(5);
		assertThat(result.problem().seq()).isNull();
	}

	@Test
	void anEntryRemovedAndTheRestRenumberedIsFound() {
		var chain = new ArrayList<>(keyedChain(10));
		chain.remove(4);
		var renumbered = new ArrayList<AuditEntry>();
		for (var e : chain) {
			long position = e.chainSeq() > 5 ? e.chainSeq() - 1 : e.chainSeq();
			renumbered.add(withSeal(e, position, e.scheme(), e.keyId(), e.prevHash(), e.hash()));
		}
		assertThat(check(renumbered).problem())
			.extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.LINK_BROKEN, 5L);
		// ... and relinked: the link is sealed, so the entry's seal no longer matches.
		var relinked = new ArrayList<>(renumbered);
		var next = relinked.get(4);
		relinked.set(4, withSeal(next, 5, next.scheme(), next.keyId(), relinked.get(3).hash(), next.hash()));
		assertThat(check(relinked).problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 5L);
	}

	@Test
	void theNewestEntriesRemovedAreFoundByTheCheckpoint() {
		var chain = keyedChain(10);
		var checkpoint = checkpointOf(chain, 10, 1);
		var cut = chain.subList(0, 7);
		assertThat(check(cut).intact()).as("without a checkpoint, a shorter chain checks out").isTrue();
		var result = check(cut, checkpoint);
		assertThat(result.problem().kind()).isEqualTo(Kind.TAIL_MISSING);
		assertThat(result.brokenAt()).isEqualTo(8);
		assertThat(result.problem().chainEnd()).isEqualTo(7);
		assertThat(result.problem().checkpoint()).isEqualTo(checkpoint);
		assertThat(result.entriesChecked()).isEqualTo(7);
	}

	@Test
	void aChainCutAndGrownAgainIsFoundByTheCheckpointItPassed() {
		var chain = keyedChain(10);
		var checkpoint = checkpointOf(chain, 10, 1);
		// Entries 8 to 10 deleted; the application goes on sealing new entries from 7's
		// MAC, with the real key.
		var regrown = seal(chain.subList(0, 7), written(11, 15), key);
		var laterCheckpoint = checkpointOf(regrown, 12, 2);
		assertThat(check(regrown).intact()).isTrue();
		var result = check(regrown, checkpoint, laterCheckpoint);
		assertThat(result.problem().kind()).isEqualTo(Kind.REPLACED);
		assertThat(result.brokenAt()).isEqualTo(10);
		assertThat(result.problem().checkpoint()).isEqualTo(checkpoint);
	}

	@Test
	void oldEntriesRewrittenAndReHashedAreFoundByTheFirstKeyedEntry() {
		var chain = new ArrayList<>(seal(legacy(4), written(5, 6), key));
		chain.set(1, withDetail(chain.get(1), "forged"));
		var rehashed = new ArrayList<>(rehashWithSha256(chain.subList(0, 4), 1, Scheme.SHA256));
		rehashed.addAll(chain.subList(4, 6));
		assertThat(check(rehashed).problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.LINK_BROKEN, 5L);
		var anchor = rehashed.get(4);
		rehashed.set(4, withSeal(anchor, 5, anchor.scheme(), anchor.keyId(), rehashed.get(3).hash(), anchor.hash()));
		assertThat(check(rehashed).problem()).extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.CHANGED, 5L);
	}

	@Test
	void entriesSealedWithAnOldKeyStillCheckAfterRotation() {
		// The key list as an operator keeps it after rotation: the old key first, the new
		// one last.
		var oldKey = AuditKeys.newKey();
		var newKey = AuditKeys.newKey();
		var before = AuditKeys.parse(oldKey, "before");
		var after = AuditKeys.parse(oldKey + "," + newKey, "after");
		var chain = seal(seal(List.of(), written(1, 5), before.current()), written(6, 9), after.current());
		var check = new AuditChainCheck(after, new Reading(List.of(), 0));
		chain.forEach(check::accept);
		assertThat(check.finish(0).intact()).isTrue();
		var withoutOld = new AuditChainCheck(AuditKeys.parse(newKey, "new only"), new Reading(List.of(), 0));
		chain.forEach(withoutOld::accept);
		assertThat(withoutOld.finish(0).problem())
			.extracting(AuditChainCheck.Problem::kind, AuditChainCheck.Problem::entry)
			.containsExactly(Kind.UNKNOWN_KEY, 1L);
	}

	@Test
	void aLineOfTheCheckpointFileThatIsNotGenuineIsReportedOnceTheChainChecksOut() {
		var chain = keyedChain(5);
		var result = check(chain, new Reading(List.of(checkpointOf(chain, 5, 1)), 2));
		assertThat(result.problem().kind()).isEqualTo(Kind.CHECKPOINT_FORGED);
		assertThat(result.problem().checkpointLine()).isEqualTo(2);
		var broken = new ArrayList<>(chain);
		broken.set(2, withDetail(broken.get(2), "forged"));
		assertThat(check(broken, new Reading(List.of(), 2)).problem().kind()).as("the chain's own problem first")
			.isEqualTo(Kind.CHANGED);
	}

}
