package org.harmwatch.substances.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceVocabularyChanged;
import org.harmwatch.substances.internal.VocabularyRules.Change;
import org.harmwatch.substances.internal.VocabularyRules.Plan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes a planned change of the vocabulary: under the vocabulary's lock, bumping its
 * version and publishing {@link SubstanceVocabularyChanged}; shared by the pages and the
 * CSV import.
 */
@Component
public class VocabularyWriter {

	private final SubstanceStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VocabularyWriter(SubstanceStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Takes the vocabulary's lock for the caller's transaction and reads it, to plan a
	 * change that {@link #write} then makes.
	 */
	public List<SubstanceDetails> lockAndLoad() {
		store.lockForChange();
		return store.load().substances();
	}

	/** The vocabulary as it is, without the lock, to check a change before making it. */
	public List<SubstanceDetails> load() {
		return store.load().substances();
	}

	/**
	 * Writes the plan's effective changes in the caller's transaction (nothing when there
	 * are none).
	 * @throws InputRejectedException when another change was written at the same time
	 */
	public void write(Plan plan) {
		var effective = plan.effective();
		if (effective.isEmpty()) {
			return;
		}
		try {
			store.save(effective.stream().map(Change::after).toList());
		}
		catch (DataIntegrityViolationException ex) {
			throw new InputRejectedException(FieldProblem.global("substances.error.concurrent"));
		}
		var now = clock.instant();
		long version = store.bumpVersion(now);
		events.publishEvent(
				new SubstanceVocabularyChanged(version, effective.stream().map(c -> c.after().id()).toList(), now));
	}

	/** What a change changed, for the audit log: names of parts, never their text. */
	public static String differences(Change change) {
		SubstanceDetails before = Objects.requireNonNull(change.before());
		var after = change.after();
		var changed = new ArrayList<String>();
		if (!before.name().equals(after.name())) {
			changed.add("name");
		}
		if (before.substanceClass() != after.substanceClass()) {
			changed.add("class " + before.substanceClass() + "->" + after.substanceClass());
		}
		if (!before.flags().equals(after.flags())) {
			changed.add("flags " + after.flags());
		}
		if (!Objects.equals(before.parent(), after.parent())) {
			changed.add("parent");
		}
		if (!before.aliases().equals(after.aliases())) {
			changed.add("aliases");
		}
		if (!Objects.equals(before.pubchemCid(), after.pubchemCid())
				|| !Objects.equals(before.casNumber(), after.casNumber())) {
			changed.add("identifiers");
		}
		if (!Objects.equals(before.notes(), after.notes())) {
			changed.add("notes");
		}
		return changed.stream().collect(Collectors.joining(", "));
	}

}
