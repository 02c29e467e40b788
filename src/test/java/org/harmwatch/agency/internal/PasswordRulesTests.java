package org.harmwatch.agency.internal;

import org.harmwatch.agency.internal.PasswordRules.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRulesTests {

	static final PasswordRules RULES = new PasswordRules();

	@Test
	void theBundledListHoldsTheCommonPasswords() {
		assertThat(RULES.isListed("password")).isTrue();
		assertThat(RULES.isListed("QWERTYUIOP")).isTrue();
		assertThat(RULES.isListed("iloveyou")).isTrue();
		assertThat(RULES.isListed("correct horse battery staple")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwordpassword", "Password1234!", "P@ssw0rd2024!!", "123456789012", "qwertyuiop12",
			"!!iloveyou!!", "1qaz2wsx3edc", "football1234", "aaaaaaaaaaaa", "abababababab", "abcdefghijklmnop",
			"987654321098", "monkeymonkeymonkey", "Dr4g0n2024!!!", "superman2000", "trustno1trustno1" })
	void refusesCommonPasswordsAndTheirUsualVariations(String password) {
		assertThat(RULES.check(password, "someone")).contains(Problem.COMMON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "harmwatch-demo", "a long new passphrase",
			"violet tractor on the moor", "Bx7#qL2m!vR9", "seven ripe plums, no stones" })
	void acceptsPasswordsThatAreNotOnTheListNorSimpleVariations(String password) {
		assertThat(RULES.check(password, "someone")).isEmpty();
	}

	@Test
	void refusesAPasswordThatContainsTheUsername() {
		assertThat(RULES.check("my name is Coordinator, ok", "coordinator")).contains(Problem.CONTAINS_USERNAME);
		assertThat(RULES.check("correct horse battery staple", "horse")).contains(Problem.CONTAINS_USERNAME);
		assertThat(RULES.check("correct horse battery staple", "coordinator")).isEmpty();
	}

}
