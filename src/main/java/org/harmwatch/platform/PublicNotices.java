package org.harmwatch.platform;

import java.time.Instant;
import java.util.List;

/**
 * What the public should see first on the landing page, from one module: its notices in
 * force, such as early warning's current public drug alerts.
 *
 * <p>
 * A module contributes one bean from its {@code web/} package. Only what is published may
 * be returned: the landing page is for everyone.
 */
public interface PublicNotices {

	/** The notices in force now, most important first. */
	List<PublicNotice> current(Instant now);

}
