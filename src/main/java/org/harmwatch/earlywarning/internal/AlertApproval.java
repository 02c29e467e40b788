package org.harmwatch.earlywarning.internal;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A named sign-off of one alert message (a value of the {@link Alert} aggregate).
 *
 * @param approver the approver's username
 * @param approverName their name as shown
 * @param approvedAt when they signed it off
 */
@Table(schema = "earlywarning", name = "alert_approval")
record AlertApproval(String approver, String approverName, Instant approvedAt) {

}
