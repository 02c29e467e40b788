package org.harmwatch.drugchecking;

import java.util.List;
import java.util.stream.Collectors;

/** A draft was refused; nothing was stored. Names every wrong field. */
public class DrugCheckingRejectedException extends RuntimeException {

	private final List<Problem> problems;

	public DrugCheckingRejectedException(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining(" ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
