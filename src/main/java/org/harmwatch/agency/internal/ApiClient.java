package org.harmwatch.agency.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.shared.Grant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A partner system that calls the API with a token, on behalf of one agency and limited
 * to its grants.
 *
 * <p>
 * Only the SHA-256 of the token is kept; the token itself is shown once, when it is
 * issued.
 */
@Table(schema = "agency", name = "api_client")
public class ApiClient {

	@Id
	private final UUID id;

	private final String name;

	private final AggregateReference<Agency, UUID> agency;

	private final String tokenHash;

	private final String tokenPrefix;

	private final String createdBy;

	private final Instant createdAt;

	private @Nullable Instant revokedAt;

	private @Nullable Instant lastUsedAt;

	@MappedCollection(idColumn = "api_client")
	private Set<ApiClientGrant> grants;

	@Version
	private @Nullable Integer version;

	@PersistenceCreator
	ApiClient(UUID id, String name, AggregateReference<Agency, UUID> agency, String tokenHash, String tokenPrefix,
			String createdBy, Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt,
			Set<ApiClientGrant> grants, @Nullable Integer version) {
		this.id = id;
		this.name = name;
		this.agency = agency;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.revokedAt = revokedAt;
		this.lastUsedAt = lastUsedAt;
		this.grants = new HashSet<>(grants);
		this.version = version;
	}

	public static ApiClient issue(String name, UUID agencyId, String tokenHash, String tokenPrefix,
			Collection<Grant> grants, String createdBy, Instant now) {
		return new ApiClient(UUID.randomUUID(), name, AggregateReference.to(agencyId), tokenHash, tokenPrefix,
				createdBy, now, null, null,
				grants.stream().map(ApiClientGrant::of).collect(Collectors.toCollection(HashSet::new)), null);
	}

	public void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	public boolean revoked() {
		return revokedAt != null;
	}

	public Set<Grant> grants() {
		return grants.stream().map(ApiClientGrant::grant).collect(Collectors.toSet());
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public UUID agencyId() {
		return agency.getId();
	}

	public String tokenPrefix() {
		return tokenPrefix;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant revokedAt() {
		return revokedAt;
	}

	public @Nullable Instant lastUsedAt() {
		return lastUsedAt;
	}

}
