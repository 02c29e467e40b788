package org.harmwatch.substances.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of vocabulary problems, resolved from their codes with the bundles the
 * application reads, so that unit tests assert what people are shown.
 */
final class SubstanceMessages {

	static final MessageSource MESSAGES = messages();

	private SubstanceMessages() {
	}

	private static MessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("messages/substances", "messages/imports");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/** The problem's words. */
	static String message(RowProblem problem) {
		return MESSAGES.getMessage(problem.problem(), Locale.UK);
	}

	/** The problem as one line, e.g. "Row 4, aliases: ‘spice’ already belongs to …". */
	static String describe(RowProblem problem) {
		return (problem.row() == null ? "" : "Row " + problem.row() + ", ") + problem.field() + ": " + message(problem);
	}

}
