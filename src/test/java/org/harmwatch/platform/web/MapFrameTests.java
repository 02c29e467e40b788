package org.harmwatch.platform.web;

import java.util.Optional;

import org.harmwatch.platform.MapProperties;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;

class MapFrameTests {

	record Box(double south, double west, double north, double east) implements MapFrame.Box {
	}

	@Test
	void putsTheBoundsTilesAndAttributionsIntoTheModel() {
		var model = new ExtendedModelMap();
		MapFrame.addTo(model, new MapProperties("https://tiles.example/{z}/{x}/{y}.png", "© Tiles"), "© Boundaries",
				Optional.of(new Box(52.3, -2.2, 52.65, -1.6)));
		assertThat(model.getAttribute("bounds")).isEqualTo("52.300000,-2.200000,52.650000,-1.600000");
		assertThat(model.getAttribute("tileUrl")).isEqualTo("https://tiles.example/{z}/{x}/{y}.png");
		assertThat(model.getAttribute("tileAttribution")).isEqualTo("© Tiles");
		assertThat(model.getAttribute("attribution")).isEqualTo("© Boundaries");
	}

	@Test
	void withoutBoundsTheMapGetsAnEmptyBoxNotAnError() {
		var model = new ExtendedModelMap();
		MapFrame.addTo(model, new MapProperties("", ""), "", Optional.empty());
		assertThat(model.getAttribute("bounds")).isEqualTo("");
	}

}
