package org.harmwatch.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One permission: an action on a capability, optionally limited to records held for one purpose.
 *
 * <p>A grant becomes Spring Security authorities: {@code CAPABILITY:ACTION} always, and
 * {@code CAPABILITY:ACTION:PURPOSE} when it is limited to a purpose. Endpoints check the first; code that reads a
 * record checks the second against the record's purpose.
 */
public record Grant(Capability capability, Action action, @Nullable Purpose purpose) implements Serializable {

	public List<String> authorities() {
		var result = new ArrayList<String>(2);
		result.add(capability + ":" + action);
		if (purpose != null) {
			result.add(capability + ":" + action + ":" + purpose);
		}
		return result;
	}

	public static String authority(Capability capability, Action action, Purpose purpose) {
		return capability + ":" + action + ":" + purpose;
	}

}
