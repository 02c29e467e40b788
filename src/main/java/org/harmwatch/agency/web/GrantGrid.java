package org.harmwatch.agency.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;

/**
 * The grants grid of the role and API client forms: for each capability, a row per action
 * with a box per purpose the capability's records may be held for, ticked where the form
 * holds that grant. There is no "any purpose": a grant always names one.
 *
 * <p>
 * Boxes rather than one choice per action, because a role may hold an action for two
 * purposes at once (an early-warning coordinator writes public-health intelligence and
 * public alerts).
 */
record GrantGrid(List<CapabilityRow> capabilities, List<Purpose> purposes) {

	record CapabilityRow(Capability capability, int ticked, List<ActionRow> actions) {
	}

	record ActionRow(Action action, List<Box> boxes) {
	}

	/**
	 * One cell: its form value, the purpose it grants, whether it is ticked, whether the
	 * capability holds records for that purpose at all (else the cell is empty) and
	 * whether it is the grid's first box (the target of the error link).
	 */
	record Box(String value, Purpose purpose, boolean ticked, boolean available, boolean first) {
	}

	static GrantGrid of(Collection<String> selected) {
		var ticked = new HashSet<>(selected);
		var rows = new ArrayList<CapabilityRow>();
		boolean first = true;
		for (var capability : Capability.values()) {
			var actions = new ArrayList<ActionRow>();
			int count = 0;
			for (var action : Action.values()) {
				var boxes = new ArrayList<Box>();
				for (var purpose : Purpose.values()) {
					var value = Grants.value(capability, action, purpose);
					var available = capability.purposes().contains(purpose);
					boxes.add(new Box(value, purpose, ticked.contains(value), available, available && first));
					first &= !available;
				}
				count += (int) boxes.stream().filter(Box::ticked).count();
				actions.add(new ActionRow(action, boxes));
			}
			rows.add(new CapabilityRow(capability, count, actions));
		}
		return new GrantGrid(rows, List.of(Purpose.values()));
	}

}
