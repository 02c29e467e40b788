package org.harmwatch.earlywarning.internal.alerts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CAP writer puts every field of the message in its element, in the schema's order,
 * indented by two spaces, and leaves out what is absent.
 */
class CapWriterTests {

	static CapMessage.Info info(String audience, List<CapMessage.Area> areas) {
		return new CapMessage.Info("Drug alert", "Avoid", "Immediate", "Extreme", "Observed", audience, List.of(),
				"2026-12-07T09:15:00+00:00", "Harmwatch West Midlands", "Nitazene in heroin", "Blue tablets",
				"Carry naloxone.", "https://harmwatch.example/alerts/HW-1", List.of(), areas);
	}

	@Test
	void writesEveryFieldInSchemaOrder() {
		var message = new CapMessage("HW-1-2", "ew@harmwatch.example", "2026-11-23T09:15:00+00:00", "Exercise",
				"Update", "Restricted", "Drug services only", "A drill",
				List.of("ew@harmwatch.example,HW-1-1,2026-11-22T09:15:00+00:00",
						"ew@harmwatch.example,HW-1-0,2026-11-21T09:15:00+00:00"),
				List.of(info("Professionals",
						List.of(new CapMessage.Area("Birmingham", "E08000025",
								"52.40,-2.00 52.40,-1.80 52.55,-1.80 52.55,-2.00 52.40,-2.00"),
								new CapMessage.Area("Solihull", "E08000029", null))),
						info("Public", List.of())));

		var xml = CapWriter.write(message);

		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"")
			.contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">")
			.contains("\n  <identifier>HW-1-2</identifier>\n")
			.contains("\n    <language>en-GB</language>\n")
			.contains("\n      <areaDesc>Birmingham</areaDesc>\n")
			.contains("\n        <valueName>ONS-GSS</valueName>\n");
		assertThat(xml).containsSubsequence("<identifier>HW-1-2</identifier>", "<sender>ew@harmwatch.example</sender>",
				"<sent>2026-11-23T09:15:00+00:00</sent>", "<status>Exercise</status>", "<msgType>Update</msgType>",
				"<scope>Restricted</scope>", "<restriction>Drug services only</restriction>", "<note>A drill</note>",
				"<references>ew@harmwatch.example,HW-1-1,2026-11-22T09:15:00+00:00 "
						+ "ew@harmwatch.example,HW-1-0,2026-11-21T09:15:00+00:00</references>",
				"<info>", "<language>en-GB</language>", "<category>Health</category>", "<event>Drug alert</event>",
				"<responseType>Avoid</responseType>", "<urgency>Immediate</urgency>", "<severity>Extreme</severity>",
				"<certainty>Observed</certainty>", "<audience>Professionals</audience>",
				"<expires>2026-12-07T09:15:00+00:00</expires>", "<senderName>Harmwatch West Midlands</senderName>",
				"<headline>Nitazene in heroin</headline>", "<description>Blue tablets</description>",
				"<instruction>Carry naloxone.</instruction>", "<web>https://harmwatch.example/alerts/HW-1</web>",
				"<area>", "<areaDesc>Birmingham</areaDesc>",
				"<polygon>52.40,-2.00 52.40,-1.80 52.55,-1.80 52.55,-2.00 52.40,-2.00</polygon>", "<geocode>",
				"<valueName>ONS-GSS</valueName>", "<value>E08000025</value>", "</area>", "<area>",
				"<areaDesc>Solihull</areaDesc>", "<geocode>", "<value>E08000029</value>", "</area>", "</info>",
				"<info>", "<audience>Public</audience>", "</info>", "</alert>");
		// one polygon: the area without one has none
		assertThat(xml.split("<polygon>", -1)).hasSize(2);
		assertThat(xml.split("<info>", -1)).hasSize(3);
		assertThat(CapValidator.problems(xml)).isEmpty();
	}

	@Test
	void leavesOutWhatIsAbsent() {
		var message = new CapMessage("HW-1-1", "ew@harmwatch.example", "2026-11-23T09:15:00+00:00", "Actual", "Alert",
				"Public", null, null, List.of(), List.of(info("Public", List.of())));

		var xml = CapWriter.write(message);

		assertThat(xml).doesNotContain("<restriction>", "<note>", "<references>", "<area>");
		assertThat(CapValidator.problems(xml)).isEmpty();
	}

}
