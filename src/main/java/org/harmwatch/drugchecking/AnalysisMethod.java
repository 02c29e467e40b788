package org.harmwatch.drugchecking;

/** How a component was found. */
public enum AnalysisMethod {

	FTIR("FTIR"), RAMAN("Raman"), UV_VIS("UV-Vis"), REAGENT_TEST("reagent test"), FENTANYL_STRIP("fentanyl test strip"),
	BENZODIAZEPINE_STRIP("benzodiazepine test strip"), NITAZENE_STRIP("nitazene test strip"),
	XYLAZINE_STRIP("xylazine test strip"), GC_MS("GC-MS"), LC_MS("LC-MS");

	private final String label;

	AnalysisMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether it is a laboratory confirmation. */
	public boolean laboratory() {
		return this == GC_MS || this == LC_MS;
	}

}
