package org.harmwatch.dissemination.web;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.harmwatch.dissemination.DeliveryChannel;
import org.jspecify.annotations.Nullable;

/**
 * Professionals to subscribe: an agency's staff and/or a role's holders, or one address,
 * with their filters. Which combinations are allowed is {@code DisseminationManagement}'s
 * rule.
 */
record ProfessionalForm(@Nullable String agencyCode, @Nullable String roleName,
		@Pattern(regexp = "EMAIL|SMS|WEBHOOK", message = "{dissemination.error.channel}") @Nullable String channel,
		@Nullable String address, List<String> ladCodes, List<String> substanceClasses) {

	ProfessionalForm {
		agencyCode = agencyCode == null ? "" : agencyCode;
		roleName = roleName == null ? "" : roleName;
		channel = channel == null ? DeliveryChannel.EMAIL.name() : channel;
		address = address == null ? "" : address;
		ladCodes = Filters.values(ladCodes);
		substanceClasses = Filters.values(substanceClasses);
	}

	static ProfessionalForm empty() {
		return new ProfessionalForm("", "", DeliveryChannel.EMAIL.name(), "", List.of(), List.of());
	}

	/** The chosen channel; call only when the form has no errors. */
	DeliveryChannel deliveryChannel() {
		return DeliveryChannel.valueOf(channel);
	}

}
