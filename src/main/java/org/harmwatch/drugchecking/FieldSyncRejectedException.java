package org.harmwatch.drugchecking;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A field-mode batch was refused; nothing of it was stored. Names each wrong record and
 * field.
 */
public class FieldSyncRejectedException extends RuntimeException {

	private final List<FieldSyncManagement.RecordProblem> problems;

	public FieldSyncRejectedException(List<FieldSyncManagement.RecordProblem> problems) {
		super(problems.stream()
			.map(p -> (p.record() < 0 ? "" : "records[" + p.record() + "] (" + p.clientId() + ") ") + p.field() + ": "
					+ p.message())
			.collect(Collectors.joining(" ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldSyncManagement.RecordProblem> problems() {
		return problems;
	}

}
