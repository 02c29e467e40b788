package org.harmwatch.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.AnalysisMethod;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The analyst photographs a mis-sold pill on its sample page (a wrong file is refused
 * first), and a visitor sees the photo, with its alternative text, in the board's pills
 * of concern. Both pages pass axe, with and without errors.
 */
@HarmwatchIntegrationTest
class SamplePhotoBrowserTests extends BrowserTestSupport {

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	SampleManagement sampleManagement;

	@Autowired
	ResultManagement resultManagement;

	static byte[] jpeg() throws IOException {
		var image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
		var g = image.getGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 320, 240);
		g.setColor(Color.PINK);
		g.fillOval(60, 20, 200, 200);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	@Test
	void theAnalystPhotographsAMisSoldPillAndTheBoardShowsIt() throws IOException {
		var logo = "zzp" + UUID.randomUUID().toString().substring(0, 8);
		var now = Instant.now();
		var session = sessionManagement
			.createSession(
					new SessionDraft("Photo browser site " + logo, SiteKind.FESTIVAL, "E08000025",
							"Photo browser " + logo, LocalDate.now(), LocalDate.now(), "Chemist", Set.of()),
					"analyst", "WM-CHECK", now);
		var sample = sampleManagement.takeIn(session,
				new SampleDraft(UUID.randomUUID(), SampleMode.FRONT_OF_HOUSE, "MDMA", DosageForm.PILL, "pink", logo,
						"round", false, new BigDecimal("300"), "E08000025", null, true, null),
				"analyst", now);
		resultManagement.recordResult(sample.id(),
				new ResultDraft(List
					.of(new ComponentDraft("caffeine", null, null, null, Confidence.CONFIRMED, AnalysisMethod.FTIR)),
						true, null),
				"Analyst", now);

		signIn("analyst");
		page.navigate("/drug-checking/samples/" + sample.id());
		assertThat(page.locator("#photos")).hasText("Photos of the sample");
		assertAccessible();

		page.getByLabel("Photo (JPEG or PNG, up to 8 MB)")
			.setInputFiles(new FilePayload("pill.jpg", "image/jpeg", "not a photo".getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add photo")).click();
		assertThat(page.locator(".govuk-error-summary")).containsText("it is not a JPEG or PNG image");
		assertAccessible();

		page.getByLabel("Photo (JPEG or PNG, up to 8 MB)")
			.setInputFiles(new FilePayload("pill.jpg", "image/jpeg", jpeg()));
		page.getByLabel("Caption (optional)").fill("front");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add photo")).click();
		assertThat(page.locator(".govuk-notification-banner")).containsText("Photo added");
		var alt = "Photo of a pill sold as MDMA: pink, " + logo + ", round (front)";
		var photo = page.getByAltText(alt);
		assertThat(photo).isVisible();
		org.assertj.core.api.Assertions
			.assertThat((Boolean) photo.evaluate("img => img.complete && img.naturalWidth === 320"))
			.isTrue();
		assertAccessible();

		context.clearCookies();
		page.navigate("/drug-checking/board?logo=" + logo);
		var gallery = page.locator(".hw-concern");
		assertThat(gallery).hasCount(1);
		assertThat(gallery).containsText("Mis-sold");
		var published = gallery.getByAltText(alt);
		assertThat(published).isVisible();
		org.assertj.core.api.Assertions
			.assertThat((Boolean) published.evaluate("img => img.complete && img.naturalWidth === 320"))
			.isTrue();
		assertAccessible();
	}

}
