package org.harmwatch.earlywarning.internal.alerts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CAP validator accepts a good message and each of its rules rejects a document that
 * breaks it.
 */
class CapValidatorTests {

	static final String SENDER = "early-warning@harmwatch.example";

	static CapMessage message(String sent, String msgType, String scope, String restriction, List<String> references,
			String expires, String polygon) {
		var area = new CapMessage.Area("Birmingham", "E08000025", polygon);
		var info = new CapMessage.Info("Drug alert", "Avoid", "Expected", "Severe", "Observed", "Public",
				List.of(new CapMessage.Value("harmwatch:substance-class", "OPIOID")), expires, "Harmwatch",
				"Heroin contaminated with fentanyl", "Grey-brown powder", "Carry naloxone.",
				"http://localhost/alerts/HW-2026-0001", List.of(new CapMessage.Value("harmwatch:level", "WARNING")),
				List.of(area));
		return new CapMessage("HW-2026-0001-1", SENDER, sent, "Actual", msgType, scope, restriction, null, references,
				List.of(info));
	}

	static final String SQUARE = "52.40,-2.00 52.40,-1.80 52.55,-1.80 52.55,-2.00 52.40,-2.00";

	static String good() {
		return CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00+00:00", SQUARE));
	}

	@Test
	void aGoodMessageIsValid() {
		assertThat(CapValidator.problems(good())).isEmpty();
		assertThat(CapValidator.requireValid(good())).contains("<geocode>").contains("<valueName>ONS-GSS</valueName>");
	}

	@Test
	void utcIsWrittenMinusZeroAndTheValidatorAcceptsIt() {
		var winter = CapMessage.time(java.time.Instant.parse("2026-12-05T10:00:00Z"),
				java.time.ZoneId.of("Europe/London"));
		var summer = CapMessage.time(java.time.Instant.parse("2026-07-05T10:00:00Z"),
				java.time.ZoneId.of("Europe/London"));
		assertThat(winter).isEqualTo("2026-12-05T10:00:00-00:00");
		assertThat(summer).isEqualTo("2026-07-05T11:00:00+01:00");
		var utc = CapWriter
			.write(message(winter, "Alert", "Public", null, List.of(), "2026-12-19T10:00:00-00:00", SQUARE));
		assertThat(CapValidator.problems(utc)).isEmpty();
		assertThat(utc).contains("<eventCode>", "<valueName>harmwatch:substance-class</valueName>",
				"<value>OPIOID</value>", "<parameter>");
	}

	@Test
	void theSchemaRejectsAMissingScope() {
		var bad = good().replaceAll("<scope>Public</scope>", "");
		assertThat(CapValidator.problems(bad)).singleElement().asString().startsWith("schema:");
		assertThat(CapValidator.ownRules(bad)).isEmpty();
	}

	@Test
	void theSchemaRejectsAnUnknownSeverity() {
		var bad = good().replace("<severity>Severe</severity>", "<severity>Deadly</severity>");
		assertThat(CapValidator.problems(bad)).singleElement().asString().startsWith("schema:");
	}

	@Test
	void aPolygonMustBeClosed() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00+00:00", "52.40,-2.00 52.40,-1.80 52.55,-1.80 52.55,-2.00"));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("closed"));
	}

	@Test
	void aPolygonNeedsFourPoints() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00+00:00", "52.40,-2.00 52.40,-1.80 52.40,-2.00"));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("at least four points"));
	}

	@Test
	void aPolygonIsLatitudeCommaLongitude() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00+00:00", "-200,52.40 -1.80,52.40 -1.80,52.55 -200,52.40"));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("latitude,longitude"));
	}

	@Test
	void timesNeedAnOffsetAndNoFractionalSeconds() {
		var fractional = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00.250+00:00", SQUARE));
		assertThat(CapValidator.ownRules(fractional)).anyMatch(p -> p.startsWith("expires"));
		var noOffset = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00", SQUARE));
		assertThat(CapValidator.ownRules(noOffset)).anyMatch(p -> p.startsWith("expires"));
		// CAP 1.2 3.3.2: UTC is written -00:00
		var minusZero = CapWriter.write(message("2026-11-23T09:15:00-00:00", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00-00:00", SQUARE));
		assertThat(CapValidator.problems(minusZero)).isEmpty();
		var zulu = CapWriter.write(message("2026-11-23T09:15:00Z", "Alert", "Public", null, List.of(),
				"2026-12-07T09:15:00-00:00", SQUARE));
		assertThat(CapValidator.ownRules(zulu)).anyMatch(p -> p.startsWith("sent"));
	}

	@Test
	void anUpdateMustReferenceEarlierMessages() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Update", "Public", null, List.of(),
				"2026-12-07T09:15:00+00:00", SQUARE));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("must reference"));
		var good = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Update", "Public", null,
				List.of(SENDER + ",HW-2026-0001-1,2026-11-22T09:15:00+00:00"), "2026-12-07T09:15:00+00:00", SQUARE));
		assertThat(CapValidator.problems(good)).isEmpty();
	}

	@Test
	void referencesAreSenderIdentifierSent() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Cancel", "Public", null,
				List.of("HW-2026-0001-1," + SENDER), "2026-12-07T09:15:00+00:00", SQUARE));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("sender,identifier,sent"));
	}

	@Test
	void aRestrictedAlertNeedsARestriction() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Restricted", null, List.of(),
				"2026-12-07T09:15:00+00:00", SQUARE));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("restriction"));
		var good = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Restricted", "Professionals only",
				List.of(), "2026-12-07T09:15:00+00:00", SQUARE));
		assertThat(CapValidator.problems(good)).isEmpty();
	}

	@Test
	void expiresMustFollowSent() {
		var bad = CapWriter.write(message("2026-11-23T09:15:00+00:00", "Alert", "Public", null, List.of(),
				"2026-11-23T08:15:00+00:00", SQUARE));
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("must be after sent"));
	}

	@Test
	void anAlertNeedsAnInfoBlock() {
		var bad = good().replaceAll("(?s)<info>.*</info>", "");
		assertThat(CapValidator.problems(bad)).anyMatch(p -> p.contains("info"));
	}

	@Test
	void requireValidFailsLoudly() {
		var bad = good().replace("<scope>Public</scope>", "<scope>Restricted</scope>");
		assertThatThrownBy(() -> CapValidator.requireValid(bad)).isInstanceOf(CapValidator.InvalidCapException.class)
			.hasMessageContaining("restriction");
	}

}
