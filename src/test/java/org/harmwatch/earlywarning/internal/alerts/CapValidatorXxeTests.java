package org.harmwatch.earlywarning.internal.alerts;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The validator never reads a file or URL a document names (XML external entities): the
 * entity here would turn an invalid status into the valid {@code Actual}, so a validator
 * that resolved it would accept the document.
 */
class CapValidatorXxeTests {

	@TempDir
	Path dir;

	private String withExternalEntity() throws Exception {
		var file = Files.writeString(this.dir.resolve("status.txt"), "Actual");
		return withDoctype("<!DOCTYPE alert [<!ENTITY status SYSTEM \"" + file.toUri() + "\">]>");
	}

	private static String withDoctype(String doctype) {
		var good = CapValidatorTests.good();
		assertThat(good).contains("<status>Actual</status>");
		return good.replaceFirst("\\?>", "?>" + doctype)
			.replace("<status>Actual</status>", "<status>&status;</status>");
	}

	@Test
	void theSchemaCheckRefusesAnExternalEntity() throws Exception {
		var problem = CapValidator.schemaProblem(new StreamSource(new StringReader(withExternalEntity())));

		assertThat(problem).hasValueSatisfying(p -> assertThat(p).startsWith("schema: ").contains("accessExternalDTD"));
	}

	@Test
	void theSchemaCheckRefusesAnExternalDtd() throws Exception {
		var dtd = Files.writeString(this.dir.resolve("cap.dtd"), "<!ENTITY status \"Actual\">");
		var xml = withDoctype("<!DOCTYPE alert SYSTEM \"" + dtd.toUri() + "\">");

		var problem = CapValidator.schemaProblem(new StreamSource(new StringReader(xml)));

		assertThat(problem).hasValueSatisfying(p -> assertThat(p).contains("accessExternalDTD"));
	}

	@Test
	void capsOwnRulesRefuseAnyDoctypeSoNoEntityIsExpanded() throws Exception {
		var xml = withExternalEntity();

		assertThatThrownBy(() -> CapValidator.ownRules(xml)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Could not parse CAP")
			.cause()
			.hasMessageContaining("DOCTYPE");
		assertThatThrownBy(() -> CapValidator.problems(xml)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> CapValidator.requireValid(xml)).isInstanceOf(IllegalStateException.class);
		// an internal entity (the start of a "billion laughs") is refused in the same way
		var internal = withDoctype("<!DOCTYPE alert [<!ENTITY status \"Actual\">]>");
		assertThatThrownBy(() -> CapValidator.ownRules(internal)).isInstanceOf(IllegalStateException.class);
	}

}
