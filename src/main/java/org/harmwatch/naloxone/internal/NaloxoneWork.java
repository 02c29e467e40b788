package org.harmwatch.naloxone.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Action;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts of naloxone's work queue: open reissue tasks and kits about to expire, in
 * the ledgers of the given owners.
 */
@Component
public class NaloxoneWork {

	/** How far ahead refreshers due are counted, in days. */
	public static final int REFRESHER_WINDOW_DAYS = 30;

	private final NaloxoneOwnership ownership;

	private final RecordsRepository records;

	private final LedgerRepository ledger;

	private final NaloxoneProperties properties;

	private final RegionSettings region;

	NaloxoneWork(NaloxoneOwnership ownership, RecordsRepository records, LedgerRepository ledger,
			NaloxoneProperties properties, RegionSettings region) {
		this.ownership = ownership;
		this.records = records;
		this.ledger = ledger;
		this.properties = properties;
		this.region = region;
	}

	/** The agencies whose ledgers the user may use for the action. */
	public Set<String> owners(HarmwatchUser user, Action action) {
		return ownership.owners(user, action);
	}

	@Transactional(readOnly = true)
	public long openTasks(Set<String> owners) {
		return records.openTaskCount(owners);
	}

	/**
	 * People trained whose refresher falls due within the refresher window from today.
	 */
	@Transactional(readOnly = true)
	public long refreshersDue(Set<String> owners, Instant now) {
		var today = LocalDate.ofInstant(now, region.timeZone());
		return records.refreshersDue(owners, today, today.plusDays(REFRESHER_WINDOW_DAYS));
	}

	/** Kits in stock that expire within the warning period (or have expired). */
	@Transactional(readOnly = true)
	public long kitsExpiringSoon(Set<String> owners, Instant now) {
		var today = LocalDate.ofInstant(now, region.timeZone());
		return ledger.kitsExpiringBy(owners, today.plusDays(properties.expiryWarningDays()));
	}

}
