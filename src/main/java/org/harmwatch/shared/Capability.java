package org.harmwatch.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * A part of the programme a role can be granted actions on; one per module that holds
 * data.
 *
 * <p>
 * Each capability holds records for some purposes only: the platform's own records
 * (accounts, roles, the audit log) for {@link Purpose#ADMINISTRATION}, reference data
 * that is published (areas, the substance vocabulary) for {@link Purpose#PUBLIC}, and
 * case records for the purposes of the data they hold. A grant names one of them.
 */
public enum Capability {

	AGENCY(Purpose.ADMINISTRATION), AUDIT(Purpose.ADMINISTRATION), GEOGRAPHY(Purpose.PUBLIC),
	SUBSTANCES(Purpose.PUBLIC), EARLY_WARNING(CaseRecords.PURPOSES), DRUG_CHECKING(CaseRecords.PURPOSES),
	ANALYTICS(CaseRecords.PURPOSES), OVERDOSE(CaseRecords.PURPOSES), NALOXONE(CaseRecords.PURPOSES),
	DIVERSION(CaseRecords.PURPOSES), CUSTODY_TESTING(CaseRecords.PURPOSES), HAT_CLINIC(CaseRecords.PURPOSES),
	CONSUMPTION_ROOMS(CaseRecords.PURPOSES), PROCEEDS(CaseRecords.PURPOSES), PROGRAMME(CaseRecords.PURPOSES);

	private final Set<Purpose> purposes;

	Capability(Purpose... purposes) {
		this.purposes = Set.copyOf(EnumSet.of(purposes[0], purposes));
	}

	/** The purposes a grant on this capability may name. */
	public Set<Purpose> purposes() {
		return purposes;
	}

	private static final class CaseRecords {

		static final Purpose[] PURPOSES = { Purpose.HEALTH, Purpose.POLICING, Purpose.PUBLIC_HEALTH_INTELLIGENCE,
				Purpose.PUBLIC };

	}

}
