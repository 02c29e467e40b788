package org.harmwatch.drugchecking.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultFlag;
import org.harmwatch.drugchecking.ResultVersion.Component;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;

/**
 * The flags of a confirmed result, worked out from the substance vocabulary's classes and
 * risk flags (not from a list of names), and the configured high-strength thresholds.
 *
 * <p>
 * Mis-sold: the expected substance is absent; or, when quantities are given, it is not
 * the largest component; or, without quantities, it is found only at a lower confidence
 * (a trace) than some other component.
 */
@org.springframework.stereotype.Component
public class Flagging {

	/** Classes whose every member is high-risk when it was not what was expected. */
	static final Set<SubstanceClass> HIGH_RISK_CLASSES = EnumSet.of(SubstanceClass.HIGH_POTENCY_SYNTHETIC_OPIOID,
			SubstanceClass.NITAZENE, SubstanceClass.SYNTHETIC_CANNABINOID);

	/** Risk flags that make a substance high-risk when it was not what was expected. */
	static final Set<RiskFlag> HIGH_RISK_FLAGS = EnumSet.of(RiskFlag.HIGH_POTENCY, RiskFlag.DANGEROUS_ADULTERANT);

	private final SubstanceManagement substances;

	private final DrugCheckingProperties properties;

	Flagging(SubstanceManagement substances, DrugCheckingProperties properties) {
		this.substances = substances;
		this.properties = properties;
	}

	/**
	 * The flags, the reasons in words, and the substance codes found, most dangerous
	 * first.
	 */
	public record Outcome(Set<ResultFlag> flags, List<String> reasons, List<String> substanceCodes) {
	}

	/**
	 * @param expectedCodes the substances it was sold as (one, or several for "cocaine;
	 * fentanyl"); empty when the sold-as text names nothing in the vocabulary, and then
	 * nothing can be mis-sold
	 */
	public Outcome assess(String soldAs, List<String> expectedCodes, List<Component> components) {
		var flags = EnumSet.noneOf(ResultFlag.class);
		var reasons = new ArrayList<String>();
		var main = main(components);
		if (!expectedCodes.isEmpty() && !components.isEmpty()) {
			boolean present = components.stream().anyMatch(c -> expected(c.substanceCode(), expectedCodes));
			if (!present) {
				flags.add(ResultFlag.MIS_SOLD);
				reasons.add("sold as " + soldAs + " but no " + soldAs + " found");
			}
			else if (components.stream().anyMatch(c -> c.quantity() != null)) {
				if (main != null && !expected(main.substanceCode(), expectedCodes)) {
					flags.add(ResultFlag.MIS_SOLD);
					reasons.add("sold as " + soldAs + " but mostly " + main.name());
				}
			}
			else if (components.stream()
				.filter(c -> expected(c.substanceCode(), expectedCodes))
				.noneMatch(c -> c.confidence() == Confidence.CONFIRMED)
					&& components.stream().anyMatch(c -> c.confidence() == Confidence.CONFIRMED)) {
				// No quantities: the expected drug only at a lower confidence (a trace)
				// than something else.
				flags.add(ResultFlag.MIS_SOLD);
				reasons.add("sold as " + soldAs + " but only a trace of it found");
			}
		}
		for (var c : components) {
			var s = summary(c.substanceCode());
			if (s == null || expected(c.substanceCode(), expectedCodes)) {
				continue;
			}
			if (highRisk(s)) {
				flags.add(ResultFlag.UNEXPECTED_HIGH_RISK);
				reasons.add(s.name() + " found in " + soldAs);
			}
		}
		for (var c : components) {
			if (c.substanceCode() == null || c.quantity() == null || c.unit() != QuantityUnit.MG_PER_UNIT) {
				continue;
			}
			BigDecimal limit = threshold(c.substanceCode());
			if (limit != null && c.quantity().compareTo(limit) > 0) {
				flags.add(ResultFlag.HIGH_STRENGTH);
				reasons
					.add("high-strength " + c.name() + ": " + c.amount() + ", above " + limit.toPlainString() + " mg");
			}
		}
		var codes = new LinkedHashSet<String>();
		components.stream()
			.filter(c -> c.substanceCode() != null)
			.sorted(Comparator.comparingInt(c -> rank(summary(c.substanceCode()))))
			.forEach(c -> codes.add(c.substanceCode()));
		return new Outcome(flags, reasons, List.copyOf(codes));
	}

	/** Whether a substance is high-risk by its class or risk flags. */
	public static boolean highRisk(SubstanceSummary s) {
		return HIGH_RISK_CLASSES.contains(s.substanceClass()) || s.flags().stream().anyMatch(HIGH_RISK_FLAGS::contains);
	}

	private int rank(@Nullable SubstanceSummary s) {
		if (s == null) {
			return 3;
		}
		return HIGH_RISK_CLASSES.contains(s.substanceClass()) ? 0 : highRisk(s) ? 1 : 2;
	}

	private @Nullable BigDecimal threshold(String code) {
		var limits = properties.highStrength();
		for (var id : substances.lineage(new SubstanceId(code))) {
			var limit = limits.get(id.code());
			if (limit != null) {
				return limit;
			}
		}
		return limits.get(code);
	}

	/**
	 * The main component: the largest quantity when quantities are given, else the first
	 * listed.
	 */
	static @Nullable Component main(List<Component> components) {
		return components.stream()
			.filter(c -> c.quantity() != null)
			.max(Comparator.comparing(Component::quantity))
			.orElse(components.isEmpty() ? null : components.get(0));
	}

	private boolean expected(@Nullable String found, List<String> expectedCodes) {
		return expectedCodes.stream().anyMatch(e -> matches(found, e));
	}

	private boolean matches(@Nullable String found, String expected) {
		if (found == null) {
			return false;
		}
		if (found.equals(expected)) {
			return true;
		}
		try {
			return substances.isKindOf(new SubstanceId(found), new SubstanceId(expected));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private @Nullable SubstanceSummary summary(@Nullable String code) {
		if (code == null || !SubstanceId.isValid(code)) {
			return null;
		}
		return substances.find(new SubstanceId(code)).orElse(null);
	}

}
