package org.harmwatch.agency.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.shared.AgencyType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface AgencyRepository extends ListCrudRepository<Agency, UUID>, PagingAndSortingRepository<Agency, UUID> {

	Optional<Agency> findByCode(String code);

	Page<Agency> findByType(AgencyType type, Pageable pageable);

	List<Agency> findAllByOrderByName();

}
