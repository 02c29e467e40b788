package org.harmwatch.diversion;

/** The arms a referral is allocated to. */
public enum Arm {

	DIVERSION, USUAL_PROCESS

}
