package org.harmwatch.naloxone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a reader may see of the kit ledger: stock per holder and batch, kits about to
 * expire, open reissue tasks and, for health staff only, recent supplies to people.
 *
 * @param holders the holders whose ledgers the reader may see
 * @param stock kits in stock, per holder and batch
 * @param expiring stock that expires within the warning period, soonest first
 * @param warningDays how many days ahead an expiry is warned of
 * @param tasks reissue tasks not yet done
 * @param supplies the latest supplies to people, or {@code null} when the reader may not
 * see them
 * @param training the latest training given, with when refreshers are due
 */
public record Ledger(List<Holder> holders, List<StockLine> stock, List<StockLine> expiring, int warningDays,
		List<ReissueTask> tasks, @Nullable List<Supply> supplies, List<Training> training) {

	public Ledger {
		holders = List.copyOf(holders);
		stock = List.copyOf(stock);
		expiring = List.copyOf(expiring);
		tasks = List.copyOf(tasks);
		supplies = supplies == null ? null : List.copyOf(supplies);
		training = List.copyOf(training);
	}

	/**
	 * Training given: how many people of which group, by whom, and when a refresher is
	 * due.
	 *
	 * @param trainedOn the day
	 * @param trainer who trained them
	 * @param group who was trained
	 * @param people how many
	 * @param refresherDue when their refresher is due
	 */
	public record Training(LocalDate trainedOn, String trainer, TraineeGroup group, int people,
			LocalDate refresherDue) {

	}

	/**
	 * Kits of one batch in one holder's stock.
	 *
	 * @param holderId the holder
	 * @param holderName its name
	 * @param productCode the product
	 * @param batchNumber the batch
	 * @param expiresOn when the batch expires
	 * @param kits kits in stock, more than 0
	 */
	public record StockLine(UUID holderId, String holderName, String productCode, String batchNumber,
			LocalDate expiresOn, long kits) {

	}

	/**
	 * A kit to reissue to a holder whose kit was used at an overdose.
	 *
	 * @param id the task's id
	 * @param holderAgencyCode the agency whose kit was used
	 * @param holderName the holder in the ledger, if it is there
	 * @param givenBy who gave the naloxone (police, paramedic, staff)
	 * @param doses doses given from the holder's kits
	 * @param occurredAt when the overdose happened
	 */
	public record ReissueTask(UUID id, String holderAgencyCode, @Nullable String holderName, String givenBy, int doses,
			Instant occurredAt) {

	}

	/**
	 * Kits supplied to a person.
	 *
	 * @param happenedOn the day
	 * @param holderName the holder that supplied them
	 * @param productCode the product
	 * @param kits how many kits
	 * @param clientCode the person's pseudonymous client code, if recorded
	 * @param supplyType first supply or resupply
	 * @param reason why a resupply was needed
	 * @param releasePoint the point of risk, if any
	 */
	public record Supply(LocalDate happenedOn, String holderName, String productCode, int kits,
			@Nullable String clientCode, @Nullable SupplyType supplyType, @Nullable KitReason reason,
			@Nullable ReleasePoint releasePoint) {

	}

}
