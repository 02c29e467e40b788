package org.harmwatch.platform;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;

/**
 * What is waiting for a signed-in person in one module, counted for their home page.
 *
 * <p>
 * Each module contributes one bean from its {@code web/…WorkQueue} class. It returns only
 * the items the person may act on (by their grants, as the pages the items lead to
 * decide), counted only over records their agency may see (by the module's own access
 * policy), with cheap indexed queries: the home page asks every module on every visit.
 */
public interface WorkQueue {

	/**
	 * The items waiting for this person, zero counts included (the page says "nothing
	 * waiting"); none when their grants give them nothing to do here.
	 */
	List<WorkItem> itemsFor(HarmwatchUser user, Instant now);

	/**
	 * Whether the user holds this action on this capability for some purpose their agency
	 * may hold records for.
	 */
	static boolean holds(HarmwatchUser user, Capability capability, Action action) {
		return Arrays.stream(Purpose.values()).anyMatch(purpose -> user.may(capability, action, purpose));
	}

}
