package org.harmwatch.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key a template names exists in a module's message bundle, so no page
 * shows "??key_en??".
 */
class MessagesTests {

	/** {@code #{key}} and {@code #{key(args)}} with a literal key. */
	static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

	@Test
	void everyKeyUsedByATemplateIsDefined() throws IOException {
		var messages = new Properties();
		try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/messages"))) {
			for (var bundle : bundles
				.filter(p -> p.toString().endsWith(".properties") && !p.getFileName().toString().contains("_"))
				.toList()) {
				try (var reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
					messages.load(reader);
				}
			}
		}
		var missing = new TreeSet<String>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (var template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				var matcher = KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!messages.containsKey(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys used in templates but not defined").isEmpty();
	}

}
