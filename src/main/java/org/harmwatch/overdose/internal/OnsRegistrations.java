package org.harmwatch.overdose.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The deaths related to drug poisoning that ONS published as registered in each West
 * Midlands district and year (1993–2020, OGL v3), from
 * {@code overdose/ons-drug-poisoning-registrations-west-midlands.csv}.
 */
@Component
public class OnsRegistrations {

	static final String RESOURCE = "overdose/ons-drug-poisoning-registrations-west-midlands.csv";

	/** Where the figures come from and their licence, as shown next to them. */
	public static final String SOURCE = "Office for National Statistics, Drug-related deaths by local authority, "
			+ "England and Wales (registrations 1993–2020). Open Government Licence v3.0.";

	private final Map<String, Map<Integer, Integer>> byDistrict = new HashMap<>();

	OnsRegistrations() {
		try (var reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
			String[] years = null;
			for (var line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				var cells = line.split(",", -1);
				if (years == null) {
					years = cells;
					continue;
				}
				var counts = new HashMap<Integer, Integer>();
				for (int i = 2; i < cells.length; i++) {
					counts.put(Integer.parseInt(years[i].strip()), Integer.parseInt(cells[i].strip()));
				}
				byDistrict.put(cells[0].strip(), counts);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What ONS published for the district's registrations in the year, if anything. */
	public @Nullable Integer registered(String ladCode, int year) {
		var counts = byDistrict.get(ladCode);
		return counts == null ? null : counts.get(year);
	}

}
