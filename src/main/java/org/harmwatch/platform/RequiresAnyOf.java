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
 * Lets a web endpoint be used by someone granted either of two capability actions: for
 * pages two kinds of user run, such as the distribution lists an early-warning
 * coordinator and an account administrator both keep.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@PreAuthorize("hasAnyAuthority('{capability}:{action}', '{orCapability}:{orAction}')")
public @interface RequiresAnyOf {

	/** The first capability that lets the caller in. */
	Capability capability();

	/** What the first grant must let them do. */
	Action action();

	/** The other capability that lets the caller in. */
	Capability orCapability();

	/** What the other grant must let them do. */
	Action orAction();

}
