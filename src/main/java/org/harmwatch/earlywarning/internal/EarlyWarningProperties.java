package org.harmwatch.earlywarning.internal;

import java.time.Duration;
import java.util.Set;

import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reports are grouped into signals, which rules open them with what urgency, and the
 * public form's rate limit.
 *
 * @param groupingWindow evidence within this of a signal's evidence joins it
 * @param noveltyWindow a dangerous substance not seen in the district within this is new
 * there
 * @param noveltyClasses classes whose substances are dangerous when new to a district
 * @param noveltyFlags risk flags that make a substance dangerous when new to a district
 * @param noveltyUrgency the urgency of a dangerous substance new to a district
 * @param clusterReports this many reports of one substance in one district within
 * {@code clusterWindow}...
 * @param clusterWindow ...open a signal with {@code clusterUrgency}
 * @param clusterUrgency the urgency of a cluster
 * @param deathUrgency the urgency of any report of a death
 * @param spikeUrgency the urgency of a spike from the analytics detector
 * @param highStrengthUrgency the urgency of a drug-checking result far stronger than
 * usual (an MDMA pill above the service's threshold)
 * @param publicForm the anonymous form's rate limit
 */
@ConfigurationProperties("harmwatch.early-warning")
public record EarlyWarningProperties(@Nullable Duration groupingWindow, @Nullable Duration noveltyWindow,
		@Nullable Set<SubstanceClass> noveltyClasses, @Nullable Set<RiskFlag> noveltyFlags,
		@Nullable Urgency noveltyUrgency, @Nullable Integer clusterReports, @Nullable Duration clusterWindow,
		@Nullable Urgency clusterUrgency, @Nullable Urgency deathUrgency, @Nullable Urgency spikeUrgency,
		@Nullable RateLimit publicForm, @Nullable Urgency highStrengthUrgency) {

	/**
	 * A token bucket per client: {@code capacity} reports at once, one more every
	 * {@code refillEvery}.
	 *
	 * @param capacity reports a client may send in a burst
	 * @param refillEvery how long until one more is allowed
	 */
	public record RateLimit(@Nullable Integer capacity, @Nullable Duration refillEvery) {

		public RateLimit {
			capacity = capacity == null ? 5 : capacity;
			refillEvery = refillEvery == null ? Duration.ofMinutes(10) : refillEvery;
		}

	}

	public EarlyWarningProperties {
		groupingWindow = groupingWindow == null ? Duration.ofDays(14) : groupingWindow;
		noveltyWindow = noveltyWindow == null ? Duration.ofDays(90) : noveltyWindow;
		noveltyClasses = noveltyClasses == null
				? Set.of(SubstanceClass.HIGH_POTENCY_SYNTHETIC_OPIOID, SubstanceClass.NITAZENE)
				: Set.copyOf(noveltyClasses);
		noveltyFlags = noveltyFlags == null ? Set.of(RiskFlag.DANGEROUS_ADULTERANT) : Set.copyOf(noveltyFlags);
		noveltyUrgency = noveltyUrgency == null ? Urgency.URGENT : noveltyUrgency;
		clusterReports = clusterReports == null ? 3 : clusterReports;
		clusterWindow = clusterWindow == null ? Duration.ofDays(7) : clusterWindow;
		clusterUrgency = clusterUrgency == null ? Urgency.HIGH : clusterUrgency;
		deathUrgency = deathUrgency == null ? Urgency.URGENT : deathUrgency;
		spikeUrgency = spikeUrgency == null ? Urgency.HIGH : spikeUrgency;
		publicForm = publicForm == null ? new RateLimit(null, null) : publicForm;
		highStrengthUrgency = highStrengthUrgency == null ? Urgency.HIGH : highStrengthUrgency;
	}

}
