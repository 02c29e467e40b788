package org.harmwatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.harmwatch.platform.PublicEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * Rules the compiler cannot check: every endpoint declares who may call it, and a few
 * habits.
 */
class ArchitectureTests {

	static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.harmwatch");

	@Test
	void everyWebEndpointDeclaresItsAuthorisation() {
		methods().that()
			.areMetaAnnotatedWith(RequestMapping.class)
			.should(declareAuthorisation())
			.because("endpoints are closed by default; each must say who may call it (DESIGN.md, data protection)")
			.check(classes);
	}

	@Test
	void endpointsNameCapabilitiesWithTheEnumsNotStrings() {
		methods().that()
			.areAnnotatedWith(PreAuthorize.class)
			.should(new ArchCondition<>("not spell out an authority in @PreAuthorize") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					var rule = method.getAnnotationOfType(PreAuthorize.class).value();
					if (rule.contains("Authority(")) {
						events.add(SimpleConditionEvent.violated(method, method.getFullName() + " spells out \"" + rule
								+ "\"; use @Requires(capability = …, action = …) so that a misspelling does not compile"));
					}
				}
			})
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should()
			.beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
			.because("dependencies are constructor arguments")
			.check(classes);
	}

	@Test
	void noPrintingToTheConsole() {
		noClasses().should()
			.accessField(System.class, "out")
			.orShould()
			.accessField(System.class, "err")
			.orShould()
			.callMethod(Throwable.class, "printStackTrace")
			.because("logs go through SLF4J so that they can be structured and shipped")
			.check(classes);
	}

	@Test
	void controllersNeverReachRepositories() {
		noClasses().that()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Repository")
			.because("controllers go through their module's …Management API (HOUSE-STYLE 6.1)")
			.check(classes);
	}

	private static ArchCondition<JavaMethod> declareAuthorisation() {
		return new ArchCondition<>("be annotated with @PreAuthorize or @PublicEndpoint (on the method or its class)") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				var owner = method.getOwner();
				boolean declared = method.isMetaAnnotatedWith(PreAuthorize.class)
						|| method.isAnnotatedWith(PreAuthorize.class) || method.isAnnotatedWith(PublicEndpoint.class)
						|| owner.isMetaAnnotatedWith(PreAuthorize.class) || owner.isAnnotatedWith(PreAuthorize.class)
						|| owner.isAnnotatedWith(PublicEndpoint.class);
				if (!declared) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " declares no authorisation rule"));
				}
			}
		};
	}

}
