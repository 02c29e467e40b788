package org.harmwatch.earlywarning.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Objects;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.internal.alerts.AreaPolygons;
import org.harmwatch.earlywarning.internal.alerts.CapMessage;
import org.harmwatch.earlywarning.internal.alerts.CapValidator;
import org.harmwatch.earlywarning.internal.alerts.CapWriter;
import org.harmwatch.geography.GeographyManagement;
import org.springframework.stereotype.Component;

/**
 * Maps an issued version of an alert onto CAP 1.2 (severity, urgency and response from
 * its level, certainty from the signal's grading, one info block per audience) and
 * returns it only once it validates.
 */
@Component
public class AlertCap {

	private final AlertSettings settings;

	private final GeographyManagement geography;

	AlertCap(AlertSettings settings, GeographyManagement geography) {
		this.settings = settings;
		this.geography = geography;
	}

	/** The CAP identifier of one issued version. */
	public static String identifier(String reference, int version) {
		return reference + "-" + version;
	}

	/**
	 * The issued message of an alert as CAP 1.2 XML, validated against the schema and
	 * CAP's rules.
	 * @param signal the status of the signal the alert was drafted from
	 * @throws CapValidator.InvalidCapException if it is not valid: invalid CAP is never
	 * returned
	 */
	public String write(AlertView alert, AlertView.Message message, SignalStatus signal) {
		var zone = settings.zone();
		var sender = settings.sender();
		int version = Objects.requireNonNull(message.version());
		var reference = Objects.requireNonNull(alert.reference());
		var references = alert.issuedMessages()
			.stream()
			.filter(m -> m.version() != null && m.version() < version)
			.sorted(Comparator.comparing(AlertView.Message::version))
			.map(m -> sender + "," + identifier(reference, m.version()) + ","
					+ CapMessage.time(Objects.requireNonNull(m.issuedAt()), zone))
			.toList();
		boolean cancel = message.messageType() == AlertMessageType.CANCEL;
		var severity = switch (message.level()) {
			case ADVISORY -> "Moderate";
			case WARNING -> "Severe";
			case CRITICAL -> "Extreme";
		};
		var urgency = switch (message.level()) {
			case ADVISORY -> "Future";
			case WARNING -> "Expected";
			case CRITICAL -> "Immediate";
		};
		var responseType = cancel ? "AllClear" : message.level() == AlertLevel.ADVISORY ? "Monitor" : "Avoid";
		var certainty = signal == SignalStatus.GRADED ? "Observed" : "Likely";
		var areas = message.areas()
			.stream()
			.map(a -> new CapMessage.Area(a.name(), a.code(),
					geography.boundary(a.code())
						.map(g -> AreaPolygons.polygon(g, AreaPolygons.MAX_POINTS))
						.orElse(null)))
			.toList();
		var prefix = alert.exercise() ? "EXERCISE: " : cancel ? "CANCELLED: " : "";
		var substanceNames = message.substances().stream().map(AlertView.Substance::name).toList();
		var description = (cancel && message.note() != null ? "Cancelled: " + message.note() + "\n\n" : "")
				+ (message.messageType() == AlertMessageType.UPDATE && message.note() != null
						? "Update: " + message.note() + "\n\n" : "")
				+ (substanceNames.isEmpty() ? "" : "Substances: " + String.join(", ", substanceNames) + ".\n\n")
				+ "What to look out for: " + message.lookOutFor();
		var infos = new ArrayList<CapMessage.Info>();
		var web = settings.publicUrl()
				+ (alert.isPublic() ? "/alerts/" + reference : "/early-warning/alerts/" + reference);
		var expires = CapMessage.time(message.expiresAt(), zone);
		if (message.forPublic() && message.publicAdvice() != null) {
			infos.add(new CapMessage.Info("Drug alert", responseType, urgency, severity, certainty, "Public", expires,
					"Harmwatch drugs early warning", prefix + message.headline(), description, message.publicAdvice(),
					web, areas));
		}
		if (message.forProfessionals() && message.professionalAdvice() != null) {
			infos.add(new CapMessage.Info("Drug alert", responseType, urgency, severity, certainty,
					"Professionals: health, drug services, ambulance, police, prisons", expires,
					"Harmwatch drugs early warning", prefix + message.headline(), description,
					message.professionalAdvice(), web, areas));
		}
		var scope = message.forPublic() ? "Public" : "Restricted";
		var cap = new CapMessage(identifier(reference, version), sender,
				CapMessage.time(Objects.requireNonNull(message.issuedAt()), zone),
				alert.exercise() ? "Exercise" : "Actual", switch (message.messageType()) {
					case ALERT -> "Alert";
					case UPDATE -> "Update";
					case CANCEL -> "Cancel";
				}, scope, scope.equals("Restricted")
						? "Professionals of partner agencies only: do not pass on to the public." : null,
				alert.exercise() ? "Exercise: this is not a real alert." : null, references, infos);
		return CapValidator.requireValid(CapWriter.write(cap));
	}

}
