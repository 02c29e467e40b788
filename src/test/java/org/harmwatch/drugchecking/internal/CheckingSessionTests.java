package org.harmwatch.drugchecking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.drugchecking.LicenceCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of a session, without a database. */
class CheckingSessionTests {

	private static final UUID SITE = UUID.fromString("00000000-0000-0000-0000-000000000002");

	private static final Instant NOW = Instant.parse("2026-12-05T13:00:00Z");

	@ParameterizedTest(name = "{0} to {1}: {2}")
	@CsvSource({ "2026-07-01, 2026-07-03, true", "2026-07-01, 2026-07-01, true", "2026-07-02, 2026-07-01, false" })
	void aSessionDoesNotEndBeforeItStarts(LocalDate startsOn, LocalDate endsOn, boolean planned) {
		if (planned) {
			var session = CheckingSession.plan(SITE, "Day", startsOn, endsOn, "Sam", Set.of(), NOW, "analyst", "DCS");
			assertThat(session.startsOn()).isEqualTo(startsOn);
			assertThat(session.endsOn()).isEqualTo(endsOn);
		}
		else {
			assertThatIllegalArgumentException().isThrownBy(
					() -> CheckingSession.plan(SITE, "Day", startsOn, endsOn, "Sam", Set.of(), NOW, "analyst", "DCS"));
		}
	}

	@ParameterizedTest(name = "name \"{0}\", staff \"{1}\", owner \"{2}\"")
	@CsvSource({ "' ', Sam, DCS", "Day, ' ', DCS", "Day, Sam, ' '" })
	void aSessionNeedsANameStaffAndAnOwner(String name, String staff, String owner) {
		assertThatIllegalArgumentException().isThrownBy(() -> CheckingSession.plan(SITE, name, LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 7, 1), staff, Set.of(), NOW, "analyst", owner));
	}

	@Test
	void namesAreStrippedAndConditionsKeptOnceInTheirDeclaredOrder() {
		var session = CheckingSession.plan(SITE, "  Boomtown Friday ", LocalDate.of(2026, 8, 7),
				LocalDate.of(2026, 8, 9), " Sam, Alex ", List.of(LicenceCondition.NO_PUBLIC_BOARD,
						LicenceCondition.NOT_FOR_LAW_ENFORCEMENT, LicenceCondition.NO_PUBLIC_BOARD),
				NOW, "analyst", "DCS");
		assertThat(session.name()).isEqualTo("Boomtown Friday");
		assertThat(session.staff()).isEqualTo("Sam, Alex");
		assertThat(session.ownerAgency()).isEqualTo("DCS");
		assertThat(session.conditions()).containsExactly(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT,
				LicenceCondition.NO_PUBLIC_BOARD);
		assertThat(session.has(LicenceCondition.NO_PUBLIC_BOARD)).isTrue();
		assertThat(session.has(LicenceCondition.ADULTS_ONLY)).isFalse();
	}

}
