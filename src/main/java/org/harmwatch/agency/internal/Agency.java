package org.harmwatch.agency.internal;

import java.util.UUID;

import org.harmwatch.agency.AgencySummary;
import org.harmwatch.shared.AgencyType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation taking part in the programme.
 */
@Table(schema = "agency", name = "agency")
public class Agency {

	@Id
	private final UUID id;

	private final String code;

	private String name;

	private AgencyType type;

	private boolean active;

	@Version
	private @Nullable Integer version;

	@PersistenceCreator
	Agency(UUID id, String code, String name, AgencyType type, boolean active, @Nullable Integer version) {
		this.id = id;
		this.code = code;
		this.name = name;
		this.type = type;
		this.active = active;
		this.version = version;
	}

	public static Agency create(String code, String name, AgencyType type) {
		return new Agency(UUID.randomUUID(), code, name, type, true, null);
	}

	public void change(String name, AgencyType type, boolean active) {
		this.name = name;
		this.type = type;
		this.active = active;
	}

	public AgencySummary summary() {
		return new AgencySummary(code, name, type, active);
	}

	public UUID id() {
		return id;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public AgencyType type() {
		return type;
	}

	public boolean active() {
		return active;
	}

	public @Nullable Integer version() {
		return version;
	}

}
