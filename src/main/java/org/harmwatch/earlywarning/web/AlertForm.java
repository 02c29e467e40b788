package org.harmwatch.earlywarning.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;

/**
 * The alert form as typed: text fields, so that a wrong value is shown back with its
 * error, not lost.
 */
public class AlertForm {

	static final int SUBSTANCE_FIELDS = 3;

	private String level = "";

	private List<String> audiences = new ArrayList<>();

	private List<String> areas = new ArrayList<>();

	private List<String> substances = new ArrayList<>(List.of("", "", ""));

	private String headline = "";

	private String lookOutFor = "";

	private String publicAdvice = "";

	private String professionalAdvice = "";

	private String expiresAt = "";

	private String reviewAt = "";

	private boolean exercise;

	private String note = "";

	/**
	 * A new form for a signal: its district and substance, a fortnight's validity, review
	 * in a week.
	 */
	static AlertForm forSignal(SignalView signal, Instant now, ZoneId zone) {
		var form = new AlertForm();
		form.areas = new ArrayList<>(List.of(signal.ladCode()));
		if (signal.substanceName() != null) {
			form.substances.set(0, signal.substanceName());
		}
		form.expiresAt = local(now.plus(14, ChronoUnit.DAYS), zone);
		form.reviewAt = local(now.plus(7, ChronoUnit.DAYS), zone);
		return form;
	}

	/** A form for an update, filled from the current message. */
	static AlertForm forUpdate(AlertView.Message current, Instant now, ZoneId zone) {
		var form = new AlertForm();
		form.level = current.level().name();
		form.audiences = new ArrayList<>(current.audiences().stream().map(Enum::name).toList());
		form.areas = new ArrayList<>(current.areas().stream().map(AlertView.Area::code).toList());
		form.substances = new ArrayList<>(current.substances().stream().map(AlertView.Substance::name).toList());
		while (form.substances.size() < SUBSTANCE_FIELDS) {
			form.substances.add("");
		}
		form.headline = current.headline();
		form.lookOutFor = current.lookOutFor();
		form.publicAdvice = current.publicAdvice() == null ? "" : current.publicAdvice();
		form.professionalAdvice = current.professionalAdvice() == null ? "" : current.professionalAdvice();
		form.expiresAt = local(current.expiresAt().isAfter(now) ? current.expiresAt() : now.plus(14, ChronoUnit.DAYS),
				zone);
		form.reviewAt = local(now.plus(7, ChronoUnit.DAYS), zone);
		return form;
	}

	static String local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/**
	 * The draft this form describes; problems of form (unknown values, unreadable dates)
	 * go into {@code problems}.
	 */
	AlertDraft toDraft(SubstanceManagement vocabulary, ZoneId zone, List<ReportProblem> problems) {
		var chosenLevel = SignalController.pick(AlertLevel.class, level);
		if (!level.isBlank() && chosenLevel == null) {
			problems.add(new ReportProblem("level", "Choose one of the alert levels."));
		}
		var chosenAudiences = EnumSet.noneOf(Audience.class);
		for (var a : audiences) {
			var audience = SignalController.pick(Audience.class, a);
			if (audience == null) {
				problems.add(new ReportProblem("audiences", "Choose the public, professionals or both."));
				break;
			}
			chosenAudiences.add(audience);
		}
		var codes = new ArrayList<String>();
		for (int i = 0; i < substances.size(); i++) {
			var text = substances.get(i) == null ? "" : substances.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			if (text.length() > 200) {
				problems.add(new ReportProblem("substances", "A substance is at most 200 characters."));
				continue;
			}
			var byCode = SubstanceId.isValid(text) ? vocabulary.find(new SubstanceId(text))
					: java.util.Optional.<org.harmwatch.substances.SubstanceSummary>empty();
			var found = byCode.isPresent() ? byCode : vocabulary.resolveExactly(text).map(r -> r.substance());
			if (found.isEmpty()) {
				problems.add(new ReportProblem("substances",
						"'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
								+ "' is not in the substance vocabulary: use its name or code."));
				continue;
			}
			if (!codes.contains(found.get().id().code())) {
				codes.add(found.get().id().code());
			}
		}
		return new AlertDraft(chosenLevel, chosenAudiences,
				areas.stream().filter(a -> !a.isBlank()).distinct().toList(), codes, headline, lookOutFor, publicAdvice,
				professionalAdvice, time("expiresAt", expiresAt, zone, problems),
				time("reviewAt", reviewAt, zone, problems), exercise, note);
	}

	private static @Nullable Instant time(String field, String value, ZoneId zone, List<ReportProblem> problems) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(new ReportProblem(field, "Enter a real date and time, for example 2026-12-01T17:00."));
			return null;
		}
	}

	public String getLevel() {
		return level;
	}

	public void setLevel(@Nullable String level) {
		this.level = level == null ? "" : level;
	}

	public List<String> getAudiences() {
		return audiences;
	}

	public void setAudiences(@Nullable List<String> audiences) {
		this.audiences = audiences == null ? new ArrayList<>() : new ArrayList<>(audiences);
	}

	public List<String> getAreas() {
		return areas;
	}

	public void setAreas(@Nullable List<String> areas) {
		this.areas = areas == null ? new ArrayList<>() : new ArrayList<>(areas);
	}

	public List<String> getSubstances() {
		return substances;
	}

	public void setSubstances(@Nullable List<String> substances) {
		var list = substances == null ? new ArrayList<String>()
				: new ArrayList<>(substances.stream().limit(10).map(s -> s == null ? "" : s).toList());
		while (list.size() < SUBSTANCE_FIELDS) {
			list.add("");
		}
		this.substances = list;
	}

	public String getHeadline() {
		return headline;
	}

	public void setHeadline(@Nullable String headline) {
		this.headline = headline == null ? "" : headline;
	}

	public String getLookOutFor() {
		return lookOutFor;
	}

	public void setLookOutFor(@Nullable String lookOutFor) {
		this.lookOutFor = lookOutFor == null ? "" : lookOutFor;
	}

	public String getPublicAdvice() {
		return publicAdvice;
	}

	public void setPublicAdvice(@Nullable String publicAdvice) {
		this.publicAdvice = publicAdvice == null ? "" : publicAdvice;
	}

	public String getProfessionalAdvice() {
		return professionalAdvice;
	}

	public void setProfessionalAdvice(@Nullable String professionalAdvice) {
		this.professionalAdvice = professionalAdvice == null ? "" : professionalAdvice;
	}

	public String getExpiresAt() {
		return expiresAt;
	}

	public void setExpiresAt(@Nullable String expiresAt) {
		this.expiresAt = expiresAt == null ? "" : expiresAt;
	}

	public String getReviewAt() {
		return reviewAt;
	}

	public void setReviewAt(@Nullable String reviewAt) {
		this.reviewAt = reviewAt == null ? "" : reviewAt;
	}

	public boolean isExercise() {
		return exercise;
	}

	public void setExercise(boolean exercise) {
		this.exercise = exercise;
	}

	public String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note == null ? "" : note;
	}

}
