package org.harmwatch.analytics;

import java.util.List;

import org.harmwatch.analytics.hotspot.HotspotClass;
import org.harmwatch.analytics.hotspot.Significance;
import org.harmwatch.geography.AreaLevel;

/**
 * Gi* for every area asked about, in code order.
 */
public record HotspotMap(AreaLevel level, Significance significance, double alpha, List<AreaHotspot> areas) {

	public long count(HotspotClass kind) {
		return areas.stream().filter(area -> area.hotspot() == kind).count();
	}

}
