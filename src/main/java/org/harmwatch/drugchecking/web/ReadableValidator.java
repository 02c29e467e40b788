package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link Readable}: whether text reads as the type it stands for. */
class ReadableValidator implements ConstraintValidator<Readable, Object> {

	private Class<?> type = String.class;

	@Override
	public void initialize(Readable annotation) {
		this.type = annotation.value();
	}

	@Override
	public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
		if (value instanceof Collection<?> values) {
			return values.stream().allMatch(v -> v == null || v instanceof String text && reads(text));
		}
		return value == null || value instanceof String text && reads(text);
	}

	private boolean reads(String text) {
		if (text.isBlank()) {
			return true;
		}
		if (type.isEnum()) {
			return FormText.constant(type.asSubclass(Enum.class), text) != null;
		}
		if (type == BigDecimal.class) {
			return FormText.number(text) != null;
		}
		if (type == LocalDate.class) {
			return FormText.date(text) != null;
		}
		throw new IllegalStateException("@Readable does not know " + type.getName());
	}

}
