package org.harmwatch.agency.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface RoleRepository extends ListCrudRepository<Role, UUID> {

	Optional<Role> findByName(String name);

	List<Role> findAllByOrderByTitle();

}
