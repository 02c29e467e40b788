package org.harmwatch.substances.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.harmwatch.substances.Resolution;
import org.harmwatch.substances.Resolution.Match;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceSummary;
import org.harmwatch.substances.Suggestion;
import org.harmwatch.substances.TermKind;
import org.jspecify.annotations.Nullable;

/**
 * An immutable in-memory snapshot of the vocabulary that turns free text into substances.
 *
 * <p>
 * Resolution tries, in order: the text as a name, synonym or street name (by normalised
 * key, so case, accents, spaces and punctuation do not matter); the text without a salt
 * word or a parenthesised part; and, if allowed, a spelling correction. Spelling
 * correction is deliberately conservative, because designer drugs one letter apart are
 * different drugs (methedrone is not mephedrone, metonitazene is not etonitazene) and
 * hiding a new substance behind a known one is the worst mistake an early-warning system
 * can make:
 * <ul>
 * <li>only texts of 5 or more letters, and only against names and synonyms of 5 or more
 * (not street names);</li>
 * <li>at most one edit (a letter added, dropped, changed, or two neighbours swapped):
 * "heroine", "fentanly", "xylazene" are corrected, but "flubromazepam", a different
 * designer benzodiazepine two edits from flubromazolam, is not;</li>
 * <li>never when the text or the name contains digits (chemical codes such as
 * 5F-MDMB-PICA must match exactly);</li>
 * <li>only when one substance is that close: if another is within one more edit, nothing
 * is resolved and both are offered as suggestions, unless one is a kind of the other
 * ("fentanly" is nearer fentanyl than "fentanyls", the analogues, and either reading
 * means a fentanyl).</li>
 * </ul>
 */
public final class SubstanceIndex {

	/** The shortest text (in key characters) that spelling correction is tried on. */
	static final int SPELLING_MIN_LENGTH = 5;

	record Term(String text, String key, TermKind kind, SubstanceDetails substance, List<SubstanceId> alsoMeans,
			List<String> wordKeys) {

		Term(String text, TermKind kind, SubstanceDetails substance, List<SubstanceId> alsoMeans) {
			this(text, TermKeys.key(text), kind, substance, alsoMeans, TermKeys.wordKeys(text));
		}

		/**
		 * Whether a word of the term (with what follows it) starts with the key: "mam"
		 * finds "black mamba".
		 */
		boolean hasWordStartingWith(String key) {
			return wordKeys.stream().anyMatch(w -> w.startsWith(key));
		}

		boolean correctable() {
			return kind != TermKind.STREET_NAME && key.length() >= SPELLING_MIN_LENGTH
					&& TermKeys.digits(key).isEmpty();
		}

	}

	/** A term near a text, and how far. */
	record Near(Term term, int distance) {
	}

	private final long version;

	private final Map<SubstanceId, SubstanceDetails> byId;

	private final Map<String, Term> byKey;

	private final List<Term> terms;

	private final Map<SubstanceId, List<SubstanceDetails>> children;

	/** The keys of each substance's name and aliases, for searching lists. */
	private final Map<SubstanceId, List<String>> keysOf;

	private SubstanceIndex(long version, Map<SubstanceId, SubstanceDetails> byId, Map<String, Term> byKey,
			List<Term> terms, Map<SubstanceId, List<SubstanceDetails>> children) {
		this.version = version;
		this.byId = byId;
		this.byKey = byKey;
		this.terms = terms;
		this.children = children;
		var keys = new HashMap<SubstanceId, List<String>>();
		for (var term : terms) {
			keys.computeIfAbsent(term.substance().id(), id -> new ArrayList<>()).add(term.key());
		}
		this.keysOf = keys;
	}

	/**
	 * Builds the index. If two terms share a key (the database forbids it, but a CSV
	 * being checked may not), the first substance in name order keeps it.
	 */
	public static SubstanceIndex of(long version, Collection<SubstanceDetails> substances) {
		var sorted = substances.stream().sorted(byName()).toList();
		var byId = new LinkedHashMap<SubstanceId, SubstanceDetails>();
		var byKey = new HashMap<String, Term>();
		var terms = new ArrayList<Term>();
		var children = new HashMap<SubstanceId, List<SubstanceDetails>>();
		for (var substance : sorted) {
			byId.put(substance.id(), substance);
			add(new Term(substance.name(), TermKind.NAME, substance, List.of()), byKey, terms);
			for (var alias : substance.aliases()) {
				add(new Term(alias.text(), alias.kind(), substance, alias.alsoMeans()), byKey, terms);
			}
			if (substance.parent() != null) {
				children.computeIfAbsent(substance.parent(), p -> new ArrayList<>()).add(substance);
			}
		}
		return new SubstanceIndex(version, byId, Map.copyOf(byKey), List.copyOf(terms), children);
	}

	private static void add(Term term, Map<String, Term> byKey, List<Term> terms) {
		if (!term.key().isEmpty() && !byKey.containsKey(term.key())) {
			byKey.put(term.key(), term);
			terms.add(term);
		}
	}

	static Comparator<SubstanceDetails> byName() {
		return Comparator.comparing((SubstanceDetails s) -> s.name().toLowerCase(Locale.ROOT))
			.thenComparing(s -> s.id().code());
	}

	public long version() {
		return version;
	}

	public List<SubstanceDetails> all() {
		return List.copyOf(byId.values());
	}

	public int size() {
		return byId.size();
	}

	public Optional<SubstanceDetails> find(SubstanceId id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** The substances that name this one as their parent, by name. */
	public List<SubstanceDetails> children(SubstanceId id) {
		return List.copyOf(children.getOrDefault(id, List.of()));
	}

	/** The substance, its parent, its parent's parent, and so on. */
	public List<SubstanceId> lineage(SubstanceId id) {
		var result = new ArrayList<SubstanceId>();
		var current = byId.get(id);
		while (current != null && !result.contains(current.id())) {
			result.add(current.id());
			current = current.parent() == null ? null : byId.get(current.parent());
		}
		return result;
	}

	/** Who holds a normalised key, if anyone. */
	public Optional<SubstanceDetails> holderOf(String key) {
		return Optional.ofNullable(byKey.get(key)).map(Term::substance);
	}

	// ---- Resolution

	/**
	 * The substance the text means, trying names, synonyms, street names and their
	 * normalised forms, and (if {@code correctSpelling}) a conservative spelling
	 * correction.
	 */
	public Optional<Resolution> resolve(String text, boolean correctSpelling) {
		var stripped = text.strip();
		if (stripped.isEmpty()) {
			return Optional.empty();
		}
		var direct = byKey.get(TermKeys.key(stripped));
		if (direct != null) {
			return Optional.of(resolution(direct, stripped.equals(direct.text()), 0));
		}
		for (var variant : TermKeys.variants(stripped)) {
			var term = byKey.get(TermKeys.key(variant));
			if (term != null) {
				return Optional.of(resolution(term, false, 0));
			}
		}
		if (!correctSpelling) {
			return Optional.empty();
		}
		return corrected(TermKeys.key(stripped)).map(near -> resolution(near.term(), false, near.distance()));
	}

	private Optional<Near> corrected(String key) {
		if (key.length() < SPELLING_MIN_LENGTH || !TermKeys.digits(key).isEmpty()) {
			return Optional.empty();
		}
		int allowed = 1;
		// Nearest term per substance, looking one edit further than allowed to see
		// whether the nearest is unique.
		var nearest = new HashMap<SubstanceId, Near>();
		for (var term : terms) {
			if (!term.correctable()) {
				continue;
			}
			int distance = Spelling.distance(key, term.key(), allowed + 1);
			if (distance <= allowed + 1) {
				nearest.merge(term.substance().id(), new Near(term, distance),
						(a, b) -> a.distance() <= b.distance() ? a : b);
			}
		}
		var best = nearest.values().stream().min(Comparator.comparingInt(Near::distance));
		if (best.isEmpty() || best.get().distance() > allowed) {
			return Optional.empty();
		}
		// A rival is another substance about as close that is not the same family
		// (fentanyl and its analogues are).
		var bestId = best.get().term().substance().id();
		var family = lineage(bestId);
		boolean rivalled = nearest.values()
			.stream()
			.filter(n -> n.distance() <= best.get().distance() + 1)
			.map(n -> n.term().substance().id())
			.anyMatch(id -> !id.equals(bestId) && !family.contains(id) && !lineage(id).contains(bestId));
		return rivalled ? Optional.empty() : best;
	}

	private Resolution resolution(Term term, boolean verbatim, int distance) {
		Match match;
		if (distance > 0) {
			match = Match.CLOSE_SPELLING;
		}
		else {
			match = switch (term.kind()) {
				case NAME -> verbatim ? Match.EXACT_NAME : Match.NORMALISED_NAME;
				case SYNONYM -> Match.ALIAS;
				case STREET_NAME -> Match.STREET_NAME;
			};
		}
		var alsoPossible = term.alsoMeans()
			.stream()
			.map(byId::get)
			.filter(s -> s != null)
			.map(SubstanceDetails::summary)
			.toList();
		var note = alsoPossible.isEmpty() ? null : term.substance().notes();
		return new Resolution(term.substance().summary(), match, term.text(), distance, alsoPossible, note);
	}

	// ---- Type-ahead and suggestions

	/**
	 * Substances for someone who has typed {@code prefix}: names, synonyms and street
	 * names that start with it (names first), then ones with a word that starts with it
	 * ("mam": black mamba) or, from four letters, that contain it ("nitaz":
	 * isotonitazene), then close spellings.
	 */
	public List<Suggestion> suggest(String prefix, int limit) {
		var key = TermKeys.key(prefix);
		if (key.isEmpty() || limit <= 0) {
			return List.of();
		}
		record Ranked(Term term, int rank) {
		}
		var best = new LinkedHashMap<SubstanceId, Ranked>();
		for (var term : terms) {
			int rank;
			if (term.key().startsWith(key)) {
				rank = term.kind() == TermKind.NAME ? 0 : 1;
			}
			else if (term.hasWordStartingWith(key) || (key.length() >= 4 && term.key().contains(key))) {
				rank = 2;
			}
			else {
				continue;
			}
			var candidate = new Ranked(term, rank);
			best.merge(
					term.substance().id(), candidate, (a,
							b) -> a.rank() < b.rank()
									|| (a.rank() == b.rank() && a.term().key().length() <= b.term().key().length()) ? a
											: b);
		}
		var result = new ArrayList<Suggestion>();
		best.values()
			.stream()
			.sorted(Comparator.comparingInt(Ranked::rank)
				.thenComparingInt(r -> r.term().key().length())
				.thenComparing(r -> r.term().substance(), byName()))
			.limit(limit)
			.forEach(r -> result.add(new Suggestion(r.term().substance().summary(), r.term().text(), r.term().kind())));
		if (result.size() < limit && key.length() >= 4) {
			for (var near : nearest(key, limit)) {
				if (result.size() >= limit) {
					break;
				}
				if (!best.containsKey(near.term().substance().id())) {
					result
						.add(new Suggestion(near.term().substance().summary(), near.term().text(), near.term().kind()));
				}
			}
		}
		return result;
	}

	/**
	 * The substances whose names come closest to a text that resolved to nothing, nearest
	 * first.
	 */
	public List<SubstanceSummary> closest(String text, int limit) {
		var key = TermKeys.key(text);
		if (key.isEmpty()) {
			return List.of();
		}
		var result = new ArrayList<SubstanceSummary>();
		for (var suggestion : suggest(text, limit)) {
			result.add(suggestion.substance());
		}
		return result;
	}

	private List<Near> nearest(String key, int limit) {
		int allowed = Math.max(2, key.length() / 3);
		var nearest = new HashMap<SubstanceId, Near>();
		for (var term : terms) {
			int distance = Spelling.distance(key, term.key(), allowed);
			if (distance <= allowed) {
				nearest.merge(term.substance().id(), new Near(term, distance),
						(a, b) -> a.distance() <= b.distance() ? a : b);
			}
		}
		return nearest.values()
			.stream()
			.sorted(Comparator.comparingInt(Near::distance).thenComparing(n -> n.term().substance(), byName()))
			.limit(limit)
			.toList();
	}

	// ---- Lists

	/**
	 * Substances any of whose names contain the text (normalised), optionally of one
	 * class, by name.
	 */
	public List<SubstanceDetails> search(@Nullable String text, @Nullable SubstanceClass substanceClass) {
		var key = text == null ? "" : TermKeys.key(text);
		var matching = new LinkedHashMap<SubstanceId, SubstanceDetails>();
		for (var substance : byId.values()) {
			if (substanceClass != null && substance.substanceClass() != substanceClass) {
				continue;
			}
			if (key.isEmpty()
					|| keysOf.getOrDefault(substance.id(), List.of()).stream().anyMatch(k -> k.contains(key))) {
				matching.put(substance.id(), substance);
			}
		}
		return List.copyOf(matching.values());
	}

}
