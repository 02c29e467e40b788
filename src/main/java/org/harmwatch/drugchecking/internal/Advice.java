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
import org.springframework.stereotype.Component;

/**
 * Harm-reduction advice drafted from a result: lines templated per substance class and
 * risk flag, which the analyst edits before giving it.
 */
@Component
public class Advice {

	private final SubstanceManagement substances;

	Advice(SubstanceManagement substances) {
		this.substances = substances;
	}

	public String draft(ResultVersion result) {
		var lines = new LinkedHashSet<String>();
		if (result.flags().contains(ResultFlag.MIS_SOLD)) {
			lines.add("This is not what it was sold as. Effects will differ from what you expect: the safest choice is"
					+ " not to take it.");
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
				lines.add(s.name() + " was found. It is many times stronger than heroin: carry naloxone and make sure"
						+ " people with you know how to use it; more than one dose may be needed.");
				lines.add("Do not use alone. Use a small test dose first and go slowly.");
			}
			else if (cls.isOpioid()) {
				lines.add("Carry naloxone. Do not use alone, and do not mix with alcohol, benzodiazepines or other"
						+ " downers.");
			}
			if (s.has(RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE)) {
				lines.add(s.name() + " causes heavy sedation that naloxone does not reverse: still give naloxone if"
						+ " an opioid may be involved, put the person in the recovery position and call 999.");
			}
			if (s.has(RiskFlag.CAUSES_WOUNDS)) {
				lines.add(s.name() + " can cause wounds: look after injection sites and get any wound seen early.");
			}
			if (s.has(RiskFlag.DELAYED_ONSET)) {
				lines.add(s.name() + " is slow to take effect: do not re-dose because you feel nothing yet.");
			}
			if (cls == SubstanceClass.MDMA_TYPE) {
				if (result.flags().contains(ResultFlag.HIGH_STRENGTH)) {
					lines.add("This is a high-strength pill (" + c.amount() + "). Take half or less, wait at least two"
							+ " hours before taking more, and space doses.");
				}
				lines.add("Take breaks from dancing, sip water (about a pint an hour, not more) and watch for"
						+ " overheating.");
			}
			if (cls == SubstanceClass.SYNTHETIC_CANNABINOID) {
				lines.add("Synthetic cannabinoids vary wildly in strength: use much less, and not alone.");
			}
			if (cls == SubstanceClass.STIMULANT || cls == SubstanceClass.SYNTHETIC_CATHINONE) {
				lines.add("Start low, avoid mixing with alcohol or other stimulants, and take breaks.");
			}
			if (cls == SubstanceClass.BENZODIAZEPINE || cls == SubstanceClass.SEDATIVE) {
				lines.add("Do not mix with alcohol, opioids or other downers: the risk of overdose rises sharply.");
			}
		}
		if (lines.isEmpty()) {
			lines.add(
					"Nothing unexpected was found. No drug is without risk: start with a small amount and do not mix.");
		}
		lines.add("If someone becomes unwell, call 999 and stay with them.");
		return String.join("\n", new ArrayList<>(lines));
	}

	static List<String> lines(String advice) {
		return List.of(advice.split("\\R"));
	}

}
