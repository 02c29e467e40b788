package org.harmwatch.earlywarning;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.internal.AttachmentRepository;
import org.harmwatch.earlywarning.internal.AttachmentSanitiser;
import org.harmwatch.earlywarning.internal.ReportIntake;
import org.harmwatch.earlywarning.internal.EarlyWarningAudit;
import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.ReportRepository;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Photos and lab reports sent with a report. Photos (JPEG, PNG) are re-encoded so that no
 * camera metadata, such as the GPS position of the home where a photo was taken, is ever
 * stored; PDFs (lab reports) are stored as sent. A report and its attachments are stored
 * together or not at all.
 */
@Service
public class ReportAttachments {

	/** At most this many files per report. */
	public static final int MAX_FILES = 3;

	/** At most this many bytes per file. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private final EarlyWarningManagement earlyWarning;

	private final ReportIntake intake;

	private final AttachmentSanitiser sanitiser;

	private final AttachmentRepository attachments;

	private final ReportRepository reports;

	private final AuditLog audit;

	ReportAttachments(EarlyWarningManagement earlyWarning, ReportIntake intake, AttachmentSanitiser sanitiser,
			AttachmentRepository attachments, ReportRepository reports, AuditLog audit) {
		this.earlyWarning = earlyWarning;
		this.intake = intake;
		this.sanitiser = sanitiser;
		this.attachments = attachments;
		this.reports = reports;
		this.audit = audit;
	}

	/**
	 * A file as sent.
	 *
	 * @param filename its name on the sender's device
	 * @param content its bytes
	 */
	public record Upload(@Nullable String filename, byte[] content) {
	}

	/**
	 * A stored file, without its content.
	 *
	 * @param id the attachment
	 * @param filename a safe version of its name
	 * @param contentType what Harmwatch found it to be (not what the sender said)
	 * @param size its size in bytes as stored
	 */
	public record Attachment(UUID id, String filename, String contentType, long size) {
	}

	/**
	 * A stored file with its content.
	 *
	 * @param attachment what it is
	 * @param content its bytes
	 */
	public record Content(Attachment attachment, byte[] content) {
	}

	/**
	 * What is wrong with these files; empty when all can be stored. Stores nothing.
	 */
	public List<FieldProblem> check(List<Upload> uploads) {
		var problems = new ArrayList<FieldProblem>();
		prepare(uploads, problems);
		return problems;
	}

	/**
	 * Stores a report and its files together, as {@link EarlyWarningManagement#submit}
	 * does for a report alone.
	 * @throws InputRejectedException naming every wrong field and file; nothing is stored
	 * then
	 */
	public UUID submit(ReportDraft draft, @Nullable Reporter reporter, Instant receivedAt, List<Upload> uploads) {
		var problems = new ArrayList<FieldProblem>();
		var prepared = prepare(uploads, problems);
		if (!problems.isEmpty()) {
			problems.addAll(0, earlyWarning.check(draft, receivedAt));
			throw new InputRejectedException(problems);
		}
		return intake.submit(draft, reporter, receivedAt, id -> {
			int position = 0;
			for (var file : prepared) {
				attachments.insert(id, position++, file, sha256(file.content()), receivedAt);
			}
		});
	}

	/** A report's files, in the order they were sent. */
	public List<Attachment> of(UUID reportId) {
		return attachments.of(reportId);
	}

	/**
	 * A report's files as the reader may see them: none when the policy keeps them from
	 * the reader.
	 */
	public List<Attachment> of(UUID reportId, HarmwatchUser reader) {
		return EarlyWarningPolicy.mayReadAttachments(reader, reporterAgency(reportId)) ? of(reportId) : List.of();
	}

	private @Nullable String reporterAgency(UUID reportId) {
		return reports.reporterAgency(reportId);
	}

	/**
	 * One of a report's files with its content, for a reader the policy lets open it
	 * ({@link EarlyWarningPolicy}); each read, and each refusal, is audited.
	 * @throws AccessDeniedException when the reader may not open the report's files
	 */
	public Content read(UUID reportId, UUID attachmentId, HarmwatchUser reader) {
		if (!EarlyWarningPolicy.mayReadAttachments(reader, reporterAgency(reportId))) {
			audit.record(EarlyWarningAudit.ATTACHMENT_WITHHELD, "early-warning-report", reportId.toString(),
					Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, attachmentId.toString());
			throw new AccessDeniedException("The files sent with another agency's report are not for law enforcement.");
		}
		var content = attachments.find(reportId, attachmentId)
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.attachment", attachmentId));
		audit.record(EarlyWarningAudit.ATTACHMENT_VIEWED, "early-warning-report", reportId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, content.attachment().filename());
		return content;
	}

	private List<AttachmentSanitiser.Clean> prepare(List<Upload> uploads, List<FieldProblem> problems) {
		var given = uploads.stream().filter(u -> u.content().length > 0).toList();
		if (given.size() > MAX_FILES) {
			problems.add(FieldProblem.of("attachments", "earlywarning.error.attachments.tooMany",
					String.valueOf(MAX_FILES)));
			return List.of();
		}
		var prepared = new ArrayList<AttachmentSanitiser.Clean>();
		for (var upload : given) {
			var name = AttachmentSanitiser.safeName(upload.filename());
			if (upload.content().length > MAX_BYTES) {
				problems.add(FieldProblem.of("attachments", "earlywarning.error.attachment.tooLarge", name));
				continue;
			}
			try {
				prepared.add(sanitiser.clean(name, upload.content()));
			}
			catch (AttachmentSanitiser.UnacceptableFile ex) {
				problems.add(ex.reason() == null
						? FieldProblem.of("attachments", "earlywarning.error.attachment.type", name)
						: FieldProblem.of("attachments", "earlywarning.error.attachment.image", name, ex.reason()));
			}
		}
		return prepared;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
