package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * Who an alert is written for. Each audience gets its own advice: clinical detail for
 * professionals, plain language for the public.
 */
@NamedInterface("events")
public enum Audience {

	/**
	 * Staff of partner agencies: drug services, A&E, ambulance, police, prisons,
	 * outreach.
	 */
	PROFESSIONALS,

	/**
	 * Anyone: people who use drugs, their friends and families. Never receives exercise
	 * alerts.
	 */
	PUBLIC

}
