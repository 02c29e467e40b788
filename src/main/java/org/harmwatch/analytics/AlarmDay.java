package org.harmwatch.analytics;

import java.time.LocalDate;

/**
 * A detector's reading for one period.
 *
 * @param date the day (for weekly methods, the first day of the week)
 * @param count the count
 * @param statistic the detector's statistic; NaN before it has enough history
 * @param threshold the count or statistic at which it alarms; NaN before it has enough
 * history
 * @param alarm whether it alarms
 */
public record AlarmDay(LocalDate date, double count, double statistic, double threshold, boolean alarm) {

}
