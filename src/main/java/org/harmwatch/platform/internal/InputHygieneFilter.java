package org.harmwatch.platform.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.harmwatch.platform.SafeText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The one place that refuses text no endpoint can store: a NUL character or half of a
 * surrogate pair in any request parameter (query string, form field, multipart field or
 * file name) or in any string or property name of a JSON body, and form fields longer
 * than any form would send.
 *
 * <p>
 * It runs before sign-in and every controller, so a refused request changes nothing.
 * Programs get {@code application/problem+json} naming the field; browsers get the error
 * page, which names it too. The person's form is not lost: these characters cannot be
 * typed, so they came from a paste or a program, and Back brings the form back as it was.
 */
public class InputHygieneFilter extends OncePerRequestFilter {

	/**
	 * The request attribute that tells the error page which field was refused (read by
	 * {@code ErrorPageController}).
	 */
	public static final String REFUSED_FIELD = "org.harmwatch.platform.input.refusedField";

	/** The request attribute that tells the error page why: a {@link Kind} name. */
	public static final String REFUSED_KIND = "org.harmwatch.platform.input.refusedKind";

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private final InputProperties properties;

	InputHygieneFilter(InputProperties properties) {
		this.properties = properties;
	}

	/** Why a field is refused. */
	public enum Kind {

		/** It holds a NUL character or half of a surrogate pair. */
		UNSAFE_TEXT,

		/** It is longer than any form sends. */
		TOO_LONG,

		/** The whole body is larger than any API accepts. */
		TOO_LARGE,

		/** The name of an uploaded file holds a character names may not hold. */
		FILE_NAME

	}

	/** A field that cannot be accepted, and why (the end of a sentence). */
	record Refusal(String field, Kind kind, String reason) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var refusal = checkParameters(request);
		if (refusal == null) {
			refusal = checkFileNames(request);
		}
		if (refusal == null && isJson(request)) {
			long declared = request.getContentLengthLong();
			long max = properties.maxJsonBody().toBytes();
			if (declared > max) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, new Refusal("body", Kind.TOO_LARGE,
						"is larger than " + properties.maxJsonBody().toMegabytes() + " MB"));
				return;
			}
			byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
			if (body.length > max) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, new Refusal("body", Kind.TOO_LARGE,
						"is larger than " + properties.maxJsonBody().toMegabytes() + " MB"));
				return;
			}
			refusal = checkJson(body, charset(request));
			request = new CachedBody(request, body);
		}
		if (refusal != null) {
			refuse(request, response, HttpStatus.BAD_REQUEST, refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	private @Nullable Refusal checkParameters(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidFileNameException ex) {
			// Tomcat reads the parts of a multipart form with the parameters, and stops
			// at a NUL in a file's name.
			return new Refusal("file", Kind.FILE_NAME,
					"has a name with a NUL character, which file names may not hold");
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			var name = parameter.getKey();
			var nameProblem = SafeText.problem(name);
			if (nameProblem != null) {
				return new Refusal(printable(name), Kind.UNSAFE_TEXT, "the name of a field " + nameProblem);
			}
			for (var value : parameter.getValue()) {
				if (value == null) {
					continue;
				}
				var problem = SafeText.problem(value);
				if (problem != null) {
					return new Refusal(name, Kind.UNSAFE_TEXT, problem);
				}
				if (value.length() > properties.maxParameterLength()) {
					return new Refusal(name, Kind.TOO_LONG,
							String.format(Locale.ENGLISH, "is %,d characters long; at most %,d are accepted",
									value.length(), properties.maxParameterLength()));
				}
			}
		}
		return null;
	}

	private static @Nullable Refusal checkFileNames(HttpServletRequest request) throws IOException, ServletException {
		var type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return null;
		}
		for (var part : request.getParts()) {
			var filename = part.getSubmittedFileName();
			if (filename != null) {
				var problem = SafeText.problem(filename);
				if (problem != null) {
					return new Refusal(part.getName(), Kind.FILE_NAME, "has a name that " + problem);
				}
			}
		}
		return null;
	}

	private static boolean isJson(HttpServletRequest request) {
		var type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			var mediaType = MediaType.parseMediaType(type);
			return "json".equalsIgnoreCase(mediaType.getSubtype())
					|| mediaType.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
		}
		catch (RuntimeException ex) {
			return false; // not ours to judge: Spring MVC answers 415
		}
	}

	private static @Nullable Charset charset(HttpServletRequest request) {
		var encoding = request.getCharacterEncoding();
		if (encoding == null) {
			return null;
		}
		try {
			var charset = Charset.forName(encoding);
			return charset.name().startsWith("UTF-") ? null : charset;
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	/**
	 * The first string or property name in the body that cannot be accepted. A body that
	 * is not JSON is let through: the endpoint's own reader says what is wrong with it.
	 */
	static @Nullable Refusal checkJson(byte[] body, @Nullable Charset charset) {
		try (JsonParser parser = charset == null ? JSON.createParser(ObjectReadContext.empty(), body)
				: JSON.createParser(ObjectReadContext.empty(),
						new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset)))) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.PROPERTY_NAME) {
					var problem = SafeText.problem(parser.currentName());
					if (problem != null) {
						return new Refusal(printable(path(parser.streamReadContext())), Kind.UNSAFE_TEXT,
								"the name of a field " + problem);
					}
				}
				else if (token == JsonToken.VALUE_STRING) {
					var problem = SafeText.problem(parser.getString());
					if (problem != null) {
						return new Refusal(path(parser.streamReadContext()), Kind.UNSAFE_TEXT, problem);
					}
				}
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** A JSON path as the API's problems name fields: {@code substances[0].text}. */
	static String path(TokenStreamContext context) {
		var segments = new ArrayList<String>();
		for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inArray()) {
				segments.add("[" + c.getCurrentIndex() + "]");
			}
			else if (c.inObject() && c.currentName() != null) {
				segments.add("." + c.currentName());
			}
		}
		var path = new StringBuilder();
		for (int i = segments.size() - 1; i >= 0; i--) {
			path.append(segments.get(i));
		}
		var text = path.toString();
		return text.startsWith(".") ? text.substring(1) : text.isEmpty() ? "body" : text;
	}

	/** A name that may itself hold the refused character, made safe to show. */
	private static String printable(String name) {
		var out = new StringBuilder();
		for (int i = 0; i < name.length() && i < 100; i++) {
			char c = name.charAt(i);
			out.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
		}
		return out.toString();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			Refusal refusal) throws IOException {
		var field = printable(refusal.field());
		var detail = "The field '" + field + "' " + refusal.reason() + ".";
		if (ProblemResponses.wantsProblem(request)) {
			var error = new LinkedHashMap<String, Object>();
			error.put("field", field);
			error.put("message", "It " + refusal.reason() + ".");
			ProblemResponses.write(request, response, status, "Invalid request", detail,
					Map.of("errors", List.of(error)));
		}
		else {
			request.setAttribute(REFUSED_FIELD, field);
			request.setAttribute(REFUSED_KIND, refusal.kind().name());
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
			response.sendError(status.value());
		}
	}

	/**
	 * The request with its body read once for checking and given again to whoever reads
	 * it next.
	 */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			var encoding = getCharacterEncoding();
			var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
