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
	 * force, prison or probation service).
	 */
	NOT_FOR_LAW_ENFORCEMENT,

	/**
	 * Results are only given to adults: the age band is recorded, and a result is not
	 * given back to an under-18.
	 */
	ADULTS_ONLY,

	/** Photographs of samples are never published. */
	NO_PHOTOGRAPHS_PUBLISHED,

	/** Results do not appear on the public results board, even anonymised. */
	NO_PUBLIC_BOARD

}
