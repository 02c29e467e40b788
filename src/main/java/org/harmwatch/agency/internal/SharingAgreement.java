package org.harmwatch.agency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A recorded data-sharing agreement: the owner agency lets the recipient agency read (or
 * read and change) its records of one capability, for one purpose, on a legal basis,
 * between two dates.
 *
 * <p>
 * Agreements are ended, never deleted: the audit log refers to them.
 */
@Table(schema = "agency", name = "sharing_agreement")
public class SharingAgreement {

	@Id
	private final UUID id;

	private final String reference;

	private final UUID owner;

	private final UUID recipient;

	private final Capability capability;

	private final Action access;

	private final Purpose purpose;

	private final String legalBasis;

	private final LocalDate startsOn;

	private @Nullable LocalDate endsOn;

	private final String createdBy;

	private final Instant createdAt;

	private @Nullable String endedBy;

	private @Nullable Instant endedAt;

	@Version
	private @Nullable Integer version;

	@PersistenceCreator
	SharingAgreement(UUID id, String reference, UUID owner, UUID recipient, Capability capability, Action access,
			Purpose purpose, String legalBasis, LocalDate startsOn, @Nullable LocalDate endsOn, String createdBy,
			Instant createdAt, @Nullable String endedBy, @Nullable Instant endedAt, @Nullable Integer version) {
		this.id = id;
		this.reference = reference;
		this.owner = owner;
		this.recipient = recipient;
		this.capability = capability;
		this.access = access;
		this.purpose = purpose;
		this.legalBasis = legalBasis;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.endedBy = endedBy;
		this.endedAt = endedAt;
		this.version = version;
	}

	/**
	 * A new agreement.
	 * @throws IllegalArgumentException when the access is neither read nor write, the
	 * agencies are the same, or the dates are the wrong way round
	 */
	public static SharingAgreement record(String reference, UUID owner, UUID recipient, Capability capability,
			Action access, Purpose purpose, String legalBasis, LocalDate startsOn, @Nullable LocalDate endsOn,
			String createdBy, Instant now) {
		if (access != Action.READ && access != Action.WRITE) {
			throw new IllegalArgumentException("An agreement shares records to read, or to read and change.");
		}
		if (owner.equals(recipient)) {
			throw new IllegalArgumentException("An agency needs no agreement to use its own records.");
		}
		if (endsOn != null && endsOn.isBefore(startsOn)) {
			throw new IllegalArgumentException("An agreement cannot end before it starts.");
		}
		return new SharingAgreement(UUID.randomUUID(), reference, owner, recipient, capability, access, purpose,
				legalBasis, startsOn, endsOn, createdBy, now, null, null, null);
	}

	/**
	 * Ends the agreement now: records shared under it are no longer open to the
	 * recipient.
	 */
	public void end(String by, Instant now) {
		if (endedAt == null) {
			this.endedBy = by;
			this.endedAt = now;
		}
	}

	/**
	 * Whether the agreement is in force on the day (not ended, within its dates) and
	 * allows the action: reading and exporting under either access, changing only under
	 * write. Managing and approving are never shared.
	 */
	public boolean allows(Action action, LocalDate day) {
		boolean inForce = endedAt == null && !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
		return inForce && switch (action) {
			case READ, EXPORT -> true;
			case WRITE -> access == Action.WRITE;
			case MANAGE, APPROVE -> false;
		};
	}

	public UUID id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public UUID owner() {
		return owner;
	}

	public UUID recipient() {
		return recipient;
	}

	public Capability capability() {
		return capability;
	}

	public Action access() {
		return access;
	}

	public Purpose purpose() {
		return purpose;
	}

	public String legalBasis() {
		return legalBasis;
	}

	public LocalDate startsOn() {
		return startsOn;
	}

	public @Nullable LocalDate endsOn() {
		return endsOn;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable String endedBy() {
		return endedBy;
	}

	public @Nullable Instant endedAt() {
		return endedAt;
	}

	public @Nullable Integer version() {
		return version;
	}

}
