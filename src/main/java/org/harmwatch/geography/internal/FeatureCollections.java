package org.harmwatch.geography.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.harmwatch.geography.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes areas as a GeoJSON FeatureCollection (RFC 7946: WGS84, no {@code crs} member).
 */
final class FeatureCollections {

	private static final JsonMapper json = JsonMapper.builder().build();

	private FeatureCollections() {
	}

	static byte[] write(List<Area> areas, Map<String, Geometry> boundaries, String attribution) {
		var out = new ByteArrayOutputStream(Math.max(1024, areas.size() * 1100));
		try (JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", "FeatureCollection");
			if (!attribution.isBlank()) {
				generator.writeStringProperty("attribution", attribution);
			}
			generator.writeName("features");
			generator.writeStartArray();
			for (var area : areas) {
				feature(generator, area, boundaries.get(area.code()));
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	private static void feature(JsonGenerator generator, Area area, Geometry geometry) {
		generator.writeStartObject();
		generator.writeStringProperty("type", "Feature");
		generator.writeStringProperty("id", area.code());
		generator.writeName("properties");
		generator.writeStartObject();
		generator.writeStringProperty("code", area.code());
		generator.writeStringProperty("name", area.name());
		generator.writeStringProperty("level", area.level().urlName());
		generator.writeStringProperty("ladCode", area.ladCode());
		generator.writeStringProperty("ladName", area.ladName());
		generator.writeStringProperty("vintage", area.vintage());
		if (area.msoaCode() != null) {
			generator.writeStringProperty("msoaCode", area.msoaCode());
		}
		if (area.wardCode() != null) {
			generator.writeStringProperty("wardCode", area.wardCode());
		}
		if (area.population() != null && area.populationYear() != null) {
			generator.writeNumberProperty("population", area.population());
			generator.writeNumberProperty("populationYear", area.populationYear());
		}
		if (area.imdRank() != null && area.imdDecile() != null) {
			generator.writeNumberProperty("imdRank", area.imdRank());
			generator.writeNumberProperty("imdDecile", area.imdDecile());
		}
		generator.writeEndObject();
		generator.writeName("geometry");
		geometry(generator, geometry);
		generator.writeEndObject();
	}

	private static void geometry(JsonGenerator generator, Geometry geometry) {
		generator.writeStartObject();
		switch (geometry) {
			case Polygon polygon -> {
				generator.writeStringProperty("type", "Polygon");
				generator.writeName("coordinates");
				polygon(generator, polygon);
			}
			case MultiPolygon multi -> {
				generator.writeStringProperty("type", "MultiPolygon");
				generator.writeName("coordinates");
				generator.writeStartArray();
				for (int i = 0; i < multi.getNumGeometries(); i++) {
					polygon(generator, (Polygon) multi.getGeometryN(i));
				}
				generator.writeEndArray();
			}
			default -> throw new IllegalArgumentException("Not a polygon: " + geometry.getGeometryType());
		}
		generator.writeEndObject();
	}

	private static void polygon(JsonGenerator generator, Polygon polygon) {
		generator.writeStartArray();
		ring(generator, polygon.getExteriorRing());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			ring(generator, polygon.getInteriorRingN(i));
		}
		generator.writeEndArray();
	}

	private static void ring(JsonGenerator generator, LineString ring) {
		generator.writeStartArray();
		for (Coordinate c : ring.getCoordinates()) {
			generator.writeStartArray();
			generator.writeNumber(c.x);
			generator.writeNumber(c.y);
			generator.writeEndArray();
		}
		generator.writeEndArray();
	}

}
