package org.harmwatch.custodytesting.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;

import org.harmwatch.custodytesting.CustodyFunnelManagement;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.Funnel;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The funnel from arrest to treatment per custody suite and month: whole counts for
 * police staff who may read the records counted, counts under 5 withheld for everyone
 * else; and the export of the records counted.
 */
@Controller
class FunnelController {

	private final CustodyTestingManagement custody;

	private final CustodyFunnelManagement funnels;

	FunnelController(CustodyTestingManagement custody, CustodyFunnelManagement funnels) {
		this.custody = custody;
		this.funnels = funnels;
	}

	@GetMapping("/custody-testing/funnel")
	@PublicEndpoint("Arrests for trigger offences through to treatment per custody suite and month; counts under 5 withheld unless the reader may read the records")
	String funnel(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model,
			@AuthenticationPrincipal @Nullable HarmwatchUser user) {
		var funnel = funnel(custody, funnels, from, to, user);
		model.addAttribute("funnel", funnel);
		model.addAttribute("threshold", Funnel.THRESHOLD);
		model.addAttribute("mayExport", user != null && !funnel.suppressed());
		return "custodytesting/funnel";
	}

	@GetMapping("/custody-testing/export.csv")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.READ)
	ResponseEntity<String> export(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal HarmwatchUser user) {
		var months = months(custody, from, to);
		var csv = funnels.export(months[0], months[1], user);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"custody-testing-" + months[0] + "-to-" + months[1] + ".csv\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

	/** The funnel asked for: the last twelve months unless the months are given. */
	static Funnel funnel(CustodyTestingManagement custody, CustodyFunnelManagement funnels, @Nullable String from,
			@Nullable String to, @Nullable HarmwatchUser user) {
		var months = months(custody, from, to);
		return funnels.funnel(months[0], months[1], user);
	}

	/** The first and last month asked for: the last twelve unless given. */
	private static YearMonth[] months(CustodyTestingManagement custody, @Nullable String from, @Nullable String to) {
		var problems = new ArrayList<FieldProblem>();
		var thisMonth = YearMonth.from(custody.today());
		var first = FormValues.month(from, thisMonth.minusMonths(11), "from", problems);
		var last = FormValues.month(to, thisMonth, "to", problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return new YearMonth[] { first, last };
	}

}
