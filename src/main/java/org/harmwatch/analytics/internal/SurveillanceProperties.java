package org.harmwatch.analytics.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.harmwatch.analytics.AlarmMethod;
import org.harmwatch.analytics.FarringtonSettings;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.analytics.temporal.Cusum;
import org.harmwatch.analytics.temporal.Ears;
import org.harmwatch.analytics.temporal.FarringtonFlexible;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily surveillance run's settings ({@code harmwatch.analytics.surveillance.*}); the
 * schedule itself is {@code harmwatch.analytics.surveillance.cron} (a Spring cron in the
 * region's time zone, {@code -} to switch it off).
 *
 * @param category the observations' category the run watches, e.g. {@code OVERDOSE}: that
 * category is the class "all", and every {@code OVERDOSE:<class>} a substance class
 * @param methods the temporal methods run on every district and class
 * @param earsBaseline EARS's baseline days (CDC: 7)
 * @param earsMinSigma EARS's floor for the baseline's standard deviation (0: none)
 * @param cusumTrainingDays days the CUSUM's reference mean is taken from
 * @param cusumMonitorDays days the CUSUM then runs over, up to the run's day
 * @param farringtonVariant Farrington's variant (on weekly sums of the seven days ending
 * on the run's day, and the weeks before)
 * @param farringtonB Farrington's years back
 * @param farringtonW Farrington's half-window in weeks
 * @param farringtonAlpha Farrington's one-sided level
 * @param minObserved the fewest events a day (or week, for Farrington) must have to alarm
 * @param hotspotDays days of overdoses (up to the run's day) Gi* of rates by LSOA looks
 * at
 * @param hotspotAlpha the level at which an LSOA is a hot spot
 * @param hotspotSignificance which p-value decides (the FDR-adjusted normal one by
 * default)
 */
@ConfigurationProperties("harmwatch.analytics.surveillance")
record SurveillanceProperties(@DefaultValue("OVERDOSE") String category, @DefaultValue( {
		"EARS_C1", "EARS_C2", "EARS_C3", "CUSUM", "FARRINGTON" }) List<AlarmMethod> methods,
		@DefaultValue("7") int earsBaseline, @DefaultValue("0") double earsMinSigma,
		@DefaultValue("28") int cusumTrainingDays, @DefaultValue("28") int cusumMonitorDays,
		@DefaultValue("NOUFAILY") FarringtonSettings.Variant farringtonVariant, @DefaultValue("3") int farringtonB,
		@DefaultValue("3") int farringtonW, @DefaultValue("0.05") double farringtonAlpha,
		@DefaultValue("3") int minObserved, @DefaultValue("28") int hotspotDays,
		@DefaultValue("0.05") double hotspotAlpha, @DefaultValue("NORMAL_FDR") Significance hotspotSignificance){

	SurveillanceProperties {
		if (category.isBlank() || category.contains(":") || earsBaseline < 3 || cusumTrainingDays < 1
				|| cusumMonitorDays < 1 || farringtonB < 1 || farringtonW < 0 || minObserved < 1 || hotspotDays < 1
				|| !(hotspotAlpha > 0 && hotspotAlpha < 1) || hotspotSignificance == Significance.PERMUTATION
				|| hotspotSignificance == Significance.PERMUTATION_FDR) {
			throw new IllegalArgumentException("harmwatch.analytics.surveillance: a category without ':', "
					+ "ears-baseline >= 3, cusum days >= 1, farrington-b >= 1, farrington-w >= 0, min-observed >= 1, "
					+ "hotspot-days >= 1, hotspot-alpha in (0, 1), hotspot-significance NORMAL or NORMAL_FDR");
		}
	}

	/** The settings of {@link SeriesAlarms}. */
	SeriesAlarms.Settings seriesSettings() {
		Set<AlarmMethod> chosen = methods.isEmpty() ? Set.of() : EnumSet.copyOf(methods);
		var ears = new Ears.Options[3];
		for (var method : Ears.Method.values()) {
			var cdc = Ears.Options.cdc(method);
			ears[method.ordinal()] = new Ears.Options(earsBaseline, cdc.z(), earsMinSigma);
		}
		var farrington = new FarringtonSettings(farringtonVariant, FarringtonFlexible.Unit.WEEK, farringtonB,
				farringtonW, null, null, farringtonAlpha, null, null, true, true)
			.options();
		return new SeriesAlarms.Settings(chosen, ears, Cusum.Options.resetting(cusumTrainingDays), cusumMonitorDays,
				farrington, minObserved);
	}

}
