package org.harmwatch.earlywarning.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@link Alert} aggregates, with their messages and sign-offs; for writes. Reads for
 * pages and the API go through {@link AlertReadRepository}.
 */
public interface AlertRepository extends ListCrudRepository<Alert, UUID>, AlertReferences {

}
