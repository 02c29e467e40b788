package org.harmwatch.substances.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.harmwatch.substances.Resolution;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.harmwatch.substances.Suggestion;
import org.harmwatch.substances.TermKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vocabulary for programs: partner systems that map their own substance names, and
 * the report forms' type-ahead.
 */
@RestController
@Tag(name = "Substances", description = "The substance vocabulary: search, type-ahead and free-text resolution")
@PreAuthorize("isAuthenticated()")
class SubstanceApiController {

	/** A substance as the API shows it. */
	record SubstanceJson(String code, String name, SubstanceClass substanceClass, Set<RiskFlag> flags,
			List<String> aliases, List<String> streetNames, @Nullable String parent) {

		static SubstanceJson of(SubstanceSummary summary) {
			return new SubstanceJson(summary.id().code(), summary.name(), summary.substanceClass(), summary.flags(),
					summary.aliases(), summary.streetNames(),
					summary.parent() == null ? null : summary.parent().code());
		}

	}

	/** A substance found by a search, with the name that matched. */
	record SuggestionJson(SubstanceJson substance, String matchedTerm, TermKind kind) {

		static SuggestionJson of(Suggestion suggestion) {
			return new SuggestionJson(SubstanceJson.of(suggestion.substance()), suggestion.matchedTerm(),
					suggestion.kind());
		}

	}

	/** What a text resolved to, and how. */
	record ResolutionJson(SubstanceJson substance, Resolution.Match match, String matchedTerm, int distance,
			boolean ambiguous, List<SubstanceJson> alsoPossible, @Nullable String note) {

		static ResolutionJson of(Resolution resolution) {
			return new ResolutionJson(SubstanceJson.of(resolution.substance()), resolution.match(),
					resolution.matchedTerm(), resolution.distance(), resolution.ambiguous(),
					resolution.alsoPossible().stream().map(SubstanceJson::of).toList(), resolution.note());
		}

	}

	private final SubstanceManagement substances;

	private final MessageSource messages;

	SubstanceApiController(SubstanceManagement substances, MessageSource messages) {
		this.substances = substances;
		this.messages = messages;
	}

	private String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	@Operation(summary = "Search the vocabulary, or list it",
			description = "With q: substances whose name, synonym or street name starts with q (names first), has a word "
					+ "starting with it, or contains it, then close spellings; for type-ahead. Without q: every "
					+ "substance, by name.")
	@GetMapping("/api/substances")
	List<SuggestionJson> search(
			@Parameter(description = "what the user typed") @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "at most this many (1 to 50)") @RequestParam(defaultValue = "10") int limit) {
		if (q == null || q.isBlank()) {
			return substances.all()
				.stream()
				.map(s -> new SuggestionJson(SubstanceJson.of(s), s.name(), TermKind.NAME))
				.toList();
		}
		return substances.suggest(q, Math.min(Math.max(limit, 1), 50)).stream().map(SuggestionJson::of).toList();
	}

	@Operation(summary = "Resolve free text to one substance",
			description = "Matches names, synonyms and street names ignoring case, accents, spaces, punctuation and salt "
					+ "words, then (unless exact=true) a one-letter misspelling of exactly one substance. An ambiguous "
					+ "street name resolves to its documented reading and lists the others in alsoPossible. When "
					+ "nothing matches: 404 with the nearest substances in 'suggestions'.")
	@GetMapping("/api/substances/resolve")
	ResponseEntity<?> resolve(
			@Parameter(description = "the text to resolve, e.g. 'china white'") @RequestParam String text,
			@Parameter(description = "never correct spelling (for laboratory names)") @RequestParam(
					defaultValue = "false") boolean exact) {
		if (text.isBlank()) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					text("substances.api.text.required"));
			problem.setTitle(text("substances.api.invalid"));
			return ResponseEntity.badRequest().body(problem);
		}
		var resolution = exact ? substances.resolveExactly(text) : substances.resolve(text);
		if (resolution.isPresent()) {
			return ResponseEntity.ok(ResolutionJson.of(resolution.get()));
		}
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				text("substances.api.noMatch", text.strip()));
		problem.setTitle(text("substances.api.noMatch.title"));
		problem.setProperty("suggestions", substances.closest(text, 5).stream().map(SubstanceJson::of).toList());
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	@Operation(summary = "One substance by its code")
	@GetMapping("/api/substances/{code}")
	SubstanceJson one(@PathVariable String code) {
		return SubstanceJson.of(substances.details(SubstanceController.id(code)).summary());
	}

}
