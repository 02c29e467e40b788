package org.harmwatch.earlywarning.internal.federation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.harmwatch.earlywarning.internal.alerts.CapWriter;
import org.harmwatch.earlywarning.internal.federation.CapReader.InvalidCapException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading CAP 1.2 from another system: what is taken out of a valid message, which info
 * block is read, and the reason given for a document that is refused (not XML, a DOCTYPE,
 * not CAP, not valid CAP).
 */
class CapReaderTests {

	static String cap(String status, String msgType, String references) {
		var area = new org.harmwatch.earlywarning.internal.alerts.CapMessage.Area("Birmingham", "E08000025",
				"52.40,-2.00 52.40,-1.80 52.55,-1.80 52.55,-2.00 52.40,-2.00");
		var info = new org.harmwatch.earlywarning.internal.alerts.CapMessage.Info("Drug alert", "Avoid", "Expected",
				"Severe", "Observed", "Public", List.of(), "2026-12-07T09:15:00+01:00", "West Midlands",
				"Fentanyl in heroin", "Grey-brown powder", "Carry naloxone.", "https://wm.example/alerts/7", List.of(),
				List.of(area));
		return CapWriter.write(new org.harmwatch.earlywarning.internal.alerts.CapMessage("WM-7", "wm@example.org",
				"2026-11-23T09:15:00+01:00", status, msgType, "Public", null, null,
				references == null ? List.of() : List.of(references), List.of(info)));
	}

	static CapMessage read(String xml) throws InvalidCapException {
		return CapReader.read(CapReader.parse(xml.getBytes(StandardCharsets.UTF_8)), xml);
	}

	@Test
	void takesOutTheHeaderTheInfoAndTheGssCodes() throws Exception {
		var xml = cap("Actual", "Alert", null);

		var message = read(xml);

		assertThat(message.identifier()).isEqualTo("WM-7");
		assertThat(message.sender()).isEqualTo("wm@example.org");
		assertThat(message.sent()).isEqualTo(Instant.parse("2026-11-23T08:15:00Z"));
		assertThat(message.status()).isEqualTo("Actual");
		assertThat(message.messageType()).isEqualTo("Alert");
		assertThat(message.references()).isNull();
		assertThat(message.event()).isEqualTo("Drug alert");
		assertThat(message.headline()).isEqualTo("Fentanyl in heroin");
		assertThat(message.description()).isEqualTo("Grey-brown powder");
		assertThat(message.instruction()).isEqualTo("Carry naloxone.");
		assertThat(message.severity()).isEqualTo("Severe");
		assertThat(message.urgency()).isEqualTo("Expected");
		assertThat(message.certainty()).isEqualTo("Observed");
		assertThat(message.expires()).isEqualTo(Instant.parse("2026-12-07T08:15:00Z"));
		assertThat(message.web()).isEqualTo("https://wm.example/alerts/7");
		assertThat(message.areas()).containsExactly("Birmingham");
		assertThat(message.gssCodes()).containsExactly("E08000025");
		assertThat(message.xml()).isEqualTo(xml);
		assertThat(CapReader.isCap(CapReader.parse(xml.getBytes(StandardCharsets.UTF_8)))).isTrue();
	}

	@Test
	void readsUtcWrittenMinusZeroAsCap12Says() throws Exception {
		var message = read(cap("Actual", "Alert", null).replace("+01:00", "-00:00"));

		assertThat(message.sent()).isEqualTo(Instant.parse("2026-11-23T09:15:00Z"));
		assertThat(message.expires()).isEqualTo(Instant.parse("2026-12-07T09:15:00Z"));
	}

	@Test
	void anUpdateKeepsItsReferences() throws Exception {
		var message = read(cap("Exercise", "Update", "wm@example.org,WM-6,2026-11-22T09:15:00+01:00"));

		assertThat(message.status()).isEqualTo("Exercise");
		assertThat(message.messageType()).isEqualTo("Update");
		assertThat(message.references()).isEqualTo("wm@example.org,WM-6,2026-11-22T09:15:00+01:00");
	}

	@Test
	void readsTheEnglishInfoBlockWhereThereIsOne() throws Exception {
		var xml = cap("Actual", "Alert", null);
		var english = xml.substring(xml.indexOf("<info>"), xml.indexOf("</info>") + "</info>".length());
		var welsh = english.replace("<language>en-GB</language>", "<language>cy</language>")
			.replace("Fentanyl in heroin", "Fentanyl mewn heroin")
			.replace("<value>E08000025</value>", "<value>W06000015</value>");

		assertThat(read(xml.replace(english, welsh + english)).headline()).isEqualTo("Fentanyl in heroin");
		assertThat(read(xml.replace(english, welsh + english)).gssCodes()).containsExactly("E08000025");
		// only Welsh: the first block
		assertThat(read(xml.replace(english, welsh)).headline()).isEqualTo("Fentanyl mewn heroin");
		// a block without a language is English (CAP's default is en-US)
		var noLanguage = english.replace("<language>en-GB</language>", "").replace("Fentanyl in heroin", "No language");
		assertThat(read(xml.replace(english, welsh + noLanguage)).headline()).isEqualTo("No language");
		// upper-case language codes count
		var upper = english.replace("<language>en-GB</language>", "<language>EN</language>")
			.replace("Fentanyl in heroin", "Upper case");
		assertThat(read(xml.replace(english, welsh + upper)).headline()).isEqualTo("Upper case");
	}

	@Test
	void takesOnlyGssGeocodesAndEveryAreaDescription() throws Exception {
		var xml = cap("Actual", "Alert", null);
		var area = xml.substring(xml.indexOf("<area>"), xml.indexOf("</area>") + "</area>".length());
		var other = area.replace("Birmingham", "Solihull")
			.replace("<valueName>ONS-GSS</valueName>", "<valueName>gss</valueName>")
			.replace("E08000025", "E08000029");
		var fips = area.replace("Birmingham", "Somewhere")
			.replace("<valueName>ONS-GSS</valueName>", "<valueName>FIPS6</valueName>")
			.replace("E08000025", "06073");

		var message = read(xml.replace(area, area + other + fips));

		assertThat(message.areas()).containsExactly("Birmingham", "Solihull", "Somewhere");
		assertThat(message.gssCodes()).containsExactly("E08000025", "E08000029");
	}

	@Test
	void aMessageWithoutInfoHasNoInfoFields() throws Exception {
		var xml = cap("Actual", "Update", "wm@example.org,WM-6,2026-11-22T09:15:00+01:00")
			.replaceAll("(?s)<info>.*</info>", "");

		var message = read(xml);

		assertThat(message.event()).isNull();
		assertThat(message.headline()).isNull();
		assertThat(message.description()).isNull();
		assertThat(message.instruction()).isNull();
		assertThat(message.severity()).isNull();
		assertThat(message.urgency()).isNull();
		assertThat(message.certainty()).isNull();
		assertThat(message.expires()).isNull();
		assertThat(message.web()).isNull();
		assertThat(message.areas()).isEmpty();
		assertThat(message.gssCodes()).isEmpty();
	}

	@Test
	void emptyOptionalElementsReadAsAbsent() throws Exception {
		var xml = cap("Actual", "Alert", null).replaceAll("<expires>[^<]*</expires>", "")
			.replace("<description>Grey-brown powder</description>", "<description>  </description>");

		var message = read(xml);

		assertThat(message.expires()).isNull();
		assertThat(message.description()).isNull();
	}

	@Test
	void aBlankRequiredElementIsMissing() {
		var xml = cap("Actual", "Alert", null).replace("<identifier>WM-7</identifier>", "<identifier> </identifier>");

		assertThatThrownBy(() -> read(xml)).isInstanceOf(InvalidCapException.class).hasMessage("missing identifier");
	}

	@Test
	void refusesWhatIsNotWellFormed() {
		assertThatThrownBy(() -> CapReader.parse("<alert>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidCapException.class)
			.hasMessageStartingWith("not well-formed XML: ");
	}

	@Test
	void refusesAnyDoctypeSoNoEntityIsResolved() {
		var xml = cap("Actual", "Alert", null)
			.replaceFirst("\\?>", "?><!DOCTYPE alert [<!ENTITY status SYSTEM \"file:///etc/hostname\">]>")
			.replace("<status>Actual</status>", "<status>&status;</status>");

		assertThatThrownBy(() -> CapReader.parse(xml.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidCapException.class)
			.hasMessageStartingWith("not well-formed XML: ")
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void refusesAnotherRootOrNamespace() throws Exception {
		var feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>";
		assertThat(CapReader.isCap(CapReader.parse(feed.getBytes(StandardCharsets.UTF_8)))).isFalse();
		assertThatThrownBy(() -> read(feed)).isInstanceOf(InvalidCapException.class)
			.hasMessage("not a CAP 1.2 alert (root element feed)");
		var cap11 = cap("Actual", "Alert", null).replace(CapReader.NAMESPACE, "urn:oasis:names:tc:emergency:cap:1.1");
		assertThat(CapReader.isCap(CapReader.parse(cap11.getBytes(StandardCharsets.UTF_8)))).isFalse();
		var alertElsewhere = "<alert xmlns=\"urn:example\"/>";
		assertThat(CapReader.isCap(CapReader.parse(alertElsewhere.getBytes(StandardCharsets.UTF_8)))).isFalse();
		var otherCapElement = "<info xmlns=\"" + CapReader.NAMESPACE + "\"/>";
		assertThat(CapReader.isCap(CapReader.parse(otherCapElement.getBytes(StandardCharsets.UTF_8)))).isFalse();
	}

	@Test
	void refusesAMessageTheSchemaRejectsWithTheSchemasReason() {
		var xml = cap("Actual", "Alert", null).replace("<severity>Severe</severity>", "<severity>Deadly</severity>");

		assertThatThrownBy(() -> read(xml)).isInstanceOf(InvalidCapException.class)
			.hasMessageStartingWith("not valid against the CAP 1.2 schema: schema: ")
			.hasMessageContaining("Deadly");
	}

}
