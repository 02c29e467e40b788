package org.harmwatch.drugchecking.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.jspecify.annotations.Nullable;

/** The new-session form, as text. */
public class SessionForm {

	private @Nullable String siteName;

	private @Nullable String siteKind;

	private @Nullable String siteLadCode;

	private @Nullable String name;

	private @Nullable String startsOn;

	private @Nullable String endsOn;

	private @Nullable String staff;

	private List<String> conditions = new ArrayList<>();

	SessionDraft toDraft(List<Problem> problems) {
		var kind = Forms.parse(SiteKind.class, siteKind, "siteKind", "Choose a kind of site from the list.", problems);
		var chosen = EnumSet.noneOf(LicenceCondition.class);
		for (var c : conditions) {
			var condition = Forms.parse(LicenceCondition.class, c, "conditions", "Not a licence condition.", problems);
			if (condition != null) {
				chosen.add(condition);
			}
		}
		return new SessionDraft(siteName, kind, siteLadCode, name, Forms.date(startsOn, "startsOn", problems),
				Forms.date(endsOn, "endsOn", problems), staff, chosen);
	}

	public @Nullable String getSiteName() {
		return siteName;
	}

	public void setSiteName(@Nullable String siteName) {
		this.siteName = siteName;
	}

	public @Nullable String getSiteKind() {
		return siteKind;
	}

	public void setSiteKind(@Nullable String siteKind) {
		this.siteKind = siteKind;
	}

	public @Nullable String getSiteLadCode() {
		return siteLadCode;
	}

	public void setSiteLadCode(@Nullable String siteLadCode) {
		this.siteLadCode = siteLadCode;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(@Nullable String startsOn) {
		this.startsOn = startsOn;
	}

	public @Nullable String getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(@Nullable String endsOn) {
		this.endsOn = endsOn;
	}

	public @Nullable String getStaff() {
		return staff;
	}

	public void setStaff(@Nullable String staff) {
		this.staff = staff;
	}

	public List<String> getConditions() {
		return conditions;
	}

	public void setConditions(@Nullable List<String> conditions) {
		this.conditions = conditions == null ? new ArrayList<>() : conditions;
	}

}
