package org.harmwatch.naloxone;

/** How kits of a batch moved. */
public enum MovementKind {

	/** Into a holder from the supplier or manufacturer. */
	RECEIVED(false, true),
	/** From one holder to another. */
	TRANSFERRED(true, true),
	/** From a holder to a person. */
	SUPPLIED(true, false),
	/** From a person back to a holder. */
	RETURNED(false, true),
	/** Out of a holder for good: expired, damaged. */
	DISPOSED(true, false);

	private final boolean takesFrom;

	private final boolean addsTo;

	MovementKind(boolean takesFrom, boolean addsTo) {
		this.takesFrom = takesFrom;
		this.addsTo = addsTo;
	}

	/** Whether kits leave a holder's stock (a holder to take them from is needed). */
	public boolean takesFrom() {
		return takesFrom;
	}

	/** Whether kits enter a holder's stock (a holder to put them in is needed). */
	public boolean addsTo() {
		return addsTo;
	}

}
