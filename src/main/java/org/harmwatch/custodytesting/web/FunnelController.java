package org.harmwatch.custodytesting.web;

import java.time.YearMonth;
import java.util.ArrayList;

import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.Funnel;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The funnel from arrest to treatment per custody suite and month: whole counts for
 * police staff who may read the records counted, counts under 5 withheld for everyone
 * else.
 */
@Controller
class FunnelController {

	private final CustodyTestingManagement custody;

	FunnelController(CustodyTestingManagement custody) {
		this.custody = custody;
	}

	@GetMapping("/custody-testing/funnel")
	@PublicEndpoint("Arrests for trigger offences through to treatment per custody suite and month; counts under 5 withheld unless the reader may read the records")
	String funnel(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model,
			@AuthenticationPrincipal @Nullable HarmwatchUser user) {
		var funnel = funnel(custody, from, to, user);
		model.addAttribute("funnel", funnel);
		model.addAttribute("threshold", Funnel.THRESHOLD);
		model.addAttribute("mayExport", user != null && !funnel.suppressed());
		return "custodytesting/funnel";
	}

	/** The funnel asked for: the last twelve months unless the months are given. */
	static Funnel funnel(CustodyTestingManagement custody, @Nullable String from, @Nullable String to,
			@Nullable HarmwatchUser user) {
		var problems = new ArrayList<FieldProblem>();
		var thisMonth = YearMonth.from(custody.today());
		var first = FormValues.month(from, thisMonth.minusMonths(11), "from", problems);
		var last = FormValues.month(to, thisMonth, "to", problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return custody.funnel(first, last, user);
	}

}
