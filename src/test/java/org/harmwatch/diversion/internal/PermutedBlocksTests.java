package org.harmwatch.diversion.internal;

import java.util.Collections;
import java.util.List;

import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.OffenceGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trial's allocation list: the same seed and stratum give the same arms, every
 * complete block is balanced, and strata and seeds differ.
 */
class PermutedBlocksTests {

	@Test
	void theSameSeedAndStratumGiveTheSameArms() {
		var first = PermutedBlocks.arms(20261206L, OffenceGroup.DRUG_POSSESSION, 40, 4);
		var again = PermutedBlocks.arms(20261206L, OffenceGroup.DRUG_POSSESSION, 40, 4);
		assertThat(again).isEqualTo(first);
		// A longer list starts with the shorter one: positions never move.
		assertThat(PermutedBlocks.arms(20261206L, OffenceGroup.DRUG_POSSESSION, 100, 4).subList(0, 40))
			.isEqualTo(first);
		for (int i = 0; i < 40; i++) {
			assertThat(PermutedBlocks.armAt(20261206L, OffenceGroup.DRUG_POSSESSION, i, 4)).isEqualTo(first.get(i));
		}
	}

	@Test
	void theListIsPinnedSoThatAnyoneWithTheSeedDrawsItAgain() {
		// Recorded once; a change of the algorithm would break every trial's list.
		assertThat(PermutedBlocks.arms(42L, OffenceGroup.ACQUISITIVE, 8, 4)).containsExactly(Arm.DIVERSION,
				Arm.USUAL_PROCESS, Arm.USUAL_PROCESS, Arm.DIVERSION, Arm.DIVERSION, Arm.USUAL_PROCESS, Arm.DIVERSION,
				Arm.USUAL_PROCESS);
		assertThat(PermutedBlocks.arms(42L, OffenceGroup.ACQUISITIVE, 8, 4))
			.isNotEqualTo(PermutedBlocks.arms(43L, OffenceGroup.ACQUISITIVE, 8, 4));
		assertThat(PermutedBlocks.arms(42L, OffenceGroup.ACQUISITIVE, 40, 4))
			.isNotEqualTo(PermutedBlocks.arms(42L, OffenceGroup.VIOLENCE, 40, 4));
	}

	@Test
	void everyCompleteBlockIsBalancedAndTheListNeverLeadsByMoreThanHalfABlock() {
		for (int block : List.of(2, 4, 6, 8)) {
			for (var stratum : OffenceGroup.values()) {
				var arms = PermutedBlocks.arms(7L + block, stratum, block * 25, block);
				int lead = 0;
				for (int i = 0; i < arms.size(); i++) {
					lead += arms.get(i) == Arm.DIVERSION ? 1 : -1;
					assertThat(Math.abs(lead)).isLessThanOrEqualTo(block / 2);
					if ((i + 1) % block == 0) {
						assertThat(lead).as("balance after block %d", (i + 1) / block).isZero();
					}
				}
				assertThat(Collections.frequency(arms, Arm.DIVERSION)).isEqualTo(arms.size() / 2);
			}
		}
	}

	@Test
	void blocksAreShuffledNotAlternating() {
		var arms = PermutedBlocks.arms(1L, OffenceGroup.DRUG_POSSESSION, 400, 4);
		var alternating = new java.util.ArrayList<Arm>();
		for (int i = 0; i < 400; i++) {
			alternating.add(i % 4 < 2 ? Arm.DIVERSION : Arm.USUAL_PROCESS);
		}
		assertThat(arms).isNotEqualTo(alternating);
	}

	@Test
	void anOddOrTooLargeBlockIsRefused() {
		assertThatThrownBy(() -> PermutedBlocks.arms(1L, OffenceGroup.OTHER, 4, 3))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PermutedBlocks.arms(1L, OffenceGroup.OTHER, 4, 10))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
