package org.harmwatch.earlywarning.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.jspecify.annotations.Nullable;

/**
 * What the report forms post: everything as text, so that a wrong value becomes a message
 * next to its field.
 */
public class ReportForm {

	/** Substance rows on the form. */
	static final int SUBSTANCE_ROWS = 3;

	private String sourceType = "";

	private String occurredAt = "";

	private String lat = "";

	private String lon = "";

	private String ladCode = "";

	private List<String> substances = new ArrayList<>(List.of("", "", ""));

	private List<String> howKnown = new ArrayList<>(List.of("", "", ""));

	private String substanceClass = "";

	private List<String> outcomes = new ArrayList<>();

	private String people = "1";

	private String description = "";

	static ReportForm startingAt(Instant now, ZoneId zone) {
		var form = new ReportForm();
		form.occurredAt = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES).toString();
		return form;
	}

	/**
	 * The draft, with {@code null} wherever a value could not be read; the problems say
	 * which.
	 */
	ReportDraft toDraft(Channel channel, ZoneId zone, List<ReportProblem> problems) {
		var type = parse(SourceType.class, sourceType, "sourceType", "Choose who or what the report comes from.",
				problems);
		Instant when = null;
		if (!occurredAt.isBlank()) {
			try {
				when = LocalDateTime.parse(occurredAt.strip()).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				problems.add(new ReportProblem("occurredAt", "Enter when it happened as a date and time."));
			}
		}
		var latitude = number(lat, "lat", problems);
		var longitude = number(lon, "lon", problems);
		var mentions = new ArrayList<SubstanceMention>();
		for (int i = 0; i < substances.size(); i++) {
			var text = substances.get(i) == null ? "" : substances.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			var how = i < howKnown.size() ? howKnown.get(i) : "";
			var known = how == null || how.isBlank() ? HowKnown.SUSPECTED
					: parse(HowKnown.class, how, "howKnown[" + i + "]", "Choose how you know.", problems);
			mentions.add(new SubstanceMention(text, known == null ? HowKnown.SUSPECTED : known));
		}
		var chosenClass = substanceClass.isBlank() ? null
				: EarlyWarningManagement.substanceClass(substanceClass).orElse(null);
		if (!substanceClass.isBlank() && chosenClass == null) {
			problems.add(new ReportProblem("substanceClass", "Choose a kind of drug from the list."));
		}
		var chosen = EnumSet.noneOf(Outcome.class);
		for (var o : outcomes) {
			var outcome = parse(Outcome.class, o, "outcomes", "Choose what happened from the list.", problems);
			if (outcome != null) {
				chosen.add(outcome);
			}
		}
		Integer count = null;
		if (!people.isBlank()) {
			try {
				count = Integer.valueOf(people.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new ReportProblem("people", "How many people must be a whole number from 1 to 1000."));
			}
		}
		return new ReportDraft(channel, type, when, latitude, longitude, ladCode.isBlank() ? null : ladCode.strip(),
				mentions, chosenClass, chosen, count, description);
	}

	private static @Nullable Double number(String text, String field, List<ReportProblem> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new ReportProblem(field, "Enter the pin's position as a decimal number."));
			return null;
		}
	}

	static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field, String message,
			List<ReportProblem> problems) {
		if (value == null || value.isBlank()) {
			if (field.equals("sourceType")) {
				problems.add(new ReportProblem(field, message));
			}
			return null;
		}
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equals(value.strip())) {
				return constant;
			}
		}
		problems.add(new ReportProblem(field, message));
		return null;
	}

	public String getSourceType() {
		return sourceType;
	}

	public void setSourceType(@Nullable String sourceType) {
		this.sourceType = sourceType == null ? "" : sourceType;
	}

	public String getOccurredAt() {
		return occurredAt;
	}

	public void setOccurredAt(@Nullable String occurredAt) {
		this.occurredAt = occurredAt == null ? "" : occurredAt;
	}

	public String getLat() {
		return lat;
	}

	public void setLat(@Nullable String lat) {
		this.lat = lat == null ? "" : lat;
	}

	public String getLon() {
		return lon;
	}

	public void setLon(@Nullable String lon) {
		this.lon = lon == null ? "" : lon;
	}

	public String getLadCode() {
		return ladCode;
	}

	public void setLadCode(@Nullable String ladCode) {
		this.ladCode = ladCode == null ? "" : ladCode;
	}

	public List<String> getSubstances() {
		return substances;
	}

	public void setSubstances(@Nullable List<String> substances) {
		this.substances = pad(substances);
	}

	public List<String> getHowKnown() {
		return howKnown;
	}

	public void setHowKnown(@Nullable List<String> howKnown) {
		this.howKnown = pad(howKnown);
	}

	public String getSubstanceClass() {
		return substanceClass;
	}

	public void setSubstanceClass(@Nullable String substanceClass) {
		this.substanceClass = substanceClass == null ? "" : substanceClass;
	}

	public List<String> getOutcomes() {
		return outcomes;
	}

	public void setOutcomes(@Nullable List<String> outcomes) {
		this.outcomes = outcomes == null ? new ArrayList<>() : new ArrayList<>(outcomes);
	}

	public String getPeople() {
		return people;
	}

	public void setPeople(@Nullable String people) {
		this.people = people == null ? "" : people;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description == null ? "" : description;
	}

	private static List<String> pad(@Nullable List<String> values) {
		var result = new ArrayList<String>();
		if (values != null) {
			values.stream().limit(10).forEach(v -> result.add(v == null ? "" : v));
		}
		while (result.size() < SUBSTANCE_ROWS) {
			result.add("");
		}
		return result;
	}

}
