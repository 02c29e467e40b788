package org.harmwatch.custodytesting;

import java.util.List;

/** One page of the referrals sent to a treatment team, unanswered first. */
public record TeamReferralPage(List<TeamReferral> referrals, int page, int pageSize, long total) {

	public TeamReferralPage {
		referrals = List.copyOf(referrals);
	}

	/** How many pages there are; at least one. */
	public int pages() {
		return (int) Math.max(1, (total + pageSize - 1) / pageSize);
	}

}
