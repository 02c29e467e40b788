package org.harmwatch.drugchecking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.harmwatch.drugchecking.LicenceCondition;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A checking session: the aggregate written when a session is planned. Its rules: the
 * names and staff are stored stripped, the last day is not before the first, and the
 * licence conditions are kept once each, in a fixed order. Reads go through
 * {@link SessionViewRepository}.
 */
@Table(schema = "drugchecking", name = "session")
public class CheckingSession {

	@Id
	private final UUID id;

	private final UUID siteId;

	private final String name;

	private final LocalDate startsOn;

	private final LocalDate endsOn;

	private final String staff;

	private final List<String> conditions;

	private final Instant createdAt;

	private final String createdBy;

	private final String ownerAgency;

	@Version
	private @Nullable Integer lockVersion;

	@PersistenceCreator
	CheckingSession(UUID id, UUID siteId, String name, LocalDate startsOn, LocalDate endsOn, String staff,
			List<String> conditions, Instant createdAt, String createdBy, String ownerAgency,
			@Nullable Integer lockVersion) {
		this.id = id;
		this.siteId = siteId;
		this.name = name;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.staff = staff;
		this.conditions = List.copyOf(conditions);
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.ownerAgency = ownerAgency;
		this.lockVersion = lockVersion;
	}

	/**
	 * A new session at a site, owned by the agency that runs it.
	 * @throws IllegalArgumentException when a name or the staff is blank, or the last day
	 * is before the first
	 */
	public static CheckingSession plan(UUID siteId, String name, LocalDate startsOn, LocalDate endsOn, String staff,
			Collection<LicenceCondition> conditions, Instant createdAt, String createdBy, String ownerAgency) {
		if (name.isBlank() || staff.isBlank() || ownerAgency.isBlank()) {
			throw new IllegalArgumentException("A session needs a name, staff on duty and an owner agency");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new IllegalArgumentException("A session cannot end before it starts");
		}
		var names = conditions.stream().distinct().sorted().map(Enum::name).toList();
		return new CheckingSession(UUID.randomUUID(), siteId, name.strip(), startsOn, endsOn, staff.strip(), names,
				createdAt, createdBy, ownerAgency, null);
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public LocalDate startsOn() {
		return startsOn;
	}

	public LocalDate endsOn() {
		return endsOn;
	}

	public String staff() {
		return staff;
	}

	public String ownerAgency() {
		return ownerAgency;
	}

	/** The licence conditions, in their declared order. */
	public List<LicenceCondition> conditions() {
		return conditions.stream().map(LicenceCondition::valueOf).toList();
	}

	public boolean has(LicenceCondition condition) {
		return conditions.contains(condition.name());
	}

}
