package org.harmwatch.agency.web;

import java.util.ArrayList;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the administration forms share: errors in page order, the current values after a
 * clash, and reading text.
 */
final class FormErrors {

	/** Message key for a change based on values someone else has changed since. */
	static final String CHANGED_MEANWHILE = "admin.error.changedMeanwhile";

	private FormErrors() {
	}

	/**
	 * Puts a form's errors in the order its fields appear on the page (the order of the
	 * record's components), with problems that belong to no field first, so the error
	 * summary reads top to bottom like the form.
	 */
	static void inPageOrder(Model model, String name) {
		if (!(model.getAttribute(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult result)
				|| !result.hasErrors() || result.getTarget() == null) {
			return;
		}
		var target = result.getTarget();
		var order = new ArrayList<String>();
		if (target.getClass().isRecord()) {
			for (var component : target.getClass().getRecordComponents()) {
				order.add(component.getName());
			}
		}
		var sorted = new BeanPropertyBindingResult(target, name);
		result.getGlobalErrors().forEach(sorted::addError);
		result.getFieldErrors().stream().sorted(Comparator.comparingInt((FieldError error) -> {
			int index = order.indexOf(error.getField());
			return index < 0 ? order.size() : index;
		})).forEach(sorted::addError);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, sorted);
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
