package org.harmwatch.earlywarning.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harmwatch.shared.AgencyType.COUNCIL_PUBLIC_HEALTH;
import static org.harmwatch.shared.AgencyType.NHS_TRUST;
import static org.harmwatch.shared.AgencyType.POLICE_FORCE;
import static org.harmwatch.shared.AgencyType.PROBATION;
import static org.harmwatch.shared.AgencyType.TREATMENT_PROVIDER;

class EarlyWarningPolicyTests {

	static final Grant READ = new Grant(Capability.EARLY_WARNING, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);

	static final Grant MANAGE = new Grant(Capability.EARLY_WARNING, Action.MANAGE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);

	static final Grant MANAGE_POLICING = new Grant(Capability.EARLY_WARNING, Action.MANAGE, Purpose.POLICING);

	static HarmwatchUser reader(String agency, AgencyType type, Grant... grants) {
		return new HarmwatchUser(UUID.randomUUID(), "reader", null, "Reader", agency, agency, type, List.of("TEST"),
				Set.of(grants), true, false);
	}

	/**
	 * The reader's agency and type, their grants, the reporter's agency, whether the
	 * reader may identify the reporter, and whether they may open the report's files.
	 */
	static Stream<Arguments> identities() {
		return Stream.of(
				// The coordinator of a council identifies every reporter.
				Arguments.of("BHM-PH", COUNCIL_PUBLIC_HEALTH, Set.of(READ, MANAGE), "BHM-TREAT", true, true),
				Arguments.of("BHM-PH", COUNCIL_PUBLIC_HEALTH, Set.of(READ, MANAGE), null, true, true),
				// A panel member of another agency sees the files (evidence to grade on)
				// but not who sent them.
				Arguments.of("UHB", NHS_TRUST, Set.of(READ), "BHM-TREAT", false, true),
				// A frontline worker of another agency who only reports sees neither.
				Arguments.of("UHB", NHS_TRUST, Set.of(), "BHM-TREAT", false, false),
				// Staff of the reporter's own agency see both.
				Arguments.of("BHM-TREAT", TREATMENT_PROVIDER, Set.of(READ), "BHM-TREAT", true, true),
				// A police officer given the coordinator's grants still sees neither for
				// another agency's report.
				Arguments.of("WMP", POLICE_FORCE, Set.of(READ, MANAGE), "BHM-TREAT", false, false),
				Arguments.of("WMP", POLICE_FORCE, Set.of(READ, MANAGE, MANAGE_POLICING), "BHM-TREAT", false, false),
				Arguments.of("WMP", POLICE_FORCE, Set.of(READ, MANAGE), null, false, false),
				Arguments.of("WMP", POLICE_FORCE, Set.of(READ), "WMP", true, true),
				Arguments.of("PROB", PROBATION, Set.of(READ, MANAGE), "BHM-TREAT", false, false));
	}

	@ParameterizedTest
	@MethodSource("identities")
	void whoMaySeeWhoSentAReportAndTheFilesSentWithIt(String agency, AgencyType type, Set<Grant> grants,
			@Nullable String reporterAgency, boolean identify, boolean files) {
		var reader = reader(agency, type, grants.toArray(Grant[]::new));
		assertThat(EarlyWarningPolicy.mayIdentifyReporter(reader, reporterAgency)).isEqualTo(identify);
		assertThat(EarlyWarningPolicy.mayReadAttachments(reader, reporterAgency)).isEqualTo(files);
	}

	@ParameterizedTest
	@MethodSource("approvers")
	void approversArePanelMembersAndCoordinators(AgencyType type, Set<Grant> grants, boolean approves) {
		assertThat(EarlyWarningPolicy.mayApprove(reader("AG", type, grants.toArray(Grant[]::new)))).isEqualTo(approves);
	}

	static Stream<Arguments> approvers() {
		var approve = new Grant(Capability.EARLY_WARNING, Action.APPROVE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
		var approvePublic = new Grant(Capability.EARLY_WARNING, Action.APPROVE, Purpose.PUBLIC);
		return Stream.of(Arguments.of(NHS_TRUST, Set.of(approve), true),
				Arguments.of(COUNCIL_PUBLIC_HEALTH, Set.of(READ, MANAGE, approve), true),
				Arguments.of(NHS_TRUST, Set.of(READ, MANAGE), false),
				Arguments.of(NHS_TRUST, Set.of(approvePublic), false),
				Arguments.of(POLICE_FORCE, Set.of(approve), true));
	}

	/**
	 * The reader's agency and type, their grants, the agency a question was asked of,
	 * whether the reader may read and answer it, and whether it is on their home page.
	 */
	static Stream<Arguments> answerers() {
		var write = new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
		var writePublic = new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC);
		return Stream.of(
				// A reporter of the agency asked answers, and has it in their work queue.
				Arguments.of("BHM-TREAT", TREATMENT_PROVIDER, Set.of(write), "BHM-TREAT", true, true),
				// A reporter of another agency does not.
				Arguments.of("UHB", NHS_TRUST, Set.of(write), "BHM-TREAT", false, true),
				// Nor does a panel member of the agency, who does not report.
				Arguments.of("BHM-TREAT", TREATMENT_PROVIDER, Set.of(READ), "BHM-TREAT", false, false),
				// Nor someone who reports for the public purpose only.
				Arguments.of("BHM-TREAT", TREATMENT_PROVIDER, Set.of(writePublic), "BHM-TREAT", false, false),
				// Police who report answer for their own force only.
				Arguments.of("WMP", POLICE_FORCE, Set.of(write), "WMP", true, true),
				Arguments.of("WMP", POLICE_FORCE, Set.of(write, MANAGE_POLICING), "BHM-TREAT", false, true),
				// The coordinator asks; a question to their own agency is theirs to
				// answer,
				// but not on their home page.
				Arguments.of("BHM-PH", COUNCIL_PUBLIC_HEALTH, Set.of(READ, write, MANAGE), "BHM-PH", true, false),
				Arguments.of("BHM-PH", COUNCIL_PUBLIC_HEALTH, Set.of(READ, write, MANAGE), "BHM-TREAT", false, false));
	}

	@ParameterizedTest
	@MethodSource("answerers")
	void onlyReportersOfTheAgencyAskedAnswerItsQuestions(String agency, AgencyType type, Set<Grant> grants,
			String askedOf, boolean answers, boolean onHomePage) {
		var reader = reader(agency, type, grants.toArray(Grant[]::new));
		assertThat(EarlyWarningPolicy.mayAnswerFor(reader, askedOf)).isEqualTo(answers);
		assertThat(EarlyWarningPolicy.answersQuestions(reader)).isEqualTo(onHomePage);
	}

}
