package org.harmwatch.agency.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * The grants grid of the role and API client forms: for each capability, a row per action with a box per purpose
 * ("any purpose" first), ticked where the form holds that grant.
 *
 * <p>Boxes rather than one choice per action, because a role may hold an action for two purposes at once (an
 * early-warning coordinator writes public-health intelligence and public alerts).
 */
record GrantGrid(List<CapabilityRow> capabilities, List<Purpose> purposes) {

	record CapabilityRow(Capability capability, int ticked, List<ActionRow> actions) {
	}

	record ActionRow(Action action, List<Box> boxes) {
	}

	/** One box: its form value, the purpose it grants ({@code null} for any purpose) and whether it is ticked. */
	record Box(String value, @Nullable Purpose purpose, boolean ticked) {
	}

	static GrantGrid of(Collection<String> selected) {
		var ticked = new HashSet<>(selected);
		var rows = new ArrayList<CapabilityRow>();
		for (var capability : Capability.values()) {
			var actions = new ArrayList<ActionRow>();
			int count = 0;
			for (var action : Action.values()) {
				var boxes = new ArrayList<Box>();
				var any = Grants.value(capability, action, null);
				boxes.add(new Box(any, null, ticked.contains(any)));
				for (var purpose : Purpose.values()) {
					var value = Grants.value(capability, action, purpose);
					boxes.add(new Box(value, purpose, ticked.contains(value)));
				}
				count += (int) boxes.stream().filter(Box::ticked).count();
				actions.add(new ActionRow(action, boxes));
			}
			rows.add(new CapabilityRow(capability, count, actions));
		}
		return new GrantGrid(rows, List.of(Purpose.values()));
	}

}
