package org.harmwatch.drugchecking.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.harmwatch.drugchecking.BoardManagement;
import org.harmwatch.drugchecking.Counted;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.PhotoManagement;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public results board, its CSV and JSON downloads under the Open Government Licence,
 * and the public JSON API. All four take the same filter and publish the same warnings
 * and suppressed counts, and never a result row by row ({@link BoardManagement}). Bad
 * filter input is ignored with a message on the page, and answered with 400 by the
 * downloads and the API.
 */
@Controller
class DrugCheckingBoardController {

	static final String LINK = "<" + BoardManagement.LICENCE_URL + ">; rel=\"license\"";

	private final BoardManagement board;

	private final PhotoManagement photos;

	private final MessageSource messages;

	DrugCheckingBoardController(BoardManagement board, PhotoManagement photos, MessageSource messages) {
		this.board = board;
		this.photos = photos;
		this.messages = messages;
	}

	@GetMapping("/drug-checking/board")
	@PublicEndpoint("The anonymised public results board: no person, staff, session or place finer than a district")
	String page(@RequestParam(required = false) @Nullable String substance,
			@RequestParam(required = false) @Nullable String form,
			@RequestParam(required = false) @Nullable String colour,
			@RequestParam(required = false) @Nullable String logo,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		var query = new BoardQuery(substance, form, colour, logo, from, to);
		var parsed = query.parse();
		var result = board.board(parsed.filter());
		var qs = query.queryString();
		model.addAttribute("query", query);
		model.addAttribute("problems", FormProblems.messages(parsed.problems(), messages));
		model.addAttribute("board", result);
		model.addAttribute("forms", DosageForm.values());
		model.addAttribute("qs", qs);
		model.addAttribute("licenceUrl", BoardManagement.LICENCE_URL);
		model.addAttribute("threshold", Counted.THRESHOLD);
		return "drugchecking/board";
	}

	@GetMapping("/drug-checking/board.csv")
	@PublicEndpoint("The public board as CSV open data under the Open Government Licence; counts under 5 suppressed")
	ResponseEntity<?> csv(@RequestParam(required = false) @Nullable String substance,
			@RequestParam(required = false) @Nullable String form,
			@RequestParam(required = false) @Nullable String colour,
			@RequestParam(required = false) @Nullable String logo,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		var parsed = new BoardQuery(substance, form, colour, logo, from, to).parse();
		if (!parsed.problems().isEmpty()) {
			return FormProblems.badQuery("board.error.title", parsed.problems(), messages);
		}
		var out = new StringBuilder();
		board.writeCsv(board.board(parsed.filter()), out);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"drug-checking-results.csv\"")
			.header(HttpHeaders.LINK, LINK)
			.body(out.toString());
	}

	@GetMapping("/drug-checking/board.json")
	@PublicEndpoint("The public board as JSON open data under the Open Government Licence; counts under 5 suppressed")
	ResponseEntity<?> json(@RequestParam(required = false) @Nullable String substance,
			@RequestParam(required = false) @Nullable String form,
			@RequestParam(required = false) @Nullable String colour,
			@RequestParam(required = false) @Nullable String logo,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		var response = api(substance, form, colour, logo, from, to);
		return response.getStatusCode().isError() ? response
				: ResponseEntity.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"drug-checking-results.json\"")
					.header(HttpHeaders.LINK, LINK)
					.body(response.getBody());
	}

	@GetMapping("/api/public/drug-checking/results")
	@PublicEndpoint("The public board's open data as an API: the same filter, suppression and licence as the board")
	ResponseEntity<?> api(@RequestParam(required = false) @Nullable String substance,
			@RequestParam(required = false) @Nullable String form,
			@RequestParam(required = false) @Nullable String colour,
			@RequestParam(required = false) @Nullable String logo,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		var parsed = new BoardQuery(substance, form, colour, logo, from, to).parse();
		if (!parsed.problems().isEmpty()) {
			return FormProblems.badQuery("board.error.title", parsed.problems(), messages);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.LINK, LINK)
			.body(board.openData(board.board(parsed.filter())));
	}

	/**
	 * A photo shown on the board. Not found unless the sample is on the board and its
	 * session's licence allows photographs to be published, so that guessing an id never
	 * reveals a withheld photo.
	 */
	@GetMapping("/drug-checking/board/photos/{id}")
	@PublicEndpoint("A published photo of a sample on the board: only when the session's licence allows it")
	ResponseEntity<byte[]> photo(@PathVariable UUID id) {
		var photo = photos.published(id).orElseThrow(() -> new NotFoundException("drugchecking.notFound.photo", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.photo().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.photo().filename()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore())
			.body(photo.content());
	}

}
