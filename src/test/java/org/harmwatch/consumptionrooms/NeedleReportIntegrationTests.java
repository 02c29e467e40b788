package org.harmwatch.consumptionrooms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public needle report (no sign-in, a pin, a photo stripped of its metadata,
 * rate-limited), the council's list with its service level and breaches, and recording
 * quality for the commissioner.
 */
@HarmwatchIntegrationTest
class NeedleReportIntegrationTests {

	static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NeedleManagement needles;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void councilSweepsCoventry() {
		needles.setCouncil("E08000026", "COV-ENV", 48, "test");
	}

	/** A fresh client address, so that other tests' reports do not count against it. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String freshAddress() {
		return "198.18.0." + (CLIENTS.incrementAndGet() % 250 + 1);
	}

	/**
	 * A PNG with a text chunk (where cameras put metadata), after ImageSanitiserTests.
	 */
	static byte[] pngWithText(String text) throws IOException {
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		var g = image.getGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, 40, 30);
		var plain = new ByteArrayOutputStream();
		ImageIO.write(image, "png", plain);
		var png = plain.toByteArray();
		var data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
		var type = "tEXt".getBytes(StandardCharsets.US_ASCII);
		var chunk = new ByteArrayOutputStream();
		chunk.write(new byte[] { 0, 0, (byte) (data.length >> 8), (byte) data.length });
		chunk.write(type);
		chunk.write(data);
		var crc = new CRC32();
		crc.update(type);
		crc.update(data);
		long c = crc.getValue();
		chunk.write(new byte[] { (byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c });
		int ihdrEnd = 8 + 25;
		var out = new ByteArrayOutputStream();
		out.write(png, 0, ihdrEnd);
		out.write(chunk.toByteArray());
		out.write(png, ihdrEnd, png.length - ihdrEnd);
		return out.toByteArray();
	}

	MockMultipartHttpServletRequestBuilder report(String lat, String lon, String description, byte[] photo) {
		return multipart("/needles/report").file(new MockMultipartFile("photo", "needles.png", "image/png", photo))
			.param("lat", lat)
			.param("lon", lon)
			.param("description", description)
			.with(csrf());
	}

	@Test
	void anyoneReportsWithAPinAndAPhotoWhoseMetadataIsRemoved() throws Exception {
		mvc.perform(get("/needles/report"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"needle-map\"")));
		var answer = mvc
			.perform(report("52.40812", "-1.51053", "Two syringes by the steps", pngWithText("GPS 52.40812 -1.51053"))
				.with(from(freshAddress())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var reference = answer.replaceAll("(?s).*<strong id=\"reference\">(\\d+)</strong>.*", "$1");
		assertThat(reference).matches("\\d+");
		var stored = jdbc.sql(
				"SELECT owner_agency, channel, photo, photo_type, due_at IS NOT NULL AS due FROM consumptionrooms.needle_report WHERE reference = ?")
			.param(Long.parseLong(reference))
			.query()
			.singleRow();
		assertThat(stored).containsEntry("owner_agency", "COV-ENV")
			.containsEntry("channel", "WEB")
			.containsEntry("photo_type", "image/png")
			.containsEntry("due", true);
		var photo = new String((byte[]) stored.get("photo"), StandardCharsets.ISO_8859_1);
		assertThat(photo).doesNotContain("GPS 52.40812").doesNotContain("tEXt");
	}

	@Test
	void aReportWithoutAPlaceOrOutsideTheRegionIsExplainedAndNotKept() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM consumptionrooms.needle_report").query(Long.class).single();
		mvc.perform(report("", "", "Somewhere", new byte[0]).with(from(freshAddress())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Put the pin where the needles are")));
		mvc.perform(report("40.7128", "-74.0060", "New York", new byte[0]).with(from(freshAddress())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("outside the area we cover")));
		mvc.perform(report("52.40812", "-1.51053", "Not a photo", "hello".getBytes(StandardCharsets.UTF_8))
			.with(from(freshAddress()))).andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("SELECT count(*) FROM consumptionrooms.needle_report").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void oneClientIsLimitedAfterFiveReports() throws Exception {
		var address = "198.19.7." + (CLIENTS.incrementAndGet() % 250 + 1);
		for (int i = 0; i < 5; i++) {
			mvc.perform(report("52.40812", "-1.51053", "Report " + i, new byte[0]).with(from(address)))
				.andExpect(status().isOk());
		}
		mvc.perform(report("52.40812", "-1.51053", "One too many", new byte[0]).with(from(address)))
			.andExpect(status().isTooManyRequests());
		assertThat(jdbc.sql("SELECT count(*) FROM consumptionrooms.needle_report WHERE description = 'One too many'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theCouncilSeesItsReportsWithBreachesAndTheCommissionerTheQuality() throws Exception {
		var late = needles.report(new NeedleReportDraft(52.40812, -1.51053, "Late one", null, null, NeedleChannel.WEB));
		jdbc.sql("""
				UPDATE consumptionrooms.needle_report
				SET reported_at = now() - interval '3 days', due_at = now() - interval '1 day' WHERE id = ?
				""").param(late.id()).update();
		var sweeper = users.loadUserByUsername("sweeper");
		var list = mvc.perform(get("/needles").param("status", "OPEN").with(user(sweeper)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(">" + late.reference() + "<").contains("Late");
		var page = mvc.perform(get("/needles/reports/" + late.id()).with(user(sweeper)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Late one").contains("Record a sweep");
		// Another council's staff, or clinic staff, do not see it.
		mvc.perform(get("/needles/reports/" + late.id()).with(user(users.loadUserByUsername("clinic"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/needles/reports/" + UUID.randomUUID()).with(user(sweeper))).andExpect(status().isNotFound());
		var quality = mvc.perform(get("/needles/quality").with(user(users.loadUserByUsername("commissioner"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(quality).contains("Coventry").contains("COV-ENV");
	}

}
