package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.harmwatch.earlywarning.AlertDraft;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
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

	AlertDraftCheck(GeographyManagement geography, SubstanceManagement substances) {
		this.geography = geography;
		this.substances = substances;
	}

	/**
	 * The problems of a draft that may reach {@code allowed}; empty when it can be saved.
	 */
	public List<ReportProblem> check(AlertDraft draft, Set<Audience> allowed, Instant now, boolean update) {
		var problems = new ArrayList<ReportProblem>();
		if (draft.level() == null) {
			problems.add(new ReportProblem("level", "Choose the alert level."));
		}
		if (draft.audiences().isEmpty()) {
			problems.add(new ReportProblem("audiences", "Choose who the alert is for."));
		}
		else if (!allowed.containsAll(draft.audiences())) {
			problems.add(new ReportProblem("audiences",
					allowed.contains(Audience.PROFESSIONALS) && !allowed.contains(Audience.PUBLIC)
							? "The panel's outcome allows an alert to professionals only, not to the public."
							: "The panel's outcome does not allow an alert to that audience."));
		}
		if (draft.ladCodes().isEmpty()) {
			problems.add(new ReportProblem("areas", "Choose at least one affected area."));
		}
		for (var code : draft.ladCodes()) {
			var area = geography.area(code);
			if (area.isEmpty() || area.get().level() != AreaLevel.LAD) {
				problems.add(new ReportProblem("areas", "Not a council area of the region: " + shortly(code) + "."));
				break;
			}
		}
		if (draft.substanceCodes().size() > 10) {
			problems.add(new ReportProblem("substances", "Name at most 10 substances."));
		}
		for (var code : draft.substanceCodes()) {
			if (!SubstanceId.isValid(code) || substances.find(new SubstanceId(code)).isEmpty()) {
				problems
					.add(new ReportProblem("substances", "Not a substance in the vocabulary: " + shortly(code) + "."));
				break;
			}
		}
		text(problems, "headline", draft.headline(), true, 160, "Enter a headline.");
		text(problems, "lookOutFor", draft.lookOutFor(), true, 2000, "Say what to look out for.");
		text(problems, "publicAdvice", draft.publicAdvice(), draft.audiences().contains(Audience.PUBLIC), 2000,
				"Enter the advice for the public.");
		text(problems, "professionalAdvice", draft.professionalAdvice(),
				draft.audiences().contains(Audience.PROFESSIONALS), 4000, "Enter the advice for professionals.");
		var expires = draft.expiresAt();
		if (expires == null) {
			problems.add(new ReportProblem("expiresAt", "Enter when the alert expires."));
		}
		else if (!expires.isAfter(now)) {
			problems.add(new ReportProblem("expiresAt", "When the alert expires must be in the future."));
		}
		else if (expires.isAfter(now.plus(LONGEST))) {
			problems.add(new ReportProblem("expiresAt", "An alert expires within 90 days: update it to extend it."));
		}
		var review = draft.reviewAt();
		if (review == null) {
			problems.add(new ReportProblem("reviewAt", "Enter when the alert is to be reviewed."));
		}
		else if (!review.isAfter(now)) {
			problems.add(new ReportProblem("reviewAt", "The review date must be in the future."));
		}
		else if (expires != null && review.isAfter(expires)) {
			problems.add(new ReportProblem("reviewAt", "Review the alert on or before it expires."));
		}
		if (update) {
			text(problems, "note", draft.note(), true, 1000, "Say what changed and why.");
		}
		return problems;
	}

	private static void text(List<ReportProblem> problems, String field, @Nullable String value, boolean required,
			int max, String missing) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new ReportProblem(field, missing));
			}
		}
		else if (value.strip().length() > max) {
			problems.add(new ReportProblem(field, "At most " + max + " characters."));
		}
	}

	private static String shortly(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

}
