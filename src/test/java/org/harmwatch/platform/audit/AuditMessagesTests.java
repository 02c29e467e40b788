package org.harmwatch.platform.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.harmwatch.platform.audit.AuditChainCheck.Kind;
import org.harmwatch.platform.audit.AuditChainCheck.Problem;
import org.harmwatch.platform.audit.AuditCheckpoints.Checkpoint;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way the chain check can fail has a sentence on the audit check page that says
 * where and why.
 */
class AuditMessagesTests {

	final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	{
		messages.setBasename("messages/platform");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	final Checkpoint checkpoint = new Checkpoint(25, "ab".repeat(32), Instant.parse("2026-11-25T10:00:00Z"),
			"0123456789abcdef", "cd".repeat(32), 3);

	String sentence(Kind kind) {
		var problem = new Problem(kind, 23, 1234L, "0123456789abcdef", checkpoint, 22, 7);
		return messages.getMessage("audit.problem." + kind.name(), problem.arguments(ZoneId.of("Europe/London")),
				Locale.UK);
	}

	@Test
	void everyProblemHasASentence() {
		for (var kind : Kind.values()) {
			assertThat(sentence(kind)).as(kind.name()).isNotBlank().doesNotContain("{").doesNotContain("}");
		}
	}

	@Test
	void theSentencesSayWhichEntryAndWhy() {
		assertThat(sentence(Kind.CHANGED))
			.isEqualTo("Entry 23 (No. 1234) was changed after it was written: its contents no longer match its seal.");
		assertThat(sentence(Kind.MISSING)).isEqualTo("Entry 23 is missing: it was removed from the log.");
		assertThat(sentence(Kind.TAIL_MISSING)).isEqualTo("The log ends at entry 22, but the checkpoint taken at "
				+ "2026-11-25 10:00:00 recorded entry 25: the newest entries, from entry 23 on, were removed.");
		assertThat(sentence(Kind.UNKNOWN_KEY)).contains("was sealed with key 0123456789abcdef");
		assertThat(sentence(Kind.CHECKPOINT_FORGED)).startsWith("Line 7 of the checkpoint file");
		assertThat(new Problem(Kind.CHANGED, 12345, 12350L, null, null, 12344, 0).arguments(ZoneId.of("UTC")))
			.as("numbers as the search shows them")
			.startsWith("12345", "12350");
	}

}
