package org.harmwatch.earlywarning.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@link Signal} aggregates (their decisions), for writes. Reads for pages go through
 * {@link SignalReadRepository}.
 */
public interface SignalRepository extends ListCrudRepository<Signal, UUID> {

	/**
	 * The signal, locked until the transaction ends: decisions and outcomes on one signal
	 * go one at a time.
	 */
	@Query("SELECT * FROM earlywarning.signal WHERE id = :id FOR UPDATE")
	Optional<Signal> findLockedById(UUID id);

	/**
	 * The signal, held (shared) until the transaction ends, so that its outcome cannot be
	 * recorded meanwhile.
	 */
	@Query("SELECT * FROM earlywarning.signal WHERE id = :id FOR SHARE")
	Optional<Signal> findHeldById(UUID id);

}
