package org.harmwatch.shared;

/**
 * What a grant lets a person do with a capability.
 */
public enum Action {

	/** See records. */
	READ,

	/** Create and change records. */
	WRITE,

	/** Configure the capability: reference data, other people's access, reviews. */
	MANAGE,

	/** Take data out: downloads, exports, API bulk reads. */
	EXPORT,

	/**
	 * Sign off what others prepared: grade a signal on the panel, approve an alert for
	 * issue.
	 */
	APPROVE

}
