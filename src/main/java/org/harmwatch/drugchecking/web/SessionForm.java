package org.harmwatch.drugchecking.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.jspecify.annotations.Nullable;

/**
 * The new-session form, as text. Bean Validation says what cannot be read; whether a
 * session can be planned is {@code SessionManagement}'s rule.
 */
record SessionForm(@Nullable String siteName,
		@Readable(value = SiteKind.class, message = "{drugchecking.error.siteKind.choose}") @Nullable String siteKind,
		@Nullable String siteLadCode, @Nullable String name,
		@Readable(value = LocalDate.class, message = "{drugchecking.error.date}") @Nullable String startsOn,
		@Readable(value = LocalDate.class, message = "{drugchecking.error.date}") @Nullable String endsOn,
		@Nullable String staff, @Readable(value = LicenceCondition.class,
				message = "{drugchecking.error.condition.choose}") List<String> conditions) {

	SessionForm {
		conditions = FormText.orEmpty(conditions);
	}

	static SessionForm empty() {
		return new SessionForm(null, null, null, null, null, null, null, List.of());
	}

	/** The draft, with what could not be read left out. */
	SessionDraft draft() {
		var chosen = EnumSet.noneOf(LicenceCondition.class);
		for (var c : conditions) {
			var condition = FormText.constant(LicenceCondition.class, c);
			if (condition != null) {
				chosen.add(condition);
			}
		}
		return new SessionDraft(siteName, FormText.constant(SiteKind.class, siteKind), siteLadCode, name,
				FormText.date(startsOn), FormText.date(endsOn), staff, chosen);
	}

}
