package org.harmwatch.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what any request may carry, checked once for every endpoint before it is
 * handled.
 *
 * @param maxParameterLength the most characters one form field or query parameter may
 * hold (every form's own limits are far lower; this stops what no form would send)
 * @param maxJsonBody the largest JSON body an API accepts (reports with three 5 MB
 * attachments in base64 fit)
 */
@ConfigurationProperties("harmwatch.input")
record InputProperties(@DefaultValue("20000") int maxParameterLength, @DefaultValue("30MB") DataSize maxJsonBody) {

}
