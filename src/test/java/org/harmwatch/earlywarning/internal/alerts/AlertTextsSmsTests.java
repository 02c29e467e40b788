package org.harmwatch.earlywarning.internal.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert's text message: one message (GSM-7 160, UCS-2 70) with its link, whole
 * sentences only, the exercise and cancellation marked, and the page the link opens.
 */
class AlertTextsSmsTests {

	static final String URL = "https://harmwatch.example/inbox/alerts/HW-2026-0001";

	static final String LINK = " More: " + URL;

	@Test
	void gsmSevenCountsExtensionCharactersTwiceAndAnythingElseMakesItUcsTwo() {
		assertThat(AlertTexts.gsm("Plain text, £5 @ 10:00!")).isTrue();
		assertThat(AlertTexts.length("a[b]€")).isEqualTo(8);
		assertThat(AlertTexts.gsm("It’s curly")).isFalse();
		assertThat(AlertTexts.length("It’s curly")).isEqualTo(10);
		assertThat(AlertTexts.segments("x".repeat(160))).isOne();
		assertThat(AlertTexts.segments("x".repeat(161))).isEqualTo(2);
		assertThat(AlertTexts.segments("x".repeat(306))).isEqualTo(2);
		assertThat(AlertTexts.segments("x".repeat(307))).isEqualTo(3);
		assertThat(AlertTexts.segments("x".repeat(159) + "€")).isEqualTo(2);
		assertThat(AlertTexts.segments("’" + "x".repeat(69))).isOne();
		assertThat(AlertTexts.segments("’" + "x".repeat(70))).isEqualTo(2);
	}

	@Test
	void theShortTextGoesWholeWithTheLinkInOneMessage() {
		var text = "Drug alert: fentanyl in heroin in Birmingham. Do not use alone; carry naloxone.";
		var sms = AlertTexts.sms(false, false, URL, text, "Headline");

		assertThat(sms).isEqualTo(text + LINK);
		assertThat(AlertTexts.segments(sms)).isOne();
	}

	@Test
	void aTextThatDoesNotFitLosesWholeSentencesNeverPartOfOne() {
		int room = AlertTexts.GSM_SEGMENT - LINK.length();
		var first = "Strong heroin in Birmingham.";
		var second = "x".repeat(room - first.length() - 1 - 1) + ".";
		var third = "Carry naloxone.";
		// first and second fill the room exactly; the third does not fit and is left out
		var sms = AlertTexts.sms(false, false, URL, first + " " + second + " " + third);
		assertThat(sms).isEqualTo(first + " " + second + LINK).hasSize(AlertTexts.GSM_SEGMENT);
		// one character more and the second sentence goes too
		var longer = AlertTexts.sms(false, false, URL, first + " x" + second + " " + third);
		assertThat(longer).isEqualTo(first + LINK);
		// no sentence of the first text fits: the next text (the headline) is used
		assertThat(AlertTexts.sms(false, false, URL, "y".repeat(200), "Fentanyl in heroin"))
			.isEqualTo("Fentanyl in heroin" + LINK);
		// nothing fits: the link alone, never a cut sentence
		assertThat(AlertTexts.sms(false, false, URL, "y".repeat(200))).isEqualTo("Drug alert." + LINK);
	}

	@Test
	void aCurlyQuoteLeavesSeventyCharacters() {
		var link = " More: https://h.example/a/HW-2026-0001";
		var fits = "It’s " + "x".repeat(70 - link.length() - 6) + ".";
		assertThat(AlertTexts.sms(false, false, link.substring(7), fits)).isEqualTo(fits + link);
		assertThat(AlertTexts.fitsOneMessage(false, link.substring(7), fits)).isTrue();
		assertThat(AlertTexts.fitsOneMessage(false, link.substring(7), fits + "x")).isFalse();
		assertThat(AlertTexts.room(false, false, link.substring(7), fits)).isEqualTo(70 - link.length());
		assertThat(AlertTexts.room(false, false, link.substring(7), "plain")).isEqualTo(160 - link.length());
	}

	@Test
	void exercisesAndCancellationsSaySoFirstAndTheCancellationGivesItsReason() {
		assertThat(AlertTexts.sms(true, false, URL, "Test of the cascade."))
			.isEqualTo("EXERCISE: Test of the cascade." + LINK);
		assertThat(AlertTexts.sms(false, true, URL, "The batch was seized. It is off the street.", "Old text."))
			.isEqualTo("CANCELLED: The batch was seized. It is off the street." + LINK);
		assertThat(AlertTexts.sms(true, true, URL, null, "Fentanyl in heroin"))
			.isEqualTo("EXERCISE: CANCELLED: Fentanyl in heroin" + LINK);
		assertThat(AlertTexts.fitsOneMessage(true, URL, "x".repeat(160 - LINK.length() - 10))).isTrue();
		assertThat(AlertTexts.fitsOneMessage(true, URL, "x".repeat(160 - LINK.length() - 9))).isFalse();
	}

	@Test
	void theLinkOpensThePublicPageOrTheProfessionalsInbox() {
		assertThat(AlertTexts.webPath("HW-2026-0007", true)).isEqualTo("/alerts/HW-2026-0007");
		assertThat(AlertTexts.webPath("HW-2026-0007", false)).isEqualTo("/inbox/alerts/HW-2026-0007");
	}

}
