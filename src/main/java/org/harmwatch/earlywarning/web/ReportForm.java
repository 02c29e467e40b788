package org.harmwatch.earlywarning.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the report forms post: everything as text, so that a wrong value becomes a message
 * next to its field. The staff form also sends files ({@code attachments}); the public
 * form sends neither files, a pin, a source nor a kind of drug.
 */
record ReportForm(String sourceType, String occurredAt, String lat, String lon, String ladCode, List<String> substances,
		List<String> howKnown, String substanceClass, List<String> outcomes, String people, String description,
		List<MultipartFile> attachments) {

	/** Substance rows on the form. */
	static final int SUBSTANCE_ROWS = 3;

	ReportForm(@Nullable String sourceType, @Nullable String occurredAt, @Nullable String lat, @Nullable String lon,
			@Nullable String ladCode, @Nullable List<String> substances, @Nullable List<String> howKnown,
			@Nullable String substanceClass, @Nullable List<String> outcomes, @Nullable String people,
			@Nullable String description, @Nullable List<MultipartFile> attachments) {
		this.sourceType = text(sourceType);
		this.occurredAt = text(occurredAt);
		this.lat = text(lat);
		this.lon = text(lon);
		this.ladCode = text(ladCode);
		this.substances = pad(substances);
		this.howKnown = pad(howKnown);
		this.substanceClass = text(substanceClass);
		this.outcomes = outcomes == null ? List.of() : outcomes.stream().filter(Objects::nonNull).toList();
		// One person unless the form says otherwise.
		this.people = people == null ? "1" : people;
		this.description = text(description);
		this.attachments = attachments == null ? List.of() : attachments.stream().filter(Objects::nonNull).toList();
	}

	static ReportForm startingAt(Instant now, ZoneId zone) {
		return new ReportForm(null, LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES).toString(), null,
				null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Only what the public form shows: no pin, no files, no kind of drug, and a member of
	 * the public as the source.
	 */
	ReportForm forPublic() {
		return new ReportForm(SourceType.MEMBER_OF_PUBLIC.name(), occurredAt, null, null, ladCode, substances, null,
				null, outcomes, people, description, null);
	}

	/**
	 * The draft, with {@code null} wherever a value could not be read; the problems say
	 * which.
	 */
	ReportDraft toDraft(Channel channel, ZoneId zone, List<FieldProblem> problems) {
		var type = parse(SourceType.class, sourceType, "sourceType", "earlywarning.error.sourceType", problems);
		if (sourceType.isBlank()) {
			problems.add(FieldProblem.of("sourceType", "earlywarning.error.sourceType"));
		}
		Instant when = null;
		if (!occurredAt.isBlank()) {
			try {
				when = LocalDateTime.parse(occurredAt.strip()).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				problems.add(FieldProblem.of("occurredAt", "earlywarning.error.occurredAt.format"));
			}
		}
		var latitude = number(lat, "lat", problems);
		var longitude = number(lon, "lon", problems);
		var mentions = new ArrayList<SubstanceMention>();
		for (int i = 0; i < substances.size(); i++) {
			var text = substances.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			var how = i < howKnown.size() ? howKnown.get(i) : "";
			var known = how.isBlank() ? HowKnown.SUSPECTED
					: parse(HowKnown.class, how, "howKnown[" + i + "]", "earlywarning.error.howKnown", problems);
			mentions.add(new SubstanceMention(text, known == null ? HowKnown.SUSPECTED : known));
		}
		var chosenClass = substanceClass.isBlank() ? null
				: EarlyWarningManagement.substanceClass(substanceClass).orElse(null);
		if (!substanceClass.isBlank() && chosenClass == null) {
			problems.add(FieldProblem.of("substanceClass", "earlywarning.error.substanceClass"));
		}
		var chosen = EnumSet.noneOf(Outcome.class);
		for (var o : outcomes) {
			var outcome = parse(Outcome.class, o, "outcomes", "earlywarning.error.outcomes.unknown", problems);
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
				problems.add(FieldProblem.of("people", "earlywarning.error.people.range"));
			}
		}
		return new ReportDraft(channel, type, when, latitude, longitude, ladCode.isBlank() ? null : ladCode.strip(),
				mentions, chosenClass, chosen, count, description);
	}

	private static @Nullable Double number(String text, String field, List<FieldProblem> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(FieldProblem.of(field, "earlywarning.error.pin.number"));
			return null;
		}
	}

	/** A value of an enumeration; {@code null}, with a problem if something was sent. */
	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value, String field, String code,
			List<FieldProblem> problems) {
		if (value.isBlank()) {
			return null;
		}
		var found = SignalController.pick(type, value.strip());
		if (found == null) {
			problems.add(FieldProblem.of(field, code));
		}
		return found;
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static List<String> pad(@Nullable List<String> values) {
		var result = new ArrayList<String>();
		if (values != null) {
			values.stream().limit(10).forEach(v -> result.add(v == null ? "" : v));
		}
		while (result.size() < SUBSTANCE_ROWS) {
			result.add("");
		}
		return List.copyOf(result);
	}

}
