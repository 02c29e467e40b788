package org.harmwatch.agency.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;

/**
 * Grants as form values: {@code CAPABILITY:ACTION:PURPOSE}.
 *
 * <p>
 * The same text as the authorities a grant gives, so what an administrator ticks is what
 * the code checks.
 */
final class Grants {

	/** Capability, then action, then purpose. */
	static final Comparator<Grant> ORDER = Comparator.comparing(Grant::capability)
		.thenComparing(Grant::action)
		.thenComparing(Grant::purpose);

	private Grants() {
	}

	static String value(Grant grant) {
		return value(grant.capability(), grant.action(), grant.purpose());
	}

	static String value(Capability capability, Action action, Purpose purpose) {
		return Grant.authority(capability, action, purpose);
	}

	static List<String> values(Collection<Grant> grants) {
		return grants.stream().sorted(ORDER).map(Grants::value).toList();
	}

	static List<Grant> sorted(Collection<Grant> grants) {
		return grants.stream().sorted(ORDER).toList();
	}

	/**
	 * Reads form values back into grants.
	 * @throws IllegalArgumentException if a value names no capability, action or purpose,
	 * or a purpose the capability holds no records for
	 */
	static List<Grant> parse(Collection<String> values) {
		return values.stream().distinct().map(Grants::parse).toList();
	}

	private static Grant parse(String value) {
		var parts = value.split(":", -1);
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a grant (capability, action and purpose): " + value);
		}
		var grant = new Grant(Capability.valueOf(parts[0]), Action.valueOf(parts[1]), Purpose.valueOf(parts[2]));
		if (!grant.capability().purposes().contains(grant.purpose())) {
			throw new IllegalArgumentException(
					"Not a grant: " + grant.capability() + " holds no records for " + grant.purpose() + ".");
		}
		return grant;
	}

}
