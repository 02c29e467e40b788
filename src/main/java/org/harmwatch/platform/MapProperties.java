package org.harmwatch.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Map settings, shared by every map page and by the content security policy that must
 * allow the tile server.
 *
 * @param tileUrl a tile server URL template ({z}/{x}/{y}, optional {s}); empty for
 * boundaries only, so maps work with no internet
 * @param tileAttribution the attribution the tile server requires
 */
@ConfigurationProperties("harmwatch.map")
public record MapProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {

}
