package org.harmwatch.agency.internal;

import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.harmwatch.platform.HarmwatchUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentStaffTests {

	@Test
	void everyFieldOfTheSignedInUserIsEitherComparedOrDeliberatelyLeftOut() {
		var fields = Arrays.stream(HarmwatchUser.class.getDeclaredFields())
			.filter(field -> !Modifier.isStatic(field.getModifiers()))
			.map(java.lang.reflect.Field::getName)
			.toList();
		assertThat(fields)
			.as("a field added to HarmwatchUser must be compared in CurrentStaff.Standing.matches (and read by its "
					+ "query), or an open session would keep its old value until it idles out")
			.containsExactlyInAnyOrder(
					// compared
					"username", "displayName", "agencyCode", "agencyName", "agencyType", "roleNames", "grants",
					// the row is looked up by it
					"id",
					// decide whether the user may act at all (enabled), or only matter at
					// sign-in
					"enabled", "locked", "passwordHash");
	}

}
