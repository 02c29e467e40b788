package org.harmwatch.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Harmwatch meets the network: which proxies may tell it who the client is
 * ({@code harmwatch.http.*}).
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of
 * Harmwatch, whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed;
 * empty (the default): none, so the client is whoever opened the connection and forwarded
 * headers are ignored
 */
@ConfigurationProperties("harmwatch.http")
public record HttpProperties(@DefaultValue List<String> trustedProxies) {

}
