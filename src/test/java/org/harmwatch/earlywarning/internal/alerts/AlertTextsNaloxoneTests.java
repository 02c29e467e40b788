package org.harmwatch.earlywarning.internal.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naloxone advice is safety advice: the exact words for each audience and each set of
 * substances, the sedatives named and only they, and never twice.
 */
class AlertTextsNaloxoneTests {

	static final String ADVICE = "Do not use alone.";

	static final String PUBLIC = "Carry naloxone. If someone cannot be woken or is not breathing normally, call 999, "
			+ "give naloxone and stay with them.";

	static final String PROFESSIONAL = "Naloxone reverses the opioid respiratory depression: give it early, titrated "
			+ "to breathing, and observe for re-sedation as it wears off.";

	static final Map<String, SubstanceSummary> SUBSTANCES = Map.of("heroin",
			substance("heroin", "Heroin", SubstanceClass.OPIOID, RiskFlag.NALOXONE_RESPONSIVE), "fentanyl",
			substance("fentanyl", "Fentanyl", SubstanceClass.OPIOID, RiskFlag.NALOXONE_RESPONSIVE,
					RiskFlag.REPEAT_NALOXONE_LIKELY, RiskFlag.HIGH_POTENCY),
			"nitazene",
			substance("nitazene", "Protonitazene", SubstanceClass.OPIOID, RiskFlag.REPEAT_NALOXONE_LIKELY,
					RiskFlag.NALOXONE_RESPONSIVE),
			"xylazine",
			substance("xylazine", "Xylazine", SubstanceClass.SEDATIVE, RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE),
			"bromazolam",
			substance("bromazolam", "Bromazolam", SubstanceClass.BENZODIAZEPINE,
					RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE),
			"cocaine", substance("cocaine", "Cocaine", SubstanceClass.STIMULANT));

	static SubstanceSummary substance(String code, String name, SubstanceClass substanceClass, RiskFlag... flags) {
		return new SubstanceSummary(new SubstanceId(code), name, substanceClass, Set.of(flags), List.of(), List.of(),
				null);
	}

	static List<SubstanceSummary> of(String codes) {
		return Stream.of(codes.split(" ")).map(SUBSTANCES::get).toList();
	}

	static Stream<Arguments> advice() {
		return Stream.of(
				// nothing naloxone-responsive: the advice as written, whitespace trimmed
				Arguments.of("cocaine", ADVICE, ADVICE),
				// a sedative alone is not naloxone-responsive either
				Arguments.of("xylazine", ADVICE, ADVICE),
				Arguments.of("heroin", ADVICE + "\n\n" + PUBLIC, ADVICE + "\n\n" + PROFESSIONAL),
				Arguments.of("cocaine heroin", ADVICE + "\n\n" + PUBLIC, ADVICE + "\n\n" + PROFESSIONAL),
				Arguments.of("heroin fentanyl",
						ADVICE + "\n\n" + PUBLIC + " More than one dose of naloxone may be needed.",
						ADVICE + "\n\n" + PROFESSIONAL
								+ " Repeated or higher doses of naloxone are likely to be needed."),
				// the repeat flag counts on any substance, not only the first
				Arguments.of("heroin nitazene",
						ADVICE + "\n\n" + PUBLIC + " More than one dose of naloxone may be needed.",
						ADVICE + "\n\n" + PROFESSIONAL
								+ " Repeated or higher doses of naloxone are likely to be needed."),
				Arguments.of("heroin xylazine",
						ADVICE + "\n\n" + PUBLIC + " Naloxone does not wake someone from Xylazine, but give it anyway: "
								+ "it may also contain an opioid.",
						ADVICE + "\n\n" + PROFESSIONAL
								+ " Naloxone does not reverse the sedation of Xylazine: support the airway and breathing."),
				Arguments.of("xylazine heroin cocaine bromazolam",
						ADVICE + "\n\n" + PUBLIC
								+ " Naloxone does not wake someone from Xylazine, Bromazolam, but give "
								+ "it anyway: it may also contain an opioid.",
						ADVICE + "\n\n" + PROFESSIONAL + " Naloxone does not reverse the sedation of Xylazine, "
								+ "Bromazolam: support the airway and breathing."),
				Arguments.of("fentanyl xylazine",
						ADVICE + "\n\n" + PUBLIC + " More than one dose of naloxone may be needed. Naloxone does not "
								+ "wake someone from Xylazine, but give it anyway: it may also contain an opioid.",
						ADVICE + "\n\n" + PROFESSIONAL
								+ " Repeated or higher doses of naloxone are likely to be needed. "
								+ "Naloxone does not reverse the sedation of Xylazine: support the airway and breathing."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("advice")
	void eachAudienceGetsItsOwnExactWords(String codes, String publicText, String professionalText) {
		var substances = of(codes);

		assertThat(AlertTexts.publicAdvice("  " + ADVICE + "\n", substances)).isEqualTo(publicText);
		assertThat(AlertTexts.professionalAdvice(ADVICE + " ", substances)).isEqualTo(professionalText);
		assertThat(AlertTexts.naloxoneResponsive(substances)).isEqualTo(!publicText.equals(ADVICE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("advice")
	void theAdviceIsAddedOnceAndEachAudienceChecksForItsOwnText(String codes, String publicText,
			String professionalText) {
		var substances = of(codes);

		assertThat(AlertTexts.publicAdvice(publicText, substances)).isEqualTo(publicText);
		assertThat(AlertTexts.professionalAdvice(professionalText, substances)).isEqualTo(professionalText);
	}

	@Test
	void publicAdviceAlreadyInTheTextDoesNotStopTheProfessionalAdvice() {
		var heroin = of("heroin");
		var withPublic = ADVICE + "\n\n" + PUBLIC;

		assertThat(AlertTexts.professionalAdvice(withPublic, heroin)).isEqualTo(withPublic + "\n\n" + PROFESSIONAL);
		assertThat(AlertTexts.naloxoneResponsive(List.of())).isFalse();
	}

	@Test
	void theCoordinatorsOwnNaloxoneParagraphIsNotRepeated() {
		var own = "Do not use alone. Carry naloxone: if someone will not wake, give it and call 999.";

		assertThat(AlertTexts.publicAdvice(own, of("fentanyl"))).isEqualTo(own);
		assertThat(AlertTexts.professionalAdvice(own, of("fentanyl"))).isEqualTo(own);
		// the paragraphs this class adds for the other audience are not the coordinator's
		assertThat(AlertTexts.ownNaloxoneAdvice(ADVICE + "\n\n" + PUBLIC + " Naloxone does not wake someone from "
				+ "Xylazine, but give it anyway: it may also contain an opioid."))
			.isFalse();
		assertThat(AlertTexts.ownNaloxoneAdvice("Naloxone kits are at the front desk.")).isTrue();
	}

}
