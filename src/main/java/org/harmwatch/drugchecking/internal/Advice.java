package org.harmwatch.drugchecking.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.drugchecking.ResultVersion;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Harm-reduction advice drafted from a result: lines templated per substance class and
 * risk flag (in the module's bundle), which the analyst edits before giving it.
 */
@Component
public class Advice {

	private final SubstanceManagement substances;

	private final MessageSource messages;

	Advice(SubstanceManagement substances, MessageSource messages) {
		this.substances = substances;
		this.messages = messages;
	}

	/** A line of advice from the module's bundle ({@code drugchecking.advice.…}). */
	private String line(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	public String draft(ResultVersion result) {
		var lines = new LinkedHashSet<String>();
		if (result.flags().contains(ResultFlag.MIS_SOLD)) {
			lines.add(line("drugchecking.advice.misSold"));
		}
		for (var c : result.components()) {
			if (c.substanceCode() == null || !SubstanceId.isValid(c.substanceCode())) {
				continue;
			}
			var found = substances.find(new SubstanceId(c.substanceCode()));
			if (found.isEmpty()) {
				continue;
			}
			var s = found.get();
			var cls = s.substanceClass();
			if (cls == SubstanceClass.HIGH_POTENCY_SYNTHETIC_OPIOID || cls == SubstanceClass.NITAZENE) {
				lines.add(line("drugchecking.advice.potentOpioid", s.name()));
				lines.add(line("drugchecking.advice.notAlone"));
			}
			else if (cls.isOpioid()) {
				lines.add(line("drugchecking.advice.opioid"));
			}
			if (s.has(RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE)) {
				lines.add(line("drugchecking.advice.sedative", s.name()));
			}
			if (s.has(RiskFlag.CAUSES_WOUNDS)) {
				lines.add(line("drugchecking.advice.wounds", s.name()));
			}
			if (s.has(RiskFlag.DELAYED_ONSET)) {
				lines.add(line("drugchecking.advice.delayedOnset", s.name()));
			}
			if (cls == SubstanceClass.MDMA_TYPE) {
				if (result.flags().contains(ResultFlag.HIGH_STRENGTH)) {
					lines.add(line("drugchecking.advice.highStrengthPill", c.amount()));
				}
				lines.add(line("drugchecking.advice.mdma"));
			}
			if (cls == SubstanceClass.SYNTHETIC_CANNABINOID) {
				lines.add(line("drugchecking.advice.syntheticCannabinoid"));
			}
			if (cls == SubstanceClass.STIMULANT || cls == SubstanceClass.SYNTHETIC_CATHINONE) {
				lines.add(line("drugchecking.advice.stimulant"));
			}
			if (cls.isA(SubstanceClass.BENZODIAZEPINE) || cls == SubstanceClass.SEDATIVE) {
				lines.add(line("drugchecking.advice.downer"));
			}
		}
		if (lines.isEmpty()) {
			lines.add(line("drugchecking.advice.nothingUnexpected"));
		}
		lines.add(line("drugchecking.advice.unwell"));
		return String.join("\n", new ArrayList<>(lines));
	}

	static List<String> lines(String advice) {
		return List.of(advice.split("\\R"));
	}

}
