package org.harmwatch.platform.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.internal.PlatformAudit;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of the audit log: search it, and check that nobody has altered it.
 */
@Controller
class AuditController {

	private final AuditSearch search;

	private final AuditChainVerifier verifier;

	private final AuditLog audit;

	private final ZoneId zone;

	AuditController(AuditSearch search, AuditChainVerifier verifier, AuditLog audit, RegionSettings region) {
		this.search = search;
		this.verifier = verifier;
		this.audit = audit;
		this.zone = region.timeZone();
	}

	@GetMapping("/audit")
	@Requires(capability = Capability.AUDIT, action = Action.READ)
	String search(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable String recordId,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletResponse response) {
		var criteria = new AuditSearch.Criteria(blankToNull(actor), blankToNull(agency), blankToNull(recordType),
				blankToNull(recordId), validOutcome(outcome), from, to);
		model.addAttribute("criteria", criteria);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("zone", zone);
		if (!searchable(from) || !searchable(to)) {
			// Nothing was ever logged outside these years, and the database cannot
			// compare with such a date.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("dateRangeError", true);
			model.addAttribute("result", new AuditSearch.Page(List.of(), 0, 1, 1));
			return "platform/audit";
		}
		if (from != null && to != null && to.isBefore(from)) {
			model.addAttribute("dateError", true);
		}
		audit.record(PlatformAudit.AUDIT_SEARCHED, "audit_event", null, null, Outcome.ALLOWED, criteria.describe());
		model.addAttribute("result", search.find(criteria, page, zone));
		return "platform/audit";
	}

	@PostMapping("/audit/verify")
	@Requires(capability = Capability.AUDIT, action = Action.READ)
	String verify(Model model) {
		var verification = verifier.verify();
		var problem = verification.problem();
		audit
			.record(PlatformAudit.AUDIT_CHAIN_VERIFIED, "audit_event", null, null, Outcome.ALLOWED,
					problem == null
							? "intact: " + verification.entriesChecked() + " entries, "
									+ verification.checkpointsCompared() + " checkpoints"
							: "broken: " + problem.describe());
		model.addAttribute("verification", verification);
		model.addAttribute("problemArguments", problem == null ? new Object[0] : problem.arguments(zone));
		model.addAttribute("zone", zone);
		return "platform/auditVerification";
	}

	/**
	 * Whether a search may use the date: none, or one of the years 1 to 9999 (a date
	 * input's range).
	 */
	static boolean searchable(@Nullable LocalDate date) {
		return date == null || (date.getYear() >= 1 && date.getYear() <= 9999);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	private static @Nullable String validOutcome(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		for (var outcome : Outcome.values()) {
			if (outcome.name().equals(value)) {
				return value;
			}
		}
		return null;
	}

}
