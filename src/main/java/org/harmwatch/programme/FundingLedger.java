package org.harmwatch.programme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One financial year of the funding ledger as a reader may see it: the streams, the
 * services and the allocations between them, of the reader's agency and of agencies
 * sharing theirs.
 */
public record FundingLedger(FinancialYear year, List<Stream> streams, List<Service> services,
		List<Allocation> allocations) {

	/**
	 * A funding stream and its year.
	 *
	 * @param pence what it brings in this year, or {@code null} if not recorded
	 * @param allocatedPence what is allocated to services from this year
	 */
	public record Stream(UUID id, String ownerAgency, String name, FundingStreamKind kind, String funder,
			@Nullable Long pence, long allocatedPence) {

		/** What is left to allocate this year (zero when the amount is not recorded). */
		public long unallocatedPence() {
			return pence == null ? 0 : pence - allocatedPence;
		}

	}

	/** A funded service and what it is allocated this year. */
	public record Service(UUID id, String ownerAgency, String name, FundedServiceKind kind, String districtCode,
			String districtName, String provider, long allocatedPence) {
	}

	/** One allocation of this year. */
	public record Allocation(UUID id, UUID streamId, String streamName, UUID serviceId, String serviceName, long pence,
			String recordedBy, Instant recordedAt) {
	}

	/** Everything the streams bring in this year. */
	public long totalPence() {
		return streams.stream().mapToLong(s -> s.pence() == null ? 0 : s.pence()).sum();
	}

	/** Everything allocated this year. */
	public long allocatedPence() {
		return streams.stream().mapToLong(Stream::allocatedPence).sum();
	}

}
