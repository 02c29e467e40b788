package org.harmwatch.dissemination;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLogMaskTests {

	@Test
	void showsEnoughToRecogniseARecipientAndNoMore() {
		assertThat(DeliveryLogManagement.mask("duty.manager@nhs.net")).isEqualTo("d…@nhs.net");
		assertThat(DeliveryLogManagement.mask("+447700900123")).isEqualTo("…0123");
		assertThat(DeliveryLogManagement.mask("123")).isEqualTo("…");
		assertThat(DeliveryLogManagement.mask("webhook:partner-lims")).isEqualTo("webhook:partner-lims");
	}

	@Test
	void numbersDifferentRecipientsThatWouldLookTheSameAndKeepsOneRecipientOneName() {
		var masks = DeliveryLogManagement.masks(
				List.of("amy@nhs.net", "alex@nhs.net", "bob@nhs.net", "amy@nhs.net", "+447700900123", "+447700950123"));
		assertThat(masks).containsEntry("amy@nhs.net", "a…@nhs.net (1)")
			.containsEntry("alex@nhs.net", "a…@nhs.net (2)")
			.containsEntry("bob@nhs.net", "b…@nhs.net")
			.containsEntry("+447700900123", "…0123 (1)")
			.containsEntry("+447700950123", "…0123 (2)")
			.hasSize(5);
	}

}
