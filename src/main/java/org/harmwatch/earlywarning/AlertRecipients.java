package org.harmwatch.earlywarning;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Counts who an alert would reach if it were issued now; implemented by the module that
 * delivers alerts, so that an approver sees the reach before signing off.
 *
 * <p>
 * Early warning does not know how alerts are delivered: without an implementation the
 * reach is unknown and approval does not depend on it.
 */
@NamedInterface("recipients")
public interface AlertRecipients {

	/**
	 * Recipients per audience and channel (keys such as {@code PROFESSIONALS:EMAIL},
	 * {@code PARTNER:WEBHOOK}, {@code PUBLIC:SMS}) by the same rules as the deliveries
	 * written when the alert is issued; zero counts are left out. Saves nothing.
	 * @param audiences who the alert is for
	 * @param exercise whether it is an exercise (the public never receives one)
	 * @param ladCodes the districts it is about
	 * @param substanceClasses the classes of the substances it names
	 */
	Map<String, Integer> reach(Set<Audience> audiences, boolean exercise, List<String> ladCodes,
			List<String> substanceClasses);

}
