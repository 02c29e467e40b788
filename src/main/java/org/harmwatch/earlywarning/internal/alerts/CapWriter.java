package org.harmwatch.earlywarning.internal.alerts;

import java.io.StringWriter;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link CapMessage} as CAP 1.2 XML, elements in the schema's order. Does not
 * validate: see {@link CapValidator}.
 */
public final class CapWriter {

	public static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";

	private CapWriter() {
	}

	public static String write(CapMessage message) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			var doc = factory.newDocumentBuilder().newDocument();
			var alert = doc.createElementNS(NS, "alert");
			doc.appendChild(alert);
			add(doc, alert, "identifier", message.identifier());
			add(doc, alert, "sender", message.sender());
			add(doc, alert, "sent", message.sent());
			add(doc, alert, "status", message.status());
			add(doc, alert, "msgType", message.msgType());
			add(doc, alert, "scope", message.scope());
			add(doc, alert, "restriction", message.restriction());
			add(doc, alert, "note", message.note());
			if (!message.references().isEmpty()) {
				add(doc, alert, "references", String.join(" ", message.references()));
			}
			for (var i : message.infos()) {
				var info = child(doc, alert, "info");
				add(doc, info, "language", "en-GB");
				add(doc, info, "category", "Health");
				add(doc, info, "event", i.event());
				add(doc, info, "responseType", i.responseType());
				add(doc, info, "urgency", i.urgency());
				add(doc, info, "severity", i.severity());
				add(doc, info, "certainty", i.certainty());
				add(doc, info, "audience", i.audience());
				values(doc, info, "eventCode", i.eventCodes());
				add(doc, info, "expires", i.expires());
				add(doc, info, "senderName", i.senderName());
				add(doc, info, "headline", i.headline());
				add(doc, info, "description", i.description());
				add(doc, info, "instruction", i.instruction());
				add(doc, info, "web", i.web());
				values(doc, info, "parameter", i.parameters());
				for (var a : i.areas()) {
					var area = child(doc, info, "area");
					add(doc, area, "areaDesc", a.areaDesc());
					add(doc, area, "polygon", a.polygon());
					var geocode = child(doc, area, "geocode");
					add(doc, geocode, "valueName", "ONS-GSS");
					add(doc, geocode, "value", a.gss());
				}
			}
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.INDENT, "yes");
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
			var out = new StringWriter();
			transformer.transform(new DOMSource(doc), new StreamResult(out));
			return out.toString();
		}
		catch (ParserConfigurationException | TransformerException ex) {
			throw new IllegalStateException("Could not write CAP", ex);
		}
	}

	private static void values(Document doc, Element parent, String name, List<CapMessage.Value> values) {
		for (var v : values) {
			var element = child(doc, parent, name);
			add(doc, element, "valueName", v.valueName());
			add(doc, element, "value", v.value());
		}
	}

	private static void add(Document doc, Element parent, String name, @Nullable String text) {
		if (text != null) {
			child(doc, parent, name).setTextContent(text);
		}
	}

	private static Element child(Document doc, Element parent, String name) {
		var element = doc.createElementNS(NS, name);
		parent.appendChild(element);
		return element;
	}

}
