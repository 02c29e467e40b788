package org.harmwatch.platform.audit;

import org.harmwatch.platform.AuditAction;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The audit log in PostgreSQL.
 *
 * <p>
 * Each entry is inserted in its own transaction, without a lock: writers on every
 * instance append at once, and {@link AuditSealer} seals their entries into the keyed
 * chain moments later ({@link AuditChain}).
 */
@Service
class JdbcAuditLog implements AuditLog {

	private final AuditChain chain;

	JdbcAuditLog(AuditChain chain) {
		this.chain = chain;
	}

	@Override
	public void record(AuditAction action, String recordType, @Nullable String recordId, @Nullable Purpose purpose,
			Outcome outcome, @Nullable String detail) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		String actor = "anonymous";
		String agency = null;
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			actor = authentication.getName();
			if (authentication.getPrincipal() instanceof HarmwatchUser user) {
				agency = user.agencyCode();
			}
		}
		recordFor(actor, agency, action, recordType, recordId, purpose, outcome, detail);
	}

	@Override
	public void recordFor(String actor, @Nullable String agency, AuditAction action, String recordType,
			@Nullable String recordId, @Nullable Purpose purpose, Outcome outcome, @Nullable String detail) {
		chain.append(actor, agency, action.name(), recordType, recordId, purpose == null ? null : purpose.name(),
				outcome.name(), detail);
	}

}
