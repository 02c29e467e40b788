package org.harmwatch.hatclinic;

/**
 * Why a client's heroin-assisted treatment ended, in the categories treatment exit data
 * uses: planned (completed, moved to oral or another service) or not.
 */
public enum EndReason {

	COMPLETED, TRANSFERRED_TO_ORAL, TRANSFERRED_TO_ANOTHER_SERVICE, STOPPED_ATTENDING, DISCHARGED_BY_CLINIC, PRISON,
	DIED, MOVED_AWAY, OTHER;

	/** Whether the ending was planned with the client. */
	public boolean planned() {
		return this == COMPLETED || this == TRANSFERRED_TO_ORAL || this == TRANSFERRED_TO_ANOTHER_SERVICE;
	}

}
