package org.harmwatch.agency.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.AgencyManagement.IssuedToken;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.shared.Grant;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.harmwatch.agency.internal.AdministrationRules.checkPurposeSet;
import static org.harmwatch.agency.internal.AdministrationRules.describe;
import static org.harmwatch.agency.internal.AdministrationRules.notFound;
import static org.harmwatch.agency.internal.AdministrationRules.rejected;

/**
 * API clients, behind {@link AgencyManagement}: a client's grants must be ones its agency
 * may hold, and its token is shown once and kept only as a hash.
 */
@Service
public class ApiClientAdministration {

	private final ApiClientRepository apiClients;

	private final AgencyRepository agencies;

	private final ApiTokens tokens;

	private final AuditLog audit;

	private final Clock clock;

	ApiClientAdministration(ApiClientRepository apiClients, AgencyRepository agencies, ApiTokens tokens, AuditLog audit,
			Clock clock) {
		this.apiClients = apiClients;
		this.agencies = agencies;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ApiClient> apiClients() {
		return apiClients.findAllByOrderByCreatedAtDesc();
	}

	@Transactional(readOnly = true)
	public ApiClient apiClient(UUID id) {
		return apiClients.findById(id).orElseThrow(() -> notFound("api_client", id.toString()));
	}

	@Transactional
	public IssuedToken issueApiClient(String name, String agencyCode, Collection<Grant> grants, String issuedBy) {
		var agency = agencies.findByCode(agencyCode).orElseThrow(() -> notFound("agency", agencyCode));
		for (var grant : grants) {
			if (!grant.capability().purposes().contains(grant.purpose())) {
				throw rejected("grants", "admin.apiClient.error.grantNotHeld", grant.capability(), grant.purpose());
			}
		}
		var purposes = grants.stream().map(Grant::purpose).collect(Collectors.toSet());
		checkPurposeSet(agency.type(), purposes, "grants",
				new DefaultMessageSourceResolvable("admin.error.purposeNotHeld.client"));
		var token = tokens.newToken();
		var client = apiClients.save(ApiClient.issue(name.trim(), agency.id(), ApiTokens.hash(token),
				token.substring(0, 10), grants, issuedBy, clock.instant()));
		audit.record(AgencyAudit.API_CLIENT_ISSUED, "api_client", client.id().toString(), null, Outcome.ALLOWED,
				"agency=" + agency.code() + ", " + describe(grants));
		return new IssuedToken(client, token);
	}

	@Transactional
	public void revokeApiClient(UUID id) {
		var client = apiClients.findById(id).orElseThrow(() -> notFound("api_client", id.toString()));
		client.revoke(clock.instant());
		apiClients.save(client);
		audit.record(AgencyAudit.API_CLIENT_REVOKED, "api_client", id.toString(), null, Outcome.ALLOWED, null);
	}

}
