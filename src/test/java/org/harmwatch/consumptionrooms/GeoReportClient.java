package org.harmwatch.consumptionrooms;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;

/**
 * A small Open311 GeoReport v2 client, written from the published specification
 * (wiki.open311.org/GeoReport_v2), as FixMyStreet and councils' systems speak it: XML
 * documents whose root holds one element per record with one child per field, JSON arrays
 * of the same records, and form-encoded POSTs.
 */
final class GeoReportClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String endpoint;

	/** A client of the endpoint, e.g. {@code http://localhost:8080/open311/v2}. */
	GeoReportClient(String endpoint) {
		this.endpoint = endpoint;
	}

	/** An answer: its HTTP status, content type and body. */
	record Answer(int status, String contentType, String body) {

		/** The records of an XML answer: root, then one element per record. */
		List<Map<String, String>> xmlRecords() throws Exception {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var document = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
			var records = new ArrayList<Map<String, String>>();
			var items = document.getDocumentElement().getChildNodes();
			for (int i = 0; i < items.getLength(); i++) {
				if (items.item(i) instanceof Element item) {
					var fields = new LinkedHashMap<String, String>();
					var children = item.getChildNodes();
					for (int j = 0; j < children.getLength(); j++) {
						if (children.item(j) instanceof Element field) {
							fields.put(field.getTagName(), field.getTextContent());
						}
					}
					records.add(fields);
				}
			}
			return records;
		}

		/** The XML answer's root element name. */
		String xmlRoot() throws Exception {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement()
				.getTagName();
		}

	}

	Answer get(String path) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(endpoint + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return answer(response);
	}

	/**
	 * POSTs the parameters form-encoded, as the specification's
	 * {@code POST Service Request}.
	 */
	Answer post(String path, Map<String, String> parameters) throws Exception {
		var form = parameters.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		var response = http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return answer(response);
	}

	private static Answer answer(HttpResponse<String> response) {
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

}
