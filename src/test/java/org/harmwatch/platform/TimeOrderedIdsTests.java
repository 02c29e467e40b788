package org.harmwatch.platform;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 7 UUIDs: the time first, so that later ids sort after earlier ones (as
 * PostgreSQL compares them, byte by byte), the version and variant where RFC 9562 puts
 * them, and random bits that make two ids of the same millisecond differ.
 */
class TimeOrderedIdsTests {

	@Test
	void idsAreVersion7AndSortByTheirMillisecond() {
		long now = 1_796_000_000_000L;
		var earlier = TimeOrderedIds.next(now);
		var later = TimeOrderedIds.nextInternal(now + 1);
		assertThat(earlier.version()).isEqualTo(7);
		assertThat(later.version()).isEqualTo(7);
		assertThat(earlier.variant()).isEqualTo(2);
		assertThat(later.variant()).isEqualTo(2);
		assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(now);
		assertThat(earlier.toString()).isLessThan(later.toString());
		assertThat(earlier).isLessThan(later);
	}

	@Test
	void idsOfOneMillisecondDiffer() {
		var seen = new HashSet<String>();
		for (int i = 0; i < 10_000; i++) {
			seen.add(TimeOrderedIds.next(42L).toString());
			seen.add(TimeOrderedIds.nextInternal(42L).toString());
		}
		assertThat(seen).hasSize(20_000);
	}

	@Test
	void theRandomBitsDoNotTouchTheTimeVersionOrVariant() {
		var id = TimeOrderedIds.of(0x0000_7FFF_FFFF_FFFFL, -1L, -1L);
		assertThat(id.toString()).isEqualTo("7fffffff-ffff-7fff-bfff-ffffffffffff");
		assertThat(TimeOrderedIds.of(0, 0, 0).toString()).isEqualTo("00000000-0000-7000-8000-000000000000");
	}

}
