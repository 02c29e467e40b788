package org.harmwatch.platform;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Problems and Bean Validation messages are words from the bundles application.yml lists,
 * not English in Java.
 */
class FieldProblemMessagesTests {

	record Form(@NotBlank(message = "{form.error.summary}") String name) {
	}

	final ResourceBundleMessageSource messages = bundles();

	@Test
	void aProblemsCodeAndArgumentsResolveFromTheBundles() {
		var problem = FieldProblem.of("name", "login.sso.button", "Midlands NHS");
		assertThat(messages.getMessage(problem, Locale.UK)).isEqualTo("Sign in with Midlands NHS");
	}

	@Test
	void anArgumentThatIsItselfACodeIsResolvedToo() {
		var problem = FieldProblem.of("role", "login.sso.button", new DefaultMessageSourceResolvable("role.AUDITOR"));
		assertThat(messages.getMessage(problem, Locale.UK)).isEqualTo("Sign in with Auditor");
	}

	@Test
	void aCodeMissingFromTheBundlesShowsAsItselfRatherThanFailingThePage() {
		assertThat(messages.getMessage(FieldProblem.global("no.such.code"), Locale.UK)).isEqualTo("no.such.code");
	}

	@Test
	void notFoundFallsBackToTheGeneralMessage() {
		assertThat(messages.getMessage(new NotFoundException("no.such.code", "X"), Locale.UK))
			.isEqualTo(messages.getMessage("error.notFound", null, Locale.UK));
	}

	@Test
	void beanValidationMessagesComeFromTheBundles() {
		try (var validator = new LocalValidatorFactoryBean()) {
			validator.setValidationMessageSource(messages);
			validator.afterPropertiesSet();
			var result = new BeanPropertyBindingResult(new Form(" "), "form");
			validator.validate(result.getTarget(), result);
			assertThat(result.getFieldError("name").getDefaultMessage()).isEqualTo("There is a problem");
		}
	}

	@Test
	void aRejectionPutsEachProblemOnItsFieldOrOnTheWholeForm() {
		var result = new BeanPropertyBindingResult(new Form("Spice"), "form");
		new InputRejectedException(List.of(FieldProblem.of("name", "login.sso.button", "Spice"),
				FieldProblem.of("noSuchField", "form.error.summary"), FieldProblem.global("error.notFound")))
			.addTo(result);
		assertThat(result.getFieldErrors("name")).singleElement()
			.satisfies(error -> assertThat(messages.getMessage(error, Locale.UK)).isEqualTo("Sign in with Spice"));
		assertThat(result.getGlobalErrors()).extracting(error -> error.getCode())
			.containsExactly("form.error.summary", "error.notFound");
	}

	@Test
	void aRejectionNamesAtLeastOneProblem() {
		assertThatThrownBy(() -> new InputRejectedException(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * The bundles as the application reads them: the basenames application.yml lists,
	 * UTF-8.
	 */
	static ResourceBundleMessageSource bundles() {
		var yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties properties = yaml.getObject();
		var source = new ResourceBundleMessageSource();
		source.setBasenames(properties.getProperty("spring.messages.basename").split(","));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
