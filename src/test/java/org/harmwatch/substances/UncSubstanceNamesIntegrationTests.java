package org.harmwatch.substances;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every substance the UNC Street Drug Analysis Lab reported in the Allegheny County
 * samples resolves, exactly as the lab wrote it and without spelling correction, so that
 * the drug-checking import can take the lab's names as they are.
 */
@HarmwatchIntegrationTest
class UncSubstanceNamesIntegrationTests {

	@Autowired
	SubstanceManagement substances;

	@Test
	void everyNameTheLabReportedResolvesWithoutGuessing() throws IOException {
		var names = new ClassPathResource("substances/unc-substances.txt").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.filter(line -> !line.isBlank())
			.toList();
		assertThat(names).hasSize(33)
			.contains("fentanyl", "xylazine", "N-desethyl isotonitazene", "5-fluoro-MDMB-PICA");
		var unresolved = new ArrayList<String>();
		for (var name : names) {
			var resolution = substances.resolveExactly(name);
			if (resolution.isEmpty()) {
				unresolved.add(name);
			}
			else {
				assertThat(resolution.get().match()).as(name).isNotEqualTo(Resolution.Match.CLOSE_SPELLING);
			}
		}
		assertThat(unresolved).as("lab names that resolve to nothing").isEmpty();
		assertThat(substances.resolveExactly("p-fluorofentanyl")).map(r -> r.substance().id().code())
			.contains("p-fluorofentanyl");
		assertThat(substances.resolveExactly("phenethyl 4-ANPP")).map(r -> r.substance().parent())
			.contains(new SubstanceId("fentanyl"));
	}

}
