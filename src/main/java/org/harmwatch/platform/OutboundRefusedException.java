package org.harmwatch.platform;

import java.io.IOException;

/**
 * An outbound request refused because it would reach an internal address (loopback,
 * private, link-local, …) of a host that is not allow-listed, or is not plain HTTP(S).
 */
public class OutboundRefusedException extends IOException {

	public OutboundRefusedException(String message) {
		super(message);
	}

}
