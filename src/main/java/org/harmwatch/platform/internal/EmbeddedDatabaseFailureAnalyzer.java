package org.harmwatch.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link EmbeddedDatabaseStartException} into Spring Boot's short "APPLICATION
 * FAILED TO START" report instead of a stack trace (registered in
 * {@code META-INF/spring.factories}).
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseStartException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
