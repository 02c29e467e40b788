package org.harmwatch.earlywarning.web;

import java.time.ZoneId;
import java.util.Locale;

import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.internal.alerts.AlertPdfs;
import org.harmwatch.platform.QrCodes;
import org.harmwatch.platform.RegionSettings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An alert's A4 poster and clinician briefing as PDFs, for staff and (a public alert's)
 * for everyone: the issuing body, the issue date, the helpline and a QR code to the
 * alert's public page come from {@link RegionSettings}.
 */
@Component
class AlertDocuments {

	private final ITemplateEngine templates;

	private final AlertManagement alerts;

	private final RegionSettings region;

	private final ZoneId zone;

	AlertDocuments(ITemplateEngine templates, AlertManagement alerts, RegionSettings region) {
		this.templates = templates;
		this.alerts = alerts;
		this.region = region;
		this.zone = region.timeZone();
	}

	/** The A4 poster; {@code staff} is false on the public route. */
	ResponseEntity<byte[]> poster(AlertView alert, boolean staff) {
		return pdf(alert, "earlywarning/alertPoster", "poster", staff);
	}

	/**
	 * The clinician briefing; {@code staff} is false on the public route, which leaves
	 * out the approvers' names.
	 */
	ResponseEntity<byte[]> briefing(AlertView alert, boolean staff) {
		return pdf(alert, "earlywarning/alertBriefing", "briefing", staff);
	}

	private ResponseEntity<byte[]> pdf(AlertView alert, String template, String kind, boolean staff) {
		var message = alert.current() != null ? alert.current() : alert.pending();
		if (message == null) {
			return ResponseEntity.notFound().build();
		}
		var context = new Context(Locale.UK);
		context.setVariable("alert", alert);
		context.setVariable("message", message);
		context.setVariable("zone", zone);
		context.setVariable("staff", staff);
		context.setVariable("publicUrl", alerts.publicUrl());
		context.setVariable("issuer", region.issuer());
		context.setVariable("helpline", region.helpline());
		var page = alert.reference() != null && alert.isPublic() ? region.url("/alerts/" + alert.reference()) : null;
		context.setVariable("publicPage", page);
		context.setVariable("qr", page == null ? null : QrCodes.modules(page));
		var xhtml = templates.process(template, context);
		var name = (alert.reference() == null ? "draft-" + alert.id() : alert.reference()) + "-" + kind + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(name).build().toString())
			.body(AlertPdfs.render(xhtml, alerts.publicUrl()));
	}

}
