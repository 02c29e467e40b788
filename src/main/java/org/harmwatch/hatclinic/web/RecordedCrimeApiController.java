package org.harmwatch.hatclinic.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.harmwatch.hatclinic.HatCrimeLinkManagement;
import org.harmwatch.hatclinic.RecordedCrimeCount;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a police force sends recorded offences per pseudonym and month (its analyst or
 * its API client, role {@code RECORDED_CRIME_SENDER}). The answer is how many rows were
 * taken in, nothing more: which pseudonym is a client stays with the clinic.
 */
@RestController
class RecordedCrimeApiController {

	/** What a force sends. */
	record RecordedCrime(@Nullable List<RecordedCrimeCount> rows) {
	}

	private final HatCrimeLinkManagement links;

	RecordedCrimeApiController(HatCrimeLinkManagement links) {
		this.links = links;
	}

	@PostMapping("/api/hat/recorded-crime")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	Map<String, Object> receive(@RequestBody(required = false) @Nullable RecordedCrime body,
			@AuthenticationPrincipal HarmwatchUser user) {
		var rows = body == null || body.rows() == null ? List.<RecordedCrimeCount>of() : body.rows();
		return Map.of("received", links.receive(new ArrayList<>(rows), user));
	}

}
