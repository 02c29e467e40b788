package org.harmwatch.earlywarning.internal.alerts;

import java.util.List;
import java.util.Set;

import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Naloxone advice is added where it applies, once; the SMS text never exceeds two parts.
 */
class AlertTextsTests {

	static SubstanceSummary substance(String code, String name, RiskFlag... flags) {
		return new SubstanceSummary(new SubstanceId(code), name, SubstanceClass.OPIOID, Set.of(flags), List.of(),
				List.of(), null);
	}

	@Test
	void naloxoneAdviceIsAddedForNaloxoneResponsiveSubstancesOnlyAndOnce() {
		var heroin = substance("heroin", "Heroin", RiskFlag.NALOXONE_RESPONSIVE);
		var xylazine = substance("xylazine", "Xylazine", RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE);
		var cocaine = substance("cocaine", "Cocaine");
		assertThat(AlertTexts.publicAdvice("Do not use alone.", List.of(cocaine))).isEqualTo("Do not use alone.");
		var once = AlertTexts.publicAdvice("Do not use alone.", List.of(heroin, xylazine));
		assertThat(once).contains("Carry naloxone").contains("Xylazine").doesNotContain("More than one dose");
		assertThat(AlertTexts.publicAdvice(once, List.of(heroin, xylazine))).isEqualTo(once);
		assertThat(AlertTexts.professionalAdvice("Observe.",
				List.of(substance("fentanyl", "Fentanyl", RiskFlag.NALOXONE_RESPONSIVE,
						RiskFlag.REPEAT_NALOXONE_LIKELY))))
			.contains("Naloxone reverses")
			.contains("Repeated or higher doses");
	}

}
