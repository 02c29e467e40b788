package org.harmwatch.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much work one instance spends on decoding photos ({@link ImageSanitiser}).
 *
 * @param maxDecodedSize the most memory one decoded image may take (width x height x
 * bytes a pixel, from its header): a 40-megapixel 8-bit RGB photo takes 120 MB
 * @param maxConcurrentDecodes photos decoded at once on this instance; the rest wait
 * @param decodeWait how long a photo waits for a decoding slot before it is refused as
 * "busy, try again" (503)
 */
@ConfigurationProperties("harmwatch.images")
public record ImageLimits(@DefaultValue("128MB") DataSize maxDecodedSize, @DefaultValue("2") int maxConcurrentDecodes,
		@DefaultValue("PT3S") Duration decodeWait) {

	/** The defaults, for a sanitiser made outside Spring. */
	public static ImageLimits defaults() {
		return new ImageLimits(DataSize.ofMegabytes(128), 2, Duration.ofSeconds(3));
	}

}
