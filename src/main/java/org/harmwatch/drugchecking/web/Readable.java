package org.harmwatch.drugchecking.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text of a form that must read as a value of a type: the name of one of an enum's
 * constants (in any case), a number ({@code java.math.BigDecimal}) or a date
 * ({@code java.time.LocalDate}, yyyy-mm-dd within the accepted years). Empty text is
 * valid: whether a value is needed is the module's rule. On a list, every element must
 * read.
 */
@Documented
@Constraint(validatedBy = ReadableValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@interface Readable {

	/** The type the text must read as. */
	Class<?> value();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
