package org.harmwatch.diversion;

import java.util.List;
import java.util.UUID;

/**
 * A trial's allocation list as recorded, each entry drawn again from the seed to show
 * that it reproduces, and the balance of the arms in each stratum.
 */
public record AllocationList(Scheme scheme, List<Entry> entries, List<StratumBalance> balance) {

	/**
	 * One allocation: the stratum, its position in that stratum's list, the arm recorded
	 * and the arm drawn again.
	 */
	public record Entry(UUID referralId, String custodyReference, OffenceGroup stratum, int position, Arm recorded,
			Arm redrawn) {

		/** Whether drawing again from the seed gives the arm recorded. */
		public boolean reproduces() {
			return recorded == redrawn;
		}

	}

	/** How many of a stratum went to each arm. */
	public record StratumBalance(OffenceGroup stratum, int diversion, int usualProcess) {

		/** Diversion minus usual process. */
		public int difference() {
			return diversion - usualProcess;
		}

	}

	/** Whether every entry reproduces from the seed. */
	public boolean reproduces() {
		return entries.stream().allMatch(Entry::reproduces);
	}

}
