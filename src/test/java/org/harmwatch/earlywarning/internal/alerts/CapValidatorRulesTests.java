package org.harmwatch.earlywarning.internal.alerts;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CAP 1.2's own rules, one row per rule and boundary: the exact problems
 * {@link CapValidator#ownRules} names for a message changed in one place (CAP 1.2
 * specification section 3).
 */
class CapValidatorRulesTests {

	static final String SENT = "<sent>2026-11-23T09:15:00+00:00</sent>";

	static final String EXPIRES = "<expires>2026-12-07T09:15:00+00:00</expires>";

	static final String REFERENCE = CapValidatorTests.SENDER + ",HW-2026-0001-1,2026-11-22T09:15:00+00:00";

	static String good() {
		return CapValidatorTests.good();
	}

	static String polygon(String points) {
		return good().replace(CapValidatorTests.SQUARE, points);
	}

	static String header(String status, String msgType, String scope, String extra) {
		return good().replace("<status>Actual</status>", "<status>" + status + "</status>")
			.replace("<msgType>Alert</msgType>", "<msgType>" + msgType + "</msgType>")
			.replace("<scope>Public</scope>", "<scope>" + scope + "</scope>" + extra);
	}

	static Stream<Arguments> rules() {
		return Stream.of(Arguments.of("a good message", good(), List.of()),
				Arguments.of("sent with a fraction", good().replace(SENT, "<sent>2026-11-23T09:15:00.5+00:00</sent>"),
						List.of("sent '2026-11-23T09:15:00.5+00:00' must be a date and time with an offset and no "
								+ "fractional seconds (CAP 3.3.2)")),
				// CAP 1.2 3.3.2 writes UTC as -00:00
				Arguments.of("sent at -00:00", good().replace(SENT, "<sent>2026-11-23T09:15:00-00:00</sent>"),
						List.of()),
				Arguments.of("sent at -01:00 is fine", good().replace(SENT, "<sent>2026-11-23T09:15:00-01:00</sent>"),
						List.of()),
				Arguments.of("expires as sent", good().replace(EXPIRES, "<expires>2026-11-23T09:15:00+00:00</expires>"),
						List.of("expires 2026-11-23T09:15:00+00:00 must be after sent 2026-11-23T09:15:00+00:00")),
				Arguments.of("expires a second after sent",
						good().replace(EXPIRES, "<expires>2026-11-23T09:15:01+00:00</expires>"), List.of()),
				// the same instant written with another offset
				Arguments.of("expires at the same instant in another offset",
						good().replace(EXPIRES, "<expires>2026-11-23T10:15:00+01:00</expires>"),
						List.of("expires 2026-11-23T10:15:00+01:00 must be after sent 2026-11-23T09:15:00+00:00")),
				Arguments.of("an Ack without references", header("Actual", "Ack", "Public", ""),
						List.of("an Ack must reference the earlier message(s) (CAP 3.2.1 references)")),
				Arguments.of("an Error without references", header("Actual", "Error", "Public", ""),
						List.of("an Error must reference the earlier message(s) (CAP 3.2.1 references)")),
				Arguments.of("a Cancel with blank references",
						header("Actual", "Cancel", "Public", "").replace("</scope>",
								"</scope><references> </references>"),
						List.of("an Cancel must reference the earlier message(s) (CAP 3.2.1 references)",
								"reference '' must be sender,identifier,sent (CAP 3.2.1)")),
				Arguments.of("an Update with two references",
						header("Actual", "Update", "Public",
								"<references>" + REFERENCE + "  " + REFERENCE + "</references>"),
						List.of()),
				Arguments.of("a reference without its sender",
						header("Actual", "Update", "Public",
								"<references>,HW-1,2026-11-22T09:15:00+00:00</references>"),
						List.of("reference ',HW-1,2026-11-22T09:15:00+00:00' must be sender,identifier,sent (CAP 3.2.1)")),
				Arguments.of("a reference without its identifier",
						header("Actual", "Update", "Public", "<references>hw,,2026-11-22T09:15:00+00:00</references>"),
						List.of("reference 'hw,,2026-11-22T09:15:00+00:00' must be sender,identifier,sent (CAP 3.2.1)")),
				Arguments.of("a reference with a bad time",
						header("Actual", "Update", "Public", "<references>hw,HW-1,2026-11-22</references>"),
						List.of("reference 'hw,HW-1,2026-11-22' must be sender,identifier,sent (CAP 3.2.1)")),
				Arguments.of("a reference with four parts",
						header("Actual", "Update", "Public",
								"<references>hw,HW-1,2026-11-22T09:15:00+00:00,x</references>"),
						List.of("reference 'hw,HW-1,2026-11-22T09:15:00+00:00,x' must be sender,identifier,sent (CAP 3.2.1)")),
				Arguments.of("a Private alert without addresses", header("Actual", "Alert", "Private", ""),
						List.of("a Private alert needs addresses (CAP 3.2.1)")),
				Arguments.of("a Private alert with addresses",
						header("Actual", "Alert", "Private", "<addresses>nhs-trust</addresses>"), List.of()),
				Arguments.of("a Restricted alert with a blank restriction",
						header("Actual", "Alert", "Restricted", "<restriction> </restriction>"),
						List.of("a Restricted alert needs a restriction (CAP 3.2.1)")),
				Arguments.of("an Exercise alert without info",
						header("Exercise", "Alert", "Public", "").replaceAll("(?s)<info>.*</info>", ""),
						List.of("an Alert needs at least one info block")),
				Arguments.of("a Test alert may have no info",
						header("Test", "Alert", "Public", "").replaceAll("(?s)<info>.*</info>", ""), List.of()),
				Arguments.of("an Update without info",
						header("Actual", "Update", "Public", "<references>" + REFERENCE + "</references>")
							.replaceAll("(?s)<info>.*</info>", ""),
						List.of()),
				Arguments.of("a polygon on the edges of the world", polygon("-90,-180 -90,180 90,180 90,-180 -90,-180"),
						List.of()),
				Arguments.of("a polygon with a latitude below -90",
						polygon("-90.5,-180 -90,180 90,180 90,-180 -90.5,-180"),
						List.of("polygon point '-90.5,-180' is not a WGS 84 latitude,longitude (CAP 3.3.3)")),
				Arguments.of("a polygon with a latitude above 90",
						polygon("-90,-180 -90,180 90.5,180 90,-180 -90,-180"),
						List.of("polygon point '90.5,180' is not a WGS 84 latitude,longitude (CAP 3.3.3)")),
				Arguments.of("a polygon with a longitude below -180",
						polygon("-90,-180.5 -90,180 90,180 90,-180 -90,-180.5"),
						List.of("polygon point '-90,-180.5' is not a WGS 84 latitude,longitude (CAP 3.3.3)")),
				Arguments.of("a polygon with a longitude above 180",
						polygon("-90,-180 -90,180.5 90,180 90,-180 -90,-180"),
						List.of("polygon point '-90,180.5' is not a WGS 84 latitude,longitude (CAP 3.3.3)")),
				Arguments.of("a polygon with a bad point",
						polygon("52.40,-2.00 52.40;-1.80 52.55,-1.80 52.55,-2.00 52.40,-2.00"),
						List.of("polygon point '52.40;-1.80' must be lat,lon (CAP 3.3.3)")),
				Arguments.of("a polygon of three points", polygon("52.40,-2.00 52.40,-1.80 52.40,-2.00"),
						List.of("a polygon needs at least four points (CAP 3.3.3): has 3")),
				Arguments.of("an open polygon", polygon("52.40,-2.00 52.40,-1.80 52.55,-1.80 52.55,-2.00"),
						List.of("a polygon must be closed: its first and last points must be the same (CAP 3.3.3)")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void namesExactlyTheBrokenRule(String name, String xml, List<String> problems) {
		assertThat(CapValidator.ownRules(xml)).containsExactlyElementsOf(problems);
	}

	@Test
	void everyProblemIsNamedAtOnceAndTheSchemaProblemComesFirst() {
		var bad = good().replace("<severity>Severe</severity>", "<severity>Deadly</severity>")
			.replace(EXPIRES, "<expires>2026-11-22T09:15:00+00:00</expires>");

		var problems = CapValidator.problems(bad);

		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).startsWith("schema: ").contains("Deadly");
		assertThat(problems.get(1))
			.isEqualTo("expires 2026-11-22T09:15:00+00:00 must be after sent 2026-11-23T09:15:00+00:00");
		var exception = new CapValidator.InvalidCapException(problems);
		assertThat(exception.problems()).isEqualTo(problems);
		assertThat(exception).hasMessage("Generated CAP 1.2 is invalid: " + String.join("; ", problems));
	}

}
