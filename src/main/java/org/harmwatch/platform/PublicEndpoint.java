package org.harmwatch.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opens a web endpoint to everyone, signed in or not.
 *
 * <p>
 * Every endpoint is closed by default: it must carry either {@code @PreAuthorize} or this
 * annotation, or the request is refused. Use it for pages and data meant for the public
 * (published alerts, boundaries, sign-in).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PublicEndpoint {

	/** Why this endpoint may be public; read by reviewers. */
	String value();

}
