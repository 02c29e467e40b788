package org.harmwatch.custodytesting;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A trigger offence of the Police and Criminal Evidence Act 1984 s.63B and its schedule,
 * with the days it is one.
 *
 * @param code the reference code, e.g. {@code THEFT}
 * @param title its name
 * @param legislation the act and section
 * @param classAOnly whether it triggers a test only in relation to a Class A drug
 * @param effectiveFrom the first day it is a trigger offence
 * @param effectiveTo the last day it was one; {@code null} while it is
 */
public record TriggerOffence(String code, String title, String legislation, boolean classAOnly, LocalDate effectiveFrom,
		@Nullable LocalDate effectiveTo) {

	/** Whether it is a trigger offence on the day. */
	public boolean inEffectOn(LocalDate day) {
		return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
	}

}
