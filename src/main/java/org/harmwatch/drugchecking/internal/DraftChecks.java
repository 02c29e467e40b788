package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What is wrong with a session, sample, result or consultation draft, field by field. */
@Component
public class DraftChecks {

	/** The most components a result may name. */
	public static final int MAX_COMPONENTS = 20;

	private final GeographyManagement geography;

	private final SessionViewRepository sessions;

	DraftChecks(GeographyManagement geography, SessionViewRepository sessions) {
		this.geography = geography;
		this.sessions = sessions;
	}

	/** What is wrong with a session draft; empty when it can be created. */
	public List<Problem> check(SessionDraft draft) {
		var problems = new ArrayList<Problem>();
		if (blank(draft.siteName())) {
			problems.add(new Problem("siteName", "Enter the site's name."));
		}
		else if (draft.siteName().strip().length() > 200) {
			problems.add(new Problem("siteName", "The site's name is at most 200 characters."));
		}
		else if (sessions.siteNamed(draft.siteName()).isEmpty() && draft.siteKind() == null) {
			problems.add(new Problem("siteKind", "Choose what kind of site it is."));
		}
		if (draft.siteLadCode() != null && !draft.siteLadCode().isBlank() && !district(draft.siteLadCode())) {
			problems.add(new Problem("siteLadCode", "Choose a council area from the list."));
		}
		if (blank(draft.name())) {
			problems.add(new Problem("name", "Enter the session's name."));
		}
		else if (draft.name().strip().length() > 200) {
			problems.add(new Problem("name", "The session's name is at most 200 characters."));
		}
		if (draft.startsOn() == null) {
			problems.add(new Problem("startsOn", "Enter the first day of the session."));
		}
		if (draft.endsOn() == null) {
			problems.add(new Problem("endsOn", "Enter the last day of the session."));
		}
		else if (draft.startsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			problems.add(new Problem("endsOn", "The last day cannot be before the first."));
		}
		if (blank(draft.staff())) {
			problems.add(new Problem("staff", "Enter who is on duty."));
		}
		else if (draft.staff().strip().length() > 1000) {
			problems.add(new Problem("staff", "Staff on duty is at most 1000 characters."));
		}
		return problems;
	}

	/**
	 * What is wrong with a sample draft for the session; empty when it can be taken in.
	 */
	public List<Problem> check(SessionView session, SampleDraft draft) {
		var problems = new ArrayList<Problem>();
		if (draft.mode() == null) {
			problems.add(new Problem("mode", "Choose how the sample came in."));
		}
		if (blank(draft.soldAs())) {
			problems.add(new Problem("soldAs", "Enter what it was sold as, or \"unknown\"."));
		}
		else if (draft.soldAs().strip().length() > 200) {
			problems.add(new Problem("soldAs", "What it was sold as is at most 200 characters."));
		}
		if (draft.form() == null) {
			problems.add(new Problem("form", "Choose the sample's form."));
		}
		if (draft.form() == DosageForm.PILL) {
			var weight = draft.pillWeightMg();
			if (weight != null && (weight.signum() <= 0 || weight.compareTo(new BigDecimal("5000")) > 0)) {
				problems.add(new Problem("pillWeightMg", "A pill's weight is more than 0 and at most 5000 mg."));
			}
			atMost100(problems, "pillColour", draft.pillColour());
			atMost100(problems, "pillLogo", draft.pillLogo());
			atMost100(problems, "pillShape", draft.pillShape());
		}
		if (!blank(draft.obtainedLadCode()) && !district(draft.obtainedLadCode())) {
			problems.add(new Problem("obtainedLadCode", "Choose a council area from the list."));
		}
		if (draft.intendedDose() != null && draft.intendedDose().strip().length() > 200) {
			problems.add(new Problem("intendedDose", "The intended dose is at most 200 characters."));
		}
		if (draft.mode() == SampleMode.FRONT_OF_HOUSE && !Boolean.TRUE.equals(draft.consent())) {
			problems.add(new Problem("consent", "A sample from a person is only tested with their consent."));
		}
		if (session.has(LicenceCondition.ADULTS_ONLY) && draft.mode() == SampleMode.FRONT_OF_HOUSE
				&& draft.ageBand() == null) {
			problems.add(new Problem("ageBand", "This session's licence requires an age band."));
		}
		if (!session.has(LicenceCondition.ADULTS_ONLY) && draft.ageBand() != null) {
			problems
				.add(new Problem("ageBand", "An age band is only recorded when the licence requires an adult check."));
		}
		return problems;
	}

	private static void atMost100(List<Problem> problems, String field, @Nullable String text) {
		if (text != null && text.strip().length() > 100) {
			problems.add(new Problem(field, "At most 100 characters."));
		}
	}

	/** What is wrong with a result draft; empty when it can be recorded. */
	public List<Problem> check(ResultDraft draft) {
		var problems = new ArrayList<Problem>();
		var given = draft.components().stream().filter(c -> c != null && !blank(c.text())).toList();
		if (given.isEmpty()) {
			problems.add(new Problem("components[0].text", "Name at least one component found."));
		}
		if (given.size() > MAX_COMPONENTS) {
			problems.add(new Problem("components", "Name at most " + MAX_COMPONENTS + " components."));
		}
		for (int i = 0; i < draft.components().size(); i++) {
			var c = draft.components().get(i);
			if (c == null || blank(c.text())) {
				continue;
			}
			var f = "components[" + i + "].";
			if (c.text().strip().length() > 200) {
				problems.add(new Problem(f + "text", "A component is at most 200 characters."));
			}
			if (c.confidence() == null) {
				problems.add(new Problem(f + "confidence", "Choose how sure you are of component " + (i + 1) + "."));
			}
			if (c.method() == null) {
				problems.add(new Problem(f + "method", "Choose how component " + (i + 1) + " was found."));
			}
			if (c.quantity() != null) {
				if (c.quantity().signum() <= 0) {
					problems.add(new Problem(f + "quantity", "A quantity is more than 0."));
				}
				if (c.unit() == null) {
					problems.add(new Problem(f + "unit", "Say whether the quantity is mg per unit or % w/w."));
				}
				else if (c.unit() == QuantityUnit.PERCENT_W_W && c.quantity().compareTo(new BigDecimal("100")) > 0) {
					problems.add(new Problem(f + "quantity", "A percentage is at most 100."));
				}
				else if (c.unit() == QuantityUnit.MG_PER_UNIT && c.basis() == null) {
					problems.add(new Problem(f + "basis", "Say whether the milligrams are of the salt or the base."));
				}
				else if (c.unit() == QuantityUnit.MG_PER_UNIT && c.quantity().compareTo(new BigDecimal("5000")) > 0) {
					problems.add(new Problem(f + "quantity", "At most 5000 mg per unit."));
				}
			}
		}
		if (draft.notes() != null && draft.notes().strip().length() > 2000) {
			problems.add(new Problem("notes", "Notes are at most 2000 characters."));
		}
		return problems;
	}

	/**
	 * What is wrong with a consultation's advice and referral; empty when it can be
	 * recorded.
	 */
	public List<Problem> checkConsultation(@Nullable String advice, @Nullable String referral) {
		var problems = new ArrayList<Problem>();
		if (blank(advice)) {
			problems.add(new Problem("advice", "Enter the advice given."));
		}
		else if (advice.strip().length() > 4000) {
			problems.add(new Problem("advice", "The advice is at most 4000 characters."));
		}
		if (referral != null && referral.strip().length() > 200) {
			problems.add(new Problem("referral", "The referral is at most 200 characters."));
		}
		return problems;
	}

	/** Whether the code is one of the region's local authority districts. */
	public boolean district(String code) {
		return geography.areas(AreaLevel.LAD).stream().anyMatch(a -> a.code().equals(code.strip()));
	}

	@NullUnmarked
	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
