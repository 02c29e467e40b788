package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.internal.alerts.AlertTexts;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What is wrong with what the coordinator wrote for an alert, field by field: the content
 * rules, apart from the alert's state rules (which {@link Alert} holds).
 */
@Component
public class AlertDraftCheck {

	/** The longest validity period of one message. */
	public static final Duration LONGEST = Duration.ofDays(90);

	private final GeographyManagement geography;

	private final SubstanceManagement substances;

	private final AlertSettings settings;

	AlertDraftCheck(GeographyManagement geography, SubstanceManagement substances, AlertSettings settings) {
		this.geography = geography;
		this.substances = substances;
		this.settings = settings;
	}

	/**
	 * The link an SMS of a draft for these audiences carries (with a reference as long as
	 * the real one).
	 */
	public String smsLink(boolean forPublic, boolean exercise) {
		return settings.publicUrl() + AlertTexts.webPath(AlertTexts.SAMPLE_REFERENCE, forPublic && !exercise);
	}

	/**
	 * The problems of a draft that may reach {@code allowed}; empty when it can be saved.
	 */
	public List<FieldProblem> check(AlertDraft draft, Set<Audience> allowed, Instant now, boolean update) {
		var problems = new ArrayList<FieldProblem>();
		if (draft.level() == null) {
			problems.add(FieldProblem.of("level", "alerts.error.level"));
		}
		if (draft.audiences().isEmpty()) {
			problems.add(FieldProblem.of("audiences", "alerts.error.audiences"));
		}
		else if (!allowed.containsAll(draft.audiences())) {
			problems.add(FieldProblem.of("audiences",
					allowed.contains(Audience.PROFESSIONALS) && !allowed.contains(Audience.PUBLIC)
							? "alerts.error.audiences.professionalsOnly" : "alerts.error.audiences.notAllowed"));
		}
		if (draft.ladCodes().isEmpty()) {
			problems.add(FieldProblem.of("areas", "alerts.error.areas"));
		}
		for (var code : draft.ladCodes()) {
			var area = geography.area(code);
			if (area.isEmpty() || area.get().level() != AreaLevel.LAD) {
				problems.add(FieldProblem.of("areas", "alerts.error.areas.unknown", shortly(code)));
				break;
			}
		}
		if (draft.substanceCodes().size() > 10) {
			problems.add(FieldProblem.of("substances", "alerts.error.substances.tooMany"));
		}
		for (var code : draft.substanceCodes()) {
			if (!SubstanceId.isValid(code) || substances.find(new SubstanceId(code)).isEmpty()) {
				problems.add(FieldProblem.of("substances", "alerts.error.substances.unknown", shortly(code)));
				break;
			}
		}
		text(problems, "headline", draft.headline(), true, 160, "alerts.error.headline");
		text(problems, "lookOutFor", draft.lookOutFor(), true, 2000, "alerts.error.lookOutFor");
		text(problems, "publicAdvice", draft.publicAdvice(), draft.audiences().contains(Audience.PUBLIC), 2000,
				"alerts.error.publicAdvice");
		text(problems, "professionalAdvice", draft.professionalAdvice(),
				draft.audiences().contains(Audience.PROFESSIONALS), 4000, "alerts.error.professionalAdvice");
		var expires = draft.expiresAt();
		if (expires == null) {
			problems.add(FieldProblem.of("expiresAt", "alerts.error.expiresAt"));
		}
		else if (!expires.isAfter(now)) {
			problems.add(FieldProblem.of("expiresAt", "alerts.error.expiresAt.past"));
		}
		else if (expires.isAfter(now.plus(LONGEST))) {
			problems.add(FieldProblem.of("expiresAt", "alerts.error.expiresAt.tooLate"));
		}
		var review = draft.reviewAt();
		if (review == null) {
			problems.add(FieldProblem.of("reviewAt", "alerts.error.reviewAt"));
		}
		else if (!review.isAfter(now)) {
			problems.add(FieldProblem.of("reviewAt", "alerts.error.reviewAt.past"));
		}
		else if (expires != null && review.isAfter(expires)) {
			problems.add(FieldProblem.of("reviewAt", "alerts.error.reviewAt.afterExpiry"));
		}
		if (update) {
			text(problems, "note", draft.note(), true, 1000, "alerts.error.note");
		}
		var shortText = draft.shortText();
		if (shortText != null && !shortText.isBlank()) {
			var text = shortText.strip().replaceAll("\\s+", " ");
			var link = smsLink(draft.audiences().contains(Audience.PUBLIC), draft.exercise());
			if (!AlertTexts.fitsOneMessage(draft.exercise(), link, text)) {
				int room = Math.max(0, AlertTexts.room(draft.exercise(), false, link, text));
				problems.add(FieldProblem.of("shortText", AlertTexts.gsm(text) ? "alerts.error.shortText.tooLong"
						: "alerts.error.shortText.tooLongUnicode", String.valueOf(room)));
			}
		}
		return problems;
	}

	private static void text(List<FieldProblem> problems, String field, @Nullable String value, boolean required,
			int max, String missingCode) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(FieldProblem.of(field, missingCode));
			}
		}
		else if (value.strip().length() > max) {
			problems.add(FieldProblem.of(field, "alerts.error.tooLong", String.valueOf(max)));
		}
	}

	private static String shortly(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

}
