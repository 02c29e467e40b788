package org.harmwatch.agency.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Grants as form values: {@code CAPABILITY:ACTION} for any purpose, {@code CAPABILITY:ACTION:PURPOSE} for one.
 *
 * <p>The same text as the authorities a grant gives, so what an administrator ticks is what the code checks.
 */
final class Grants {

	/** Capability, then action, then "any purpose" before each single purpose. */
	static final Comparator<Grant> ORDER = Comparator.comparing(Grant::capability)
		.thenComparing(Grant::action)
		.thenComparing(Grant::purpose, Comparator.nullsFirst(Comparator.naturalOrder()));

	private Grants() {
	}

	static String value(Grant grant) {
		return value(grant.capability(), grant.action(), grant.purpose());
	}

	static String value(Capability capability, Action action, @Nullable Purpose purpose) {
		return capability + ":" + action + (purpose == null ? "" : ":" + purpose);
	}

	static List<String> values(Collection<Grant> grants) {
		return grants.stream().sorted(ORDER).map(Grants::value).toList();
	}

	static List<Grant> sorted(Collection<Grant> grants) {
		return grants.stream().sorted(ORDER).toList();
	}

	/**
	 * Reads form values back into grants.
	 *
	 * @throws IllegalArgumentException if a value names no capability, action or purpose
	 */
	static List<Grant> parse(Collection<String> values) {
		return values.stream().distinct().map(Grants::parse).toList();
	}

	private static Grant parse(String value) {
		var parts = value.split(":", -1);
		if (parts.length < 2 || parts.length > 3) {
			throw new IllegalArgumentException("Not a grant: " + value);
		}
		return new Grant(Capability.valueOf(parts[0]), Action.valueOf(parts[1]),
				parts.length == 3 ? Purpose.valueOf(parts[2]) : null);
	}

}
