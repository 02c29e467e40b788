package org.harmwatch.earlywarning.internal.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything one CAP 1.2 {@code <alert>} says, in CAP's own terms (values are CAP's
 * enumerations).
 *
 * @param identifier unique for this sender, e.g. {@code HW-2026-0007-1}
 * @param sender who sends it
 * @param sent when, with the offset of the region's time zone
 * @param status {@code Actual} or {@code Exercise}
 * @param msgType {@code Alert}, {@code Update} or {@code Cancel}
 * @param scope {@code Public} or {@code Restricted}
 * @param restriction who may receive it, when restricted
 * @param references the earlier messages, each {@code sender,identifier,sent}
 * @param infos one info block per audience
 */
public record CapMessage(String identifier, String sender, String sent, String status, String msgType, String scope,
		@Nullable String restriction, @Nullable String note, List<String> references, List<Info> infos) {

	public CapMessage {
		references = List.copyOf(references);
		infos = List.copyOf(infos);
	}

	/**
	 * @param event what it is about
	 * @param responseType what to do, e.g. {@code Avoid}, {@code Monitor},
	 * {@code AllClear}
	 * @param urgency {@code Immediate}, {@code Expected}, {@code Future}, {@code Past} (a
	 * cancellation)
	 * @param severity {@code Extreme}, {@code Severe}, {@code Moderate}, {@code Minor} (a
	 * cancellation)
	 * @param certainty {@code Observed}, {@code Likely}, {@code Possible},
	 * {@code Unknown}
	 * @param audience who it is written for
	 * @param eventCodes codes receivers filter on (substances and their classes)
	 * @param expires when it stops being current (region offset, no fractional seconds)
	 * @param parameters further values for systems (level, reference, version)
	 */
	public record Info(String event, String responseType, String urgency, String severity, String certainty,
			String audience, List<Value> eventCodes, String expires, String senderName, String headline,
			String description, String instruction, String web, List<Value> parameters, List<Area> areas) {

		public Info {
			eventCodes = List.copyOf(eventCodes);
			parameters = List.copyOf(parameters);
			areas = List.copyOf(areas);
		}

	}

	/**
	 * A named value, as CAP's {@code eventCode} and {@code parameter} carry them.
	 *
	 * @param valueName the name of the system or vocabulary the value is from
	 * @param value the value
	 */
	public record Value(String valueName, String value) {
	}

	/**
	 * @param areaDesc its name
	 * @param gss its ONS (GSS) code
	 * @param polygon {@code lat,lon} pairs of a closed ring, or {@code null}
	 */
	public record Area(String areaDesc, String gss, @Nullable String polygon) {
	}

	/**
	 * Formats an instant as CAP wants it: the offset of the zone, no fractional seconds,
	 * and UTC written {@code -00:00} (CAP 1.2 §3.3.2).
	 */
	public static String time(Instant instant, ZoneId zone) {
		var text = FORMAT.format(instant.atZone(zone));
		return text.endsWith("+00:00") ? text.substring(0, text.length() - 6) + "-00:00" : text;
	}

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

}
