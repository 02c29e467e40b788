package org.harmwatch.geography.internal;

import java.util.ArrayList;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * GeoJSON geometries (Polygon and MultiPolygon, longitude before latitude, WGS84) read
 * into JTS geometries, every problem reported with the file and feature it is in. The
 * dataset reader uses it for each boundary file, the store for its geometry factory.
 */
final class GeoJsonGeometries {

	static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

	private GeoJsonGeometries() {
	}

	/**
	 * The Polygon or MultiPolygon a GeoJSON geometry object describes; rings are closed
	 * if the file left them open.
	 * @param where the file and feature, for the message
	 * @throws DatasetException naming what is wrong and where
	 */
	static Geometry geometry(JsonNode geometry, String where) {
		var coordinates = geometry.path("coordinates");
		var type = geometry.path("type").asString("");
		Geometry result = switch (type) {
			case "Polygon" -> polygon(coordinates, where);
			case "MultiPolygon" -> {
				var polygons = new Polygon[coordinates.size()];
				for (int i = 0; i < polygons.length; i++) {
					polygons[i] = polygon(coordinates.get(i), where);
				}
				yield GEOMETRIES.createMultiPolygon(polygons);
			}
			default ->
				throw new DatasetException(where + ": geometry must be a Polygon or MultiPolygon, not '" + type + "'");
		};
		if (result.isEmpty()) {
			throw new DatasetException(where + ": empty geometry");
		}
		return result;
	}

	private static Polygon polygon(JsonNode rings, String where) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new DatasetException(where + ": a polygon needs at least one ring");
		}
		var shell = ring(rings.get(0), where);
		var holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i), where);
		}
		return GEOMETRIES.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions, String where) {
		var coordinates = new ArrayList<Coordinate>(positions.size() + 1);
		for (var position : positions.values()) {
			if (position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
				throw new DatasetException(where + ": a position must be [longitude, latitude]");
			}
			coordinates.add(new Coordinate(position.get(0).asDouble(), position.get(1).asDouble()));
		}
		if (coordinates.size() > 0 && !coordinates.getFirst().equals2D(coordinates.getLast())) {
			coordinates.add(coordinates.getFirst().copy());
		}
		if (coordinates.size() < 4) {
			throw new DatasetException(where + ": a ring needs at least three distinct positions");
		}
		return GEOMETRIES.createLinearRing(coordinates.toArray(Coordinate[]::new));
	}

}
