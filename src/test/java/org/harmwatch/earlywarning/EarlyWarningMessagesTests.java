package org.harmwatch.earlywarning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.harmwatch.earlywarning.internal.Alert;
import org.harmwatch.platform.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message code early warning and dissemination name in Java is in their bundles, so
 * that no page shows a code where words belong.
 */
class EarlyWarningMessagesTests {

	/**
	 * A code as the modules write it: their prefixes, then the rest of the key (a prefix
	 * completed at run time, such as {@code "alerts.refusal."}, ends in a dot and is not
	 * one).
	 */
	private static final Pattern CODE = Pattern
		.compile("\"\\{?((?:earlywarning|alerts|dissemination)\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\\}?\"");

	@Test
	void everyCodeInTheModulesJavaIsInTheirBundles() throws IOException {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/earlywarning", "messages/earlywarning-panel", "messages/earlywarning-home",
				"messages/alerts", "messages/dissemination", "messages/dissemination-home");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		var codes = new TreeSet<String>();
		for (var module : new String[] { "earlywarning", "dissemination" }) {
			try (var files = Files.walk(Path.of("src/main/java/org/harmwatch", module))) {
				for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					var matcher = CODE.matcher(Files.readString(file));
					while (matcher.find()) {
						codes.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(codes).as("the codes found").hasSizeGreaterThan(80);
		var missing = new TreeSet<String>();
		for (var code : codes) {
			try {
				messages.getMessage(code, null, Locale.UK);
			}
			catch (NoSuchMessageException ex) {
				missing.add(code);
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRefusalOfAnAlertHasItsWords() {
		for (var refusal : Alert.Refusal.values()) {
			assertThat(EarlyWarningMessages.text(refusal.problem())).as(refusal.name())
				.isNotBlank()
				.doesNotContain(refusal.code());
		}
		assertThat(EarlyWarningMessages.text(Alert.Refusal.OWN_DRAFT.problem()))
			.isEqualTo("The drafter cannot approve their own alert: another person must.");
		assertThat(EarlyWarningMessages
			.text(FieldProblem.of("outcomes", "earlywarning.error.api.outcomeRepeated", "OVERDOSE")))
			.isEqualTo("'OVERDOSE' is listed more than once.");
	}

}
