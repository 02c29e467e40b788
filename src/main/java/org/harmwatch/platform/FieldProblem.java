package org.harmwatch.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * One thing wrong with what someone sent: the field it is in, and a message code with its
 * arguments.
 *
 * <p>
 * The words are in the message bundles ({@code messages/*.properties}), never in Java: a
 * page or problem document resolves the code for the reader's locale. An argument may
 * itself be a {@link MessageSourceResolvable} (another code), which is resolved too.
 *
 * @param field the form field or JSON property ({@code substances[0].text}), or
 * {@code null} for the input as a whole
 * @param code the message code, e.g. {@code substances.error.nameTaken}
 * @param arguments the values the message shows, in order ({0}, {1}…)
 */
public record FieldProblem(@Nullable String field, String code,
		List<@Nullable Object> arguments) implements MessageSourceResolvable {

	public FieldProblem {
		arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	/** A problem in one field. */
	public static FieldProblem of(String field, String code, @Nullable Object... arguments) {
		return new FieldProblem(field, code, Arrays.asList(arguments));
	}

	/** A problem with the input as a whole, shown without a link to a field. */
	public static FieldProblem global(String code, @Nullable Object... arguments) {
		return new FieldProblem(null, code, Arrays.asList(arguments));
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public @Nullable Object[] getArguments() {
		return arguments.toArray();
	}

	/**
	 * The code itself, so that a code missing from the bundles shows as itself rather
	 * than failing the page.
	 */
	@Override
	public String getDefaultMessage() {
		return code;
	}

}
