package org.harmwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Harmwatch: one application running a regional drug policy programme.
 */
@Modulithic(systemName = "Harmwatch", sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class HarmwatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(HarmwatchApplication.class, args);
	}

}
