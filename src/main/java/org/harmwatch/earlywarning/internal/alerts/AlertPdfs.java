package org.harmwatch.earlywarning.internal.alerts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders an XHTML page (a Thymeleaf template rendered by the caller) to a PDF with
 * openhtmltopdf: the A4 poster and the clinician briefing.
 */
public final class AlertPdfs {

	private AlertPdfs() {
	}

	public static byte[] render(String xhtml, String baseUri) {
		try (var out = new ByteArrayOutputStream()) {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(xhtml, baseUri);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not render the PDF", ex);
		}
	}

}
