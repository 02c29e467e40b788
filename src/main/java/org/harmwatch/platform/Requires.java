package org.harmwatch.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Lets a web endpoint be used only by someone granted an action on a capability, for any
 * purpose they hold it for.
 *
 * <p>
 * The rule every endpoint must declare (or be a {@link PublicEndpoint}); it checks the
 * grant, not whose records the caller may see, which each module's access policy decides.
 * Written with the enums so that a misspelt capability does not compile, where
 * {@code @Requires(capability = Capability.DRUG_CHEKING, action = Action.READ)} would
 * silently refuse everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@PreAuthorize("hasAuthority('{capability}:{action}')")
public @interface Requires {

	/** The capability the caller must hold a grant on. */
	Capability capability();

	/** What the grant must let them do. */
	Action action();

}
