package org.harmwatch.overdose.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * The phone form's text: ODMAP's four required facts (when, roughly where, fatal or not,
 * naloxone doses) and the optional rest.
 */
record IncidentForm(@NotBlank(message = "{overdose.occurredAt.required}") @Nullable String occurredAt,
		@Nullable String location, @Nullable String lat, @Nullable String lon,
		@NotBlank(message = "{overdose.fatal.required}") @Nullable String fatal,
		@NotBlank(message = "{overdose.naloxoneDoses.required}") @Nullable String naloxoneDoses,
		@Nullable String naloxoneRoute, @Nullable String naloxoneGivenBy, @Nullable String ageBand,
		@Nullable String sex, @Nullable String substances, @Nullable String substanceBasis, @Nullable String outcome,
		@Nullable String personCode, @Nullable String source) {

	static IncidentForm empty(HarmwatchUser user) {
		return new IncidentForm(null, null, null, null, null, null, null, Parsing.giverOf(user.agencyType()).name(),
				null, null, null, null, null, null, IncidentSource.of(user.agencyType()).name());
	}

	/**
	 * The draft this form describes, its local time read in the region's zone.
	 * @throws InputRejectedException naming every field that cannot be read
	 */
	IncidentDraft draft(ZoneId zone, HarmwatchUser user) {
		var problems = new ArrayList<FieldProblem>();
		var when = Parsing.localTime(occurredAt, "occurredAt", problems);
		var latitude = Parsing.decimal(lat, "location", problems);
		var longitude = Parsing.decimal(lon, "location", problems);
		var died = Parsing.text(fatal);
		if (died != null && !died.equals("true") && !died.equals("false")) {
			problems.add(FieldProblem.of("fatal", "overdose.fatal.required"));
		}
		var doses = Parsing.integer(naloxoneDoses, 0, 20, "naloxoneDoses", "overdose.naloxone.doses.range", problems);
		var route = Parsing.constant(NaloxoneRoute.class, naloxoneRoute, "naloxoneRoute", problems);
		var givenBy = Parsing.constant(NaloxoneGiver.class, naloxoneGivenBy, "naloxoneGivenBy", problems);
		var naloxone = new ArrayList<NaloxoneAdministration>();
		if (doses != null && doses > 0) {
			if (route == null) {
				problems.add(FieldProblem.of("naloxoneRoute", "overdose.naloxone.route.required"));
			}
			else {
				var giver = givenBy == null ? Parsing.giverOf(user.agencyType()) : givenBy;
				naloxone.add(new NaloxoneAdministration(giver, Parsing.holderOf(giver, user), doses, route));
			}
		}
		var band = Parsing.constant(AgeBand.class, ageBand, "ageBand", problems);
		var sexOf = Parsing.constant(Sex.class, sex, "sex", problems);
		var basis = Parsing.constant(SubstanceBasis.class, substanceBasis, "substanceBasis", problems);
		var outcomeOf = Parsing.constant(IncidentOutcome.class, outcome, "outcome", problems);
		var sourceOf = Parsing.constant(IncidentSource.class, source, "source", problems);
		if (when == null && occurredAt == null) {
			problems.add(FieldProblem.of("occurredAt", "overdose.occurredAt.required"));
		}
		if (died == null) {
			problems.add(FieldProblem.of("fatal", "overdose.fatal.required"));
		}
		if (!problems.isEmpty() || when == null || died == null) {
			throw new InputRejectedException(problems);
		}
		var words = Parsing.text(substances) == null ? List.<String>of()
				: Arrays.stream(substances.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new IncidentDraft(when.atZone(zone).toInstant(), latitude, longitude, Parsing.text(location),
				Boolean.parseBoolean(died), naloxone, sourceOf, null, band, sexOf, words, basis, outcomeOf,
				Parsing.text(personCode));
	}

}
