package org.harmwatch.earlywarning;

import java.util.Map;
import java.util.TreeMap;

/**
 * Who the message waiting on an alert would reach if it were issued now.
 *
 * @param byChannel recipients per audience and channel, e.g. {@code PROFESSIONALS:EMAIL}
 * (see {@link AlertRecipients}); empty when nobody or when unknown
 * @param known whether a delivering module counted them
 * @param publishedOnline whether it is also published on the public alert page and feeds
 * (a public alert that is no exercise), where anyone can read it without subscribing
 */
public record AlertReach(Map<String, Integer> byChannel, boolean known, boolean publishedOnline) {

	public AlertReach {
		byChannel = Map.copyOf(new TreeMap<>(byChannel));
	}

	/** No delivering module counted the reach. */
	public static AlertReach unknown(boolean publishedOnline) {
		return new AlertReach(Map.of(), false, publishedOnline);
	}

	/** All recipients, every channel together. */
	public int total() {
		return byChannel.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * Whether issuing it would tell nobody: counted, no recipient, and not published
	 * online. Approving such a message needs the approver's explicit confirmation.
	 */
	public boolean nobody() {
		return known && total() == 0 && !publishedOnline;
	}

}
