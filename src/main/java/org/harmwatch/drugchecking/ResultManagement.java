package org.harmwatch.drugchecking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.drugchecking.internal.Advice;
import org.harmwatch.drugchecking.internal.ConsultationRepository;
import org.harmwatch.drugchecking.internal.DraftChecks;
import org.harmwatch.drugchecking.internal.DrugCheckingAudit;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.Flagging;
import org.harmwatch.drugchecking.internal.Jcamp;
import org.harmwatch.drugchecking.internal.Result;
import org.harmwatch.drugchecking.internal.ResultRepository;
import org.harmwatch.drugchecking.internal.ResultVersionRepository;
import org.harmwatch.drugchecking.internal.SampleRepository;
import org.harmwatch.drugchecking.internal.SubstanceMatching;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analyst's work on a sample: versioned results with their flags, spectra, and the
 * consultation (the advice given and what the person chose to do). A confirmed result
 * that raises a flag publishes {@link DangerousSampleFound}.
 */
@Service
public class ResultManagement {

	private final SampleManagement samples;

	private final SessionManagement sessions;

	private final ReleaseManagement releases;

	private final SampleRepository sampleRows;

	private final ResultRepository results;

	private final ResultVersionRepository versions;

	private final ConsultationRepository consultations;

	private final DraftChecks checks;

	private final SubstanceMatching matching;

	private final Flagging flagging;

	private final Advice advice;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	ResultManagement(SampleManagement samples, SessionManagement sessions, ReleaseManagement releases,
			SampleRepository sampleRows, ResultRepository results, ResultVersionRepository versions,
			ConsultationRepository consultations, DraftChecks checks, SubstanceMatching matching, Flagging flagging,
			Advice advice, AuditLog audit, ApplicationEventPublisher events) {
		this.samples = samples;
		this.sessions = sessions;
		this.releases = releases;
		this.sampleRows = sampleRows;
		this.results = results;
		this.versions = versions;
		this.consultations = consultations;
		this.checks = checks;
		this.matching = matching;
		this.flagging = flagging;
		this.advice = advice;
		this.audit = audit;
		this.events = events;
	}

	/** What is wrong with a result draft; empty when it can be recorded. */
	public List<FieldProblem> check(ResultDraft draft) {
		return checks.check(draft);
	}

	/**
	 * Records the sample's next result version, keeping the earlier ones as history. A
	 * confirmed version is assessed for flags; when it raises any,
	 * {@link DangerousSampleFound} is published (once: each version is recorded once).
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public ResultVersion recordResult(UUID sampleId, ResultDraft draft, String analyst, Instant now) {
		return record(sampleId, draft, analyst, now, true);
	}

	/**
	 * Records a result that is history, not news (e.g. a partner lab's, imported from
	 * CSV): as {@link #recordResult}, but it publishes no {@link DangerousSampleFound}.
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public ResultVersion recordHistoricalResult(UUID sampleId, ResultDraft draft, String analyst, Instant at) {
		return record(sampleId, draft, analyst, at, false);
	}

	/**
	 * Records the next version, publishing {@link DangerousSampleFound} only when
	 * {@code warn} (imported history is not news).
	 */
	private ResultVersion record(UUID sampleId, ResultDraft draft, String analyst, Instant now, boolean warn) {
		var sample = samples.sample(sampleId)
			.orElseThrow(() -> new NotFoundException("drugchecking.notFound.sample", sampleId));
		var problems = check(draft);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		sampleRows.lock(sampleId);
		var components = new ArrayList<ResultVersion.Component>();
		for (var c : draft.components()) {
			if (c != null && c.text() != null && !c.text().isBlank()) {
				components.add(Result.component(c, matching.resolve(c.text()).orElse(null)));
			}
		}
		var outcome = draft.confirmed()
				? flagging.assess(sample.soldAs(), matching.expectedCodes(sample.soldAs()), components)
				: new Flagging.Outcome(EnumSet.noneOf(ResultFlag.class), List.of(), List.of());
		var stored = results.save(Result.next(sampleId, versions.lastNumber(sampleId), draft.confirmed(), components,
				List.copyOf(outcome.flags()), outcome.reasons(), draft.notes(), analyst, now));
		var result = stored.view();
		if (warn && !result.flags().isEmpty()) {
			var session = sessions.session(sample.sessionId()).orElseThrow();
			var lad = sample.obtainedLadCode() != null ? sample.obtainedLadCode() : session.siteLadCode();
			events.publishEvent(new DangerousSampleFound(sampleId + "#v" + result.version(), session.siteName(), lad,
					sample.soldAs(), outcome.substanceCodes(), outcome.reasons(), result.methods(), now,
					Set.copyOf(result.flags())));
		}
		audit.recordFor(analyst, null, DrugCheckingAudit.DRUG_CHECK_RESULT_RECORDED, "drug-checking-sample",
				sampleId.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED, "version " + result.version());
		return result;
	}

	/**
	 * Attaches a JCAMP-DX spectrum to a result version.
	 * @throws InputRejectedException when the file is empty, too large or not JCAMP-DX
	 */
	@Transactional
	public ResultVersion.Spectrum attachSpectrum(UUID resultId, String filename, byte[] content, String by,
			Instant now) {
		if (!versions.exists(resultId)) {
			throw new NotFoundException("drugchecking.notFound.result", resultId);
		}
		var name = filename.replaceAll("[^A-Za-z0-9._-]", "_");
		var lower = name.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(".jdx") && !lower.endsWith(".dx")) {
			throw new InputRejectedException(FieldProblem.of("spectrum", "drugchecking.error.spectrum.required"));
		}
		if (content.length > Jcamp.MAX_BYTES) {
			throw new InputRejectedException(FieldProblem.of("spectrum", "drugchecking.error.spectrum.size"));
		}
		var title = Jcamp.title(content)
			.orElseThrow(() -> new InputRejectedException(
					FieldProblem.of("spectrum", "drugchecking.error.spectrum.format")));
		var shortTitle = title.length() > 200 ? title.substring(0, 200) : title;
		var id = versions.addSpectrum(resultId, name, shortTitle, content, now, by);
		return new ResultVersion.Spectrum(id, name, title);
	}

	/** A spectrum's file. */
	public record SpectrumFile(String filename, byte[] content) {
	}

	/** A spectrum file, if the reader may see the sample's results. */
	public Optional<SpectrumFile> spectrum(UUID spectrumId, HarmwatchUser reader) {
		var found = versions.spectrum(spectrumId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var release = releases.release(found.get().sampleId(), reader);
		if (release.isWithheld() || !DrugCheckingPolicy.seesLaboratoryDetail(release.audience())) {
			return Optional.empty();
		}
		return Optional.of(new SpectrumFile(found.get().filename(), found.get().content()));
	}

	/**
	 * Advice drafted from the sample's current result, for the analyst to edit; empty
	 * when there is no result.
	 */
	public Optional<String> draftAdvice(UUID sampleId) {
		return versions.ofSample(sampleId).stream().findFirst().map(advice::draft);
	}

	/**
	 * What is wrong with a consultation's advice and referral; empty when it can be
	 * recorded.
	 */
	public List<FieldProblem> checkConsultation(@Nullable String adviceGiven, @Nullable String referral) {
		return checks.checkConsultation(adviceGiven, referral);
	}

	/**
	 * Records the advice given and what the person chose to do; a second call replaces
	 * the first.
	 * @throws InputRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public void recordConsultation(UUID sampleId, @Nullable String adviceGiven, @Nullable Boolean disposed,
			@Nullable IntendedChange change, @Nullable String referral, String by, Instant now) {
		samples.sample(sampleId).orElseThrow(() -> new NotFoundException("drugchecking.notFound.sample", sampleId));
		var problems = checkConsultation(adviceGiven, referral);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		consultations.save(sampleId, adviceGiven.strip(), disposed, change,
				referral == null || referral.isBlank() ? null : referral.strip(), now, by);
		audit.recordFor(by, null, DrugCheckingAudit.DRUG_CHECK_CONSULTATION_RECORDED, "drug-checking-sample",
				sampleId.toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
	}

}
