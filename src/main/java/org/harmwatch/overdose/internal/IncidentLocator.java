package org.harmwatch.overdose.internal;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.geography.LatLon;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where an incident happened, from a point or from the words given when only an area is
 * known: an area's ONS code, a district's or ward's name, or a postcode district.
 */
@Component
public class IncidentLocator {

	/**
	 * A UK postcode district (outward code): {@code B12}, {@code WV10}, {@code EC1A}.
	 */
	static final Pattern POSTCODE_DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]?");

	/**
	 * Where an incident happened.
	 *
	 * @param areaCode the LSOA of the point, or the area named
	 * @param observedAt where the analytics engine counts it: the point, or the named
	 * area's centroid; null for a postcode district alone
	 */
	public record Place(@Nullable Double lat, @Nullable Double lon, @Nullable String areaCode,
			@Nullable String areaLevel, @Nullable String ladCode, @Nullable String postcodeDistrict,
			@Nullable LatLon observedAt) {
	}

	/** Why a location could not be placed, as a message code. */
	public static final class Unplaced extends Exception {

		private final String code;

		Unplaced(String code) {
			super(code, null, false, false);
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	private final GeographyManagement geography;

	IncidentLocator(GeographyManagement geography) {
		this.geography = geography;
	}

	/** Places a point, which must lie in the region. */
	public Place point(double lat, double lon) throws Unplaced {
		var found = geography.lookup(lat, lon).orElseThrow(() -> new Unplaced("overdose.location.outsideRegion"));
		var lsoa = found.lsoa();
		var ward = found.ward();
		String areaCode = lsoa != null ? lsoa.code() : ward != null ? ward.code() : found.lad().code();
		String level = lsoa != null ? AreaLevel.LSOA.urlName()
				: ward != null ? AreaLevel.WARD.urlName() : AreaLevel.LAD.urlName();
		return new Place(lat, lon, areaCode, level, found.lad().code(), null, new LatLon(lat, lon));
	}

	/**
	 * Places the words given for an area: an area's code, the name of a district or ward
	 * of the region (a ward's name may be followed by its district's, as in "Aston,
	 * Birmingham", where several districts have a ward of that name), or a postcode
	 * district.
	 */
	public Place area(String words) throws Unplaced {
		var text = words.strip();
		var byCode = geography.area(text.toUpperCase(Locale.ROOT)).filter(a -> a.level() != AreaLevel.MSOA);
		if (byCode.isPresent()) {
			return of(byCode.get());
		}
		var byName = byName(text);
		if (byName.isPresent()) {
			return of(byName.get());
		}
		var district = text.toUpperCase(Locale.ROOT).replace(" ", "");
		if (POSTCODE_DISTRICT.matcher(district).matches()) {
			return new Place(null, null, null, null, null, district, null);
		}
		throw new Unplaced("overdose.location.unknown");
	}

	private Optional<Area> byName(String text) {
		var lad = geography.areas(AreaLevel.LAD).stream().filter(a -> a.name().equalsIgnoreCase(text)).findFirst();
		if (lad.isPresent()) {
			return lad;
		}
		var parts = text.split("\\s*,\\s*", 2);
		var wards = new ArrayList<Area>();
		for (var ward : geography.areas(AreaLevel.WARD)) {
			if (ward.name().equalsIgnoreCase(parts[0])
					&& (parts.length == 1 || ward.ladName().equalsIgnoreCase(parts[1]))) {
				wards.add(ward);
			}
		}
		return wards.size() == 1 ? Optional.of(wards.get(0)) : Optional.empty();
	}

	private static Place of(Area area) {
		return new Place(null, null, area.code(), area.level().urlName(), area.ladCode(), null, area.centroid());
	}

	/** The name of an area, or its code when unknown. */
	public @Nullable String name(@Nullable String code) {
		return code == null ? null : geography.area(code).map(Area::name).orElse(code);
	}

}
