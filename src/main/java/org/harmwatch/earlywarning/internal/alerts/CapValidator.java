package org.harmwatch.earlywarning.internal.alerts;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Checks a CAP 1.2 document against the OASIS schema (with the JDK's
 * {@code javax.xml.validation}; no CAP library exists) and then against CAP 1.2's own
 * rules that a schema cannot express (specification section 3): closed polygons of at
 * least four points, times with an offset and no fractional seconds, the
 * {@code references} format and its presence on updates and cancellations, a restriction
 * when the scope is Restricted, addresses when Private, an info block on an Actual or
 * Exercise Alert, and expiry after sending.
 */
public final class CapValidator {

	/**
	 * CAP §3.3.2: a date and time with an offset and no fractional seconds, UTC written
	 * {@code -00:00} (as Harmwatch writes it; {@code +00:00}, which other systems send,
	 * is read as UTC too).
	 */
	static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");

	static final Pattern PAIR = Pattern.compile("(-?\\d+(\\.\\d+)?),(-?\\d+(\\.\\d+)?)");

	private static final Schema SCHEMA = schema();

	private CapValidator() {
	}

	private static Schema schema() {
		try (var xsd = CapValidator.class.getResourceAsStream("/cap/cap-1.2.xsd")) {
			if (xsd == null) {
				throw new IllegalStateException("The CAP 1.2 schema is missing from the classpath (cap/cap-1.2.xsd)");
			}
			var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(new StreamSource(xsd));
		}
		catch (IOException | SAXException ex) {
			throw new IllegalStateException("Could not load the CAP 1.2 schema", ex);
		}
	}

	/** Every problem with the document; empty when it is valid CAP 1.2. */
	public static List<String> problems(String xml) {
		var problems = new ArrayList<String>();
		schemaProblem(new StreamSource(new StringReader(xml))).ifPresent(problems::add);
		// CAP's own rules are checked also when the schema failed, so that every problem
		// is named at once.
		problems.addAll(ownRules(xml));
		return problems;
	}

	/**
	 * What the OASIS CAP 1.2 schema says is wrong with a document (its first complaint),
	 * if anything.
	 */
	public static Optional<String> schemaProblem(Source document) {
		try {
			var validator = SCHEMA.newValidator();
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(document);
			return Optional.empty();
		}
		catch (SAXException ex) {
			return Optional.of("schema: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The problems with CAP's own rules alone (the document must be well-formed XML). */
	public static List<String> ownRules(String xml) {
		var problems = new ArrayList<String>();
		rules(parse(xml), problems);
		return problems;
	}

	/**
	 * Returns the document when it is valid; otherwise fails loudly, so invalid CAP is
	 * never served.
	 */
	public static String requireValid(String xml) {
		var problems = problems(xml);
		if (!problems.isEmpty()) {
			throw new InvalidCapException(problems);
		}
		return xml;
	}

	private static Document parse(String xml) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalStateException("Could not parse CAP", ex);
		}
	}

	private static void rules(Document doc, List<String> problems) {
		var alert = doc.getDocumentElement();
		var sent = text(alert, "sent");
		for (var name : List.of("sent", "effective", "onset", "expires")) {
			var list = alert.getElementsByTagNameNS(CapWriter.NS, name);
			for (int i = 0; i < list.getLength(); i++) {
				var value = list.item(i).getTextContent().strip();
				if (!TIME.matcher(value).matches()) {
					problems.add(name + " '" + value
							+ "' must be a date and time with an offset and no fractional seconds (CAP 3.3.2)");
				}
			}
		}
		var msgType = text(alert, "msgType");
		var references = text(alert, "references");
		if (("Update".equals(msgType) || "Cancel".equals(msgType) || "Ack".equals(msgType) || "Error".equals(msgType))
				&& (references == null || references.isBlank())) {
			problems.add("an " + msgType + " must reference the earlier message(s) (CAP 3.2.1 references)");
		}
		if (references != null) {
			for (var reference : references.strip().split("\\s+")) {
				var parts = reference.split(",", -1);
				if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
						|| !TIME.matcher(parts[2]).matches()) {
					problems.add("reference '" + reference + "' must be sender,identifier,sent (CAP 3.2.1)");
				}
			}
		}
		var scope = text(alert, "scope");
		if ("Restricted".equals(scope) && blank(text(alert, "restriction"))) {
			problems.add("a Restricted alert needs a restriction (CAP 3.2.1)");
		}
		if ("Private".equals(scope) && blank(text(alert, "addresses"))) {
			problems.add("a Private alert needs addresses (CAP 3.2.1)");
		}
		var status = text(alert, "status");
		if ("Alert".equals(msgType) && ("Actual".equals(status) || "Exercise".equals(status))
				&& alert.getElementsByTagNameNS(CapWriter.NS, "info").getLength() == 0) {
			problems.add("an Alert needs at least one info block");
		}
		var polygons = alert.getElementsByTagNameNS(CapWriter.NS, "polygon");
		for (int i = 0; i < polygons.getLength(); i++) {
			polygon(polygons.item(i).getTextContent().strip(), problems);
		}
		var expiries = alert.getElementsByTagNameNS(CapWriter.NS, "expires");
		for (int i = 0; i < expiries.getLength(); i++) {
			var expires = expiries.item(i).getTextContent().strip();
			if (sent != null && TIME.matcher(sent).matches() && TIME.matcher(expires).matches()
					&& !OffsetDateTime.parse(expires).isAfter(OffsetDateTime.parse(sent))) {
				problems.add("expires " + expires + " must be after sent " + sent);
			}
		}
	}

	private static void polygon(String value, List<String> problems) {
		var pairs = value.split("\\s+");
		if (pairs.length < 4) {
			problems.add("a polygon needs at least four points (CAP 3.3.3): has " + pairs.length);
			return;
		}
		for (var pair : pairs) {
			var m = PAIR.matcher(pair);
			if (!m.matches()) {
				problems.add("polygon point '" + pair + "' must be lat,lon (CAP 3.3.3)");
				return;
			}
			double lat = Double.parseDouble(m.group(1));
			double lon = Double.parseDouble(m.group(3));
			if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
				problems.add("polygon point '" + pair + "' is not a WGS 84 latitude,longitude (CAP 3.3.3)");
				return;
			}
		}
		if (!pairs[0].equals(pairs[pairs.length - 1])) {
			problems.add("a polygon must be closed: its first and last points must be the same (CAP 3.3.3)");
		}
	}

	private static @Nullable String text(Element parent, String name) {
		var list = parent.getElementsByTagNameNS(CapWriter.NS, name);
		return list.getLength() == 0 ? null : list.item(0).getTextContent().strip();
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * A generated CAP document broke the schema or CAP's rules: it must not be served.
	 */
	public static class InvalidCapException extends IllegalStateException {

		private final List<String> problems;

		public InvalidCapException(List<String> problems) {
			super("Generated CAP 1.2 is invalid: " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}

	}

}
