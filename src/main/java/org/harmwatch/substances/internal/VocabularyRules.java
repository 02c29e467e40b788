package org.harmwatch.substances.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.harmwatch.substances.Alias;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceDraft;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.TermKind;
import org.jspecify.annotations.Nullable;

/**
 * The vocabulary's rules, checked on the vocabulary as it would be after a change, so
 * that a form and an import of a thousand rows are judged the same way.
 *
 * <p>
 * No name, alias or street name (normalised) may belong to two substances; a parent must
 * exist and may not be the substance itself or one of its descendants; "also means" codes
 * must exist; CAS numbers must have the right check digit; a substance cannot be both
 * naloxone-responsive and a sedative naloxone does not reverse.
 */
public final class VocabularyRules {

	/** Codes that would clash with page paths. */
	static final Set<String> RESERVED_CODES = Set.of("new", "import", "export", "resolve");

	static final int MAX_NAME = 200;

	static final int MAX_NOTES = 4000;

	private static final Pattern CAS = Pattern.compile("(\\d{2,7})-(\\d{2})-(\\d)");

	/** How drafts find the substance they change. */
	public enum Mode {

		/** A new substance; its name must be new too. */
		CREATE,

		/** The substance with the draft's code, which exists. */
		CHANGE,

		/**
		 * By code if given, else by name; a substance neither finds is created (CSV
		 * import).
		 */
		UPSERT

	}

	/** A draft and the CSV row it came from ({@code null} from a form). */
	public record Drafted(@Nullable Integer row, SubstanceDraft draft) {
	}

	/** One substance before and after. */
	public record Change(@Nullable SubstanceDetails before, SubstanceDetails after, @Nullable Integer row) {

		public boolean created() {
			return before == null;
		}

		public boolean changed() {
			return before != null && before != after;
		}

	}

	/** What a set of drafts would do, and what stops it. */
	public record Plan(List<Change> changes, List<RowProblem> problems) {

		public boolean valid() {
			return problems.isEmpty();
		}

		/** The changes that create or change something. */
		public List<Change> effective() {
			return changes.stream().filter(c -> c.created() || c.changed()).toList();
		}

	}

	private VocabularyRules() {
	}

	/**
	 * Plans the drafts against the existing vocabulary.
	 * @param csvNames name fields as CSV columns ({@code street_names}) rather than form
	 * fields ({@code streetNames})
	 */
	public static Plan plan(Collection<SubstanceDetails> existing, List<Drafted> drafts, Mode mode, Instant now,
			String actor, boolean csvNames) {
		var fields = new Fields(csvNames);
		var problems = new ArrayList<RowProblem>();
		var byCode = new LinkedHashMap<String, SubstanceDetails>();
		var byNameKey = new HashMap<String, SubstanceDetails>();
		for (var substance : existing) {
			byCode.put(substance.id().code(), substance);
			byNameKey.put(TermKeys.key(substance.name()), substance);
		}
		var after = new LinkedHashMap<String, SubstanceDetails>(byCode);
		var changes = new ArrayList<Change>();
		var rowOfCode = new HashMap<String, @Nullable Integer>();
		var rowOfNameKey = new HashMap<String, @Nullable Integer>();
		var takenCodes = new HashSet<>(byCode.keySet());

		for (var drafted : drafts) {
			var row = drafted.row();
			var draft = drafted.draft();
			var nameKey = TermKeys.key(draft.name());
			int before = problems.size();
			if (draft.name().isEmpty() || nameKey.isEmpty()) {
				problems.add(RowProblem.of(row, fields.name, "substances.rule.name.noLetters"));
			}
			else if (draft.name().length() > MAX_NAME) {
				problems.add(RowProblem.of(row, fields.name, "substances.rule.name.tooLong", String.valueOf(MAX_NAME)));
			}
			SubstanceDetails previous = null;
			String code = null;
			switch (mode) {
				case CREATE -> {
					var holder = byNameKey.get(nameKey);
					if (holder != null && !nameKey.isEmpty()) {
						problems.add(RowProblem.of(row, fields.name, "substances.rule.name.taken", holder.name()));
					}
					code = freshCode(draft.name(), takenCodes);
				}
				case CHANGE -> {
					previous = draft.code() == null ? null : byCode.get(draft.code());
					if (previous == null) {
						throw new IllegalArgumentException("No substance " + draft.code() + " to change");
					}
					code = previous.id().code();
				}
				case UPSERT -> {
					if (draft.code() != null) {
						code = draft.code();
						previous = byCode.get(code);
						var holder = byNameKey.get(nameKey);
						if (previous == null && holder != null) {
							problems.add(RowProblem.of(row, fields.name, "substances.rule.name.takenWithCode",
									holder.name(), holder.id().code()));
						}
						else if (previous == null && (RESERVED_CODES.contains(code) || !SubstanceId.isValid(code))) {
							problems.add(RowProblem.of(row, "code", "substances.rule.code.unusable", code));
						}
					}
					else {
						previous = byNameKey.get(nameKey);
						code = previous != null ? previous.id().code() : freshCode(draft.name(), takenCodes);
					}
				}
			}
			takenCodes.add(code);
			if (rowOfCode.containsKey(code) || (!nameKey.isEmpty() && rowOfNameKey.containsKey(nameKey))) {
				var other = rowOfCode.containsKey(code) ? rowOfCode.get(code) : rowOfNameKey.get(nameKey);
				problems.add(other == null ? RowProblem.of(row, fields.name, "substances.rule.givenTwice")
						: RowProblem.of(row, fields.name, "substances.rule.givenTwice.row", String.valueOf(other)));
			}
			rowOfCode.put(code, row);
			if (!nameKey.isEmpty()) {
				rowOfNameKey.put(nameKey, row);
			}
			if (draft.parentCode() != null && !SubstanceId.isValid(draft.parentCode())) {
				problems.add(RowProblem.of(row, fields.parent, "substances.rule.parent.notCode", draft.parentCode()));
			}
			if (problems.size() > before) {
				continue; // without a usable name or code, the vocabulary-wide checks
							// would only add noise
			}
			checkFields(row, draft, fields, problems);
			var id = new SubstanceId(code);
			var substance = new SubstanceDetails(id, draft.name(), draft.substanceClass(), draft.flags(),
					draft.parentCode() == null ? null : new SubstanceId(draft.parentCode()), cleanAliases(id, draft),
					draft.pubchemCid(), draft.casNumber(), draft.notes(), now, actor);
			if (previous != null && sameContent(previous, substance)) {
				substance = previous;
			}
			after.put(code, substance);
			changes.add(new Change(previous, substance, row));
		}
		checkVocabulary(after, changes, fields, problems);
		return new Plan(changes, problems);
	}

	private static void checkFields(@Nullable Integer row, SubstanceDraft draft, Fields fields,
			List<RowProblem> problems) {
		var flags = draft.flags();
		if (flags.contains(RiskFlag.NALOXONE_RESPONSIVE) && flags.contains(RiskFlag.SEDATIVE_NOT_NALOXONE_RESPONSIVE)) {
			problems.add(RowProblem.of(row, fields.flags, "substances.rule.flags.naloxoneAndSedative"));
		}
		if (flags.contains(RiskFlag.REPEAT_NALOXONE_LIKELY) && !flags.contains(RiskFlag.NALOXONE_RESPONSIVE)) {
			problems.add(RowProblem.of(row, fields.flags, "substances.rule.flags.repeatNaloxone"));
		}
		if (draft.pubchemCid() != null && draft.pubchemCid() <= 0) {
			problems.add(RowProblem.of(row, fields.pubchemCid, "substances.rule.pubchemCid.positive"));
		}
		if (draft.casNumber() != null && !validCas(draft.casNumber())) {
			problems.add(RowProblem.of(row, fields.casNumber, "substances.rule.casNumber.invalid", draft.casNumber()));
		}
		if (draft.notes() != null && draft.notes().length() > MAX_NOTES) {
			problems.add(RowProblem.of(row, fields.notes, "substances.rule.notes.tooLong", String.valueOf(MAX_NOTES)));
		}
		if (draft.parentCode() != null && draft.parentCode().equals(draft.code())) {
			problems.add(RowProblem.of(row, fields.parent, "substances.rule.parent.self"));
		}
		for (var alias : draft.aliases()) {
			var field = fields.of(alias.kind());
			if (alias.text().length() > MAX_NAME) {
				problems.add(RowProblem.of(row, field, "substances.rule.alias.tooLong", alias.text().substring(0, 40),
						String.valueOf(MAX_NAME)));
			}
			else if (alias.text().contains("|")) {
				problems.add(RowProblem.of(row, field, "substances.rule.alias.pipe", alias.text()));
			}
			else if (TermKeys.key(alias.text()).isEmpty()) {
				problems.add(RowProblem.of(row, field, "substances.rule.alias.noLetters", alias.text()));
			}
		}
	}

	/**
	 * Drops aliases that repeat the name or an earlier alias, and "also means" entries
	 * naming the substance itself.
	 */
	private static List<Alias> cleanAliases(SubstanceId id, SubstanceDraft draft) {
		var seen = new HashSet<String>();
		seen.add(TermKeys.key(draft.name()));
		var result = new ArrayList<Alias>();
		for (var alias : draft.aliases()) {
			if (seen.add(TermKeys.key(alias.text()))) {
				var also = alias.alsoMeans().stream().filter(code -> !code.equals(id)).distinct().toList();
				result.add(new Alias(alias.text(), alias.kind(), also));
			}
		}
		return result;
	}

	private static void checkVocabulary(Map<String, SubstanceDetails> after, List<Change> changes, Fields fields,
			List<RowProblem> problems) {
		var changedRows = new HashMap<String, Change>();
		for (var change : changes) {
			changedRows.put(change.after().id().code(), change);
		}
		// Owners of every key: unchanged substances first, so that a clash is blamed on
		// the change.
		var owners = new HashMap<String, SubstanceDetails>();
		for (var substance : after.values()) {
			if (!changedRows.containsKey(substance.id().code())) {
				for (var key : keys(substance)) {
					owners.putIfAbsent(key, substance);
				}
			}
		}
		for (var change : changes) {
			var substance = change.after();
			var row = change.row();
			claim(owners, TermKeys.key(substance.name()), substance.name(), fields.name, substance, changedRows, row,
					problems);
			for (var alias : substance.aliases()) {
				claim(owners, TermKeys.key(alias.text()), alias.text(), fields.of(alias.kind()), substance, changedRows,
						row, problems);
				for (var code : alias.alsoMeans()) {
					if (!after.containsKey(code.code())) {
						problems.add(RowProblem.of(row, fields.of(alias.kind()), "substances.rule.alias.alsoUnknown",
								alias.text(), code.code()));
					}
				}
			}
			var parent = substance.parent();
			if (parent != null) {
				if (!after.containsKey(parent.code())) {
					problems.add(RowProblem.of(row, fields.parent, "substances.rule.parent.unknown", parent.code()));
				}
				else if (parent.equals(substance.id())) {
					problems.add(RowProblem.of(row, fields.parent, "substances.rule.parent.self"));
				}
				else {
					var seen = new HashSet<String>();
					var current = after.get(parent.code());
					while (current != null && seen.add(current.id().code())) {
						if (current.id().equals(substance.id())) {
							problems.add(RowProblem.of(row, fields.parent, "substances.rule.parent.loop",
									after.get(parent.code()).name(), substance.name()));
							break;
						}
						current = current.parent() == null ? null : after.get(current.parent().code());
					}
				}
			}
		}
	}

	private static void claim(Map<String, SubstanceDetails> owners, String key, String text, String field,
			SubstanceDetails claimant, Map<String, Change> changedRows, @Nullable Integer row,
			List<RowProblem> problems) {
		var owner = owners.putIfAbsent(key, claimant);
		if (owner != null && !owner.id().equals(claimant.id())) {
			var ownerChange = changedRows.get(owner.id().code());
			problems.add(ownerChange != null && ownerChange.row() != null
					? RowProblem.of(row, field, "substances.rule.name.belongs.row", text, owner.name(),
							String.valueOf(ownerChange.row()))
					: RowProblem.of(row, field, "substances.rule.name.belongs", text, owner.name()));
		}
	}

	private static List<String> keys(SubstanceDetails substance) {
		var keys = new ArrayList<String>();
		keys.add(TermKeys.key(substance.name()));
		substance.aliases().forEach(a -> keys.add(TermKeys.key(a.text())));
		return keys;
	}

	private static String freshCode(String name, Set<String> taken) {
		var base = TermKeys.codeFor(name);
		if (base.isEmpty() || RESERVED_CODES.contains(base)) {
			base = base.isEmpty() ? "substance" : base + "-substance";
		}
		var code = base;
		for (int n = 2; taken.contains(code); n++) {
			code = base + "-" + n;
		}
		return code;
	}

	/** Whether the CAS number is well formed and its check digit right. */
	public static boolean validCas(String cas) {
		var matcher = CAS.matcher(cas);
		if (!matcher.matches()) {
			return false;
		}
		var digits = new StringBuilder(matcher.group(1) + matcher.group(2)).reverse();
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			sum += (i + 1) * (digits.charAt(i) - '0');
		}
		return sum % 10 == matcher.group(3).charAt(0) - '0';
	}

	static boolean sameContent(SubstanceDetails a, SubstanceDetails b) {
		return a.name().equals(b.name()) && a.substanceClass() == b.substanceClass() && a.flags().equals(b.flags())
				&& Objects.equals(a.parent(), b.parent()) && a.aliases().equals(b.aliases())
				&& Objects.equals(a.pubchemCid(), b.pubchemCid()) && Objects.equals(a.casNumber(), b.casNumber())
				&& Objects.equals(a.notes(), b.notes());
	}

	/** Field names for problems, as the form or the CSV calls them. */
	private static final class Fields {

		final String name;

		final String flags;

		final String parent;

		final String aliases;

		final String streetNames;

		final String pubchemCid;

		final String casNumber;

		final String notes;

		Fields(boolean csv) {
			name = "name";
			flags = "flags";
			parent = "parent";
			aliases = "aliases";
			notes = "notes";
			streetNames = csv ? "street_names" : "streetNames";
			pubchemCid = csv ? "pubchem_cid" : "pubchemCid";
			casNumber = csv ? "cas_number" : "casNumber";
		}

		String of(TermKind kind) {
			return kind == TermKind.STREET_NAME ? streetNames : aliases;
		}

	}

}
