package org.harmwatch.custodytesting.internal;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.custodytesting.CustodySuite;
import org.harmwatch.custodytesting.internal.CustodyRepository.StoredArrest;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.GeographyManagement;
import org.springframework.stereotype.Component;

/**
 * The names custody records are shown with: an arrest's suite, a district's and an
 * agency's name (the code when there is no name). Shared by the custody services so the
 * police side and the treatment team's side name things alike.
 */
@Component
public class CustodyNames {

	private final CustodyRepository repository;

	private final AgencyManagement agencies;

	private final GeographyManagement geography;

	CustodyNames(CustodyRepository repository, AgencyManagement agencies, GeographyManagement geography) {
		this.repository = repository;
		this.agencies = agencies;
		this.geography = geography;
	}

	/** The suite an arrest was recorded at. */
	public CustodySuite suiteOf(StoredArrest arrest) {
		return repository.suite(arrest.suiteCode()).orElseThrow();
	}

	/** A district's name, or its code when the geography has none. */
	public String districtName(String code) {
		return geography.area(code).map(Area::name).orElse(code);
	}

	/** An agency's name, or its code when there is no such agency. */
	public String agencyName(String code) {
		return agencies.agency(code).map(AgencySummary::name).orElse(code);
	}

}
