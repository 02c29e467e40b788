package org.harmwatch.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins in a row lock an account, and for how long.
 */
@ConfigurationProperties("harmwatch.security.lockout")
public record LockoutPolicy(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration) {

}
