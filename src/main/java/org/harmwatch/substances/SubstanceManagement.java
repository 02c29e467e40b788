package org.harmwatch.substances;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.substances.internal.RowProblem;
import org.harmwatch.substances.internal.SubstanceAudit;
import org.harmwatch.substances.internal.SubstanceCsv;
import org.harmwatch.substances.internal.SubstanceIndex;
import org.harmwatch.substances.internal.SubstanceIndexHolder;
import org.harmwatch.substances.internal.VocabularyRules;
import org.harmwatch.substances.internal.VocabularyWriter;
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;
import org.harmwatch.substances.internal.VocabularyRules.Plan;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The substance vocabulary: what other modules ask (resolve free text, suggest while
 * typing, look a substance up) and what coordinators change (pages, CSV import).
 *
 * <p>
 * Reads are answered from an in-memory index that follows the database's version row, so
 * they cost no query beyond a cheap version check at most once a second. Every change is
 * checked against the whole vocabulary, written under a lock, audited, bumps the version
 * and publishes {@link SubstanceVocabularyChanged}. CSV imports are
 * {@link SubstanceImports}.
 */
@Service
public class SubstanceManagement {

	/** Substances per page of the list. */
	public static final int PAGE_SIZE = 25;

	private final SubstanceIndexHolder index;

	private final VocabularyWriter writer;

	private final AuditLog audit;

	private final Clock clock;

	SubstanceManagement(SubstanceIndexHolder index, VocabularyWriter writer, AuditLog audit, Clock clock) {
		this.index = index;
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- For other modules

	/**
	 * The substance a free text means: its name, a synonym or street name (ignoring case,
	 * accents, spaces, punctuation and salt words), or a close misspelling of exactly one
	 * substance's name. Use it for what people type; an ambiguous street name resolves to
	 * its documented reading and lists the others.
	 */
	public Optional<Resolution> resolve(String text) {
		return index.current().resolve(text, true);
	}

	/**
	 * Like {@link #resolve(String)} but never corrects spelling: for laboratory results
	 * and imports, where a name one letter from a known one may be a different compound.
	 */
	public Optional<Resolution> resolveExactly(String text) {
		return index.current().resolve(text, false);
	}

	/**
	 * Substances for a type-ahead: names, synonyms and street names starting with or
	 * containing the text.
	 */
	public List<Suggestion> suggest(String prefix, int limit) {
		return index.current().suggest(prefix, Math.min(Math.max(limit, 0), 50));
	}

	/**
	 * The substances whose names come closest to a text, for "did you mean" when nothing
	 * resolved.
	 */
	public List<SubstanceSummary> closest(String text, int limit) {
		return index.current().closest(text, Math.min(Math.max(limit, 0), 50));
	}

	public Optional<SubstanceSummary> find(SubstanceId id) {
		return index.current().find(id).map(SubstanceDetails::summary);
	}

	/** Every substance, by name. */
	public List<SubstanceSummary> all() {
		return index.current().all().stream().map(SubstanceDetails::summary).toList();
	}

	/**
	 * The substance, what it is a kind of, what that is a kind of, and so on
	 * (para-fluorofentanyl … fentanyl).
	 */
	public List<SubstanceId> lineage(SubstanceId id) {
		return index.current().lineage(id);
	}

	/**
	 * Whether a substance is the other one or a kind or form of it (crack cocaine is a
	 * kind of cocaine).
	 */
	public boolean isKindOf(SubstanceId substance, SubstanceId ancestor) {
		return lineage(substance).contains(ancestor);
	}

	/** The vocabulary's version, which every change increases. */
	public long version() {
		return index.current().version();
	}

	// ---- Pages

	/** One page of substances whose names contain the text, optionally of one class. */
	public record SubstancePage(List<SubstanceDetails> substances, int page, int pages, int total) {
	}

	public SubstancePage page(@Nullable String text, @Nullable SubstanceClass substanceClass, int page) {
		var matching = index.current().search(text, substanceClass);
		int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		var from = (current - 1) * PAGE_SIZE;
		return new SubstancePage(matching.subList(from, Math.min(from + PAGE_SIZE, matching.size())), current, pages,
				matching.size());
	}

	public SubstanceDetails details(SubstanceId id) {
		return index.current()
			.find(id)
			.orElseThrow(() -> new NotFoundException("substances.error.notFound", id.code()));
	}

	/** Every substance with everything known about it, by name. */
	public List<SubstanceDetails> allDetails() {
		return index.current().all();
	}

	/** The substances that are kinds or forms of this one. */
	public List<SubstanceDetails> children(SubstanceId id) {
		return index.current().children(id);
	}

	// ---- Changes

	/** Adds a substance; its code is derived from its name. */
	@Transactional
	public SubstanceDetails create(SubstanceDraft draft) {
		var result = apply(List.of(new Drafted(null, draft)), Mode.CREATE, false);
		var created = result.changes().get(0).after();
		audit.record(SubstanceAudit.SUBSTANCE_CREATED, "substance", created.id().code(), null, Outcome.ALLOWED,
				created.substanceClass() + " " + created.flags());
		return created;
	}

	/** Changes a substance; the draft's code is ignored (a code never changes). */
	@Transactional
	public SubstanceDetails change(SubstanceId id, SubstanceDraft draft) {
		details(id);
		var own = new SubstanceDraft(id.code(), draft.name(), draft.substanceClass(), draft.flags(), draft.parentCode(),
				draft.aliases(), draft.pubchemCid(), draft.casNumber(), draft.notes());
		var result = apply(List.of(new Drafted(null, own)), Mode.CHANGE, false);
		var change = result.changes().get(0);
		if (change.changed()) {
			audit.record(SubstanceAudit.SUBSTANCE_CHANGED, "substance", id.code(), null, Outcome.ALLOWED,
					VocabularyWriter.differences(change));
		}
		return change.after();
	}

	/** Writes the whole vocabulary as CSV (the import format), by name. */
	public void exportCsv(Appendable out) {
		var substances = index.current().all();
		SubstanceCsv.write(substances, out);
		audit.record(SubstanceAudit.SUBSTANCES_EXPORTED, "substance", null, null, Outcome.ALLOWED,
				substances.size() + " substances");
	}

	private Plan apply(List<Drafted> drafts, Mode mode, boolean csvNames) {
		var plan = VocabularyRules.plan(writer.lockAndLoad(), drafts, mode, clock.instant(), actor(), csvNames);
		if (!plan.valid()) {
			throw new InputRejectedException(RowProblem.fieldProblems(plan.problems()));
		}
		writer.write(plan);
		return plan;
	}

	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
