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
import java.util.Optional;

import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;

/**
 * The alert form as typed: text fields, so that a wrong value is shown back with its
 * error, not lost. What the values mean is checked by {@link #toDraft} (the form) and by
 * {@code AlertManagement} (the rules).
 */
record AlertForm(String level, List<String> audiences, List<String> areas, List<String> substances, String headline,
		String lookOutFor, String publicAdvice, String professionalAdvice, String expiresAt, String reviewAt,
		String exercise, String note, String shortText) {

	static final int SUBSTANCE_FIELDS = 3;

	AlertForm(@Nullable String level, @Nullable List<String> audiences, @Nullable List<String> areas,
			@Nullable List<String> substances, @Nullable String headline, @Nullable String lookOutFor,
			@Nullable String publicAdvice, @Nullable String professionalAdvice, @Nullable String expiresAt,
			@Nullable String reviewAt, @Nullable String exercise, @Nullable String note, @Nullable String shortText) {
		this.level = text(level);
		this.audiences = values(audiences);
		this.areas = values(areas);
		var given = new ArrayList<String>(
				substances == null ? List.of() : substances.stream().limit(10).map(AlertForm::text).toList());
		while (given.size() < SUBSTANCE_FIELDS) {
			given.add("");
		}
		this.substances = List.copyOf(given);
		this.headline = text(headline);
		this.lookOutFor = text(lookOutFor);
		this.publicAdvice = text(publicAdvice);
		this.professionalAdvice = text(professionalAdvice);
		this.expiresAt = text(expiresAt);
		this.reviewAt = text(reviewAt);
		this.exercise = text(exercise);
		this.note = text(note);
		this.shortText = text(shortText);
	}

	/**
	 * A new form for a signal: its district and substance, a fortnight's validity, review
	 * in a week.
	 */
	static AlertForm forSignal(SignalView signal, Instant now, ZoneId zone) {
		return new AlertForm("", List.of(), List.of(signal.ladCode()),
				signal.substanceName() == null ? List.of() : List.of(signal.substanceName()), "", "", "", "",
				local(now.plus(14, ChronoUnit.DAYS), zone), local(now.plus(7, ChronoUnit.DAYS), zone), "", "", "");
	}

	/** A form for an update, filled from the current message. */
	static AlertForm forUpdate(AlertView.Message current, Instant now, ZoneId zone) {
		return new AlertForm(current.level().name(), current.audiences().stream().map(Enum::name).toList(),
				current.areas().stream().map(AlertView.Area::code).toList(),
				current.substances().stream().map(AlertView.Substance::name).toList(), current.headline(),
				current.lookOutFor(), current.publicAdvice(), current.professionalAdvice(),
				local(current.expiresAt().isAfter(now) ? current.expiresAt() : now.plus(14, ChronoUnit.DAYS), zone),
				local(now.plus(7, ChronoUnit.DAYS), zone), "", "",
				current.shortText() == null ? "" : current.shortText());
	}

	/** The form to edit a waiting message with, filled from it. */
	static AlertForm forEdit(AlertView.Message pending, boolean exercise, ZoneId zone) {
		return new AlertForm(pending.level().name(), pending.audiences().stream().map(Enum::name).toList(),
				pending.areas().stream().map(AlertView.Area::code).toList(),
				pending.substances().stream().map(AlertView.Substance::name).toList(), pending.headline(),
				pending.lookOutFor(), pending.publicAdvice(), pending.professionalAdvice(),
				local(pending.expiresAt(), zone), local(pending.reviewAt(), zone), exercise ? "true" : "",
				pending.note() == null ? "" : pending.note(), pending.shortText() == null ? "" : pending.shortText());
	}

	static String local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/** Whether the exercise box is ticked. */
	public boolean exerciseTicked() {
		return "true".equalsIgnoreCase(exercise) || "on".equalsIgnoreCase(exercise);
	}

	/**
	 * The draft this form describes; problems of form (unknown values, unreadable dates)
	 * go into {@code problems}.
	 */
	AlertDraft toDraft(SubstanceManagement vocabulary, ZoneId zone, List<FieldProblem> problems) {
		var chosenLevel = SignalController.pick(AlertLevel.class, level);
		if (!level.isBlank() && chosenLevel == null) {
			problems.add(FieldProblem.of("level", "alerts.error.level.unknown"));
		}
		var chosenAudiences = EnumSet.noneOf(Audience.class);
		for (var a : audiences) {
			var audience = SignalController.pick(Audience.class, a);
			if (audience == null) {
				problems.add(FieldProblem.of("audiences", "alerts.error.audiences.unknown"));
				break;
			}
			chosenAudiences.add(audience);
		}
		var codes = new ArrayList<String>();
		for (var substance : substances) {
			var text = substance.strip();
			if (text.isEmpty()) {
				continue;
			}
			if (text.length() > 200) {
				problems.add(FieldProblem.of("substances", "alerts.error.substance.tooLong"));
				continue;
			}
			var byCode = SubstanceId.isValid(text) ? vocabulary.find(new SubstanceId(text))
					: Optional.<SubstanceSummary>empty();
			var found = byCode.isPresent() ? byCode : vocabulary.resolveExactly(text).map(r -> r.substance());
			if (found.isEmpty()) {
				problems.add(FieldProblem.of("substances", "alerts.error.substance.notInVocabulary",
						text.length() > 40 ? text.substring(0, 40) + "..." : text));
				continue;
			}
			if (!codes.contains(found.get().id().code())) {
				codes.add(found.get().id().code());
			}
		}
		return new AlertDraft(chosenLevel, chosenAudiences,
				areas.stream().filter(a -> !a.isBlank()).distinct().toList(), codes, headline, lookOutFor, publicAdvice,
				professionalAdvice, time("expiresAt", expiresAt, zone, problems),
				time("reviewAt", reviewAt, zone, problems), exerciseTicked(), note, shortText);
	}

	private static @Nullable Instant time(String field, String value, ZoneId zone, List<FieldProblem> problems) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "alerts.error.dateTime"));
			return null;
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static List<String> values(@Nullable List<String> values) {
		return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
	}

}
