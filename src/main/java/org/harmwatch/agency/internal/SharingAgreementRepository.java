package org.harmwatch.agency.internal;

import java.util.List;
import java.util.UUID;

import org.harmwatch.shared.Capability;
import org.springframework.data.repository.ListCrudRepository;

public interface SharingAgreementRepository extends ListCrudRepository<SharingAgreement, UUID> {

	List<SharingAgreement> findByRecipientAndCapability(UUID recipient, Capability capability);

	List<SharingAgreement> findAllByOrderByCreatedAtDesc();

}
