package org.harmwatch.earlywarning.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.internal.alerts.AlertTexts;
import org.harmwatch.earlywarning.internal.alerts.AreaPolygons;
import org.harmwatch.earlywarning.internal.alerts.CapMessage;
import org.harmwatch.earlywarning.internal.alerts.CapValidator;
import org.harmwatch.earlywarning.internal.alerts.CapWriter;
import org.harmwatch.geography.GeographyManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps an issued version of an alert onto CAP 1.2 (severity, urgency and response from
 * its level, or past and minor for a cancellation; certainty from the panel's strength of
 * evidence; substances and classes as event codes; one info block per audience) and
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
	 * @param strength the panel's strength of evidence (the lower median of its grades),
	 * {@code null} when ungraded
	 * @throws CapValidator.InvalidCapException if it is not valid: invalid CAP is never
	 * returned
	 */
	public String write(AlertView alert, AlertView.Message message, SignalStatus signal,
			@Nullable EvidenceStrength strength) {
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
		// A cancellation is about something past that no longer threatens (CAP 3.2.2
		// urgency "Past", severity "Minor"), whatever the level of what it cancels.
		var severity = cancel ? "Minor" : switch (message.level()) {
			case ADVISORY -> "Moderate";
			case WARNING -> "Severe";
			case CRITICAL -> "Extreme";
		};
		var urgency = cancel ? "Past" : switch (message.level()) {
			case ADVISORY -> "Future";
			case WARNING -> "Expected";
			case CRITICAL -> "Immediate";
		};
		var responseType = cancel ? "AllClear" : message.level() == AlertLevel.ADVISORY ? "Monitor" : "Avoid";
		var certainty = certainty(signal, strength);
		var areas = message.areas()
			.stream()
			.map(a -> new CapMessage.Area(a.name(), a.code(),
					geography.boundary(a.code())
						.map(g -> AreaPolygons.polygon(g, AreaPolygons.MAX_POINTS))
						.orElse(null)))
			.toList();
		var prefix = alert.exercise() ? "EXERCISE: " : "";
		var substanceNames = message.substances().stream().map(AlertView.Substance::name).toList();
		var reason = message.note() == null ? "" : message.note();
		var description = cancel ? "Cancelled: " + reason
				: (message.messageType() == AlertMessageType.UPDATE && message.note() != null
						? "Update: " + message.note() + "\n\n" : "")
						+ (substanceNames.isEmpty() ? "" : "Substances: " + String.join(", ", substanceNames) + ".\n\n")
						+ "What to look out for: " + message.lookOutFor();
		var web = settings.publicUrl() + AlertTexts.webPath(reference, message.forPublic() && !alert.exercise());
		var expires = CapMessage.time(message.expiresAt(), zone);
		var codes = eventCodes(message);
		var parameters = List.of(new CapMessage.Value(VOCABULARY + ":level", message.level().name()),
				new CapMessage.Value(VOCABULARY + ":reference", reference),
				new CapMessage.Value(VOCABULARY + ":version", Integer.toString(version)));
		var headline = prefix + (cancel ? "CANCELLED: " : "") + message.headline();
		var infos = new ArrayList<CapMessage.Info>();
		if (message.forPublic() && message.publicAdvice() != null) {
			infos.add(new CapMessage.Info("Drug alert", responseType, urgency, severity, certainty, "Public", codes,
					expires, "Harmwatch drugs early warning", headline, description,
					cancel ? cancelInstruction(reason) : message.publicAdvice(), web, parameters, areas));
		}
		if (message.forProfessionals() && message.professionalAdvice() != null) {
			infos.add(new CapMessage.Info("Drug alert", responseType, urgency, severity, certainty,
					"Professionals: health, drug services, ambulance, police, prisons", codes, expires,
					"Harmwatch drugs early warning", headline, description,
					cancel ? cancelInstruction(reason) : message.professionalAdvice(), web, parameters, areas));
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

	/** The name under which Harmwatch's codes are given in {@code eventCode}s. */
	public static final String VOCABULARY = "harmwatch";

	/**
	 * Each substance's vocabulary code and each substance class once, for receivers to
	 * filter on.
	 */
	static List<CapMessage.Value> eventCodes(AlertView.Message message) {
		var codes = new ArrayList<CapMessage.Value>();
		message.substances().forEach(s -> codes.add(new CapMessage.Value(VOCABULARY + ":substance", s.code())));
		message.substances()
			.stream()
			.map(AlertView.Substance::substanceClass)
			.filter(c -> c != null && !c.isBlank())
			.distinct()
			.forEach(c -> codes.add(new CapMessage.Value(VOCABULARY + ":substance-class", c)));
		return codes;
	}

	/**
	 * CAP certainty from the panel's strength of evidence: confirmed by laboratory is
	 * observed, corroborated likely, a single credible report possible, unverified
	 * unknown; an alert on the urgent path (validated, not yet graded) likely.
	 */
	static String certainty(SignalStatus signal, @Nullable EvidenceStrength strength) {
		if (strength == null) {
			return signal == SignalStatus.GRADED ? "Possible" : "Likely";
		}
		return switch (strength) {
			case A -> "Observed";
			case B -> "Likely";
			case C -> "Possible";
			case D -> "Unknown";
		};
	}

	private static String cancelInstruction(String reason) {
		return "This alert has been cancelled. " + reason;
	}

}
