package org.harmwatch.shared;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One permission: an action on a capability, for records held for one purpose.
 *
 * <p>
 * A grant always names its purpose: there is no "any purpose". It becomes two Spring
 * Security authorities, {@code CAPABILITY:ACTION} and {@code CAPABILITY:ACTION:PURPOSE}.
 * Endpoints check the first; each module's access policy checks the purpose of the
 * records it releases, together with the reader's agency.
 */
public record Grant(Capability capability, Action action, Purpose purpose) implements Serializable {

	public Grant {
		Objects.requireNonNull(capability, "capability");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(purpose, "A grant names the purpose of the records it opens.");
	}

	public List<String> authorities() {
		return List.of(capability + ":" + action, authority(capability, action, purpose));
	}

	public static String authority(Capability capability, Action action, Purpose purpose) {
		return capability + ":" + action + ":" + purpose;
	}

}
