package org.harmwatch.platform;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * What was asked for does not exist (or the person may not know it exists); answered 404
 * with the message the code names: a page, or {@code application/problem+json} for an API
 * or JSON request.
 */
public class NotFoundException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final List<@Nullable Object> arguments;

	/**
	 * @param code the message code, e.g. {@code substances.error.notFound}
	 * @param arguments what the message shows, e.g. the identifier asked for
	 */
	public NotFoundException(String code, @Nullable Object... arguments) {
		super(code + Arrays.toString(arguments));
		this.code = code;
		this.arguments = Arrays.asList(arguments.clone());
	}

	public String code() {
		return code;
	}

	@Override
	public String[] getCodes() {
		return new String[] { code, "error.notFound" };
	}

	@Override
	public @Nullable Object[] getArguments() {
		return arguments.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return code;
	}

}
