package org.harmwatch.agency.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface StaffRepository extends ListCrudRepository<Staff, UUID> {

	@Query("SELECT * FROM agency.staff WHERE lower(username) = lower(:username)")
	Optional<Staff> findByUsernameIgnoringCase(@Param("username") String username);

	@Query("SELECT * FROM agency.staff WHERE lower(email) = lower(:email)")
	Optional<Staff> findByEmailIgnoringCase(@Param("email") String email);

	@Query("SELECT count(*) FROM agency.staff WHERE agency = :agency")
	long countByAgency(@Param("agency") UUID agency);

}
