package org.harmwatch.diversion;

import java.util.List;

/** One page of referrals, newest first. */
public record CasePage(List<Referral> referrals, int page, int pageSize, long total) {

	public CasePage {
		referrals = List.copyOf(referrals);
	}

	/** How many pages there are (at least one). */
	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
