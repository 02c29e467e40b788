package org.harmwatch.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Harmwatch's own outbound requests (federation feeds, webhooks) may go
 * ({@code harmwatch.outbound.*}).
 *
 * @param allowedHosts hosts that may be reached although they are on a loopback, private,
 * link-local or otherwise internal address: exact host names or IP addresses as written
 * in the URL (e.g. {@code feeds.internal.example}, {@code 10.1.2.3}); empty (the
 * default): only public addresses
 */
@ConfigurationProperties("harmwatch.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedHosts) {

}
