package org.harmwatch.earlywarning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.earlywarning.ReportAttachments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files sent with reports, stored as cleaned (photos re-encoded without metadata)
 * with their digest.
 */
@Repository
public class AttachmentRepository {

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a report's cleaned file at a position. */
	public void insert(UUID reportId, int position, AttachmentSanitiser.Clean file, String sha256, Instant receivedAt) {
		jdbc.sql("""
				INSERT INTO earlywarning.report_attachment (id, report_id, position, filename, content_type, size,
				  sha256, content, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.param(UUID.randomUUID())
			.param(reportId)
			.param(position)
			.param(file.filename())
			.param(file.contentType())
			.param(file.content().length)
			.param(sha256)
			.param(file.content())
			.param(Timestamp.from(receivedAt))
			.update();
	}

	/** A report's files, without content, in the order they were sent. */
	public List<ReportAttachments.Attachment> of(UUID reportId) {
		return jdbc
			.sql("SELECT id, filename, content_type, size FROM earlywarning.report_attachment "
					+ "WHERE report_id = ? ORDER BY position")
			.param(reportId)
			.query((rs, n) -> attachment(rs))
			.list();
	}

	/** One of a report's files with its content. */
	public Optional<ReportAttachments.Content> find(UUID reportId, UUID attachmentId) {
		return jdbc
			.sql("SELECT id, filename, content_type, size, content FROM earlywarning.report_attachment "
					+ "WHERE report_id = ? AND id = ?")
			.param(reportId)
			.param(attachmentId)
			.query((rs, n) -> new ReportAttachments.Content(attachment(rs), rs.getBytes("content")))
			.optional();
	}

	private static ReportAttachments.Attachment attachment(ResultSet rs) throws SQLException {
		return new ReportAttachments.Attachment(rs.getObject("id", UUID.class), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size"));
	}

}
