package org.harmwatch.drugchecking.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field mode's script shows only texts from the message bundle: every
 * {@code t('key')} it uses is a data- attribute of the page's {@code #field-texts}, which
 * {@code MessagesTests} checks against the bundle.
 */
class FieldModeTextsTests {

	static final Pattern USED = Pattern
		.compile("\\bt\\('([a-zA-Z]+)'|'(\\w+(?:One|Many))'|kind(?:Sample|Result|Consultation)");

	@Test
	void everyTextTheScriptShowsIsOnThePageFromTheBundle() throws IOException {
		var script = Files.readString(Path.of("src/main/resources/static/js/drugchecking-field.js"));
		var page = Files.readString(Path.of("src/main/resources/templates/drugchecking/field.html"));
		var used = new TreeSet<String>();
		var matcher = USED.matcher(script);
		while (matcher.find()) {
			used.add(matcher.group(1) != null ? matcher.group(1)
					: matcher.group(2) != null ? matcher.group(2) : matcher.group());
		}
		assertThat(used).contains("stateWaiting", "samplesOne", "samplesMany", "kindResult", "keepMine");
		var missing = new TreeSet<String>();
		for (var key : used) {
			var attribute = key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			if (!page.contains("th:data-" + attribute + "=\"#{drugcheckingfield.js." + attribute + "}\"")) {
				missing.add(key);
			}
		}
		assertThat(missing).as("texts the script uses that the page does not give it").isEmpty();
		// No sentence of English left in the script's own code (comments aside).
		var code = script.lines().filter(line -> !line.strip().startsWith("//")).reduce("", (a, b) -> a + "\n" + b);
		assertThat(Pattern.compile("'[A-Z][a-z]+ [a-z]+[^']*'").matcher(code).results().map(r -> r.group()).toList())
			.as("hard-coded texts")
			.isEmpty();
	}

}
