package org.harmwatch.drugchecking.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.harmwatch.drugchecking.internal.DrugCheckingWorkRepository;
import org.harmwatch.drugchecking.internal.SessionOwnership;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkItem.Urgency;
import org.harmwatch.platform.WorkQueue;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Component;

/**
 * Drug checking's work on the home page, for the health staff who record it: samples
 * still without a result, results not yet confirmed, and their own imports running or
 * failed.
 *
 * <p>
 * Counted only in sessions the person may change ({@link SessionOwnership}: their
 * agency's, and those shared with it for writing), and never for staff of a
 * law-enforcement agency: samples are health records of the service.
 */
@Component
class DrugCheckingWorkQueue implements WorkQueue {

	/** How far back samples count as waiting: older ones belong to sessions long over. */
	static final Duration WINDOW = Duration.ofDays(30);

	private static final Set<String> RUNNING = Set.of("QUEUED", "VALIDATING", "IMPORTING");

	private static final Set<String> FAILED = Set.of("FAILED");

	private final DrugCheckingWorkRepository work;

	private final SessionOwnership ownership;

	DrugCheckingWorkQueue(DrugCheckingWorkRepository work, SessionOwnership ownership) {
		this.work = work;
		this.ownership = ownership;
	}

	@Override
	public List<WorkItem> itemsFor(HarmwatchUser user, Instant now) {
		if (user.lawEnforcement() || !user.may(Capability.DRUG_CHECKING, Action.WRITE, Purpose.HEALTH)) {
			return List.of();
		}
		var owners = ownership.readableOwners(user)
			.stream()
			.filter(owner -> ownership.mayUse(user, owner, Action.WRITE))
			.collect(Collectors.toSet());
		var since = now.minus(WINDOW);
		var items = new ArrayList<WorkItem>();
		items.add(new WorkItem(NavigationGroup.DRUG_CHECKING, "drugchecking.home.queue.noResult",
				work.samplesWithoutResult(owners, since), "/drug-checking/sessions", Urgency.ROUTINE, 10));
		items.add(new WorkItem(NavigationGroup.DRUG_CHECKING, "drugchecking.home.queue.unconfirmed",
				work.unconfirmedResults(owners, since), "/drug-checking/sessions", Urgency.ROUTINE, 20));
		items.add(imports(user, RUNNING, "drugchecking.home.queue.importsRunning", Urgency.ROUTINE, 30));
		items.add(imports(user, FAILED, "drugchecking.home.queue.importsFailed", Urgency.URGENT, 40));
		return items;
	}

	private WorkItem imports(HarmwatchUser user, Set<String> states, String labelKey, Urgency urgency, int order) {
		var count = work.imports(user.getUsername(), states);
		var path = count == 0 ? "/drug-checking/sessions"
				: work.latestImport(user.getUsername(), states)
					.map(id -> "/drug-checking/imports/" + id)
					.orElse("/drug-checking/sessions");
		return new WorkItem(NavigationGroup.DRUG_CHECKING, labelKey, count, path, urgency, order);
	}

}
