package org.harmwatch.geography.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.AreaRef;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region's areas as open data: which areas contain a point, and each level's
 * boundaries as GeoJSON.
 */
@RestController
@RequestMapping("/api/areas")
@Tag(name = "Areas",
		description = "The region's local authorities, wards, MSOAs and LSOAs (open data, no token needed)")
class AreaApiController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	/** The areas at a point. */
	record AreasAtPoint(double lat, double lon, AreaRef lad, @Nullable AreaRef ward, @Nullable AreaRef msoa,
			@Nullable AreaRef lsoa) {
	}

	/** A request the API answers with a problem document rather than data. */
	static final class AreaProblem extends RuntimeException {

		private final ProblemDetail problem;

		AreaProblem(ProblemDetail problem) {
			super(problem.getDetail());
			this.problem = problem;
		}

	}

	private final GeographyManagement geography;

	AreaApiController(GeographyManagement geography) {
		this.geography = geography;
	}

	@Operation(summary = "The local authority, ward, MSOA and LSOA at a point",
			description = "WGS84 latitude and longitude in degrees. A point outside the region gives 404.")
	@ApiResponse(responseCode = "200", description = "The areas that contain the point")
	@ApiResponse(responseCode = "400", description = "lat or lon missing, not a number or out of range",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "The point is outside the areas covered",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/lookup")
	@PublicEndpoint("Which published areas contain a point is open data; the point is neither stored nor logged.")
	AreasAtPoint lookup(
			@Parameter(description = "latitude, -90 to 90",
					example = "52.4797") @RequestParam(required = false) @Nullable Double lat,
			@Parameter(description = "longitude, -180 to 180",
					example = "-1.9027") @RequestParam(required = false) @Nullable Double lon) {
		var errors = new ArrayList<Map<String, String>>();
		check(errors, "lat", lat, 90);
		check(errors, "lon", lon, 180);
		if (!errors.isEmpty() || lat == null || lon == null) {
			var detail = String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList());
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
			problem.setTitle("Invalid request");
			problem.setProperty("errors", errors);
			throw new AreaProblem(problem);
		}
		var found = geography.lookup(lat, lon).orElseThrow(() -> {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The point " + lat + ", " + lon
					+ " is outside the areas covered (" + geography.regionName() + ").");
			problem.setTitle("Outside the areas covered");
			problem.setType(URI.create("urn:harmwatch:problem:outside-region"));
			problem.setProperty("region", geography.regionName());
			return new AreaProblem(problem);
		});
		return new AreasAtPoint(lat, lon, found.lad(), found.ward(), found.msoa(), found.lsoa());
	}

	private static void check(List<Map<String, String>> errors, String field, @Nullable Double value, double limit) {
		if (value == null) {
			errors.add(Map.of("field", field, "message", "is required (decimal degrees, WGS84)"));
		}
		else if (!Double.isFinite(value) || value < -limit || value > limit) {
			errors
				.add(Map.of("field", field, "message", "must be a number from -" + (int) limit + " to " + (int) limit));
		}
	}

	@Operation(summary = "The boundaries of one level as GeoJSON",
			description = "A FeatureCollection (RFC 7946, WGS84). Each feature's id is the ONS code; properties: code, "
					+ "name, level, ladCode, ladName, vintage and, where known, msoaCode, wardCode, population, populationYear, "
					+ "imdRank, imdDecile. Cacheable: send If-None-Match with the ETag.")
	@ApiResponse(responseCode = "200", description = "The boundaries",
			content = @Content(mediaType = "application/geo+json", schema = @Schema(type = "object")))
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent")
	@ApiResponse(responseCode = "400", description = "lad is not a local authority of the region",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such level",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/{level}")
	@PublicEndpoint("Boundaries, populations and deprivation of areas are published open data (OGL v3).")
	ResponseEntity<byte[]> boundaries(
			@Parameter(description = "lad, ward, msoa or lsoa", example = "lad") @PathVariable String level,
			@Parameter(description = "only the areas in this local authority (ONS code)",
					example = "E08000025") @RequestParam(required = false) @Nullable String lad) {
		var areaLevel = AreaLevel.fromUrlName(level).orElseThrow(() -> {
			var valid = Arrays.stream(AreaLevel.values()).map(AreaLevel::urlName).toList();
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"There is no area level '" + level + "'. Valid levels: " + String.join(", ", valid) + ".");
			problem.setTitle("Unknown area level");
			problem.setProperty("validLevels", valid);
			return new AreaProblem(problem);
		});
		String ladCode = null;
		if (lad != null && !lad.isBlank()) {
			ladCode = lad.trim().toUpperCase(Locale.ROOT);
			var known = geography.area(ladCode).map(Area::level).orElse(null) == AreaLevel.LAD;
			if (!known) {
				var valid = geography.areas(AreaLevel.LAD).stream().map(Area::code).toList();
				var message = "is not a local authority of " + geography.regionName() + " (one of "
						+ String.join(", ", valid) + ")";
				var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "lad: " + message);
				problem.setTitle("Invalid request");
				problem.setProperty("errors", List.of(Map.of("field", "lad", "message", message)));
				throw new AreaProblem(problem);
			}
		}
		var document = geography.boundaries(areaLevel, ladCode);
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.eTag("W/\"" + document.version() + "\"")
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(document.content());
	}

	@ExceptionHandler(AreaProblem.class)
	ResponseEntity<ProblemDetail> problem(AreaProblem ex) {
		return ResponseEntity.status(ex.problem.getStatus()).body(ex.problem);
	}

}
