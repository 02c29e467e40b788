package org.harmwatch.diversion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.OffenceGroup;

/**
 * A trial's allocation list: per stratum (offence group), permuted blocks of diversion
 * and usual process in equal numbers, shuffled by a generator seeded from the scheme's
 * recorded seed and the stratum's name, so that anyone with the seed can draw the same
 * list again (docs/diversion.md says how).
 */
public final class PermutedBlocks {

	private PermutedBlocks() {
	}

	/**
	 * The first {@code length} arms of the stratum's list.
	 * @param blockSize an even number from 2 to 8
	 */
	public static List<Arm> arms(long seed, OffenceGroup stratum, int length, int blockSize) {
		if (blockSize < 2 || blockSize > 8 || blockSize % 2 != 0) {
			throw new IllegalArgumentException("block size must be 2, 4, 6 or 8");
		}
		var random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * stratumKey(stratum)));
		var arms = new ArrayList<Arm>(length + blockSize);
		while (arms.size() < length) {
			var block = new Arm[blockSize];
			for (int i = 0; i < blockSize; i++) {
				block[i] = i < blockSize / 2 ? Arm.DIVERSION : Arm.USUAL_PROCESS;
			}
			for (int i = blockSize - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				var swap = block[i];
				block[i] = block[j];
				block[j] = swap;
			}
			arms.addAll(List.of(block));
		}
		return List.copyOf(arms.subList(0, length));
	}

	/** The arm at a 0-based position of the stratum's list. */
	public static Arm armAt(long seed, OffenceGroup stratum, int position, int blockSize) {
		return arms(seed, stratum, position + 1, blockSize).get(position);
	}

	/** A number per stratum that does not change when the enum is reordered. */
	private static long stratumKey(OffenceGroup stratum) {
		long key = 1125899906842597L;
		for (char c : stratum.name().toCharArray()) {
			key = 31 * key + c;
		}
		return key;
	}

}
