package org.harmwatch.hatclinic;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * One row a force sends: recorded offences for a pseudonym in a month.
 *
 * @param pseudonym HMAC-SHA256 (hex) of the force's code, a colon and the police person
 * identifier, under the shared key
 */
public record RecordedCrimeCount(@Nullable String pseudonym, @Nullable YearMonth month, @Nullable Integer offences) {

}
