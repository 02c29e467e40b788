package org.harmwatch.earlywarning.internal.federation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;

import org.harmwatch.earlywarning.internal.alerts.CapValidator;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a CAP 1.2 message from another system: parses it without resolving DTDs or
 * external entities, validates it against the OASIS CAP 1.2 schema, and takes out what
 * the coordinator needs. A message that is not valid CAP 1.2 is refused with the reason.
 */
final class CapReader {

	static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

	/** Whether a document's root element is a CAP 1.2 {@code alert}. */
	static boolean isCap(Document document) {
		var root = document.getDocumentElement();
		return NAMESPACE.equals(root.getNamespaceURI()) && "alert".equals(root.getLocalName());
	}

	static Document parse(byte[] xml) throws InvalidCapException {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new InvalidCapException("not well-formed XML: " + ex.getMessage());
		}
	}

	/**
	 * Validates a parsed CAP message and reads it; {@code xml} is the document as
	 * received.
	 */
	static CapMessage read(Document document, String xml) throws InvalidCapException {
		if (!isCap(document)) {
			throw new InvalidCapException(
					"not a CAP 1.2 alert (root element " + document.getDocumentElement().getNodeName() + ")");
		}
		var invalid = CapValidator.schemaProblem(new DOMSource(document));
		if (invalid.isPresent()) {
			throw new InvalidCapException("not valid against the CAP 1.2 schema: " + invalid.get());
		}
		var alert = document.getDocumentElement();
		var info = firstInfo(alert);
		var areas = new ArrayList<String>();
		var codes = new ArrayList<String>();
		if (info != null) {
			for (var area : children(info, "area")) {
				var desc = text(area, "areaDesc");
				if (desc != null) {
					areas.add(desc);
				}
				for (var geocode : children(area, "geocode")) {
					var name = text(geocode, "valueName");
					var value = text(geocode, "value");
					if (name != null && value != null && name.toUpperCase(Locale.ROOT).contains("GSS")) {
						codes.add(value);
					}
				}
			}
		}
		return new CapMessage(required(alert, "identifier"), required(alert, "sender"),
				instant(required(alert, "sent")), required(alert, "status"), required(alert, "msgType"),
				text(alert, "references"), info == null ? null : text(info, "event"),
				info == null ? null : text(info, "headline"), info == null ? null : text(info, "description"),
				info == null ? null : text(info, "instruction"), info == null ? null : text(info, "severity"),
				info == null ? null : text(info, "urgency"), info == null ? null : text(info, "certainty"),
				info == null || text(info, "expires") == null ? null : instant(text(info, "expires")),
				info == null ? null : text(info, "web"), areas, codes, xml);
	}

	private static @Nullable Element firstInfo(Element alert) {
		var infos = children(alert, "info");
		return infos.stream().filter(info -> {
			var language = text(info, "language");
			return language == null || language.toLowerCase(Locale.ROOT).startsWith("en");
		}).findFirst().orElse(infos.isEmpty() ? null : infos.get(0));
	}

	private static List<Element> children(Element parent, String name) {
		var found = new ArrayList<Element>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && NAMESPACE.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static @Nullable String text(Element parent, String name) {
		var found = children(parent, name);
		if (found.isEmpty()) {
			return null;
		}
		var text = found.get(0).getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	private static String required(Element parent, String name) throws InvalidCapException {
		var text = text(parent, name);
		if (text == null) {
			throw new InvalidCapException("missing " + name);
		}
		return text;
	}

	private static java.time.Instant instant(String value) throws InvalidCapException {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCapException("bad date " + value);
		}
	}

	/** A document that is not a valid CAP 1.2 message. */
	static class InvalidCapException extends Exception {

		InvalidCapException(String message) {
			super(message);
		}

	}

}
