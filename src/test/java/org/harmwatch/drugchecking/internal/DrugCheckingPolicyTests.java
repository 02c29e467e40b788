package org.harmwatch.drugchecking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.Audience;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.harmwatch.drugchecking.Audience.HEALTH_STAFF;
import static org.harmwatch.drugchecking.Audience.LAW_ENFORCEMENT;
import static org.harmwatch.drugchecking.Audience.PUBLIC_BOARD;
import static org.harmwatch.drugchecking.Audience.PUBLIC_LOOKUP;
import static org.harmwatch.drugchecking.LicenceCondition.ADULTS_ONLY;
import static org.harmwatch.drugchecking.LicenceCondition.NOT_FOR_LAW_ENFORCEMENT;
import static org.harmwatch.drugchecking.LicenceCondition.NO_PHOTOGRAPHS_PUBLISHED;
import static org.harmwatch.drugchecking.LicenceCondition.NO_PUBLIC_BOARD;
import static org.harmwatch.shared.AgencyType.AMBULANCE_SERVICE;
import static org.harmwatch.shared.AgencyType.COMMISSIONERS_OFFICE;
import static org.harmwatch.shared.AgencyType.COUNCIL_PUBLIC_HEALTH;
import static org.harmwatch.shared.AgencyType.DRUG_CHECKING_SERVICE;
import static org.harmwatch.shared.AgencyType.POLICE_FORCE;
import static org.harmwatch.shared.AgencyType.PRISON;
import static org.harmwatch.shared.AgencyType.PROBATION;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

class DrugCheckingPolicyTests {

	static HarmwatchUser reader(AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "reader", null, "Reader", "AG", "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant read(Purpose purpose) {
		return new Grant(Capability.DRUG_CHECKING, Action.READ, purpose);
	}

	static Grant manage(Purpose purpose) {
		return new Grant(Capability.DRUG_CHECKING, Action.MANAGE, purpose);
	}

	/** Agency type, grants, the audience (null: refused). */
	static Stream<Arguments> audiences() {
		return Stream.of(Arguments.of(POLICE_FORCE, Set.of(read(POLICING)), LAW_ENFORCEMENT),
				Arguments.of(POLICE_FORCE, Set.of(read(PUBLIC_HEALTH_INTELLIGENCE)), LAW_ENFORCEMENT),
				Arguments.of(POLICE_FORCE, Set.of(read(PUBLIC)), LAW_ENFORCEMENT),
				// A health grant in a police account (put there by hand): the agency may
				// not hold it, so it counts for
				// nothing, and certainly does not make the officer health staff.
				Arguments.of(POLICE_FORCE, Set.of(read(HEALTH)), null),
				Arguments.of(POLICE_FORCE, Set.of(read(HEALTH), read(PUBLIC_HEALTH_INTELLIGENCE)), LAW_ENFORCEMENT),
				Arguments.of(POLICE_FORCE, Set.of(manage(POLICING)), null), Arguments.of(POLICE_FORCE, Set.of(), null),
				Arguments.of(PRISON, Set.of(read(PUBLIC_HEALTH_INTELLIGENCE)), LAW_ENFORCEMENT),
				Arguments.of(PROBATION, Set.of(read(POLICING)), LAW_ENFORCEMENT),
				Arguments.of(DRUG_CHECKING_SERVICE, Set.of(read(HEALTH)), HEALTH_STAFF),
				Arguments.of(DRUG_CHECKING_SERVICE, Set.of(read(PUBLIC_HEALTH_INTELLIGENCE)), null),
				Arguments.of(DRUG_CHECKING_SERVICE, Set.of(manage(HEALTH)), null),
				Arguments.of(AMBULANCE_SERVICE, Set.of(read(HEALTH)), HEALTH_STAFF),
				// A council may not hold health records, however it is granted.
				Arguments.of(COUNCIL_PUBLIC_HEALTH, Set.of(read(HEALTH)), null),
				Arguments.of(COMMISSIONERS_OFFICE, Set.of(read(PUBLIC_HEALTH_INTELLIGENCE)), null));
	}

	@ParameterizedTest
	@MethodSource("audiences")
	void theAudienceFollowsTheAgencyTypeThenTheGrants(AgencyType type, Set<Grant> grants, @Nullable Audience expected) {
		var reader = reader(type, grants.toArray(Grant[]::new));
		if (expected == null) {
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> DrugCheckingPolicy.audienceOf(reader));
		}
		else {
			assertThat(DrugCheckingPolicy.audienceOf(reader)).isEqualTo(expected);
		}
	}

	static SessionView session(LicenceCondition... conditions) {
		return new SessionView(UUID.randomUUID(), "Session", "Site", SiteKind.FESTIVAL, "E08000025",
				LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2), "Staff", List.of(conditions), 1, "WM-CHECK");
	}

	static SampleView sample(SampleMode mode, @Nullable AgeBand age) {
		return new SampleView(UUID.randomUUID(), UUID.randomUUID(), "WM-ABCD-EFGH", UUID.randomUUID(), mode, "MDMA",
				null, DosageForm.PILL, null, null, null, null, null, null, null, true, age, Instant.EPOCH, "analyst");
	}

	/**
	 * Audience, the session's licence conditions, the sample's mode and age band, whether
	 * the result is released.
	 */
	static Stream<Arguments> releases() {
		var none = new LicenceCondition[0];
		return Stream.of(Arguments.of(HEALTH_STAFF, LicenceCondition.values(), SampleMode.POLICE_SUBMITTED, null, true),
				Arguments.of(LAW_ENFORCEMENT, none, SampleMode.FRONT_OF_HOUSE, AgeBand.AGE_25_34, true),
				Arguments.of(LAW_ENFORCEMENT, new LicenceCondition[] { NOT_FOR_LAW_ENFORCEMENT },
						SampleMode.POLICE_SUBMITTED, AgeBand.AGE_25_34, false),
				Arguments.of(PUBLIC_LOOKUP, none, SampleMode.FRONT_OF_HOUSE, null, true),
				Arguments.of(PUBLIC_LOOKUP, none, SampleMode.AMNESTY_BIN, null, false),
				Arguments.of(PUBLIC_LOOKUP, new LicenceCondition[] { ADULTS_ONLY }, SampleMode.FRONT_OF_HOUSE,
						AgeBand.AGE_18_24, true),
				Arguments.of(PUBLIC_LOOKUP, new LicenceCondition[] { ADULTS_ONLY }, SampleMode.FRONT_OF_HOUSE,
						AgeBand.UNDER_18, false),
				Arguments.of(PUBLIC_LOOKUP, new LicenceCondition[] { ADULTS_ONLY }, SampleMode.FRONT_OF_HOUSE, null,
						false),
				Arguments.of(PUBLIC_LOOKUP, new LicenceCondition[] { NOT_FOR_LAW_ENFORCEMENT, NO_PUBLIC_BOARD },
						SampleMode.FRONT_OF_HOUSE, null, true),
				Arguments.of(PUBLIC_BOARD, none, SampleMode.AMNESTY_BIN, null, true),
				Arguments.of(PUBLIC_BOARD, new LicenceCondition[] { NO_PUBLIC_BOARD }, SampleMode.FRONT_OF_HOUSE, null,
						false),
				Arguments.of(PUBLIC_BOARD, none, SampleMode.POLICE_SUBMITTED, null, false),
				// Whatever is published reaches the police too.
				Arguments.of(PUBLIC_BOARD, new LicenceCondition[] { NOT_FOR_LAW_ENFORCEMENT },
						SampleMode.FRONT_OF_HOUSE, null, false),
				Arguments.of(PUBLIC_BOARD, new LicenceCondition[] { ADULTS_ONLY, NO_PHOTOGRAPHS_PUBLISHED },
						SampleMode.FRONT_OF_HOUSE, AgeBand.AGE_18_24, true));
	}

	@ParameterizedTest
	@MethodSource("releases")
	void licenceConditionsDecidePerAudience(Audience audience, LicenceCondition[] conditions, SampleMode mode,
			@Nullable AgeBand age, boolean released) {
		var reason = DrugCheckingPolicy.withheld(audience, session(conditions), sample(mode, age));
		assertThat(reason == null).isEqualTo(released);
	}

	@ParameterizedTest
	@EnumSource(Audience.class)
	void onlyHealthStaffSeeCodesSpectraAndNotesAndOnlyTheyAndThePersonSeeTheConsultation(Audience audience) {
		assertThat(DrugCheckingPolicy.seesCode(audience)).isEqualTo(audience == HEALTH_STAFF);
		assertThat(DrugCheckingPolicy.seesLaboratoryDetail(audience)).isEqualTo(audience == HEALTH_STAFF);
		assertThat(DrugCheckingPolicy.seesConsultation(audience))
			.isEqualTo(audience == HEALTH_STAFF || audience == PUBLIC_LOOKUP);
	}

	@ParameterizedTest
	@EnumSource(Audience.class)
	void photographsGoToHealthStaffAndToTheBoardOnlyWhenTheLicenceAllows(Audience audience) {
		assertThat(DrugCheckingPolicy.seesPhotographs(audience, session()))
			.isEqualTo(audience == HEALTH_STAFF || audience == PUBLIC_BOARD);
		assertThat(DrugCheckingPolicy.seesPhotographs(audience, session(NO_PHOTOGRAPHS_PUBLISHED)))
			.isEqualTo(audience == HEALTH_STAFF);
	}

}
