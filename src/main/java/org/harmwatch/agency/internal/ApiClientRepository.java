package org.harmwatch.agency.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface ApiClientRepository extends ListCrudRepository<ApiClient, UUID> {

	Optional<ApiClient> findByTokenHash(String tokenHash);

	List<ApiClient> findAllByOrderByCreatedAtDesc();

	/**
	 * Notes use at most every five minutes, so busy clients do not write on every call.
	 */
	@Modifying
	@Query("UPDATE agency.api_client SET last_used_at = now() WHERE id = :id "
			+ "AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')")
	void touch(@Param("id") UUID id);

}
