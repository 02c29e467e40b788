package org.harmwatch.drugchecking;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.harmwatch.geography.Area;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The public results board: anonymised current results released for
 * {@link Audience#PUBLIC_BOARD} by {@link ReleaseManagement#boardReleases}, filtered,
 * with the pills of concern and counts of what is in circulation. Every count is
 * published as a {@link Counted}, so counts under 5 are suppressed wherever they are
 * shown (page, CSV, JSON, API).
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
	 * @param entries every matching result, newest first
	 * @param concerns the matching results flagged high strength, unexpected high-risk or
	 * mis-sold
	 * @param total how many results match
	 * @param substances how many matching results each substance was found in, most first
	 * @param months how many matching results were taken in each month, oldest first
	 */
	public record Board(BoardFilter filter, List<BoardEntry> entries, List<BoardEntry> concerns, Counted total,
			List<Counted> substances, List<Counted> months) {
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
			.toList();
		var bySubstance = new LinkedHashMap<String, Long>();
		var byMonth = new TreeMap<YearMonth, Long>();
		for (var e : entries) {
			e.found().stream().map(BoardEntry.Found::name).distinct().forEach(n -> bySubstance.merge(n, 1L, Long::sum));
			byMonth.merge(e.month(), 1L, Long::sum);
		}
		var substances = bySubstance.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(x -> new Counted(x.getKey(), x.getValue()))
			.toList();
		var months = byMonth.entrySet().stream().map(x -> new Counted(x.getKey().toString(), x.getValue())).toList();
		return new Board(filter, entries, entries.stream().filter(BoardEntry::ofConcern).toList(),
				new Counted("total", entries.size()), substances, months);
	}

	private BoardEntry entry(Release r, Map<String, String> districts, List<PhotoManagement.Photo> published) {
		var s = r.sample();
		var lad = s.obtainedLadCode() != null ? s.obtainedLadCode() : r.session().siteLadCode();
		var found = r.current()
			.components()
			.stream()
			.map(c -> new BoardEntry.Found(c.name(), c.substanceCode(), c.amount()))
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

	// ---- Open data

	/** The board as open data: the licence, each result, and the suppressed counts. */
	public record OpenData(String licence, String licenceUrl, String note, List<Row> results, String total,
			List<Count> substances, List<Count> months) {
	}

	/** One result as open data. */
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

	public OpenData openData(Board board) {
		return new OpenData(LICENCE, LICENCE_URL,
				"Anonymised drug-checking results. Counts under " + Counted.THRESHOLD + " are shown as \""
						+ Counted.SUPPRESSED + "\".",
				board.entries().stream().map(BoardManagement::row).toList(), board.total().shown(),
				board.substances().stream().map(BoardManagement::count).toList(),
				board.months().stream().map(BoardManagement::count).toList());
	}

	private static Row row(BoardEntry e) {
		return new Row(e.month().toString(), e.district(), e.form().name(), e.soldAs(), e.colour(), e.logo(), e.shape(),
				e.weightMg() == null ? null : e.weightMg().stripTrailingZeros().toPlainString(), e.found(), e.flags());
	}

	private static Count count(Counted c) {
		return new Count(c.label(), c.suppressed() ? null : c.count(), c.shown());
	}

	/**
	 * Writes the board as CSV: a licence line, the results (one row each), then the
	 * counts by substance, suppressed under 5.
	 */
	public void writeCsv(Board board, Appendable out) {
		var csv = new CsvWriter(out);
		csv.comment(LICENCE + ": " + LICENCE_URL);
		csv.row("month", "district", "form", "sold_as", "colour", "logo", "shape", "weight_mg", "found", "flags");
		for (var e : board.entries()) {
			var r = row(e);
			csv.row(r.month(), r.district(), r.form(), r.soldAs(), r.colour(), r.logo(), r.shape(), r.weightMg(),
					e.foundText(), e.flags().stream().map(Enum::name).collect(Collectors.joining(" ")));
		}
		csv.blankLine();
		csv.comment("Results by substance found; counts under " + Counted.THRESHOLD + " are suppressed");
		csv.row("substance", "results");
		csv.row("all results", board.total().shown());
		for (var c : board.substances()) {
			csv.row(c.label(), c.shown());
		}
	}

}
