package org.harmwatch.platform.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link AuditKeyException} into Spring Boot's short "APPLICATION FAILED TO
 * START" report instead of a stack trace (registered in
 * {@code META-INF/spring.factories}).
 */
class AuditKeyFailureAnalyzer extends AbstractFailureAnalyzer<AuditKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AuditKeyException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
