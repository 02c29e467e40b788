package org.harmwatch.agency.internal;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.harmwatch.agency.AgencyManagement.ChangedMeanwhile;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules every administrative change to agencies, staff, roles and API clients obeys,
 * and the problems it answers with.
 *
 * <p>
 * An agency's type limits the purposes its staff and API clients may hold; nobody holds
 * health and policing together; a change based on an old version is refused.
 */
public final class AdministrationRules {

	private AdministrationRules() {
	}

	/** A field problem with a message code, as the form shows it. */
	public static InputRejectedException rejected(String field, String code, Object... arguments) {
		return new InputRejectedException(FieldProblem.of(field, code, arguments));
	}

	/** An agency, member of staff, role or API client that does not exist. */
	public static NotFoundException notFound(String kind, Object id) {
		return new NotFoundException("admin.error.notFound." + kind, id);
	}

	/**
	 * Refuses a change based on another version than the record's.
	 * @throws ChangedMeanwhile if {@code expected} is given and differs from
	 * {@code actual}
	 */
	public static void checkVersion(@Nullable Integer expected, @Nullable Integer actual, String kind, String id) {
		if (expected != null && !expected.equals(actual)) {
			throw new ChangedMeanwhile(kind, id);
		}
	}

	/**
	 * Checks that roles held together are allowed to staff of an agency of this type.
	 * @throws InputRejectedException on {@code field} if they are not
	 */
	public static void checkPurposes(AgencyType type, Collection<Role> held, String field) {
		var purposes = held.stream().flatMap(r -> r.purposes().stream()).collect(Collectors.toSet());
		// The agency's own limits first: they say most precisely what is wrong.
		checkPurposeSet(type, purposes, field, new DefaultMessageSourceResolvable("admin.error.purposeNotHeld.staff"));
		if (purposes.contains(Purpose.HEALTH) && purposes.contains(Purpose.POLICING)) {
			throw rejected(field, "admin.staff.error.healthAndPolicing");
		}
	}

	/**
	 * Checks that an agency of this type may hold every one of these purposes.
	 * @param who whose purposes they are, for the message
	 * @throws InputRejectedException on {@code field} if it may not
	 */
	public static void checkPurposeSet(AgencyType type, Set<Purpose> purposes, String field,
			MessageSourceResolvable who) {
		for (var purpose : purposes) {
			if (!type.purposes().contains(purpose)) {
				throw rejected(field, "admin.error.purposeNotHeld", type.title().toLowerCase(),
						purpose.name().toLowerCase().replace('_', ' '), who);
			}
		}
	}

	/** Grants as the audit log records them: sorted authorities, comma-separated. */
	public static String describe(Collection<Grant> grants) {
		return grants.stream()
			.map(g -> Grant.authority(g.capability(), g.action(), g.purpose()))
			.sorted()
			.collect(Collectors.joining(","));
	}

}
