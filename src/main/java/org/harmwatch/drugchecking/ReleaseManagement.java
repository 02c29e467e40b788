package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.drugchecking.internal.ConsultationRepository;
import org.harmwatch.drugchecking.internal.DrugCheckingAudit;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.FindingRepository;
import org.harmwatch.drugchecking.internal.ResultVersionRepository;
import org.harmwatch.drugchecking.internal.SampleCodes;
import org.harmwatch.drugchecking.internal.SampleRepository;
import org.harmwatch.drugchecking.internal.SessionOwnership;
import org.harmwatch.drugchecking.internal.SessionViewRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * <strong>Results leave this module only through {@link Release}</strong>, made here:
 * {@link #release}, {@link #releases}, {@link #exportCsv}, {@link #lookup},
 * {@link #boardReleases} (the public board) and {@link #releasesBetween} (statistics);
 * each applies the session's licence conditions for the reader's {@link Audience} in one
 * place, {@link #withheld}. Pages, exports and the API all go through them, so a
 * condition is enforced, not merely displayed.
 */
@Service
public class ReleaseManagement {

	/** What stands in for a sample's code for readers who may not have it. */
	public static final String WITHHELD_CODE = "(withheld)";

	private final SampleManagement samples;

	private final SessionManagement sessions;

	private final SampleRepository sampleRows;

	private final SessionViewRepository sessionViews;

	private final ResultVersionRepository versions;

	private final ConsultationRepository consultations;

	private final FindingRepository findings;

	private final SessionOwnership ownership;

	private final AuditLog audit;

	ReleaseManagement(SampleManagement samples, SessionManagement sessions, SampleRepository sampleRows,
			SessionViewRepository sessionViews, ResultVersionRepository versions, ConsultationRepository consultations,
			FindingRepository findings, SessionOwnership ownership, AuditLog audit) {
		this.samples = samples;
		this.sessions = sessions;
		this.sampleRows = sampleRows;
		this.sessionViews = sessionViews;
		this.versions = versions;
		this.consultations = consultations;
		this.findings = findings;
		this.ownership = ownership;
		this.audit = audit;
	}

	/**
	 * Who a signed-in reader is for the licence conditions:
	 * {@link DrugCheckingPolicy#audienceOf}.
	 * @throws AccessDeniedException when the reader may not read drug-checking records at
	 * all
	 */
	public static Audience audienceOf(HarmwatchUser reader) {
		return DrugCheckingPolicy.audienceOf(reader);
	}

	/**
	 * Why the licence conditions withhold the sample's results from the audience:
	 * {@link DrugCheckingPolicy#withheld}.
	 */
	public static @Nullable String withheld(Audience audience, SessionView session, SampleView sample) {
		return DrugCheckingPolicy.withheld(audience, session, sample);
	}

	/** Whether photographs of the session's samples may be published. */
	public static boolean photographsPublishable(SessionView session) {
		return !session.has(LicenceCondition.NO_PHOTOGRAPHS_PUBLISHED);
	}

	/**
	 * What a signed-in reader may see of a sample, its results and consultation under the
	 * session's licence conditions. Audited.
	 * @throws NotFoundException when there is no such sample, or the reader may not use
	 * it
	 */
	public Release release(UUID sampleId, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		var sample = samples.sample(sampleId, reader, Action.READ);
		var session = sessions.session(sample.sessionId()).orElseThrow();
		return releaseAll(List.of(new Taken(sample, session)), audience, true).get(0);
	}

	/** What a signed-in reader may see of each of a session's samples. */
	public List<Release> releases(UUID sessionId, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		var session = sessions.session(sessionId, reader, Action.READ);
		var list = releaseAll(samples.samples(sessionId).stream().map(s -> new Taken(s, session)).toList(), audience,
				false);
		boolean withheld = list.stream().anyMatch(Release::isWithheld);
		audit.record(
				withheld ? DrugCheckingAudit.DRUG_CHECK_RESULTS_WITHHELD : DrugCheckingAudit.DRUG_CHECK_RESULTS_VIEWED,
				"drug-checking-session", sessionId.toString(), Purpose.HEALTH,
				withheld ? AuditLog.Outcome.DENIED : AuditLog.Outcome.ALLOWED, audience.name());
		return list;
	}

	private record Taken(SampleView sample, SessionView session) {
	}

	/**
	 * The releases of the samples for the audience, in their order: the results of every
	 * sample not withheld are read in one query, their consultations in another.
	 */
	private List<Release> releaseAll(List<Taken> taken, Audience audience, boolean auditEach) {
		var shown = taken.stream()
			.filter(t -> withheld(audience, t.session(), t.sample()) == null)
			.map(t -> t.sample().id())
			.toList();
		var results = versions.ofSamples(shown);
		var advice = DrugCheckingPolicy.seesConsultation(audience) ? consultations.ofSamples(shown)
				: Map.<UUID, Consultation>of();
		return taken.stream().map(t -> release(t, audience, auditEach, results, advice)).toList();
	}

	private Release release(Taken taken, Audience audience, boolean auditIt, Map<UUID, List<ResultVersion>> results,
			Map<UUID, Consultation> advice) {
		var sample = taken.sample();
		var session = taken.session();
		var reason = withheld(audience, session, sample);
		if (auditIt && audience != Audience.PUBLIC_LOOKUP) {
			audit.record(
					reason == null ? DrugCheckingAudit.DRUG_CHECK_RESULT_VIEWED
							: DrugCheckingAudit.DRUG_CHECK_RESULT_WITHHELD,
					"drug-checking-sample", sample.id().toString(), Purpose.HEALTH,
					reason == null ? AuditLog.Outcome.ALLOWED : AuditLog.Outcome.DENIED, audience.name());
		}
		// The code opens the public lookup: only those the policy lets see it get it
		// (DrugCheckingPolicy#seesCode).
		var shown = DrugCheckingPolicy.seesCode(audience) || audience == Audience.PUBLIC_LOOKUP
				|| audience == Audience.PUBLIC_BOARD ? sample : withoutCode(sample);
		if (reason != null) {
			return new Release(shown, session, audience, List.of(), null, reason);
		}
		var list = results.getOrDefault(sample.id(), List.of());
		if (!DrugCheckingPolicy.seesLaboratoryDetail(audience)) {
			list = list.stream().map(ReleaseManagement::withoutLaboratoryDetail).toList();
		}
		var consultation = DrugCheckingPolicy.seesConsultation(audience) ? advice.get(sample.id()) : null;
		return new Release(shown, session, audience, list, consultation, null);
	}

	private static ResultVersion withoutLaboratoryDetail(ResultVersion v) {
		return new ResultVersion(v.id(), v.version(), v.confirmed(), v.flags(), v.reasons(), null, "", v.recordedAt(),
				v.components(), List.of());
	}

	/**
	 * The sample as shown to a reader who may not have its code (it opens the public
	 * lookup).
	 */
	private static SampleView withoutCode(SampleView s) {
		return new SampleView(s.id(), s.clientId(), WITHHELD_CODE, s.sessionId(), s.mode(), s.soldAs(), s.soldAsCode(),
				s.form(), s.pillColour(), s.pillLogo(), s.pillShape(), s.pillScoreLine(), s.pillWeightMg(),
				s.obtainedLadCode(), s.intendedDose(), s.consent(), s.ageBand(), s.takenAt(), "");
	}

	/**
	 * The current confirmed results the public board may show, of samples taken in within
	 * {@code [from, to)}: each sample through {@link #withheld} for
	 * {@link Audience#PUBLIC_BOARD}, and only the current version, without the analyst,
	 * notes, spectra or consultation. Unconfirmed (on-site, not yet checked) results are
	 * not published.
	 */
	public List<Release> boardReleases(Instant from, Instant to) {
		return releaseAll(between(from, to), Audience.PUBLIC_BOARD, false).stream()
			.filter(ReleaseManagement::shownOnBoard)
			.map(r -> {
				var c = r.current();
				var shown = new ResultVersion(c.id(), c.version(), c.confirmed(), c.flags(), List.of(), null, "",
						c.recordedAt(), c.components(), List.of());
				return new Release(r.sample(), r.session(), Audience.PUBLIC_BOARD, List.of(shown), null, null);
			})
			.toList();
	}

	/**
	 * Whether the sample is on the public board, as {@link #boardReleases} decides: not
	 * {@link #withheld} for {@link Audience#PUBLIC_BOARD} and with a confirmed current
	 * result. False when there is no such sample.
	 */
	public boolean onBoard(UUID sampleId) {
		return samples.sample(sampleId)
			.map(s -> shownOnBoard(releaseAll(List.of(new Taken(s, sessions.session(s.sessionId()).orElseThrow())),
					Audience.PUBLIC_BOARD, false)
				.get(0)))
			.orElse(false);
	}

	private static boolean shownOnBoard(Release r) {
		return !r.isWithheld() && r.current() != null && r.current().confirmed();
	}

	/**
	 * What a signed-in reader may see of every sample taken in within {@code [from, to)},
	 * for statistics: each through {@link #withheld} for the reader's audience. Audited
	 * once.
	 */
	public List<Release> releasesBetween(Instant from, Instant to, HarmwatchUser reader) {
		return releasesBetween(from, to, reader, from);
	}

	/**
	 * As {@link #releasesBetween(Instant, Instant, HarmwatchUser)}, audited as a read
	 * from {@code readFrom}: statistics also read, of the time before the period, which
	 * substances were found ({@link #foundBefore}).
	 */
	List<Release> releasesBetween(Instant from, Instant to, HarmwatchUser reader, Instant readFrom) {
		var audience = audienceOf(reader);
		var owners = ownership.readableOwners(reader);
		var list = releaseAll(
				between(from, to).stream().filter(t -> owners.contains(t.session().ownerAgency())).toList(), audience,
				false);
		audit.record(DrugCheckingAudit.DRUG_CHECK_STATISTICS_VIEWED, "drug-checking-statistics", readFrom + "/" + to,
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, audience.name());
		return list;
	}

	/**
	 * The components of current results the reader may see of samples taken in before
	 * {@code before}: what statistics need to tell a substance new in a period, without
	 * every release since the epoch. The same rules as {@link #releasesBetween}.
	 */
	List<FindingRepository.Finding> foundBefore(Instant before, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		return findings.before(before, ownership.readableOwners(reader))
			.stream()
			.filter(f -> DrugCheckingPolicy.withheld(audience, f.conditions(), f.mode(), f.ageBand()) == null)
			.toList();
	}

	private List<Taken> between(Instant from, Instant to) {
		var byId = new HashMap<UUID, SessionView>();
		sessionViews.withSamplesTakenBetween(from, to).forEach(s -> byId.put(s.id(), s));
		return sampleRows.takenBetween(from, to).stream().map(s -> new Taken(s, byId.get(s.sessionId()))).toList();
	}

	/**
	 * The person's own result by its code, for the public lookup: the current result and
	 * the advice given, within the licence conditions. Empty when the code is unknown,
	 * when there is no result yet, and when the conditions withhold it, alike: the caller
	 * cannot tell these apart, so guessing reveals nothing about other codes.
	 */
	public Optional<Release> lookup(String code) {
		return lookup(code, null);
	}

	/**
	 * As {@link #lookup(String)}, asked by a signed-in {@code reader} when there is one:
	 * a reader whose agency is law enforcement gets nothing of a session whose licence is
	 * {@link LicenceCondition#NOT_FOR_LAW_ENFORCEMENT}, exactly as for an unknown code.
	 */
	public Optional<Release> lookup(String code, @Nullable HarmwatchUser reader) {
		if (code == null || code.isBlank() || code.length() > 40) {
			return Optional.empty();
		}
		var sample = sampleRows.findByCode(SampleCodes.normalise(code));
		if (sample.isEmpty()) {
			return Optional.empty();
		}
		var session = sessions.session(sample.get().sessionId()).orElseThrow();
		if (reader != null && reader.lawEnforcement()
				&& withheld(Audience.LAW_ENFORCEMENT, session, sample.get()) != null) {
			audit.record(DrugCheckingAudit.DRUG_CHECK_RESULT_WITHHELD, "drug-checking-sample",
					sample.get().id().toString(), Purpose.HEALTH, AuditLog.Outcome.DENIED, "public lookup");
			return Optional.empty();
		}
		var release = releaseAll(List.of(new Taken(sample.get(), session)), Audience.PUBLIC_LOOKUP, false).get(0);
		if (release.isWithheld() || release.current() == null) {
			return Optional.empty();
		}
		// A release of a result and its advice to whoever holds the code: audited, with
		// nothing about who asked.
		audit.recordFor("public", null, DrugCheckingAudit.DRUG_CHECK_RESULT_LOOKED_UP, "drug-checking-sample",
				sample.get().id().toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
		// Only the current result: earlier versions and analysts' notes stay with the
		// service.
		var current = release.current();
		var shown = new ResultVersion(current.id(), current.version(), current.confirmed(), current.flags(),
				current.reasons(), null, "", current.recordedAt(), current.components(), List.of());
		return Optional.of(new Release(release.sample(), session, Audience.PUBLIC_LOOKUP, List.of(shown),
				release.consultation(), null));
	}

	/**
	 * Writes a session's results as CSV, one row per component of each current result the
	 * reader may see.
	 */
	public void exportCsv(UUID sessionId, HarmwatchUser reader, Appendable out) {
		var list = releases(sessionId, reader);
		audit.record(DrugCheckingAudit.DRUG_CHECK_RESULTS_EXPORTED, "drug-checking-session", sessionId.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED,
				list.stream().filter(r -> !r.isWithheld()).count() + " samples as CSV");
		var csv = new CsvWriter(out);
		csv.row("code", "mode", "sold_as", "form", "version", "confirmed", "flags", "component", "substance_code",
				"quantity", "method", "confidence");
		for (var r : list) {
			var current = r.current();
			if (r.isWithheld() || current == null) {
				continue;
			}
			for (var c : current.components()) {
				csv.row(r.sample().code(), r.sample().mode().name(), r.sample().soldAs(), r.sample().form().name(),
						current.version(), current.confirmed(),
						current.flags().stream().map(Enum::name).collect(Collectors.joining(" ")), c.text(),
						c.substanceCode(), c.amount(), c.method().name(), c.confidence().name());
			}
		}
	}

}
