package org.harmwatch.drugchecking;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.harmwatch.geography.Area;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The public results board: anonymised final results released for
 * {@link Audience#PUBLIC_BOARD} by {@link ReleaseManagement#boardReleases}, filtered, as
 * warnings about pills of concern and counts of what is in circulation.
 *
 * <p>
 * A count under 5 is published only as "fewer than 5" ({@link Counted}), and nothing else
 * on the board or in its downloads lets a reader work it out
 * (docs/drug-checking-publication.md):
 * <ul>
 * <li>no result is listed row by row: only the warnings, one per kind of pill of concern
 * (results that look the same on the board are one warning), and never so many warnings
 * naming a substance whose count is suppressed (or, when the total is suppressed, at all)
 * that they add up to its largest possible value, {@code THRESHOLD - 1}: further ones are
 * left off the board (early warning gets each as {@link DangerousSampleFound});</li>
 * <li>the total is withheld whenever any substance's count is suppressed, since a result
 * holds at least one substance and the total minus the published counts would bound a
 * suppressed one from below;</li>
 * <li>no breakdown that partitions the total (such as by month) is published.</li>
 * </ul>
 */
@Service
public class BoardManagement {

	/** The licence the board's data is published under. */
	public static final String LICENCE = "Open Government Licence v3.0";

	public static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

	private final SessionManagement sessionManagement;

	private final ReleaseManagement releaseManagement;

	private final PhotoManagement photos;

	private final ZoneId zone;

	BoardManagement(SessionManagement sessionManagement, ReleaseManagement releaseManagement, PhotoManagement photos,
			RegionSettings region) {
		this.sessionManagement = sessionManagement;
		this.releaseManagement = releaseManagement;
		this.photos = photos;
		this.zone = region.timeZone();
	}

	/**
	 * The board for a filter.
	 *
	 * @param concerns one warning per kind of pill of concern matching the filter
	 * (flagged high strength, unexpected high-risk or mis-sold), newest first, within the
	 * limit described on the class
	 * @param total how many results match; {@code null} (withheld) when a substance's
	 * count is suppressed
	 * @param substances how many matching results each substance was found in, most first
	 */
	public record Board(BoardFilter filter, List<BoardEntry> concerns, @Nullable Counted total,
			List<Counted> substances) {
	}

	public Board board(BoardFilter filter) {
		var from = filter.from() == null ? Instant.EPOCH : filter.from().atDay(1).atStartOfDay(zone).toInstant();
		var to = filter.to() == null ? Instant.now().plusSeconds(86_400)
				: filter.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		var districts = sessionManagement.districts()
			.stream()
			.collect(Collectors.toMap(Area::code, Area::name, (a, b) -> a));
		var releases = releaseManagement.boardReleases(from, to);
		var published = photos.publishedOf(releases);
		var entries = releases.stream()
			.map(r -> entry(r, districts, published.getOrDefault(r.sample().id(), List.of())))
			.filter(e -> matches(e, filter))
			.sorted(Comparator.comparing(BoardEntry::month).reversed())
			.toList();
		var bySubstance = new LinkedHashMap<String, Long>();
		for (var e : entries) {
			e.found().stream().map(BoardEntry.Found::name).distinct().forEach(n -> bySubstance.merge(n, 1L, Long::sum));
		}
		var substances = bySubstance.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(x -> new Counted(x.getKey(), x.getValue()))
			.toList();
		var total = new Counted("total", entries.size());
		var suppressed = substances.stream()
			.filter(Counted::suppressed)
			.map(Counted::label)
			.collect(Collectors.toSet());
		return new Board(filter, concerns(entries, suppressed, total.suppressed()),
				suppressed.isEmpty() || total.suppressed() ? total : null, substances);
	}

	/**
	 * One warning per kind of pill of concern, newest first, leaving off a warning that
	 * would make the warnings naming a suppressed substance (or, with
	 * {@code allSuppressed}, all warnings) as many as the largest suppressed count: then
	 * they would give it away.
	 */
	private static List<BoardEntry> concerns(List<BoardEntry> entries, Set<String> suppressed, boolean allSuppressed) {
		int most = Counted.THRESHOLD - 2;
		// One warning per kind, newest first, with every published photo of the kind.
		var kinds = new LinkedHashMap<List<Object>, BoardEntry>();
		for (var e : entries) {
			if (e.ofConcern()) {
				kinds.merge(e.kind(), e, BoardManagement::withPhotosOf);
			}
		}
		var named = new HashMap<String, Integer>();
		var shown = new ArrayList<BoardEntry>();
		for (var e : kinds.values()) {
			var names = e.found().stream().map(BoardEntry.Found::name).filter(suppressed::contains).distinct().toList();
			if ((allSuppressed && shown.size() >= most)
					|| names.stream().anyMatch(n -> named.getOrDefault(n, 0) >= most)) {
				continue;
			}
			names.forEach(n -> named.merge(n, 1, Integer::sum));
			shown.add(e);
		}
		return List.copyOf(shown);
	}

	/** The first entry of a kind, with the photos of another of the same kind added. */
	private static BoardEntry withPhotosOf(BoardEntry first, BoardEntry other) {
		if (other.photos().isEmpty()) {
			return first;
		}
		var photos = new ArrayList<>(first.photos());
		photos.addAll(other.photos());
		return new BoardEntry(first.month(), first.district(), first.form(), first.soldAs(), first.colour(),
				first.logo(), first.shape(), first.weightMg(), first.found(), first.flags(), photos);
	}

	private BoardEntry entry(Release r, Map<String, String> districts, List<PhotoManagement.Photo> published) {
		var s = r.sample();
		var lad = s.obtainedLadCode() != null ? s.obtainedLadCode() : r.session().siteLadCode();
		var found = r.current()
			.components()
			.stream()
			.map(c -> new BoardEntry.Found(c.name(), c.substanceCode(), c.amount(), c.confidence(), c.method()))
			.toList();
		return new BoardEntry(YearMonth.from(s.takenAt().atZone(zone)), lad == null ? null : districts.get(lad),
				s.form(), s.soldAs(), s.pillColour(), s.pillLogo(), s.pillShape(), s.pillWeightMg(), found,
				r.current().flags(),
				published.stream()
					.map(p -> new BoardEntry.Photo(p.id(),
							photos.alt(s.form(), s.soldAs(), s.pillColour(), s.pillLogo(), s.pillShape(), p.caption())))
					.toList());
	}

	private static boolean matches(BoardEntry e, BoardFilter f) {
		if (f.form() != null && e.form() != f.form()) {
			return false;
		}
		if (!contains(e.colour(), f.colour()) || !contains(e.logo(), f.logo())) {
			return false;
		}
		if (f.substance() != null && !f.substance().isBlank()) {
			var wanted = f.substance().strip().toLowerCase(Locale.ROOT);
			return e.found()
				.stream()
				.anyMatch(x -> x.name().toLowerCase(Locale.ROOT).equals(wanted)
						|| (x.code() != null && x.code().toLowerCase(Locale.ROOT).equals(wanted)));
		}
		return true;
	}

	private static boolean contains(@Nullable String value, @Nullable String wanted) {
		if (wanted == null || wanted.isBlank()) {
			return true;
		}
		return value != null && value.toLowerCase(Locale.ROOT).contains(wanted.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * The substances that have appeared on the board, by name, for the filter's choices.
	 */
	public List<String> substanceNames(Board board) {
		return board.substances().stream().map(Counted::label).sorted(Comparator.naturalOrder()).toList();
	}

	/**
	 * The board as open data: the licence, the warnings and the suppressed counts; never
	 * the results row by row.
	 *
	 * @param total the total as published, {@code null} when withheld
	 */
	public record OpenData(String licence, String licenceUrl, String note, List<Row> concerns, @Nullable String total,
			List<Count> substances) {
	}

	/** A warning about a kind of pill of concern, as open data. */
	public record Row(String month, @Nullable String district, String form, String soldAs, @Nullable String colour,
			@Nullable String logo, @Nullable String shape, @Nullable String weightMg, List<BoardEntry.Found> found,
			List<ResultFlag> flags) {
	}

	/**
	 * A suppressed count: {@code count} is {@code null} (left out of the JSON) and
	 * {@code shown} is "fewer than 5" when under 5.
	 */
	public record Count(String label, @Nullable Long count, String shown) {
	}

	/** Why the total is not published, in the open data. */
	public static final String TOTAL_WITHHELD = "withheld: it would reveal a count under " + Counted.THRESHOLD;

	public OpenData openData(Board board) {
		return new OpenData(LICENCE, LICENCE_URL,
				"Anonymised final drug-checking results: one warning per kind of pill of concern and counts by substance. Counts under "
						+ Counted.THRESHOLD + " are shown as \"" + Counted.SUPPRESSED
						+ "\"; the total is withheld when it would reveal one.",
				board.concerns().stream().map(BoardManagement::row).toList(),
				board.total() == null ? null : board.total().shown(),
				board.substances().stream().map(BoardManagement::count).toList());
	}

	private static Row row(BoardEntry e) {
		return new Row(e.month().toString(), e.district(), e.form().name(), e.soldAs(), e.colour(), e.logo(), e.shape(),
				e.weightMg() == null ? null : e.weightMg().stripTrailingZeros().toPlainString(), e.found(), e.flags());
	}

	private static Count count(Counted c) {
		return new Count(c.label(), c.suppressed() ? null : c.count(), c.shown());
	}

	/**
	 * Writes the board as CSV: a licence line, the warnings about pills of concern (one
	 * row per kind), then the counts by substance, suppressed under 5, and the total
	 * unless withheld.
	 */
	public void writeCsv(Board board, Appendable out) {
		var csv = new CsvWriter(out);
		csv.comment(LICENCE + ": " + LICENCE_URL);
		csv.comment("Pills of concern: one row per kind, not per result");
		csv.row("month", "district", "form", "sold_as", "colour", "logo", "shape", "weight_mg", "found", "flags");
		for (var e : board.concerns()) {
			var r = row(e);
			csv.row(r.month(), r.district(), r.form(), r.soldAs(), r.colour(), r.logo(), r.shape(), r.weightMg(),
					e.foundText(), e.flags().stream().map(Enum::name).collect(Collectors.joining(" ")));
		}
		csv.blankLine();
		csv.comment("Results by substance found; counts under " + Counted.THRESHOLD + " are suppressed");
		csv.row("substance", "results");
		csv.row("all results", board.total() == null ? TOTAL_WITHHELD : board.total().shown());
		for (var c : board.substances()) {
			csv.row(c.label(), c.shown());
		}
	}

}
