package org.harmwatch.platform.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds audit entries by who, which agency, which record, what outcome and when; newest
 * first, a page at a time.
 */
@Component
class AuditSearch {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	AuditSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Criteria(@Nullable String actor, @Nullable String agency, @Nullable String recordType,
			@Nullable String recordId, @Nullable String outcome, @Nullable LocalDate from, @Nullable LocalDate to) {

		String describe() {
			var parts = new ArrayList<String>();
			if (actor != null)
				parts.add("actor=" + actor);
			if (agency != null)
				parts.add("agency=" + agency);
			if (recordType != null)
				parts.add("recordType=" + recordType);
			if (recordId != null)
				parts.add("recordId=" + recordId);
			if (outcome != null)
				parts.add("outcome=" + outcome);
			if (from != null)
				parts.add("from=" + from);
			if (to != null)
				parts.add("to=" + to);
			return parts.isEmpty() ? "all" : String.join(", ", parts);
		}

	}

	record Page(List<AuditEntry> entries, long total, int page, int pages) {
	}

	Page find(Criteria criteria, int page, ZoneId zone) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (criteria.actor() != null) {
			where.add("actor ILIKE :actor");
			params.put("actor", "%" + criteria.actor() + "%");
		}
		if (criteria.agency() != null) {
			where.add("agency = :agency");
			params.put("agency", criteria.agency());
		}
		if (criteria.recordType() != null) {
			where.add("record_type = :recordType");
			params.put("recordType", criteria.recordType());
		}
		if (criteria.recordId() != null) {
			where.add("record_id = :recordId");
			params.put("recordId", criteria.recordId());
		}
		if (criteria.outcome() != null) {
			where.add("outcome = :outcome");
			params.put("outcome", criteria.outcome());
		}
		if (criteria.from() != null) {
			where.add("occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(criteria.from().atStartOfDay(zone).toInstant()));
		}
		if (criteria.to() != null) {
			where.add("occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(criteria.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		var clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		long total = jdbc.sql("SELECT count(*) FROM platform.audit_event" + clause)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (current - 1) * PAGE_SIZE);
		var entries = jdbc
			.sql("SELECT * FROM platform.audit_event" + clause + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> AuditEntry.fromRow(rs))
			.list();
		return new Page(entries, total, current, pages);
	}

}
