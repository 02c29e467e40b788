package org.harmwatch.dissemination.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.harmwatch.dissemination.DeliveryChannel;
import org.jspecify.annotations.Nullable;

/**
 * What the public subscription form sends: how, to which address, for which areas and
 * kinds of drug. The address is checked by {@code DisseminationManagement}.
 */
record SubscribeForm(
		@NotNull(message = "{dissemination.error.channel}") @Pattern(regexp = "EMAIL|SMS",
				message = "{dissemination.error.channel}") @Nullable String channel,
		@Nullable String address, List<String> ladCodes, List<String> substanceClasses) {

	SubscribeForm {
		address = address == null ? "" : address;
		ladCodes = Filters.values(ladCodes);
		substanceClasses = Filters.values(substanceClasses);
	}

	static SubscribeForm empty() {
		return new SubscribeForm(DeliveryChannel.EMAIL.name(), "", List.of(), List.of());
	}

	/** The chosen channel; call only when the form has no errors. */
	DeliveryChannel deliveryChannel() {
		return DeliveryChannel.valueOf(channel);
	}

}
