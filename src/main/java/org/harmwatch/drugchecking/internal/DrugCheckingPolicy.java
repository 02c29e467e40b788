package org.harmwatch.drugchecking.internal;

import java.util.Collection;
import java.util.Set;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.Audience;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see what of drug checking: the module's one access policy.
 *
 * <p>
 * Every release of a result, a sample's code, a consultation (advice and referral), a
 * spectrum or a photo asks here. The reader's audience follows from their agency first:
 * staff of a law-enforcement agency (police, prison, probation) are
 * {@link Audience#LAW_ENFORCEMENT} whatever grants they hold, and never see the
 * consultation, spectra or photos, which are health records of the person and the
 * service. Anyone else needs drug-checking read for {@link Purpose#HEALTH}. The session's
 * licence conditions then decide per audience.
 *
 * <p>
 * What each condition allows to be published (docs/drug-checking-publication.md): a
 * {@link LicenceCondition#NOT_FOR_LAW_ENFORCEMENT} session's results are never published
 * at all (not on the board, its downloads or the public API), because whatever is
 * published can be read by anyone, police officers included, signed in or not; an
 * {@link LicenceCondition#ADULTS_ONLY} session takes in no sample from an under-18.
 *
 * <p>
 * Before any of that, a session and everything in it belong to the agency that ran it
 * ({@link #mayUse}): staff of another agency read or change them only under a
 * data-sharing agreement, for a purpose they hold the action for.
 */
public final class DrugCheckingPolicy {

	private DrugCheckingPolicy() {
	}

	/**
	 * Whether the user may read (or change, or export) records of a session that the
	 * owner agency holds: staff of the owner agency may, given the grant for the action;
	 * staff of another agency only for a purpose the owner shares them for under an
	 * agreement in force ({@code sharedPurposes}) and they hold the action for.
	 */
	public static boolean mayUse(HarmwatchUser user, String ownerAgency, Set<Purpose> sharedPurposes, Action action) {
		var purposes = ownerAgency.equals(user.agencyCode()) ? user.agencyType().purposes() : sharedPurposes;
		return purposes.stream().anyMatch(p -> user.may(Capability.DRUG_CHECKING, action, p));
	}

	/**
	 * Who a signed-in reader is for the licence conditions.
	 * @throws AccessDeniedException when the reader may not read drug-checking records at
	 * all
	 */
	public static Audience audienceOf(HarmwatchUser reader) {
		if (reader.lawEnforcement()) {
			boolean reads = reader.agencyType()
				.purposes()
				.stream()
				.anyMatch(p -> reader.may(Capability.DRUG_CHECKING, Action.READ, p));
			if (!reads) {
				throw new AccessDeniedException("No drug-checking access");
			}
			return Audience.LAW_ENFORCEMENT;
		}
		if (reader.may(Capability.DRUG_CHECKING, Action.READ, Purpose.HEALTH)) {
			return Audience.HEALTH_STAFF;
		}
		throw new AccessDeniedException("No drug-checking access");
	}

	/**
	 * Why the session's licence conditions (and the sample's mode) withhold results from
	 * the audience; {@code null} when they may be released.
	 */
	public static @Nullable String withheld(Audience audience, SessionView session, SampleView sample) {
		return withheld(audience, session.conditions(), sample.mode(), sample.ageBand());
	}

	/**
	 * Why the licence conditions and the sample's mode and age band withhold results from
	 * the audience, as a message code ({@code drugchecking.withheld.…}); {@code null}
	 * when they may be released. The rule of
	 * {@link #withheld(Audience, SessionView, SampleView)}, for readers that hold only
	 * these columns (statistics' look-back).
	 */
	public static @Nullable String withheld(Audience audience, Collection<LicenceCondition> conditions, SampleMode mode,
			@Nullable AgeBand ageBand) {
		return switch (audience) {
			case HEALTH_STAFF -> null;
			case LAW_ENFORCEMENT -> conditions.contains(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT)
					? "drugchecking.withheld.lawEnforcement" : null;
			case PUBLIC_LOOKUP -> !mode.frontOfHouse() ? "drugchecking.withheld.notHandedIn"
					: conditions.contains(LicenceCondition.ADULTS_ONLY) && (ageBand == null || !ageBand.adult())
							? "drugchecking.withheld.adultsOnly" : null;
			case PUBLIC_BOARD ->
				conditions.contains(LicenceCondition.NO_PUBLIC_BOARD) ? "drugchecking.withheld.noPublicBoard"
						: conditions.contains(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT)
								? "drugchecking.withheld.notPublished"
								: mode == SampleMode.POLICE_SUBMITTED ? "drugchecking.withheld.policeSample" : null;
		};
	}

	/**
	 * Whether the audience may see the consultation (advice given, disposal, intended
	 * change, referral): health staff and the person themselves (the public lookup shows
	 * their own advice); never law enforcement or the board.
	 */
	public static boolean seesConsultation(Audience audience) {
		return audience == Audience.HEALTH_STAFF || audience == Audience.PUBLIC_LOOKUP;
	}

	/**
	 * Whether the audience may see spectra, analysts' notes and the analyst's name:
	 * health staff only.
	 */
	public static boolean seesLaboratoryDetail(Audience audience) {
		return audience == Audience.HEALTH_STAFF;
	}

	/**
	 * Whether the audience may see a sample's photographs: health staff, and the public
	 * board when the licence allows photographs to be published. Law enforcement never: a
	 * photo can show the person's hand, bag or pill.
	 */
	public static boolean seesPhotographs(Audience audience, SessionView session) {
		return switch (audience) {
			case HEALTH_STAFF -> true;
			case PUBLIC_BOARD -> !session.has(LicenceCondition.NO_PHOTOGRAPHS_PUBLISHED);
			case LAW_ENFORCEMENT, PUBLIC_LOOKUP -> false;
		};
	}

	/**
	 * Whether the audience may be given the sample's code (on labels, in lists and the
	 * API): health staff only. The code opens the anonymous public lookup, so law
	 * enforcement never gets it, whether or not the licence withholds the result from
	 * them: with it they could read the person's own advice through the lookup.
	 */
	public static boolean seesCode(Audience audience) {
		return audience == Audience.HEALTH_STAFF;
	}

}
