package org.harmwatch.earlywarning;

import java.util.List;
import java.util.Locale;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Early warning's message bundles as the application reads them, for unit tests that
 * check the words a problem shows.
 */
public final class EarlyWarningMessages {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("messages/platform", "messages/earlywarning", "messages/earlywarning-panel",
				"messages/alerts");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private EarlyWarningMessages() {
	}

	/** The words of one problem; fails when its code is in no bundle. */
	public static String text(FieldProblem problem) {
		return MESSAGES.getMessage(problem.code(), problem.getArguments(), Locale.UK);
	}

	/** The words of every problem of a rejection, in order. */
	public static List<String> texts(InputRejectedException ex) {
		return ex.problems().stream().map(EarlyWarningMessages::text).toList();
	}

}
