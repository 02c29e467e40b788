package org.harmwatch.agency.web;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * What the administration forms share: the current values after a clash, and reading text
 * (errors in page order: {@link org.harmwatch.platform.FormErrorOrder}).
 */
final class FormErrors {

	/** Message key for a change based on values someone else has changed since. */
	static final String CHANGED_MEANWHILE = "admin.error.changedMeanwhile";

	private FormErrors() {
	}

	/** Trims a value, and treats an empty or blank one as not given. */
	static @Nullable String trim(@Nullable String value) {
		if (value == null) {
			return null;
		}
		var trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * Whether a checkbox was ticked: it sends {@code true} (or {@code on}) when ticked
	 * and nothing when not.
	 */
	static boolean ticked(@Nullable String value) {
		return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
	}

	/** A whole number sent as text, or {@code null} if none or not a number. */
	static @Nullable Integer number(@Nullable String value) {
		if (value == null || !value.matches("\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(value);
	}

	static @Nullable String text(@Nullable Integer value) {
		return value == null ? null : value.toString();
	}

	/**
	 * Replaces a submitted form with the record's current values, with a message that
	 * someone else changed it.
	 *
	 * <p>
	 * The person sees what is there now and makes their change again, rather than
	 * overwriting the other change.
	 */
	static void showCurrent(Model model, String name, Object current) {
		model.addAttribute(name, current);
		var result = new BeanPropertyBindingResult(current, name);
		result.reject(CHANGED_MEANWHILE);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
	}

}
