package org.harmwatch.drugchecking.internal;

import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

/**
 * Stores {@link CheckingSession} aggregates; reads for pages go through
 * {@link SessionViewRepository}.
 */
public interface CheckingSessionRepository extends CrudRepository<CheckingSession, UUID> {

}
