package org.harmwatch.platform.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;

import org.harmwatch.platform.audit.AuditCheckpoints.Checkpoint;
import org.harmwatch.platform.audit.AuditEntry.Scheme;
import org.jspecify.annotations.Nullable;

/**
 * Checks the sealed chain in order against the keys and the checkpoints; stops at the
 * first entry that does not fit.
 *
 * <p>
 * It finds an entry changed after it was written (its hash or MAC no longer matches, and
 * without the key nobody can make a new one), a removed entry (a gap in the positions),
 * an entry whose link to the one before was rewritten, an entry passed off as one from
 * before keyed sealing, and, with the checkpoints, the newest entries removed (the chain
 * is shorter than a checkpoint says) or the chain cut and grown again (an entry differs
 * from its checkpoint). It holds no database code, so it is tested on its own;
 * {@link AuditChain} feeds it.
 */
final class AuditChainCheck {

	/** What is wrong. */
	enum Kind {

		/** An entry in the middle was removed: the positions skip it. */
		MISSING,

		/** The entry's fields no longer match its hash or MAC. */
		CHANGED,

		/** The entry's link to the entry before it is not that entry's hash or MAC. */
		LINK_BROKEN,

		/**
		 * An entry after keyed ones claims the old unkeyed scheme, which anyone can
		 * compute.
		 */
		DOWNGRADED,

		/**
		 * The entry was sealed with a key this instance does not have, so it cannot be
		 * checked.
		 */
		UNKNOWN_KEY,

		/**
		 * The chain ends before the entry a checkpoint recorded: the newest entries were
		 * removed.
		 */
		TAIL_MISSING,

		/**
		 * The entry at a checkpoint's position is not the one the checkpoint recorded.
		 */
		REPLACED,

		/** A line of the checkpoint file is not a checkpoint sealed with our keys. */
		CHECKPOINT_FORGED

	}

	/**
	 * The first thing wrong.
	 *
	 * @param kind what is wrong
	 * @param entry the position in the chain of the first entry that does not fit (for a
	 * missing tail, the first missing one); 0 for a forged checkpoint
	 * @param seq that entry's number in the log, if it is there
	 * @param keyId the unknown key, for {@link Kind#UNKNOWN_KEY}
	 * @param checkpoint the checkpoint that disagrees, for {@link Kind#TAIL_MISSING} and
	 * {@link Kind#REPLACED}
	 * @param chainEnd the position of the last entry in the chain, for
	 * {@link Kind#TAIL_MISSING}
	 * @param checkpointLine the line of the checkpoint file, for
	 * {@link Kind#CHECKPOINT_FORGED}
	 */
	record Problem(Kind kind, long entry, @Nullable Long seq, @Nullable String keyId, @Nullable Checkpoint checkpoint,
			long chainEnd, int checkpointLine) {

		/**
		 * Whether the log was altered, as opposed to not checkable with the keys this
		 * instance has.
		 */
		public boolean altered() {
			return kind != Kind.UNKNOWN_KEY;
		}

		/**
		 * The arguments of this kind's message ({@code audit.problem.KIND}), with times
		 * in the zone.
		 */
		Object[] arguments(ZoneId zone) {
			var format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
			// Numbers as text, so they read as in the search's "No." column (no thousands
			// separators).
			return new Object[] { String.valueOf(entry), seq == null ? "" : String.valueOf(seq),
					keyId == null ? "" : keyId, checkpoint == null ? "" : format.format(checkpoint.at()),
					checkpoint == null ? "" : String.valueOf(checkpoint.chainSeq()), String.valueOf(chainEnd),
					String.valueOf(checkpointLine) };
		}

		/** A short description for the audit entry and the log. */
		String describe() {
			return switch (kind) {
				case TAIL_MISSING ->
					"entries after " + chainEnd + " missing, a checkpoint recorded entry " + checkpoint.chainSeq();
				case CHECKPOINT_FORGED -> "checkpoint file line " + checkpointLine + " is not genuine";
				case UNKNOWN_KEY -> "entry " + entry + " sealed with unknown key " + keyId;
				default -> "entry " + entry + " " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
			};
		}

	}

	/**
	 * The outcome of one check.
	 *
	 * @param entriesChecked how many sealed entries were read
	 * @param legacyEntries how many of them are from before keyed sealing (SHA-256)
	 * @param unsealed entries written in the last moments and not sealed yet, so not
	 * checked
	 * @param checkpointsCompared how many checkpoints were compared with the chain
	 * @param latestCheckpoint the checkpoint of the newest entry, if there is one
	 * @param problem the first thing wrong, or {@code null} if the chain is intact
	 */
	record Verification(long entriesChecked, long legacyEntries, long unsealed, int checkpointsCompared,
			@Nullable Checkpoint latestCheckpoint, @Nullable Problem problem) {

		public boolean intact() {
			return problem == null;
		}

		/**
		 * The position of the first entry that does not fit, or {@code null} if the chain
		 * is intact.
		 */
		public @Nullable Long brokenAt() {
			return problem == null ? null : problem.entry();
		}

	}

	private final AuditKeys keys;

	private final AuditCheckpoints.Reading checkpoints;

	private final Map<Long, List<Checkpoint>> checkpointsAt = new HashMap<>();

	private final Map<String, Mac> macs = new HashMap<>();

	private long previousSeq;

	private String previousHash = AuditHashes.GENESIS;

	private boolean keyedSeen;

	private long checked;

	private long legacy;

	private int compared;

	private @Nullable Problem problem;

	AuditChainCheck(AuditKeys keys, AuditCheckpoints.Reading checkpoints) {
		this.keys = keys;
		this.checkpoints = checkpoints;
		for (var checkpoint : checkpoints.genuine()) {
			checkpointsAt.computeIfAbsent(checkpoint.chainSeq(), seq -> new ArrayList<>()).add(checkpoint);
		}
	}

	/**
	 * Checks the next sealed entry in chain order.
	 * @return whether to go on (false once something is wrong)
	 */
	boolean accept(AuditEntry entry) {
		if (problem != null) {
			return false;
		}
		if (entry.chainSeq() == null) {
			throw new IllegalArgumentException("Only sealed entries are checked, in chain order");
		}
		checked++;
		long position = entry.chainSeq();
		if (position != previousSeq + 1) {
			return fail(Kind.MISSING, previousSeq + 1, null, null, null);
		}
		if (!previousHash.equals(entry.prevHash())) {
			return fail(Kind.LINK_BROKEN, position, entry.seq(), null, null);
		}
		if (entry.hash() == null || entry.scheme() == Scheme.UNKNOWN) {
			return fail(Kind.CHANGED, position, entry.seq(), null, null);
		}
		if (entry.scheme() == Scheme.SHA256) {
			if (keyedSeen) {
				return fail(Kind.DOWNGRADED, position, entry.seq(), null, null);
			}
			legacy++;
			if (!entry.hash().equals(entry.expectedLegacyHash())) {
				return fail(Kind.CHANGED, position, entry.seq(), null, null);
			}
		}
		else {
			keyedSeen = true;
			var keyId = entry.keyId() == null ? "" : entry.keyId();
			var key = keys.find(keyId);
			if (key.isEmpty()) {
				return fail(Kind.UNKNOWN_KEY, position, entry.seq(), keyId, null);
			}
			var mac = macs.computeIfAbsent(keyId, id -> key.get().newMac());
			if (!entry.hash().equals(AuditHashes.seal(mac, keyId, position, previousHash, entry))) {
				return fail(Kind.CHANGED, position, entry.seq(), null, null);
			}
		}
		for (var checkpoint : checkpointsAt.getOrDefault(position, List.of())) {
			compared++;
			if (!checkpoint.head().equals(entry.hash())) {
				return fail(Kind.REPLACED, position, entry.seq(), null, checkpoint);
			}
		}
		previousSeq = position;
		previousHash = entry.hash();
		return true;
	}

	/** The outcome, once every sealed entry has been given to {@link #accept}. */
	Verification finish(long unsealed) {
		var latest = checkpoints.latest();
		if (problem == null && latest != null && latest.chainSeq() > previousSeq) {
			problem = new Problem(Kind.TAIL_MISSING, previousSeq + 1, null, null, latest, previousSeq, 0);
		}
		if (problem == null && checkpoints.firstForgedLine() > 0) {
			problem = new Problem(Kind.CHECKPOINT_FORGED, 0, null, null, null, previousSeq,
					checkpoints.firstForgedLine());
		}
		return new Verification(checked, legacy, unsealed, compared, latest, problem);
	}

	private boolean fail(Kind kind, long position, @Nullable Long seq, @Nullable String keyId,
			@Nullable Checkpoint checkpoint) {
		problem = new Problem(kind, position, seq, keyId, checkpoint, previousSeq, 0);
		return false;
	}

}
