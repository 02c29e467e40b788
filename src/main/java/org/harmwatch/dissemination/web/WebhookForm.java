package org.harmwatch.dissemination.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A partner system's webhook: its name, URL and shared secret, checked by
 * {@code DisseminationManagement} (the URL against private networks too).
 */
record WebhookForm(@Nullable String name, @Nullable String url, @Nullable String secret, List<String> ladCodes,
		List<String> substanceClasses) {

	WebhookForm {
		name = name == null ? "" : name;
		url = url == null ? "" : url;
		secret = secret == null ? "" : secret;
		ladCodes = Filters.values(ladCodes);
		substanceClasses = Filters.values(substanceClasses);
	}

	static WebhookForm empty() {
		return new WebhookForm("", "", "", List.of(), List.of());
	}

}
