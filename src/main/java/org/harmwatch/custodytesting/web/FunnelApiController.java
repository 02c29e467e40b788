package org.harmwatch.custodytesting.web;

import org.harmwatch.custodytesting.CustodyFunnelManagement;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.Funnel;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.PublicEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funnel as JSON, under the same rules as its page. */
@RestController
class FunnelApiController {

	private final CustodyTestingManagement custody;

	private final CustodyFunnelManagement funnels;

	FunnelApiController(CustodyTestingManagement custody, CustodyFunnelManagement funnels) {
		this.custody = custody;
		this.funnels = funnels;
	}

	@GetMapping("/api/custody-testing/funnel")
	@PublicEndpoint("The custody testing funnel as JSON; counts under 5 withheld unless the reader may read the records")
	Funnel funnel(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@AuthenticationPrincipal @Nullable HarmwatchUser user) {
		return FunnelController.funnel(custody, funnels, from, to, user);
	}

}
