package org.harmwatch.custodytesting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An arrest to record with its first test: the suite, the custody record's pseudonymous
 * person code, why the person was eligible (a trigger offence, or the authorising
 * inspector), and the test ({@code null} when no sample was taken).
 */
public record ArrestDraft(String suiteCode, String personCode, Instant arrestedAt, TestBasis basis,
		@Nullable String offenceCode, @Nullable String inspector, @Nullable TestDraft test) {

}
