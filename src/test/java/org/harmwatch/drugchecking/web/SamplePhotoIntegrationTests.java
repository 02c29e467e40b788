package org.harmwatch.drugchecking.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.PhotoManagement;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Photos of samples: stored without camera metadata, refused whole when not a photo, seen
 * by staff only under the sample's licence conditions, and published on the board only
 * when the sample is on it and the licence allows photographs to be published.
 */
@HarmwatchIntegrationTest
class SamplePhotoIntegrationTests {

	static final String BIRMINGHAM = "E08000025";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	@Autowired
	PhotoManagement photos;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/**
	 * A police reader given drug-checking read for policing, to prove the licence holds
	 * even then.
	 */
	static RequestPostProcessor police() {
		return user(new HarmwatchUser(UUID.randomUUID(), "police-reader", null, "Police reader", "WMP",
				"West Midlands Police", AgencyType.POLICE_FORCE, List.of("CUSTODY_OFFICER"),
				Set.of(new Grant(Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING)), true, false));
	}

	/**
	 * A real JPEG photo of a pill with an EXIF block that holds a (made-up) GPS position.
	 */
	static byte[] photoWithGps() throws IOException {
		var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		image.getGraphics().fillOval(12, 8, 40, 32);
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

	UUID session(String marker, LicenceCondition... conditions) {
		return sessionManagement.createSession(
				new SessionDraft("Photo site " + marker, SiteKind.FESTIVAL, BIRMINGHAM,
						"Photo session " + marker + " " + UUID.randomUUID(), LocalDate.of(2017, 3, 10),
						LocalDate.of(2017, 3, 11), "Chemist P", Set.of(conditions)),
				"analyst", "WM-CHECK", Instant.now());
	}

	/** A pink pill sold as MDMA, taken in when given. */
	SampleView pill(UUID session, String logo, Instant when) {
		return sampleManagement.takeIn(session, new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA",
				DosageForm.PILL, "pink", logo, "round", false, new BigDecimal("300"), BIRMINGHAM, null, true, null),
				"analyst", when);
	}

	/**
	 * Records a result: caffeine in a pill sold as MDMA is mis-sold, so a pill of
	 * concern.
	 */
	void caffeine(UUID sample, boolean confirmed) {
		resultManagement.recordResult(sample,
				new ResultDraft(List
					.of(new ComponentDraft("caffeine", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR)),
						confirmed, null),
				"Analyst", Instant.now());
	}

	long stored(UUID sample) {
		return jdbc.sql("SELECT count(*) FROM drugchecking.sample_photo WHERE sample_id = ?")
			.param(sample)
			.query(Long.class)
			.single();
	}

	long audited(String action, UUID sample) {
		return jdbc.sql("SELECT count(*) FROM platform.audit_event WHERE action = ? AND record_id = ?")
			.param(action)
			.param(sample.toString())
			.query(Long.class)
			.single();
	}

	@Test
	void aPhotoIsStoredWithoutItsMetadataShownToTheAnalystAuditedAndDeleted() throws Exception {
		var marker = "ph" + UUID.randomUUID().toString().substring(0, 8);
		var sample = pill(session(marker), marker, Instant.now());
		var photo = photoWithGps();
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("SECRET-HOME", "GPSLatitude");

		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id())
			.file(new MockMultipartFile("photo", "IMG_0001.JPG", "image/jpeg", photo))
			.param("caption", "front")
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/drug-checking/samples/" + sample.id() + "#photos"));

		var row = jdbc
			.sql("SELECT id, caption, content_type, size, content FROM drugchecking.sample_photo "
					+ "WHERE sample_id = ?")
			.param(sample.id())
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
							rs.getBytes(5) })
			.single();
		var id = (UUID) row[0];
		var kept = (byte[]) row[4];
		assertThat(row[1]).isEqualTo("front");
		assertThat(row[2]).isEqualTo("image/jpeg");
		assertThat(row[3]).isEqualTo((long) kept.length);
		assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-HOME")
			.doesNotContain("GPSLatitude")
			.doesNotContain("Exif");
		// No APP1 (EXIF/XMP) segment at all, and still the same picture.
		assertThat(containsMarker(kept, 0xE1)).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(64);

		mvc.perform(get("/drug-checking/samples/{id}", sample.id()).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("src=\"/drug-checking/photos/" + id + "\"")))
			.andExpect(content()
				.string(containsString("alt=\"Photo of a pill sold as MDMA: pink, " + marker + ", round (front)\"")))
			.andExpect(content().string(containsString("Photograph the sample only: a pill&#39;s front and back")))
			.andExpect(content().string(containsString("Keep faces, hands")));

		var before = audited("DRUG_CHECK_PHOTO_VIEWED", sample.id());
		mvc.perform(get("/drug-checking/photos/{id}", id).with(as("analyst")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", "private, no-store"))
			.andExpect(content().bytes(kept));
		assertThat(audited("DRUG_CHECK_PHOTO_VIEWED", sample.id())).isEqualTo(before + 1);

		mvc.perform(post("/drug-checking/samples/{id}/photos/{photo}/delete", sample.id(), id).with(as("analyst"))
			.with(csrf())).andExpect(status().isFound());
		assertThat(stored(sample.id())).isZero();
		assertThat(audited("DRUG_CHECK_PHOTO_DELETED", sample.id())).isEqualTo(1);
		mvc.perform(get("/drug-checking/photos/{id}", id).with(as("analyst"))).andExpect(status().isNotFound());
		mvc.perform(post("/drug-checking/samples/{id}/photos/{photo}/delete", sample.id(), id).with(as("analyst"))
			.with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void aFileThatIsNotAPhotoTooLargeOrOneTooManyIsRefusedAndNothingIsStored() throws Exception {
		var marker = "ph" + UUID.randomUUID().toString().substring(0, 8);
		var sample = pill(session(marker), marker, Instant.now());

		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id())
			.file(new MockMultipartFile("photo", "pill.jpg", "image/jpeg",
					"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("govuk-error-summary")))
			.andExpect(content().string(containsString("href=\"#photo\"")))
			.andExpect(content().string(containsString("The photo cannot be used: it is not a JPEG or PNG image.")));
		assertThat(stored(sample.id())).isZero();

		// Looks like a JPEG by its first bytes, but is not one.
		var broken = new byte[2000];
		broken[0] = (byte) 0xFF;
		broken[1] = (byte) 0xD8;
		broken[2] = (byte) 0xFF;
		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id())
			.file(new MockMultipartFile("photo", "pill.jpg", "image/jpeg", broken))
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content()
				.string(containsString("The photo cannot be used: the image is damaged or not a JPEG file.")));

		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id()).with(as("analyst")).with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Choose a photo of the sample (JPEG or PNG).")));

		var huge = new byte[PhotoManagement.MAX_BYTES + 1];
		System.arraycopy(photoWithGps(), 0, huge, 0, 100);
		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id())
			.file(new MockMultipartFile("photo", "pill.jpg", "image/jpeg", huge))
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("The photo must be smaller than 8 MB.")));

		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id())
			.file(new MockMultipartFile("photo", "pill.jpg", "image/jpeg", photoWithGps()))
			.param("caption", "x".repeat(101))
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("The caption is at most 100 characters.")));
		assertThat(stored(sample.id())).isZero();

		for (int i = 0; i < PhotoManagement.MAX_PHOTOS; i++) {
			photos.add(sample.id(), photoWithGps(), "side " + i, "Analyst", Instant.now());
		}
		mvc.perform(multipart("/drug-checking/samples/{id}/photos", sample.id())
			.file(new MockMultipartFile("photo", "pill.jpg", "image/jpeg", photoWithGps()))
			.with(as("analyst"))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("A sample has at most 4 photos.")));
		assertThat(stored(sample.id())).isEqualTo(PhotoManagement.MAX_PHOTOS);
		assertThatThrownBy(() -> photos.add(sample.id(), photoWithGps(), null, "Analyst", Instant.now()))
			.isInstanceOf(InputRejectedException.class);
	}

	@Test
	void aPoliceReaderGetsNoPhotoOfANotForLawEnforcementSession() throws Exception {
		// The police see the service's sessions only under a data-sharing agreement; with
		// one, the licence still rules.
		var agreement = policeAgreement();
		try {
			var marker = "ph" + UUID.randomUUID().toString().substring(0, 8);
			var closed = pill(session(marker, LicenceCondition.NOT_FOR_LAW_ENFORCEMENT), marker, Instant.now());
			var open = pill(session(marker), marker, Instant.now());
			var closedPhoto = photos.add(closed.id(), photoWithGps(), "front", "Analyst", Instant.now()).id();
			var openPhoto = photos.add(open.id(), photoWithGps(), "front", "Analyst", Instant.now()).id();

			var withheld = audited("DRUG_CHECK_PHOTO_WITHHELD", closed.id());
			mvc.perform(get("/drug-checking/photos/{id}", closedPhoto).with(police())).andExpect(status().isNotFound());
			assertThat(audited("DRUG_CHECK_PHOTO_WITHHELD", closed.id())).isEqualTo(withheld + 1);
			mvc.perform(get("/drug-checking/samples/{id}", closed.id()).with(police()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("does not allow results to be given to law enforcement")))
				.andExpect(content().string(not(containsString(closedPhoto.toString()))));
			// Photographs are health records of the service: the police see none,
			// whatever the licence; health staff
			// see both.
			mvc.perform(get("/drug-checking/photos/{id}", openPhoto).with(police())).andExpect(status().isNotFound());
			mvc.perform(get("/drug-checking/photos/{id}", closedPhoto).with(as("analyst"))).andExpect(status().isOk());
			// The real police roles have no drug-checking grants at all; nor has anyone
			// anonymous.
			mvc.perform(get("/drug-checking/photos/{id}", closedPhoto).with(as("custody")))
				.andExpect(status().isForbidden());
			mvc.perform(get("/drug-checking/photos/{id}", closedPhoto)).andExpect(status().is3xxRedirection());
			mvc.perform(get("/drug-checking/board/photos/{id}", closedPhoto)).andExpect(status().isNotFound());
		}
		finally {
			sharing.end(agreement, "admin");
		}
	}

	@Test
	void theBoardShowsAPhotoOnlyWhenTheSampleIsOnItAndTheLicenceAllowsPhotographsToBePublished() throws Exception {
		var marker = "ph" + UUID.randomUUID().toString().substring(0, 8);
		var month = YearMonth.of(2017, 3);
		var when = month.atDay(10).atTime(21, 0).toInstant(ZoneOffset.UTC);
		var permissive = pill(session(marker), marker, when);
		var restricted = pill(session(marker, LicenceCondition.NO_PHOTOGRAPHS_PUBLISHED), marker, when);
		var offBoard = pill(session(marker, LicenceCondition.NO_PUBLIC_BOARD), marker, when);
		var unconfirmed = pill(session(marker), marker, when);
		caffeine(permissive.id(), true);
		caffeine(restricted.id(), true);
		caffeine(offBoard.id(), true);
		caffeine(unconfirmed.id(), false);
		var shown = photos.add(permissive.id(), photoWithGps(), "front", "Analyst", Instant.now()).id();
		var notPublished = photos.add(restricted.id(), photoWithGps(), "front", "Analyst", Instant.now()).id();
		var notOnBoard = photos.add(offBoard.id(), photoWithGps(), "front", "Analyst", Instant.now()).id();
		var notConfirmed = photos.add(unconfirmed.id(), photoWithGps(), "front", "Analyst", Instant.now()).id();

		var html = mvc
			.perform(get("/drug-checking/board").param("logo", marker).param("from", "2017-03").param("to", "2017-03"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// Both the permissive and the restricted sample are pills of concern on the
		// board, and look the same: one warning (one per kind), with only the permissive
		// one's photo.
		assertThat(html).contains("Pills of concern", "Mis-sold")
			.contains("src=\"/drug-checking/board/photos/" + shown + "\"")
			.contains("alt=\"Photo of a pill sold as MDMA: pink, " + marker + ", round (front)\"")
			.doesNotContain(notPublished.toString(), notOnBoard.toString(), notConfirmed.toString());
		assertThat(html.split("govuk-summary-card hw-concern", -1)).hasSize(2);

		mvc.perform(get("/drug-checking/board/photos/{id}", shown))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(not(containsString("SECRET-HOME"))));
		for (var hidden : List.of(notPublished, notOnBoard, notConfirmed, UUID.randomUUID())) {
			mvc.perform(get("/drug-checking/board/photos/{id}", hidden)).andExpect(status().isNotFound());
		}
		// Staff still see the restricted session's photo; the public lookup by code shows
		// no photos at all.
		mvc.perform(get("/drug-checking/photos/{id}", notPublished).with(as("analyst"))).andExpect(status().isOk());
		mvc.perform(post("/drug-checking/results").with(csrf()).with(r -> {
			r.setRemoteAddr("10.43.0." + (int) (Math.random() * 250));
			return r;
		}).param("code", permissive.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Caffeine")))
			.andExpect(content().string(not(containsString("/photos/"))));
	}

	/**
	 * Whether a JPEG holds a segment with this marker (APP1 = 0xE1) before its image
	 * data.
	 */
	static boolean containsMarker(byte[] jpeg, int marker) {
		int i = 2;
		while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
			int type = jpeg[i + 1] & 0xFF;
			if (type == marker) {
				return true;
			}
			if (type == 0xDA) {
				return false;
			}
			i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
		}
		return false;
	}

	@Autowired
	SharingManagement sharing;

	UUID policeAgreement() {
		return sharing
			.record(new SharingManagement.Draft("DSA-TEST-" + UUID.randomUUID(), "WM-CHECK", "WMP",
					Capability.DRUG_CHECKING, Action.READ, Purpose.POLICING, "Test agreement",
					java.time.LocalDate.now().minusDays(1), null), "admin")
			.id();
	}

}
