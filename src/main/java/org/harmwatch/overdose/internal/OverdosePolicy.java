package org.harmwatch.overdose.internal;

import java.util.EnumSet;
import java.util.Set;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Who may record and read overdose incidents, and how much of one they see: the module's
 * one access policy.
 *
 * <p>
 * An incident is held for the purpose of the agency that reported it: {@code POLICING}
 * when that agency is law enforcement (police, prison, probation), else {@code HEALTH}.
 * It belongs to that agency; staff of another agency read it only for a purpose the owner
 * shares with them under an agreement in force. Whether a reader is law enforcement
 * follows from their agency's type, never from their grants.
 *
 * <p>
 * Reading comes in two depths: {@link Detail#FULL} (the exact point, the source's person
 * code, repeat overdoses, age band and sex) only for a reader who is not law enforcement,
 * holds overdose read for {@code HEALTH} where the record is available to them for it,
 * and reads a {@code HEALTH} record; everyone else who may read gets {@link Detail#AREA}:
 * the area, the time and what happened.
 */
public final class OverdosePolicy {

	/** How much of an incident a reader sees. */
	public enum Detail {

		/** Everything the record holds. */
		FULL,
		/** The area, time and what happened; no point, person code, age or sex. */
		AREA

	}

	private OverdosePolicy() {
	}

	/** The purpose an incident the user records is held for. */
	public static Purpose purposeOf(HarmwatchUser user) {
		return user.lawEnforcement() ? Purpose.POLICING : Purpose.HEALTH;
	}

	/** Whether the user may record incidents for their agency. */
	public static boolean mayRecord(HarmwatchUser user) {
		return user.may(Capability.OVERDOSE, Action.WRITE, purposeOf(user));
	}

	/**
	 * The purposes the reader may read a record for: their agency's purposes when it owns
	 * the record, else those the owner shares with it ({@code sharedPurposes}); in both
	 * cases only those they hold overdose read for.
	 */
	public static Set<Purpose> readablePurposes(HarmwatchUser reader, String ownerAgency, Set<Purpose> sharedPurposes) {
		var available = ownerAgency.equals(reader.agencyCode()) ? reader.agencyType().purposes() : sharedPurposes;
		var readable = EnumSet.noneOf(Purpose.class);
		for (var purpose : available) {
			if (reader.may(Capability.OVERDOSE, Action.READ, purpose)) {
				readable.add(purpose);
			}
		}
		return readable;
	}

	/**
	 * How much of a record the reader sees; {@code null} when they may not read it at
	 * all.
	 * @param recordPurpose the purpose the record is held for
	 * @param sharedPurposes what its owner shares with the reader's agency for reading
	 * (ignored when the reader's agency owns it)
	 */
	public static @Nullable Detail detail(HarmwatchUser reader, String ownerAgency, Purpose recordPurpose,
			Set<Purpose> sharedPurposes) {
		var readable = readablePurposes(reader, ownerAgency, sharedPurposes);
		if (readable.isEmpty()) {
			return null;
		}
		return !reader.lawEnforcement() && recordPurpose == Purpose.HEALTH && readable.contains(Purpose.HEALTH)
				? Detail.FULL : Detail.AREA;
	}

	/**
	 * Whether the user may read incidents at all (their own agency's, or shared ones):
	 * the lists and tables ask this before anything else.
	 */
	public static boolean mayRead(HarmwatchUser user) {
		return user.agencyType().purposes().stream().anyMatch(p -> user.may(Capability.OVERDOSE, Action.READ, p));
	}

}
