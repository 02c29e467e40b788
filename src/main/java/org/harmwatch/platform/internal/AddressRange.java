package org.harmwatch.platform.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.0.0.0/8}, {@code fe80::/10});
 * a single address is a range of one.
 *
 * <p>
 * Only numeric addresses are parsed (never a host name), so parsing never looks anything
 * up in DNS.
 */
public record AddressRange(byte[] network, int prefix) {

	public AddressRange {
		network = network.clone();
		if (prefix < 0 || prefix > network.length * 8) {
			throw new IllegalArgumentException("Prefix /" + prefix + " is longer than the address");
		}
	}

	/**
	 * Parses {@code address} or {@code address/prefix}.
	 * @throws IllegalArgumentException if it is not a numeric IPv4 or IPv6 address or
	 * range
	 */
	public static AddressRange parse(String text) {
		var trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		var address = numeric(slash < 0 ? trimmed : trimmed.substring(0, slash))
			.orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + text));
		var bytes = address.getAddress();
		int prefix;
		try {
			prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
		}
		return new AddressRange(bytes, prefix);
	}

	/**
	 * The address written in {@code text} (IPv4 dotted quad, or IPv6 with or without
	 * brackets), or empty when it is not a numeric address. Never resolves a name.
	 */
	public static Optional<InetAddress> numeric(String text) {
		var candidate = text.strip();
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
		}
		int zone = candidate.indexOf('%');
		if (zone >= 0) {
			candidate = candidate.substring(0, zone);
		}
		if (candidate.isEmpty()) {
			return Optional.empty();
		}
		var lower = candidate.toLowerCase(Locale.ROOT);
		boolean ipv4 = lower.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean ipv6 = lower.contains(":") && lower.matches("[0-9a-f:.]+");
		if (!ipv4 && !ipv6) {
			return Optional.empty();
		}
		if (ipv4) {
			for (var part : lower.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return Optional.empty();
				}
			}
		}
		try {
			// A literal address: InetAddress parses it without a lookup.
			return Optional.of(InetAddress.getByName(lower));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the address lies in this range (an IPv4 address never lies in an IPv6
	 * range, nor the reverse).
	 */
	public boolean contains(InetAddress address) {
		return contains(address.getAddress());
	}

	boolean contains(byte[] bytes) {
		if (bytes.length != network.length) {
			return false;
		}
		int full = prefix / 8;
		if (!Arrays.equals(bytes, 0, full, network, 0, full)) {
			return false;
		}
		int rest = prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = 0xff << (8 - rest) & 0xff;
		return (bytes[full] & mask) == (network[full] & mask);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AddressRange range && range.prefix == prefix && Arrays.equals(range.network, network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(network) + prefix;
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
