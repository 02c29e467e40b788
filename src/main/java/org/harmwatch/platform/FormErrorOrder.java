package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.Comparator;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A redrawn form's errors in the order its fields appear on the page, so that the error
 * summary reads top to bottom like the form (part of the web idiom, ADR 9).
 */
public final class FormErrorOrder {

	private FormErrorOrder() {
	}

	/**
	 * Puts the errors of the form in the model under {@code name} in the order of the
	 * form record's components, rows of a list in their order ({@code components[2].text}
	 * after {@code components[1].text}), with problems that belong to no field first.
	 */
	public static void inPageOrder(Model model, String name) {
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
			var field = error.getField();
			int cut = field.indexOf('[');
			int index = order.indexOf(cut < 0 ? field : field.substring(0, cut));
			return index < 0 ? order.size() : index;
		}).thenComparingInt(error -> row(error.getField()))).forEach(sorted::addError);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, sorted);
	}

	/** The row of a list field ({@code components[2].text} is 2), or -1. */
	private static int row(String field) {
		int open = field.indexOf('[');
		int close = field.indexOf(']');
		if (open < 0 || close < open) {
			return -1;
		}
		try {
			return Integer.parseInt(field.substring(open + 1, close));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
