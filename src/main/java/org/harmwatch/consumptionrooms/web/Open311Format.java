package org.harmwatch.consumptionrooms.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes Open311 documents: a list of flat records as XML (a root, one element per
 * record, one child per field) or as a JSON array of objects. Absent values are left out.
 */
final class Open311Format {

	private Open311Format() {
	}

	static String xml(String root, String item, List<Map<String, @Nullable Object>> items) {
		var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
		for (var record : items) {
			out.append('<').append(item).append('>');
			record.forEach((name, value) -> {
				if (value != null) {
					out.append('<')
						.append(name)
						.append('>')
						.append(escapeXml(value.toString()))
						.append("</")
						.append(name)
						.append('>');
				}
			});
			out.append("</").append(item).append('>');
		}
		return out.append("</").append(root).append(">\n").toString();
	}

	static String json(List<Map<String, @Nullable Object>> items) {
		var out = new StringBuilder("[");
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('{');
			boolean first = true;
			for (var field : items.get(i).entrySet()) {
				if (field.getValue() == null) {
					continue;
				}
				if (!first) {
					out.append(',');
				}
				first = false;
				out.append(quote(field.getKey())).append(':');
				var value = field.getValue();
				if (value instanceof Number || value instanceof Boolean) {
					out.append(value);
				}
				else {
					out.append(quote(value.toString()));
				}
			}
			out.append('}');
		}
		return out.append(']').toString();
	}

	private static String escapeXml(String text) {
		var out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
						out.append(' ');
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static String quote(String text) {
		var out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
