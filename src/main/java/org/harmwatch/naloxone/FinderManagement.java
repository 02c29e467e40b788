package org.harmwatch.naloxone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.naloxone.internal.LedgerRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public naloxone finder: places that give out kits, with their opening hours and
 * whether they train people, for anyone, without signing in. It shows only holders their
 * agency chose to list, and only their public details (no stock, no supplies).
 */
@Service
public class FinderManagement {

	private final LedgerRepository ledger;

	private final GeographyManagement geography;

	FinderManagement(LedgerRepository ledger, GeographyManagement geography) {
		this.ledger = ledger;
		this.geography = geography;
	}

	/** The region's districts, by code, in name order, for the finder's filter. */
	public Map<String, String> districts() {
		var result = new LinkedHashMap<String, String>();
		geography.areas(AreaLevel.LAD)
			.stream()
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.forEach(a -> result.put(a.code(), a.name()));
		return result;
	}

	/**
	 * The region's bounds for the finder's map, as "south,west,north,east", or empty when
	 * not known.
	 */
	public String bounds() {
		return geography.bounds()
			.map(b -> String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", b.south(), b.west(), b.north(), b.east()))
			.orElse("");
	}

	/** Whether the code is one of the region's districts. */
	public boolean isDistrict(String code) {
		return geography.area(code).map(Area::level).filter(AreaLevel.LAD::equals).isPresent();
	}

	/** Listed places, in one district or everywhere, optionally only those that train. */
	@Transactional(readOnly = true)
	public List<FinderEntry> entries(@Nullable String ladCode, boolean trainsOnly) {
		var names = districts();
		return ledger.finder(ladCode, trainsOnly)
			.stream()
			.map(e -> new FinderEntry(e.name(), e.kind(), e.address(), e.postcode(), e.ladCode(),
					e.ladCode() == null ? null : names.get(e.ladCode()), e.openingHours(), e.trains(), e.latitude(),
					e.longitude()))
			.toList();
	}

}
