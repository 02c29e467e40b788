package org.harmwatch.earlywarning;

import org.springframework.modulith.NamedInterface;

/**
 * Who or what a report comes from.
 */
@NamedInterface("events")
public enum SourceType {

	DRUG_SERVICE, EMERGENCY_DEPARTMENT, AMBULANCE, POLICE_SEIZURE, CUSTODY, PRISON, CORONER, DRUG_CHECKING,
	CONSUMPTION_ROOM, MEMBER_OF_PUBLIC

}
