package org.harmwatch.platform.internal;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundAddressesTests {

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1         | loopback
			127.255.0.9       | loopback
			10.0.0.1          | private
			172.16.5.4        | private
			172.31.255.255    | private
			192.168.1.1       | private
			169.254.169.254   | link-local
			100.64.0.1        | carrier-grade NAT
			0.0.0.0           | unspecified
			224.0.0.251       | multicast
			255.255.255.255   | broadcast
			::1               | loopback
			::                | unspecified
			fe80::1           | link-local
			fd00:ec2::254     | unique local
			fc00::1           | unique local
			ff02::1           | multicast
			::ffff:127.0.0.1  | loopback
			::ffff:a9fe:a9fe  | link-local
			::ffff:10.0.0.1   | private
			64:ff9b::a00:1    | private network address, inside an IPv6 address
			2002:7f00:1::     | loopback
			::127.0.0.1       | IPv4-compatible
			""")
	void refusesInternalAddresses(String address, String why) throws Exception {
		assertThat(OutboundAddresses.refusal(InetAddress.getByName(address)))
			.hasValueSatisfying(reason -> assertThat(reason).containsIgnoringCase(why));
	}

	@ParameterizedTest(name = "{0} is public")
	@CsvSource({ "8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"2a00:1450:4009:81f::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::" })
	void allowsPublicAddresses(String address) throws Exception {
		assertThat(OutboundAddresses.refusal(InetAddress.getByName(address))).isEmpty();
	}

}
