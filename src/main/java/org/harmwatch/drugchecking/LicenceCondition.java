package org.harmwatch.drugchecking;

/**
 * A condition of a session's licence (the Home Office licence, the local agreement with
 * police and the venue) on how its results may be released. Enforced by
 * {@link ReleaseManagement} wherever results are shown, exported or published, not merely
 * displayed. Its name and its text in plain language are in the module's bundle
 * ({@code drugchecking.condition.NAME} and {@code drugchecking.condition.NAME.text}).
 */
public enum LicenceCondition {

	/**
	 * Results are never released to anyone acting for law enforcement (staff of a police
	 * force, prison or probation service, by their agency's type). Since whatever is
	 * published can be read by anyone, police included, the session's results are never
	 * published either: not on the public board, its downloads or the public API; a
	 * signed-in law-enforcement reader gets nothing from the public lookup either.
	 */
	NOT_FOR_LAW_ENFORCEMENT,

	/**
	 * Results are only given to adults: the age band is recorded at intake, and a sample
	 * from an under-18 is refused there (it is not tested, so no result exists).
	 */
	ADULTS_ONLY,

	/** Photographs of samples are never published. */
	NO_PHOTOGRAPHS_PUBLISHED,

	/** Results do not appear on the public results board, even anonymised. */
	NO_PUBLIC_BOARD

}
