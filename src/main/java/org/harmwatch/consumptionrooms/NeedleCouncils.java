package org.harmwatch.consumptionrooms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Optional;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencySummary;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsAudit;
import org.harmwatch.consumptionrooms.internal.ConsumptionRoomsPolicy;
import org.harmwatch.consumptionrooms.internal.NeedleRepository;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's set-up of needle reports: which council agency answers for each
 * district of the region, and its service level in hours. For the administrators who set
 * up agencies ({@code ConsumptionRoomsPolicy.setsUpCouncils}); each change is audited.
 *
 * <p>
 * A council is an active agency of a council type (public health or environmental
 * services). A district's reports not yet with a council go to the council set for it;
 * reports already received keep their council and the time they were given to answer, so
 * a new service level applies to reports received from then on.
 */
@Service
public class NeedleCouncils {

	/** The shortest service level, in hours. */
	public static final int MIN_HOURS = 1;

	/** The longest service level, in hours (90 days). */
	public static final int MAX_HOURS = 2160;

	/** The agency types that may answer for a district. */
	static final List<AgencyType> COUNCIL_TYPES = List.of(AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES,
			AgencyType.COUNCIL_PUBLIC_HEALTH);

	private final NeedleRepository repository;

	private final GeographyManagement geography;

	private final AgencyManagement agencies;

	private final AuditLog audit;

	private final Clock clock;

	NeedleCouncils(NeedleRepository repository, GeographyManagement geography, AgencyManagement agencies,
			AuditLog audit, Clock clock) {
		this.repository = repository;
		this.geography = geography;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A district of the region and who answers for it.
	 *
	 * @param agencyCode the council agency, or {@code null} while none is set
	 * @param agencyName its name (its code when it is no longer an agency)
	 * @param serviceLevelHours its service level, or {@code null} while none is set
	 */
	public record District(String ladCode, String ladName, @Nullable String agencyCode, @Nullable String agencyName,
			@Nullable Integer serviceLevelHours) {
	}

	/** An agency that may answer for a district. */
	public record Council(String code, String name) {
	}

	/**
	 * Every district of the region with its council and service level, in the order of
	 * their names.
	 * @throws AccessDeniedException when the user does not set up the programme (audited)
	 */
	@Transactional(readOnly = true)
	public List<District> districts(HarmwatchUser user) {
		refuseUnlessSetsUp(user);
		var names = new HashMap<String, String>();
		agencies.agencies().forEach(agency -> names.put(agency.code(), agency.name()));
		var set = new HashMap<String, NeedleRepository.Council>();
		repository.councils().forEach(council -> set.put(council.ladCode(), council));
		var result = new ArrayList<District>();
		for (var lad : geography.areas(AreaLevel.LAD)) {
			var council = set.get(lad.code());
			result.add(council == null ? new District(lad.code(), lad.name(), null, null, null)
					: new District(lad.code(), lad.name(), council.agencyCode(),
							names.getOrDefault(council.agencyCode(), council.agencyCode()),
							council.serviceLevelHours()));
		}
		result.sort(Comparator.comparing(District::ladName).thenComparing(District::ladCode));
		return List.copyOf(result);
	}

	/**
	 * The agencies that may answer for a district: active council agencies, by name.
	 * @throws AccessDeniedException when the user does not set up the programme (audited)
	 */
	@Transactional(readOnly = true)
	public List<Council> councils(HarmwatchUser user) {
		refuseUnlessSetsUp(user);
		return agencies.agencies()
			.stream()
			.filter(NeedleCouncils::mayAnswer)
			.map(agency -> new Council(agency.code(), agency.name()))
			.toList();
	}

	/**
	 * Sets the council that answers for a district and its service level (audited, with
	 * what it was before); nothing is written when both are as they were.
	 * @return whether anything changed
	 * @throws InputRejectedException naming each field that is wrong; nothing is changed
	 * @throws AccessDeniedException when the user does not set up the programme (audited)
	 */
	@Transactional
	public boolean change(String ladCode, String agencyCode, int serviceLevelHours, HarmwatchUser user) {
		refuseUnlessSetsUp(user);
		var problems = new ArrayList<FieldProblem>();
		var district = geography.area(ladCode).filter(area -> area.level() == AreaLevel.LAD);
		if (district.isEmpty()) {
			problems.add(FieldProblem.of("ladCode", "consumptionrooms.council.lad.unknown"));
		}
		Optional<AgencySummary> agency = agencies.agency(agencyCode).filter(NeedleCouncils::mayAnswer);
		if (agency.isEmpty()) {
			problems.add(FieldProblem.of("agencyCode", "consumptionrooms.council.agency.unknown"));
		}
		if (serviceLevelHours < MIN_HOURS || serviceLevelHours > MAX_HOURS) {
			problems.add(FieldProblem.of("serviceLevelHours", "consumptionrooms.council.hours.range", MAX_HOURS));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		var before = repository.council(ladCode);
		if (before.isPresent() && before.get().agencyCode().equals(agencyCode)
				&& before.get().serviceLevelHours() == serviceLevelHours) {
			return false;
		}
		repository.setCouncil(ladCode, agencyCode, serviceLevelHours, clock.instant(), user.getUsername());
		var was = before.map(c -> c.agencyCode() + " " + c.serviceLevelHours() + " h").orElse("none");
		audit.record(ConsumptionRoomsAudit.NEEDLE_COUNCIL_SET, "needle-council", ladCode, Purpose.ADMINISTRATION,
				AuditLog.Outcome.ALLOWED, was + " -> " + agencyCode + " " + serviceLevelHours + " h");
		return true;
	}

	private static boolean mayAnswer(AgencySummary agency) {
		return agency.active() && COUNCIL_TYPES.contains(agency.type());
	}

	private void refuseUnlessSetsUp(HarmwatchUser user) {
		if (!ConsumptionRoomsPolicy.setsUpCouncils(user)) {
			audit.record(ConsumptionRoomsAudit.NEEDLE_COUNCIL_REFUSED, "needle-council", null, null,
					AuditLog.Outcome.DENIED, "needs agency manage, outside law enforcement");
			throw new AccessDeniedException("No needle councils");
		}
	}

}
