package org.harmwatch.platform.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.harmwatch.platform.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import facility's and the vocabulary's words are message codes resolved from the
 * bundles: every code their Java names is in a bundle, and a code's arguments are shown
 * in its words.
 */
class ImportMessagesTests {

	static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("messages/imports", "messages/substances", "messages/platform");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	/** A message code written in Java or SQL, in double or single quotes. */
	static final Pattern CODE = Pattern.compile("[\"']((imports|substances)\\.[A-Za-z0-9_.]*[A-Za-z0-9])[\"']");

	static List<Path> sources(String directory) throws IOException {
		try (var files = Files.walk(Path.of("src/main/java/org/harmwatch", directory))) {
			return files.filter(p -> p.toString().endsWith(".java")).toList();
		}
	}

	@Test
	void everyCodeTheJavaNamesIsInABundle() throws IOException {
		var codes = new TreeSet<String>();
		for (var directory : List.of("platform/imports", "substances")) {
			for (var source : sources(directory)) {
				var matcher = CODE.matcher(Files.readString(source));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		for (var reason : ColumnMapping.Reason.values()) {
			codes.add(new ColumnMapping.ColumnProblem("name", reason).code());
		}
		assertThat(codes).as("the scan finds the codes")
			.contains("imports.failure.interrupted", "imports.rejected.binary", "substances.rule.name.taken",
					"imports.mapping.MISSING");
		var missing = new ArrayList<String>();
		for (var code : codes) {
			try {
				MESSAGES.getMessage(code, null, Locale.UK);
			}
			catch (NoSuchMessageException ex) {
				missing.add(code);
			}
		}
		assertThat(missing).as("codes without words").isEmpty();
	}

	@Test
	void aCodesArgumentsAreShownInItsWords() {
		assertThat(MESSAGES.getMessage(ImportProblem.of(6, null, "imports.problem.fieldCount", 1, 2), Locale.UK))
			.isEqualTo("Has 1 fields; the header has 2.");
		assertThat(MESSAGES.getMessage(ImportProblem.of(3, null, ImportProblem.TEXT, "No name."), Locale.UK))
			.as("words passed through the text code are kept as they are, quotes and braces too")
			.isEqualTo("No name.");
		assertThat(MESSAGES.getMessage(ImportProblem.of(3, null, ImportProblem.TEXT, "It's {0} 'quoted'"), Locale.UK))
			.isEqualTo("It's {0} 'quoted'");
		assertThat(MESSAGES.getMessage(
				new ColumnMapping.ColumnProblem("sampleKey", ColumnMapping.Reason.NOT_IN_HEADER).problem(), Locale.UK))
			.isEqualTo("Choose a column from the file's header for sampleKey.");
		FieldProblem refused = new ImportRejectedException("imports.rejected.size", List.of("50"), "ignored")
			.problem("file");
		assertThat(refused.field()).isEqualTo("file");
		assertThat(MESSAGES.getMessage(refused, Locale.UK)).isEqualTo("Choose a CSV file smaller than 50 MB.");
		assertThat(MESSAGES.getMessage("imports.failure.interrupted", new Object[] { "3" }, Locale.UK))
			.isEqualTo("The import was interrupted 3 times, so it was stopped. Nothing was imported.");
		assertThat(MESSAGES.getMessage("substances.rule.name.belongs.row", new Object[] { "spice", "Spice", "4" },
				Locale.UK))
			.isEqualTo("'spice' already belongs to Spice (row 4); a name can belong to one substance only.");
	}

}
