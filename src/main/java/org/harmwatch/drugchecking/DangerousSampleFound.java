package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A checked sample held something dangerous: a high-potency opioid, an unexpected or
 * harmful adulterant, or far more of the expected drug than usual.
 *
 * <p>
 * It carries no person and no address: the session's site and the local authority
 * district where the sample was bought or handed in, as the service user chose to say.
 *
 * @param sampleId the service's id of the sample; listeners use it to stay idempotent
 * @param sessionSite the checking session's site, e.g. {@code Digbeth fixed site} or a
 * festival's name
 * @param ladCode the local authority district (ONS code) the sample is attributed to, if
 * known
 * @param soldAs what the sample was bought as (free text, e.g. {@code heroin})
 * @param substanceCodes substance codes found, as the substance vocabulary names them,
 * most dangerous first
 * @param reasons why it is dangerous, in words (e.g. {@code fentanyl found in heroin})
 * @param analysis how it was analysed, e.g. {@code FTIR}, {@code GC-MS},
 * {@code fentanyl test strip}
 * @param foundAt when the result was confirmed
 * @param flags what the result was flagged for (high strength opens a signal by a rule of
 * its own)
 */
@NamedInterface("events")
public record DangerousSampleFound(String sampleId, String sessionSite, @Nullable String ladCode, String soldAs,
		List<String> substanceCodes, List<String> reasons, String analysis, Instant foundAt, Set<ResultFlag> flags) {

	public DangerousSampleFound {
		substanceCodes = List.copyOf(substanceCodes);
		reasons = List.copyOf(reasons);
		flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
	}

	/** A sample found dangerous for the reasons given, without flags. */
	public DangerousSampleFound(String sampleId, String sessionSite, @Nullable String ladCode, String soldAs,
			List<String> substanceCodes, List<String> reasons, String analysis, Instant foundAt) {
		this(sampleId, sessionSite, ladCode, soldAs, substanceCodes, reasons, analysis, foundAt, Set.of());
	}

}
