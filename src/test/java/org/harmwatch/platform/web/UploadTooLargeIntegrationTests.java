package org.harmwatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * A file over the upload limit, sent through a real HTTP connection by a signed-in user
 * from a page's form: the servlet container refuses to read the form, so its CSRF token
 * is never seen; the person must hear that the file is too large (413), not that they may
 * not do this (403).
 */
@HarmwatchIntegrationTest
class UploadTooLargeIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Value("${spring.servlet.multipart.max-file-size}")
	DataSize maxFileSize;

	@Test
	void aFileOverTheLimitIsRefusedAsTooLargeWithThePageSayingSo() throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var base = "http://localhost:" + port;
		var token = csrf(http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body());
		var form = "username=analyst&password=harmwatch-demo&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		token = csrf(
				http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString())
					.body());

		var boundary = "----harmwatch" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		// As a browser sends the form: the file, then the hidden CSRF field that
		// Thymeleaf adds at the form's end.
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(new byte[(int) maxFileSize.toBytes() + 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
				+ "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		var upload = http
			.send(HttpRequest.newBuilder(URI.create(base + "/drug-checking/samples/" + UUID.randomUUID() + "/photos"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(upload.statusCode()).isEqualTo(413);
		assertThat(upload.body()).contains("The file is too large").contains(maxFileSize.toMegabytes() + " MB");
	}

	private static String csrf(String page) {
		var matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
		return matcher.group(1);
	}

}
