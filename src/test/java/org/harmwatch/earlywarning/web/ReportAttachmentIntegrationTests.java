package org.harmwatch.earlywarning.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Photos and lab reports sent with reports: stored with the report or not at all, photos
 * stripped of their metadata (a GPS position can be a home), files recognised by their
 * bytes, downloads audited and never rendered inline.
 */
@HarmwatchIntegrationTest
class ReportAttachmentIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	AgencyManagement agencies;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** A real JPEG photo with an EXIF block that holds a (made-up) GPS position. */
	static byte[] photoWithGps() throws IOException {
		var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		image.getGraphics().fillRect(8, 8, 20, 20);
		var jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", jpeg);
		var bytes = jpeg.toByteArray();
		var exif = "Exif\0\0MM\0*GPSLatitude 52.4862N GPSLongitude 1.8904W SECRET-HOME"
			.getBytes(StandardCharsets.ISO_8859_1);
		var out = new ByteArrayOutputStream();
		out.write(bytes, 0, 2); // SOI
		out.write(0xFF);
		out.write(0xE1); // APP1
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xFF);
		out.write(exif);
		out.write(bytes, 2, bytes.length - 2);
		return out.toByteArray();
	}

	MockMultipartHttpServletRequestBuilder report(String description) {
		var when = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
			.truncatedTo(ChronoUnit.MINUTES)
			.minusMinutes(20);
		var request = multipart("/early-warning/reports");
		request.param("sourceType", "DRUG_SERVICE")
			.param("occurredAt", when.toString())
			.param("ladCode", BIRMINGHAM)
			.param("substances[0]", "heroin")
			.param("howKnown[0]", "PACKAGING")
			.param("outcomes", "UNUSUAL_APPEARANCE_OR_STRENGTH")
			.param("people", "1")
			.param("description", description);
		return request;
	}

	UUID reportWith(String description) {
		return jdbc.sql("SELECT id FROM earlywarning.report WHERE description = ?")
			.param(description)
			.query(UUID.class)
			.single();
	}

	long reportsWith(String description) {
		return jdbc.sql("SELECT count(*) FROM earlywarning.report WHERE description = ?")
			.param(description)
			.query(Long.class)
			.single();
	}

	@Test
	void photosAreStoredWithoutTheirMetadataAndDownloadedAsAttachments() throws Exception {
		var photo = photoWithGps();
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("SECRET-HOME");
		var description = "Wraps stamped with a red star " + UUID.randomUUID();

		mvc.perform(report(description)
			.file(new MockMultipartFile("attachments", "C:\\Users\\me\\IMG_0001.JPG", "image/jpeg", photo))
			.file(new MockMultipartFile("attachments", "lab report.pdf", "application/pdf", PDF))
			.with(as("frontline"))
			.with(csrf())).andExpect(status().isFound());

		var id = reportWith(description);
		var stored = jdbc
			.sql("SELECT filename, content_type, content FROM earlywarning.report_attachment "
					+ "WHERE report_id = ? ORDER BY position")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBytes(3) })
			.list();
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0)[0]).isEqualTo("IMG_0001.jpg");
		assertThat(stored.get(0)[1]).isEqualTo("image/jpeg");
		var kept = new String((byte[]) stored.get(0)[2], StandardCharsets.ISO_8859_1);
		assertThat(kept).doesNotContain("SECRET-HOME").doesNotContain("GPSLatitude").doesNotContain("Exif");
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream((byte[]) stored.get(0)[2])).getWidth()).isEqualTo(64);
		assertThat(stored.get(1)[0]).isEqualTo("lab report.pdf");
		assertThat((byte[]) stored.get(1)[2]).isEqualTo(PDF);

		var page = mvc.perform(get("/early-warning/reports/" + id).with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("IMG_0001.jpg")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var link = page.substring(page.indexOf("/early-warning/reports/" + id + "/attachments/"));
		link = link.substring(0, link.indexOf('"'));
		var audited = jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'ATTACHMENT_VIEWED' " + "AND record_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single();
		mvc.perform(get(link).with(as("panel")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().contentType("image/jpeg"));
		assertThat(jdbc
			.sql("SELECT count(*) FROM platform.audit_event WHERE action = 'ATTACHMENT_VIEWED' " + "AND record_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single()).isEqualTo(audited + 1);
		mvc.perform(get("/early-warning/reports/" + id + "/attachments/" + UUID.randomUUID()).with(as("panel")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFileThatIsNotAPhotoOrPdfStopsTheWholeReport() throws Exception {
		var description = "Not a photo " + UUID.randomUUID();
		mvc.perform(report(description)
			.file(new MockMultipartFile("attachments", "photo.jpg", "image/jpeg",
					"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
			.with(as("frontline"))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("photo.jpg: send a photo (JPEG or PNG) or a PDF.")));
		assertThat(reportsWith(description)).isZero();

		var tooMany = report(description);
		for (int i = 0; i < 4; i++) {
			tooMany.file(new MockMultipartFile("attachments", "lab" + i + ".pdf", "application/pdf", PDF));
		}
		mvc.perform(tooMany.with(as("frontline")).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Send at most 3 files.")));
		assertThat(reportsWith(description)).isZero();
	}

	@Test
	void partnerSystemsSendFilesInBase64() throws Exception {
		var token = agencies.issueApiClient("Ambulance " + UUID.randomUUID(), "WMAS",
				List.of(new Grant(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), "admin")
			.token();
		var description = "API with a lab report " + UUID.randomUUID();
		var body = """
				{"sourceType": "AMBULANCE", "occurredAt": "%s", "ladCode": "%s",
				 "substances": [{"text": "heroin", "howKnown": "LAB"}], "outcomes": ["OVERDOSE"], "people": 1,
				 "description": "%s", "attachments": [%s]}""";
		var when = clock.instant().minusSeconds(3600).toString();

		mvc.perform(post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(when, BIRMINGHAM, description, "{\"filename\": \"x.pdf\", \"content\": \"***\"}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("attachments[0].content")));
		assertThat(reportsWith(description)).isZero();

		mvc.perform(
				post("/api/early-warning/reports").header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(
							body.formatted(when, BIRMINGHAM, description,
									"{\"filename\": \"result.pdf\", \"content\": \""
											+ Base64.getEncoder().encodeToString(PDF) + "\"}")))
			.andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT filename FROM earlywarning.report_attachment WHERE report_id = ?")
			.param(reportWith(description))
			.query(String.class)
			.list()).containsExactly("result.pdf");
	}

}
