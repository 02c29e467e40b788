package org.harmwatch.substances.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.imports.ImportColumn;
import org.harmwatch.platform.imports.ImportContext;
import org.harmwatch.platform.imports.ImportFailedException;
import org.harmwatch.platform.imports.ImportKind;
import org.harmwatch.platform.imports.ImportOutcome;
import org.harmwatch.platform.imports.ImportPreview;
import org.harmwatch.platform.imports.ImportProblem;
import org.harmwatch.platform.imports.ImportRow;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.internal.VocabularyRules.Change;
import org.harmwatch.substances.internal.VocabularyRules.Drafted;
import org.harmwatch.substances.internal.VocabularyRules.Mode;
import org.harmwatch.substances.internal.VocabularyRules.Plan;
import org.springframework.stereotype.Component;

/**
 * The substance vocabulary as a CSV import of the platform's facility (the format of
 * {@link SubstanceCsv}): each row adds a substance or changes the one with its code (else
 * its name); the rows are checked together against the whole vocabulary, and what they
 * would change is shown before the coordinator confirms. Stored all or nothing, under the
 * vocabulary's lock, checked again then.
 */
@Component
public class VocabularyImportKind implements ImportKind<SubstanceCsv.Row> {

	/** The kind's name, stored with its jobs. */
	public static final String NAME = "substance-vocabulary";

	/** Changes a preview names. */
	public static final String CREATED = "created", CHANGED = "changed", UNCHANGED = "unchanged";

	private final VocabularyWriter writer;

	private final AuditLog audit;

	private final Clock clock;

	VocabularyImportKind(VocabularyWriter writer, AuditLog audit, Clock clock) {
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Grant grant() {
		return new Grant(Capability.SUBSTANCES, Action.MANAGE, Purpose.PUBLIC);
	}

	@Override
	public List<ImportColumn> columns() {
		return SubstanceCsv.COLUMNS.stream()
			.map(c -> c.equals("name") || c.equals("class") ? ImportColumn.required(c, c, c.replace('_', ' '))
					: ImportColumn.optional(c, c, c.replace('_', ' ')))
			.toList();
	}

	@Override
	public int maxRows() {
		return SubstanceCsv.MAX_ROWS;
	}

	@Override
	public SubstanceCsv.Row parse(ImportRow row) {
		var problems = new ArrayList<RowProblem>();
		var draft = SubstanceCsv.draft(row.number(), column -> {
			var cell = row.cell(column);
			return cell == null ? "" : CsvWriter.restore(cell);
		}, problems);
		if (!problems.isEmpty() || draft == null) {
			throw row.reject(problems.stream().map(RowProblem::importProblem).toList());
		}
		return new SubstanceCsv.Row(row.number(), draft);
	}

	@Override
	public List<ImportProblem> checkTogether(List<Parsed<SubstanceCsv.Row>> rows) {
		return plan(writer.load(), rows.stream().map(Parsed::record).toList(), "check").problems()
			.stream()
			.map(RowProblem::importProblem)
			.toList();
	}

	@Override
	public ImportPreview preview(List<SubstanceCsv.Row> records, ImportContext context) {
		return preview(plan(writer.load(), records, actor(context)));
	}

	@Override
	public ImportOutcome store(List<SubstanceCsv.Row> records, ImportContext context) {
		var actor = actor(context);
		var plan = plan(writer.lockAndLoad(), records, actor);
		if (!plan.valid()) {
			// The vocabulary changed since the rows were checked a moment ago.
			throw new ImportFailedException("substances.import.changedMeanwhile", List.of(plan.problems().size()));
		}
		try {
			writer.write(plan);
		}
		catch (InputRejectedException concurrent) {
			throw new ImportFailedException("substances.error.concurrent", List.of());
		}
		var preview = preview(plan);
		for (var change : plan.effective()) {
			audit.recordFor(actor, context.agencyCode(),
					change.created() ? SubstanceAudit.SUBSTANCE_CREATED : SubstanceAudit.SUBSTANCE_CHANGED, "substance",
					change.after().id().code(), null, Outcome.ALLOWED, "import row " + change.row()
							+ (change.created() ? "" : ": " + VocabularyWriter.differences(change)));
		}
		audit.recordFor(actor, context.agencyCode(), SubstanceAudit.SUBSTANCES_IMPORTED, "substance", null, null,
				Outcome.ALLOWED, records.size() + " rows, " + preview.count(CREATED) + " created, "
						+ preview.count(CHANGED) + " changed");
		context.changed(preview);
		context.stored(records.size());
		int effective = plan.effective().size();
		return new ImportOutcome(records.size(), effective, records.size() - effective);
	}

	private Plan plan(List<SubstanceDetails> existing, List<SubstanceCsv.Row> rows, String actor) {
		var drafts = rows.stream().map(r -> new Drafted(r.row(), r.draft())).toList();
		return VocabularyRules.plan(existing, drafts, Mode.UPSERT, clock.instant(), actor, true);
	}

	private static ImportPreview preview(Plan plan) {
		var created = plan.changes().stream().filter(Change::created).map(c -> c.after().name()).toList();
		var changed = plan.changes().stream().filter(Change::changed).map(c -> c.after().name()).toList();
		int unchanged = (int) plan.changes().stream().filter(c -> !c.created() && !c.changed()).count();
		return new ImportPreview(List.of(ImportPreview.named(CREATED, created), ImportPreview.named(CHANGED, changed),
				ImportPreview.counted(UNCHANGED, unchanged)));
	}

	private static String actor(ImportContext context) {
		var startedBy = context.startedBy();
		return startedBy == null ? context.importedBy() : startedBy;
	}

}
