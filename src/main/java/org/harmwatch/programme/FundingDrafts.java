package org.harmwatch.programme;

import java.util.UUID;

/**
 * What the funding ledger is asked to record, each checked by {@link FundingManagement}.
 */
public final class FundingDrafts {

	private FundingDrafts() {
	}

	/** A funding stream: its name in the recording agency's ledger, kind and funder. */
	public record Stream(String name, FundingStreamKind kind, String funder) {
	}

	/** What a stream brings in one financial year, in pence. */
	public record Amount(UUID streamId, int year, long pence) {
	}

	/** A service money pays for, in one local authority district. */
	public record Service(String name, FundedServiceKind kind, String districtCode, String provider) {
	}

	/** Money from a stream's year to a service, in pence. */
	public record Allocation(UUID streamId, UUID serviceId, int year, long pence) {
	}

}
