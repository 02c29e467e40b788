package org.harmwatch.hatclinic.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.hatclinic.Licence;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.shared.Purpose.HEALTH;
import static org.harmwatch.shared.Purpose.POLICING;
import static org.harmwatch.shared.Purpose.PUBLIC_HEALTH_INTELLIGENCE;

/**
 * {@link HatPolicy} as tables: who reads a client's records (by agency type, grants,
 * ownership and agreements; never law enforcement), who records, and who prescribes (a
 * licence of their own in force on the day).
 */
class HatPolicyTests {

	static final String OWNER = "BHM-OPC";

	static final LocalDate DAY = LocalDate.of(2026, 12, 6);

	static HarmwatchUser user(String username, String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), username, null, "Someone", agency, "Agency", type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	static Grant grant(Action action, Purpose purpose) {
		return new Grant(Capability.HAT_CLINIC, action, purpose);
	}

	static Stream<Arguments> reading() {
		var none = Set.<Purpose>of();
		var health = Set.of(HEALTH);
		var policing = Set.of(POLICING);
		return Stream.of(
				// reader's agency, its type, grants, purposes the owner shares, may read
				Arguments.of(OWNER, AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { grant(Action.READ, HEALTH) },
						none, true),
				Arguments.of(OWNER, AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] {}, none, false),
				Arguments.of(OWNER, AgencyType.CONSUMPTION_ROOM_OPERATOR,
						new Grant[] { grant(Action.READ, PUBLIC_HEALTH_INTELLIGENCE) }, none, false),
				// Another health agency: only under an agreement sharing for health.
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER, new Grant[] { grant(Action.READ, HEALTH) },
						none, false),
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER, new Grant[] { grant(Action.READ, HEALTH) },
						health, true),
				Arguments.of("BHM-TREAT", AgencyType.TREATMENT_PROVIDER, new Grant[] { grant(Action.READ, HEALTH) },
						policing, false),
				// Law enforcement never: not with health grants, not under an agreement.
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { grant(Action.READ, HEALTH) }, health, false),
				Arguments.of("WMP", AgencyType.POLICE_FORCE, new Grant[] { grant(Action.READ, POLICING) }, policing,
						false),
				Arguments.of("HMP-BHM", AgencyType.PRISON, new Grant[] { grant(Action.READ, HEALTH) }, health, false),
				Arguments.of("PROB-WM", AgencyType.PROBATION, new Grant[] { grant(Action.READ, HEALTH) }, health,
						false),
				// A police account in the owner's own code is still police.
				Arguments.of(OWNER, AgencyType.POLICE_FORCE, new Grant[] { grant(Action.READ, HEALTH) }, none, false));
	}

	@ParameterizedTest
	@MethodSource
	void reading(String agency, AgencyType type, Grant[] grants, Set<Purpose> shared, boolean mayRead) {
		assertThat(HatPolicy.mayRead(user("reader", agency, type, grants), OWNER, shared)).isEqualTo(mayRead);
	}

	static Stream<Arguments> recording() {
		return Stream.of(
				// agency type, grants, may record, may manage
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { grant(Action.WRITE, HEALTH) }, true,
						false),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR,
						new Grant[] { grant(Action.WRITE, HEALTH), grant(Action.MANAGE, HEALTH) }, true, true),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { grant(Action.READ, HEALTH) }, false,
						false),
				Arguments.of(AgencyType.TREATMENT_PROVIDER, new Grant[] { grant(Action.WRITE, POLICING) }, false,
						false),
				Arguments.of(AgencyType.POLICE_FORCE,
						new Grant[] { grant(Action.WRITE, HEALTH), grant(Action.MANAGE, HEALTH) }, false, false),
				Arguments.of(AgencyType.POLICE_FORCE,
						new Grant[] { grant(Action.WRITE, POLICING), grant(Action.MANAGE, POLICING) }, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void recording(AgencyType type, Grant[] grants, boolean mayRecord, boolean mayManage) {
		var user = user("someone", OWNER, type, grants);
		assertThat(HatPolicy.mayRecord(user)).isEqualTo(mayRecord);
		assertThat(HatPolicy.mayManage(user)).isEqualTo(mayManage);
	}

	static Stream<Arguments> prescribing() {
		var current = new Licence(UUID.randomUUID(), "doctor", "HO-1", DAY.minusYears(1), DAY.plusYears(1), "clerk");
		var expired = new Licence(UUID.randomUUID(), "doctor", "HO-1", DAY.minusYears(2), DAY.minusDays(1), "clerk");
		var notYet = new Licence(UUID.randomUUID(), "doctor", "HO-1", DAY.plusDays(1), DAY.plusYears(1), "clerk");
		var lastDay = new Licence(UUID.randomUUID(), "doctor", "HO-1", DAY.minusYears(1), DAY, "clerk");
		var someoneElses = new Licence(UUID.randomUUID(), "colleague", "HO-2", DAY.minusYears(1), DAY.plusYears(1),
				"clerk");
		var manager = new Grant[] { grant(Action.WRITE, HEALTH), grant(Action.MANAGE, HEALTH) };
		return Stream.of(
				// type, grants, licence, may prescribe
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, current, true),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, lastDay, true),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, expired, false),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, notYet, false),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, someoneElses, false),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, null, false),
				// Clinic staff without manage, even with a licence in their name.
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { grant(Action.WRITE, HEALTH) }, current,
						false),
				Arguments.of(AgencyType.POLICE_FORCE, manager, current, false));
	}

	@ParameterizedTest
	@MethodSource
	void prescribing(AgencyType type, Grant[] grants, Licence licence, boolean mayPrescribe) {
		assertThat(HatPolicy.mayPrescribe(user("doctor", OWNER, type, grants), licence, DAY)).isEqualTo(mayPrescribe);
	}

	static Stream<Arguments> licences() {
		var staff = new Grant[] { grant(Action.WRITE, HEALTH) };
		return Stream.of(
				// username, type, grants, prescriber, may record the licence
				Arguments.of("clerk", AgencyType.CONSUMPTION_ROOM_OPERATOR, staff, "doctor", true),
				// Nobody records their own.
				Arguments.of("doctor", AgencyType.CONSUMPTION_ROOM_OPERATOR, staff, "doctor", false),
				Arguments.of("clerk", AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { grant(Action.READ, HEALTH) },
						"doctor", false),
				Arguments.of("clerk", AgencyType.POLICE_FORCE, staff, "doctor", false));
	}

	@ParameterizedTest
	@MethodSource
	void licences(String username, AgencyType type, Grant[] grants, String prescriber, boolean mayRecord) {
		assertThat(HatPolicy.mayRecordLicence(user(username, OWNER, type, grants), prescriber)).isEqualTo(mayRecord);
	}

	static Stream<Arguments> recordedCrime() {
		var staff = new Grant[] { grant(Action.READ, HEALTH), grant(Action.WRITE, HEALTH) };
		var manager = new Grant[] { grant(Action.WRITE, HEALTH), grant(Action.MANAGE, HEALTH) };
		var sender = new Grant[] { grant(Action.WRITE, POLICING) };
		return Stream.of(
				// type, grants, may record the legal basis, may link a client, may send
				// counts
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, staff, false, true, false),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, manager, true, true, false),
				Arguments.of(AgencyType.CONSUMPTION_ROOM_OPERATOR, new Grant[] { grant(Action.READ, HEALTH) }, false,
						false, false),
				// A force's sender sends counts and does nothing else: never a link,
				// never a basis.
				Arguments.of(AgencyType.POLICE_FORCE, sender, false, false, true),
				Arguments.of(AgencyType.POLICE_FORCE, manager, false, false, false),
				Arguments.of(AgencyType.POLICE_FORCE, new Grant[] { grant(Action.READ, POLICING) }, false, false,
						false),
				// Prisons and probation are law enforcement but not a force: they send
				// nothing.
				Arguments.of(AgencyType.PRISON, sender, false, false, false),
				Arguments.of(AgencyType.PROBATION, sender, false, false, false),
				// A health agency cannot send as if it were the force.
				Arguments.of(AgencyType.TREATMENT_PROVIDER, sender, false, false, false));
	}

	@ParameterizedTest
	@MethodSource
	void recordedCrime(AgencyType type, Grant[] grants, boolean mayRecordBasis, boolean mayLink, boolean maySend) {
		var user = user("someone", OWNER, type, grants);
		assertThat(HatPolicy.mayRecordLinkBasis(user)).isEqualTo(mayRecordBasis);
		assertThat(HatPolicy.mayLinkClient(user)).isEqualTo(mayLink);
		assertThat(HatPolicy.maySendRecordedCrime(user)).isEqualTo(maySend);
	}

	@org.junit.jupiter.api.Test
	void thePseudonymIsAKeyedHashOfTheForceAndTheNormalisedIdentifier() {
		var key = new CrimeLinkKey("dGVzdC1vbmx5LWNyaW1lLWxpbmsta2V5LW5vdC1mb3ItdXNlLTMyYg==");
		var pseudonym = key.pseudonym("WMP", "2001/0123456a");
		// The same as the force computes: printf 'WMP:2001/0123456A' | openssl dgst
		// -sha256 -mac HMAC -macopt
		// hexkey:<key as hex> (docs/hatclinic.md).
		assertThat(pseudonym).isEqualTo("ef443e423a3f0468ff3d2b5762b99c9ce174c1081da65e414039037aa489b9d9")
			.matches(CrimeLinkKey.PSEUDONYM)
			.isEqualTo(key.pseudonym("WMP", " 2001/0123456A "));
		assertThat(pseudonym).isNotEqualTo(key.pseudonym("WMP", "2001/0123457A"))
			.isNotEqualTo(key.pseudonym("STAFFS", "2001/0123456A"))
			.isNotEqualTo(new CrimeLinkKey("b3RoZXIta2V5LWZvci10aGUtc2FtZS1pZGVudGlmaWVyLTMyYg==").pseudonym("WMP",
					"2001/0123456A"))
			.doesNotContain("0123456");
		assertThat(new CrimeLinkKey("").configured()).isFalse();
	}

}
