package org.harmwatch.overdose;

import org.springframework.modulith.NamedInterface;

/** How naloxone was given. */
@NamedInterface("events")
public enum NaloxoneRoute {

	/** Nasal spray. */
	NASAL,
	/** Injected into a muscle. */
	INJECTED

}
