package org.harmwatch.drugchecking.internal;

import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

/**
 * Stores {@link Result} versions with their components; reads go through
 * {@link ResultVersionRepository}.
 */
public interface ResultRepository extends CrudRepository<Result, UUID> {

}
