package org.harmwatch.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpSession;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.earlywarning.AlertTestSignals;
import org.harmwatch.earlywarning.SignalStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile values in every form field and API property the endpoint registry reveals, sent
 * by someone allowed to call the endpoint: never a 5xx, never a stack trace, and nothing
 * stored.
 *
 * <p>
 * Fields are found from the handler methods themselves: {@code @RequestParam} names, the
 * properties of form objects ({@code @ModelAttribute} records and beans, nested lists as
 * {@code components[0].text}) and the components of {@code @RequestBody} records,
 * recursively. Path variables name real records where the test can make them (a
 * drug-checking session, sample and result, signals, an agency, a staff member and a
 * role), so the values reach the forms behind them, not only a 404.
 *
 * <p>
 * Each value carries the marker {@value #MARKER}; "nothing stored" means no table a
 * request can write (every table but the audit log, which records refusals and searches,
 * and the session store) holds the marker afterwards.
 */
@HarmwatchIntegrationTest
class HostileInputSweepIntegrationTests {

	static final String MARKER = "HOSTILE";

	/** What is sent into a field. */
	enum Kind {

		NUL, SURROGATE, OVERLONG, WRONG_TYPE, DATE_OVERFLOW, DATE_TIME_OVERFLOW, MONTH_OVERFLOW, NUMBER_OVERFLOW;

		/**
		 * Kinds the platform's input filter must refuse with exactly 400 in any form
		 * field.
		 */
		boolean refusedInForms() {
			return this == NUL || this == SURROGATE || this == OVERLONG;
		}

		/**
		 * Kinds the platform's input filter must refuse with exactly 400 in any JSON
		 * property.
		 */
		boolean refusedInJson() {
			return this == NUL || this == SURROGATE;
		}

		/** Dates Java reads and no database holds. */
		boolean isDate() {
			return this == DATE_OVERFLOW || this == DATE_TIME_OVERFLOW || this == MONTH_OVERFLOW;
		}

	}

	/**
	 * A form field or a JSON property (a path such as {@code components[0].text}) and the
	 * Java type it binds to.
	 */
	record Field(String name, Class<?> type) {
	}

	/** An endpoint with what it reads. */
	record Target(String key, HttpMethod method, String pattern, List<Field> params, List<Field> files,
			List<Field> json, boolean jsonBody, HandlerMethod handler) {
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	@Autowired
	AgencyManagement agencies;

	final AtomicInteger client = new AtomicInteger();

	final List<String> failures = new ArrayList<>();

	int requests;

	@Test
	void hostileValuesInEveryDiscoverableFieldAreRefusedAndNothingIsStored() throws Exception {
		long markedBefore = markedRows().values().stream().mapToLong(Long::longValue).sum();
		var paths = fixtures();
		var targets = targets();
		assertThat(targets).as("endpoints found").hasSizeGreaterThan(100);
		int fields = targets.stream().mapToInt(t -> t.params().size() + t.files().size() + t.json().size()).sum();
		assertThat(fields).as("fields and properties found").isGreaterThan(200);
		assertThat(targets.stream().filter(Target::jsonBody).count()).as("JSON endpoints found")
			.isGreaterThanOrEqualTo(10);

		for (var target : targets) {
			var expected = EndpointAccessMatrixIntegrationTests.EXPECTED.get(target.key());
			if (expected == null) {
				continue; // EndpointAccessMatrixIntegrationTests names endpoints without
							// a line
			}
			var username = switch (expected) {
				case EndpointAccessMatrixIntegrationTests.Public p -> null;
				case EndpointAccessMatrixIntegrationTests.SignedIn s -> "coordinator";
				case EndpointAccessMatrixIntegrationTests.Roles r ->
					EndpointAccessMatrixIntegrationTests.USERS.get(new TreeSet<>(r.names()).first());
			};
			var path = concrete(target.pattern(), paths);
			if (target.jsonBody()) {
				sweepJson(target, path, username);
			}
			else {
				sweepForm(target, path, username);
			}
		}

		var marked = markedRows();
		if (marked.values().stream().mapToLong(Long::longValue).sum() != markedBefore) {
			failures.add("rows holding a hostile value afterwards (table.column=rows): " + marked);
		}
		assertThat(failures).as("hostile input answered badly or stored, of %d requests", requests).isEmpty();
	}

	// ---- Forms and query parameters

	private void sweepForm(Target target, String path, String username) throws Exception {
		var fields = target.params();
		if (fields.isEmpty() && target.files().isEmpty()) {
			return;
		}
		for (var kind : Kind.values()) {
			// every field at once, then each field alone: every kind into a search (its
			// parameters are read one by
			// one), and into a form what the input filter must refuse (a form re-shown
			// with errors is slow to render,
			// and a form field alone meets the form's own validation as it does among the
			// others)
			send(target, kind, username, formCall(target, path, fields, kind),
					kind.refusedInForms() && !fields.isEmpty(), "all fields");
			boolean eachAlone = kind.refusedInForms() || target.method() == HttpMethod.GET;
			if (eachAlone && (fields.size() > 1 || !target.files().isEmpty())) {
				for (var field : fields) {
					send(target, kind, username, formCall(target, path, List.of(field), kind), kind.refusedInForms(),
							field.name());
				}
			}
		}
	}

	private AbstractMockHttpServletRequestBuilder<?> formCall(Target target, String path, List<Field> fields,
			Kind kind) {
		AbstractMockHttpServletRequestBuilder<?> call;
		if (!target.files().isEmpty()) {
			var upload = multipart(target.method(), path);
			for (var file : target.files()) {
				// a binary file where a CSV, a photo or a spectrum is expected
				upload = upload.file(new MockMultipartFile(file.name(), MARKER + ".csv", "text/csv", binary()));
			}
			call = upload;
		}
		else {
			call = request(target.method(), path);
		}
		for (var field : fields) {
			call = call.param(field.name(), formValue(kind, field.type()));
		}
		return call;
	}

	static String formValue(Kind kind, Class<?> type) {
		return switch (kind) {
			case NUL -> MARKER + "\u0000";
			case SURROGATE -> MARKER + "\uD800";
			case OVERLONG -> MARKER + "x".repeat(100_000);
			case WRONG_TYPE -> MARKER + "-not-a-" + type.getSimpleName().toLowerCase(Locale.ROOT);
			case DATE_OVERFLOW -> "+999999999-12-31";
			case DATE_TIME_OVERFLOW -> "+999999999-12-31T23:59";
			case MONTH_OVERFLOW -> "+999999999-12";
			case NUMBER_OVERFLOW -> isDecimal(type) ? "1e400" : "99999999999999999999";
		};
	}

	// ---- JSON bodies

	private void sweepJson(Target target, String path, String username) throws Exception {
		var leaves = target.json();
		var type = jsonType(target.handler());
		for (var kind : Kind.values()) {
			send(target, kind, username, jsonCall(target, path, json(type, "", kind, null)),
					kind.refusedInJson() && !leaves.isEmpty(), "all properties");
			if (kind.refusedInJson() || kind == Kind.WRONG_TYPE || kind.isDate()) {
				for (var leaf : leaves) {
					if (kind.isDate() && !Temporal.class.isAssignableFrom(leaf.type())) {
						continue; // a date into a date property only: there it must be
									// refused by the reader
					}
					var answer = send(target, kind, username, jsonCall(target, path, json(type, "", kind, leaf.name())),
							true, leaf.name());
					var property = leaf.name().split("[.\\[]")[0];
					if (answer.status() == 400 && !answer.body().contains("\"" + property)) {
						failures.add(target.method() + " " + target.pattern() + " " + kind + " in " + leaf.name()
								+ ": the problem does not name '" + property + "': " + answer.body());
					}
				}
			}
		}
		// Strict reading: a property the endpoint does not know, and a fraction where a
		// whole number is wanted.
		var unknown = jsonCall(target, path, "{\"" + MARKER + "Unknown\": 1}");
		expect400(target, username, unknown, "an unknown property");
		for (var leaf : leaves) {
			if (isWhole(leaf.type())) {
				var body = json(type, "", null, leaf.name()).replace("\"@@\"", "1.5");
				expect400(target, username, jsonCall(target, path, body), "a fraction in " + leaf.name());
			}
		}
	}

	private AbstractMockHttpServletRequestBuilder<?> jsonCall(Target target, String path, String body) {
		return request(target.method(), path).contentType("application/json").accept("application/json").content(body);
	}

	/**
	 * A JSON value for the type with hostile leaves: every leaf when {@code only} is
	 * null, else only that leaf (and the objects and lists on the way to it). With
	 * {@code kind} null the chosen leaf is the placeholder {@code "@@"}.
	 */
	static String json(ResolvableType type, String at, Kind kind, String only) {
		var raw = type.resolve(Object.class);
		if (raw.isRecord()) {
			var members = new ArrayList<String>();
			for (var component : raw.getRecordComponents()) {
				var name = at.isEmpty() ? component.getName() : at + "." + component.getName();
				if (only != null && !only.equals(name) && !only.startsWith(name + ".")
						&& !only.startsWith(name + "[")) {
					continue;
				}
				members.add(quote(component.getName()) + ": "
						+ json(ResolvableType.forType(component.getGenericType()), name, kind, only));
			}
			return "{" + String.join(", ", members) + "}";
		}
		if (Collection.class.isAssignableFrom(raw)
				&& !isLeaf(type.asCollection().getGeneric(0).resolve(Object.class))) {
			return "[" + json(type.asCollection().getGeneric(0), at + "[0]", kind, only) + "]";
		}
		if (Map.class.isAssignableFrom(raw)) {
			return "{" + quote(MARKER + "Key") + ": " + json(type.asMap().getGeneric(1), at + ".key", kind, only) + "}";
		}
		if (kind == null) {
			return "\"@@\"";
		}
		var leaf = Collection.class.isAssignableFrom(raw) ? type.asCollection().getGeneric(0).resolve(Object.class)
				: raw;
		var value = switch (kind) {
			case NUL -> quote(MARKER + "\u0000");
			case SURROGATE -> quote(MARKER + "\uD800");
			case OVERLONG -> quote(MARKER + "x".repeat(100_000));
			// the wrong JSON type: text where a number, date or list is wanted, an object
			// where text is
			case WRONG_TYPE -> leaf == String.class ? "{\"" + MARKER + "\": 1}" : quote(MARKER + "-not-a-value");
			case DATE_OVERFLOW -> quote("+999999999-12-31");
			case DATE_TIME_OVERFLOW ->
				quote(leaf == Instant.class ? "+999999999-12-31T23:59:59Z" : "+999999999-12-31T23:59:59");
			case MONTH_OVERFLOW -> quote("+999999999-12");
			case NUMBER_OVERFLOW ->
				isDecimal(leaf) ? "1e400" : Number.class.isAssignableFrom(leaf) || leaf.isPrimitive()
						? "99999999999999999999" : quote("99999999999999999999");
		};
		return Collection.class.isAssignableFrom(raw) ? "[" + value + "]" : value;
	}

	/**
	 * JSON text with every character outside printable ASCII escaped, so that a lone
	 * surrogate goes as itself.
	 */
	static String quote(String text) {
		var out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7E) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	// ---- Sending and judging

	private Answer send(Target target, Kind kind, String username, AbstractMockHttpServletRequestBuilder<?> call,
			boolean mustBe400, String what) throws Exception {
		var response = perform(call, username);
		int status = response.status();
		var body = response.body();
		var who = username == null ? "anonymous" : username;
		var label = who + " " + target.method() + " " + target.pattern() + " " + kind + " in " + what;
		if (response.failure() != null) {
			failures.add(label + ": " + response.failure());
			return response;
		}
		if (status >= 500) {
			failures.add(label + ": " + status);
		}
		else if (mustBe400 && status != 400) {
			failures.add(label + ": " + status + " where it must be refused with 400");
		}
		if (body.contains("Exception") || body.contains("\tat org.") || body.contains("at java.")) {
			failures.add(label + ": a stack trace");
		}
		return response;
	}

	private void expect400(Target target, String username, AbstractMockHttpServletRequestBuilder<?> call, String what)
			throws Exception {
		var response = perform(call, username);
		if (response.status() != 400 || !String.valueOf(response.contentType()).contains("problem+json")) {
			failures.add(target.method() + " " + target.pattern() + " with " + what + ": " + response.status() + " "
					+ response.contentType() + " " + (response.failure() != null ? response.failure() : "")
					+ " where strict JSON must refuse with a problem");
		}
	}

	/**
	 * What came back; {@code failure} is the exception a handler let escape (the
	 * container would answer 500).
	 */
	record Answer(int status, String body, String contentType, String failure) {
	}

	private Answer perform(AbstractMockHttpServletRequestBuilder<?> call, String username) throws Exception {
		int n = client.incrementAndGet();
		var address = "10." + (n >> 16 & 0xFF) + "." + (n >> 8 & 0xFF) + "." + (n & 0xFF); // a
																							// fresh
																							// client:
																							// no
																							// rate
																							// limit
		call = call.with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		if (username != null) {
			call = call.with(user(users.loadUserByUsername(username)));
		}
		requests++;
		try {
			var response = mvc.perform(call).andReturn().getResponse();
			return new Answer(response.getStatus(), response.getContentAsString(), response.getContentType(), null);
		}
		catch (Exception ex) {
			var message = new StringBuilder("500, escaped ");
			for (Throwable t = ex; t != null; t = t.getCause()) {
				message.append(t.getClass().getSimpleName())
					.append(": ")
					.append(String.valueOf(t.getMessage()).lines().findFirst().orElse(""))
					.append(" / ");
			}
			return new Answer(500, "", null, message.length() > 600 ? message.substring(0, 600) : message.toString());
		}
	}

	/**
	 * Rows holding the marker, by table and column, in every table a request can write.
	 */
	private Map<String, Long> markedRows() {
		var columns = jdbc.sql("""
				SELECT table_schema, table_name, column_name FROM information_schema.columns
				WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
				  AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
				  AND table_name NOT IN ('audit_event', 'spring_session', 'spring_session_attributes',
				    'flyway_schema_history')
				  AND (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables
				    WHERE table_type = 'BASE TABLE')
				ORDER BY 1, 2, 3""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		var result = new LinkedHashMap<String, Long>();
		for (var c : columns) {
			var table = "\"" + c[0] + "\".\"" + c[1] + "\"";
			long rows = jdbc.sql("SELECT count(*) FROM " + table + " WHERE \"" + c[2] + "\"::text LIKE ?")
				.param("%" + MARKER + "%")
				.query(Long.class)
				.single();
			if (rows > 0) {
				result.put(c[0] + "." + c[1] + "." + c[2], rows);
			}
		}
		return result;
	}

	// ---- Discovering endpoints and fields

	private List<Target> targets() {
		var result = new ArrayList<Target>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.harmwatch")) {
				return;
			}
			var declared = info.getMethodsCondition().getMethods();
			if (declared.isEmpty()) {
				return; // the error page: every method, nothing to fill in
			}
			var names = new TreeSet<String>(declared.stream().map(Enum::name).toList());
			var ordered = new ArrayList<String>();
			for (var m : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
				if (names.contains(m)) {
					ordered.add(m);
				}
			}
			var params = new ArrayList<Field>();
			var files = new ArrayList<Field>();
			var json = new ArrayList<Field>();
			boolean jsonBody = false;
			for (var parameter : handler.getMethodParameters()) {
				jsonBody |= fields(parameter, params, files, json);
			}
			for (var pattern : info.getPatternValues()) {
				for (var method : ordered) {
					result.add(new Target(String.join("|", ordered) + " " + pattern, HttpMethod.valueOf(method),
							pattern, List.copyOf(params), List.copyOf(files), List.copyOf(json), jsonBody, handler));
				}
			}
		});
		return result;
	}

	/** Adds what one handler parameter reads; true when it is a JSON body. */
	private static boolean fields(MethodParameter parameter, List<Field> params, List<Field> files, List<Field> json) {
		var type = parameter.getParameterType();
		if (parameter.hasParameterAnnotation(PathVariable.class)
				|| parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
			return false;
		}
		if (parameter.hasParameterAnnotation(RequestBody.class)) {
			leaves(ResolvableType.forMethodParameter(parameter), "", json, 0);
			return true;
		}
		var requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null) {
			if (Map.class.isAssignableFrom(type)) {
				return false;
			}
			var name = !requestParam.name().isEmpty() ? requestParam.name()
					: !requestParam.value().isEmpty() ? requestParam.value() : parameter.getParameterName();
			var element = Collection.class.isAssignableFrom(type)
					? ResolvableType.forMethodParameter(parameter).asCollection().getGeneric(0).resolve(Object.class)
					: type;
			(MultipartFile.class.isAssignableFrom(element) ? files : params).add(new Field(name, element));
			return false;
		}
		boolean modelAttribute = parameter.hasParameterAnnotation(ModelAttribute.class)
				|| (type.getPackageName().startsWith("org.harmwatch") && !BeanUtils.isSimpleProperty(type)
						&& !HarmwatchUser.class.isAssignableFrom(type));
		if (modelAttribute && !isFramework(type)) {
			formProperties(ResolvableType.forMethodParameter(parameter), "", params, files, 0);
		}
		return false;
	}

	private static boolean isFramework(Class<?> type) {
		return Model.class.isAssignableFrom(type) || Errors.class.isAssignableFrom(type)
				|| RedirectAttributes.class.isAssignableFrom(type) || ServletRequest.class.isAssignableFrom(type)
				|| ServletResponse.class.isAssignableFrom(type) || HttpSession.class.isAssignableFrom(type)
				|| Principal.class.isAssignableFrom(type) || Authentication.class.isAssignableFrom(type);
	}

	/**
	 * The fields a form object binds: record components or bean properties, lists of
	 * objects as {@code name[0].x}.
	 */
	private static void formProperties(ResolvableType type, String prefix, List<Field> params, List<Field> files,
			int depth) {
		var raw = type.resolve(Object.class);
		var properties = new ArrayList<Map.Entry<String, ResolvableType>>();
		if (raw.isRecord()) {
			for (var component : raw.getRecordComponents()) {
				properties.add(Map.entry(component.getName(), ResolvableType.forType(component.getGenericType())));
			}
		}
		else {
			for (var descriptor : BeanUtils.getPropertyDescriptors(raw)) {
				if (descriptor.getWriteMethod() != null) {
					properties.add(Map.entry(descriptor.getName(),
							ResolvableType.forMethodParameter(descriptor.getWriteMethod(), 0)));
				}
			}
		}
		for (var property : properties) {
			var name = prefix + property.getKey();
			var propertyType = property.getValue();
			var propertyRaw = propertyType.resolve(Object.class);
			if (Collection.class.isAssignableFrom(propertyRaw)) {
				var element = propertyType.asCollection().getGeneric(0);
				var elementRaw = element.resolve(Object.class);
				if (isLeaf(elementRaw)) {
					params.add(new Field(name, elementRaw));
				}
				else if (depth < 3) {
					formProperties(element, name + "[0].", params, files, depth + 1);
				}
			}
			else if (MultipartFile.class.isAssignableFrom(propertyRaw)) {
				files.add(new Field(name, propertyRaw));
			}
			else if (isLeaf(propertyRaw)) {
				params.add(new Field(name, propertyRaw));
			}
			else if (depth < 3 && propertyRaw.getPackageName().startsWith("org.harmwatch")) {
				formProperties(propertyType, name + ".", params, files, depth + 1);
			}
		}
	}

	/**
	 * The leaves of a JSON body: every property that holds a value rather than an object,
	 * as a path.
	 */
	private static void leaves(ResolvableType type, String at, List<Field> json, int depth) {
		var raw = type.resolve(Object.class);
		if (raw.isRecord() && depth < 8) {
			for (var component : raw.getRecordComponents()) {
				leaves(ResolvableType.forType(component.getGenericType()),
						at.isEmpty() ? component.getName() : at + "." + component.getName(), json, depth + 1);
			}
		}
		else if (Collection.class.isAssignableFrom(raw)) {
			var element = type.asCollection().getGeneric(0);
			if (isLeaf(element.resolve(Object.class))) {
				json.add(new Field(at, element.resolve(Object.class)));
			}
			else {
				leaves(element, at + "[0]", json, depth + 1);
			}
		}
		else if (Map.class.isAssignableFrom(raw)) {
			leaves(type.asMap().getGeneric(1), at + ".key", json, depth + 1);
		}
		else {
			json.add(new Field(at, raw));
		}
	}

	private static ResolvableType jsonType(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return ResolvableType.forMethodParameter(parameter);
			}
		}
		throw new IllegalStateException("no body");
	}

	private static boolean isLeaf(Class<?> type) {
		return BeanUtils.isSimpleValueType(type) || type == UUID.class || Temporal.class.isAssignableFrom(type)
				|| type == Object.class;
	}

	private static boolean isDecimal(Class<?> type) {
		return type == Double.class || type == double.class || type == Float.class || type == float.class
				|| type == BigDecimal.class;
	}

	private static boolean isWhole(Class<?> type) {
		return type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == BigInteger.class;
	}

	private static byte[] binary() {
		var bytes = new byte[4096];
		new java.util.Random(11).nextBytes(bytes);
		bytes[0] = (byte) 0x89;
		bytes[1] = 'P';
		bytes[2] = 'N';
		bytes[3] = 'G';
		bytes[10] = 0;
		return bytes;
	}

	// ---- Real records behind path variables

	/**
	 * Values for path variables, by a pattern's start: real records where the test can
	 * make them.
	 */
	private Map<String, String> fixtures() {
		var now = Instant.now();
		var suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		var session = sessionManagement.createSession(
				new SessionDraft("Sweep site " + suffix, SiteKind.FESTIVAL, "E08000025", "Sweep " + suffix,
						LocalDate.of(2026, 7, 18), LocalDate.of(2026, 7, 20), "Chemist A", Set.of()),
				"analyst", "WM-CHECK", now);
		var sample = sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE,
				"ketamine", DosageForm.POWDER, null, null, null, null, null, "E08000025", null, true, null), "analyst",
				now);
		var result = resultManagement.recordResult(sample.id(),
				new ResultDraft(List
					.of(new ComponentDraft("ketamine", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR)),
						true, null),
				"analyst", now);
		var open = AlertTestSignals.signal(jdbc, "E08000025", "Birmingham", "ketamine", "DISSOCIATIVE",
				SignalStatus.OPEN, now);
		var validated = AlertTestSignals.signal(jdbc, "E08000025", "Birmingham", "ketamine", "DISSOCIATIVE",
				SignalStatus.VALIDATED, now);
		var agency = agencies.createAgency("SWEEP" + suffix, "Sweep agency " + suffix, AgencyType.values()[0]);
		var staff = agencies.createStaff("sweep" + suffix.toLowerCase(Locale.ROOT), "Sweep Person",
				"sweep" + suffix.toLowerCase(Locale.ROOT) + "@harmwatch.test", agency.code(), List.of(), null);
		var role = agencies.createRole("SWEEP_" + suffix, "Sweep role", "A role for the hostile-input sweep.",
				List.of());
		var values = new LinkedHashMap<String, String>();
		values.put("/admin/agencies/{code}", agency.code());
		values.put("/admin/staff/{id}", staff.id().toString());
		values.put("/admin/roles/{name}", role.name());
		values.put("/early-warning/signals/{id}/decision", open.toString());
		values.put("/early-warning/signals/{id}", validated.toString());
		values.put("/api/early-warning/signals/{id}", validated.toString());
		values.put("/drug-checking/sessions/{id}", session.toString());
		values.put("/drug-checking/field/{id}", session.toString());
		values.put("/api/drug-checking/sessions/{id}", session.toString());
		values.put("/drug-checking/samples/{id}", sample.id().toString());
		values.put("/api/drug-checking/samples/{id}", sample.id().toString());
		values.put("/drug-checking/results/{id}", result.id().toString());
		return values;
	}

	static String concrete(String pattern, Map<String, String> fixtures) {
		for (var fixture : fixtures.entrySet()) {
			if (pattern.startsWith(fixture.getKey())) {
				var value = fixture.getValue();
				var rest = pattern.substring(fixture.getKey().length());
				return concrete(fixture.getKey().replaceAll("\\{[^}]+}", Matcher.quoteReplacement(value)) + rest,
						Map.of());
			}
		}
		return EndpointAccessMatrixIntegrationTests.concrete(pattern);
	}

}
