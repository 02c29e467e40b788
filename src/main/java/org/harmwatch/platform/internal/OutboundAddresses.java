package org.harmwatch.platform.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an outbound request must not reach unless the host is allow-listed:
 * everything that is not a public unicast address, so a URL cannot be used to reach the
 * machine itself, its network or the cloud's metadata service (server-side request
 * forgery).
 *
 * <p>
 * IPv6 addresses that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4)
 * are judged by the IPv4 address inside them.
 */
public final class OutboundAddresses {

	private record Refused(AddressRange range, String why) {
	}

	private static final List<Refused> REFUSED = List.of(
			refused("0.0.0.0/8", "an unspecified ('this network') address"),
			refused("10.0.0.0/8", "a private network address (RFC 1918)"),
			refused("100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)"),
			refused("127.0.0.0/8", "a loopback address"),
			refused("169.254.0.0/16", "a link-local address (cloud metadata lives here)"),
			refused("172.16.0.0/12", "a private network address (RFC 1918)"),
			refused("192.0.0.0/24", "an IETF protocol address"), refused("192.0.2.0/24", "a documentation address"),
			refused("192.168.0.0/16", "a private network address (RFC 1918)"),
			refused("198.18.0.0/15", "a benchmarking address"), refused("198.51.100.0/24", "a documentation address"),
			refused("203.0.113.0/24", "a documentation address"), refused("224.0.0.0/4", "a multicast address"),
			refused("240.0.0.0/4", "a reserved or broadcast address"), refused("::/128", "the unspecified address"),
			refused("::1/128", "a loopback address"), refused("::/96", "a deprecated IPv4-compatible address"),
			refused("fc00::/7", "a unique local address (private IPv6)"), refused("fe80::/10", "a link-local address"),
			refused("fec0::/10", "a site-local address"), refused("ff00::/8", "a multicast address"),
			refused("2001::/32", "a Teredo tunnel address"), refused("2001:db8::/32", "a documentation address"),
			refused("100::/64", "a discard address"));

	/**
	 * IPv6 prefixes whose low 32 bits (or, for 6to4, bits 16–47) are an IPv4 address that
	 * decides.
	 */
	/**
	 * Built from bytes: Java reads the text {@code ::ffff:0:0} as the IPv4 address
	 * 0.0.0.0.
	 */
	private static final AddressRange MAPPED = new AddressRange(
			new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0 }, 96);

	private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

	private static final AddressRange NAT64_LOCAL = AddressRange.parse("64:ff9b:1::/48");

	private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

	private OutboundAddresses() {
	}

	private static Refused refused(String range, String why) {
		return new Refused(AddressRange.parse(range), why);
	}

	/**
	 * Why a request must not reach this address, or empty when it is a public unicast
	 * address.
	 */
	public static Optional<String> refusal(InetAddress address) {
		var bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			var embedded = embeddedIpv4(bytes);
			if (embedded.isPresent()) {
				return refusal(embedded.get()).map(why -> why + ", inside an IPv6 address");
			}
		}
		if (address.isAnyLocalAddress()) {
			return Optional.of("the unspecified address");
		}
		if (address.isLoopbackAddress()) {
			return Optional.of("a loopback address");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("a link-local address (cloud metadata lives here)");
		}
		if (address.isSiteLocalAddress()) {
			return Optional.of("a private network address");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("a multicast address");
		}
		return REFUSED.stream().filter(r -> r.range().contains(bytes)).map(Refused::why).findFirst();
	}

	private static Optional<InetAddress> embeddedIpv4(byte[] ipv6) {
		byte[] ipv4;
		if (MAPPED.contains(ipv6) || NAT64.contains(ipv6) || NAT64_LOCAL.contains(ipv6)) {
			ipv4 = Arrays.copyOfRange(ipv6, 12, 16);
		}
		else if (SIX_TO_FOUR.contains(ipv6)) {
			ipv4 = Arrays.copyOfRange(ipv6, 2, 6);
		}
		else {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByAddress(ipv4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
