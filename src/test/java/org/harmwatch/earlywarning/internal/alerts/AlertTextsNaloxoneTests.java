package org.harmwatch.earlywarning.internal.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.harmwatch.earlywarning.AlertLevel;
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
 * substances, the sedatives named and only they, and the SMS text cut at its limits.
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

	static final String URL = "https://harmwatch.example/alerts/HW-2026-0001";

	@Test
	void theSmsSaysExerciseAndCancelledFirst() {
		assertThat(AlertTexts.sms(true, true, AlertLevel.CRITICAL, "Fentanyl in heroin", "", URL))
			.isEqualTo("EXERCISE CANCELLED Drug alert CRITICAL: Fentanyl in heroin More: " + URL);
		assertThat(AlertTexts.sms(false, true, AlertLevel.WARNING, " Fentanyl in heroin ", " Carry\n\nnaloxone. ", URL))
			.isEqualTo("CANCELLED Drug alert WARNING: Fentanyl in heroin Carry naloxone. More: " + URL);
	}

	@Test
	void theSmsShortensTheAdviceAtAWordWithinItsRoom() {
		// prefix 20 + link 52 characters: 234 left for headline, space and advice
		var headline = "Fentanyl in heroin";
		var advice = "word ".repeat(100);
		var sms = AlertTexts.sms(false, false, AlertLevel.WARNING, headline, advice, URL);

		String prefix = "Drug alert WARNING: ";
		String link = " More: " + URL;
		assertThat(sms).startsWith(prefix + headline + " word word").endsWith("word..." + link);
		assertThat(sms).hasSize(303);
		// room 234, headline 18 and a space: the advice gets 215 characters, cut at its
		// last space before 212
		int adviceRoom = AlertTexts.SMS_MAX - prefix.length() - link.length() - headline.length() - 1;
		assertThat(adviceRoom).isEqualTo(215);
		assertThat(sms).isEqualTo(prefix + headline + " " + "word ".repeat(41) + "word..." + link);
	}

	@Test
	void theSmsLeavesOutAdviceWhenTwentyCharactersOrFewerRemain() {
		String prefix = "Drug alert WARNING: ";
		String link = " More: " + URL;
		int room = AlertTexts.SMS_MAX - prefix.length() - link.length();
		// a headline that leaves exactly 21 characters after its space: advice shortened
		// into them
		var leaves21 = "h".repeat(room - 22);
		assertThat(
				AlertTexts.sms(false, false, AlertLevel.WARNING, leaves21, "Carry naloxone and do not use alone.", URL))
			.isEqualTo(prefix + leaves21 + " Carry naloxone..." + link);
		// one character more and only 20 remain: no advice
		var leaves20 = "h".repeat(room - 21);
		assertThat(
				AlertTexts.sms(false, false, AlertLevel.WARNING, leaves20, "Carry naloxone and do not use alone.", URL))
			.isEqualTo(prefix + leaves20 + link);
		// a headline longer than the room is shortened to it
		var sms = AlertTexts.sms(false, false, AlertLevel.WARNING, "x".repeat(400), "Carry naloxone.", URL);
		assertThat(sms).isEqualTo(prefix + "x".repeat(room - 3) + "..." + link).hasSize(AlertTexts.SMS_MAX);
	}

	@Test
	void aVeryLongLinkStillGivesTwentyCharactersOfHeadlineAndTheTextIsCutAtTheLimit() {
		var url = "https://harmwatch.example/" + "a".repeat(300);
		var sms = AlertTexts.sms(false, false, AlertLevel.WARNING, "Heroin contaminated with fentanyl", "Advice.", url);

		assertThat(sms).hasSize(AlertTexts.SMS_MAX)
			.isEqualTo(("Drug alert WARNING: Heroin contaminat..." + " More: " + url).substring(0, AlertTexts.SMS_MAX));
	}

	@Test
	void shorteningCutsAtASpaceOnlyInTheSecondHalf() {
		assertThat(AlertTexts.shorten("short", 5)).isEqualTo("short");
		assertThat(AlertTexts.shorten("abcdef", 5)).isEqualTo("ab...");
		// last space at 7 of a 10-character cut (7 > 13 / 2): cut there
		assertThat(AlertTexts.shorten("abcdefg hijklmnop", 13)).isEqualTo("abcdefg...");
		// last space at 2 (not > 6): cut inside the word
		assertThat(AlertTexts.shorten("ab cdefghijklmnop", 13)).isEqualTo("ab cdefghi...");
		// a space exactly at half is not taken
		assertThat(AlertTexts.shorten("abcdef ghijklmnop", 13)).isEqualTo("abcdef ghi...");
		assertThat(AlertTexts.shorten("abcdef", 2)).isEqualTo("...");
	}

}
