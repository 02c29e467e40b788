package org.harmwatch.substances.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceDetails;
import org.harmwatch.substances.SubstanceDraft;
import org.harmwatch.substances.TermKind;
import org.harmwatch.substances.internal.RowProblem;
import org.harmwatch.substances.internal.SubstanceCsv;
import org.jspecify.annotations.Nullable;

/**
 * What the create and edit form sends: every field as typed, so that nothing is lost when
 * the form comes back with errors. Aliases and street names are one per line.
 */
public class SubstanceForm {

	private String name = "";

	private String substanceClass = "";

	private List<String> flags = new ArrayList<>();

	private String parent = "";

	private String aliases = "";

	private String streetNames = "";

	private String pubchemCid = "";

	private String casNumber = "";

	private String notes = "";

	static SubstanceForm of(SubstanceDetails substance) {
		var form = new SubstanceForm();
		form.name = substance.name();
		form.substanceClass = substance.substanceClass().name();
		form.flags = substance.flags().stream().map(Enum::name).toList();
		form.parent = substance.parent() == null ? "" : substance.parent().code();
		form.aliases = SubstanceCsv.aliasList(substance.aliases(), TermKind.SYNONYM, "\n");
		form.streetNames = SubstanceCsv.aliasList(substance.aliases(), TermKind.STREET_NAME, "\n");
		form.pubchemCid = substance.pubchemCid() == null ? "" : substance.pubchemCid().toString();
		form.casNumber = substance.casNumber() == null ? "" : substance.casNumber();
		form.notes = substance.notes() == null ? "" : substance.notes();
		return form;
	}

	/** The form as a draft, or the problems that stop it being one. */
	@Nullable SubstanceDraft toDraft(List<RowProblem> problems) {
		int before = problems.size();
		if (name.isBlank()) {
			problems.add(RowProblem.of(null, "name", "substances.form.name.required"));
		}
		SubstanceClass chosenClass = null;
		try {
			chosenClass = SubstanceClass.valueOf(substanceClass.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(RowProblem.of(null, "substanceClass", "substances.form.class.required"));
		}
		var chosenFlags = EnumSet.noneOf(RiskFlag.class);
		for (var flag : flags) {
			try {
				chosenFlags.add(RiskFlag.valueOf(flag));
			}
			catch (IllegalArgumentException ex) {
				problems.add(RowProblem.of(null, "flags", "substances.form.flag.invalid", flag));
			}
		}
		Long cid = null;
		if (!pubchemCid.isBlank()) {
			try {
				cid = Long.valueOf(pubchemCid.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(RowProblem.of(null, "pubchemCid", "substances.form.pubchemCid.invalid"));
			}
		}
		var parsedAliases = new ArrayList<>(
				SubstanceCsv.aliases(null, "aliases", lines(aliases), TermKind.SYNONYM, problems));
		parsedAliases
			.addAll(SubstanceCsv.aliases(null, "streetNames", lines(streetNames), TermKind.STREET_NAME, problems));
		if (problems.size() > before || chosenClass == null) {
			return null;
		}
		return new SubstanceDraft(null, name, chosenClass, chosenFlags, blankToNull(parent), parsedAliases, cid,
				blankToNull(casNumber), blankToNull(notes));
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

	public String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name == null ? "" : name;
	}

	public String getSubstanceClass() {
		return substanceClass;
	}

	public void setSubstanceClass(@Nullable String substanceClass) {
		this.substanceClass = substanceClass == null ? "" : substanceClass;
	}

	public List<String> getFlags() {
		return flags;
	}

	public void setFlags(@Nullable List<String> flags) {
		this.flags = flags == null ? new ArrayList<>() : flags;
	}

	public String getParent() {
		return parent;
	}

	public void setParent(@Nullable String parent) {
		this.parent = parent == null ? "" : parent;
	}

	public String getAliases() {
		return aliases;
	}

	public void setAliases(@Nullable String aliases) {
		this.aliases = aliases == null ? "" : aliases;
	}

	public String getStreetNames() {
		return streetNames;
	}

	public void setStreetNames(@Nullable String streetNames) {
		this.streetNames = streetNames == null ? "" : streetNames;
	}

	public String getPubchemCid() {
		return pubchemCid;
	}

	public void setPubchemCid(@Nullable String pubchemCid) {
		this.pubchemCid = pubchemCid == null ? "" : pubchemCid;
	}

	public String getCasNumber() {
		return casNumber;
	}

	public void setCasNumber(@Nullable String casNumber) {
		this.casNumber = casNumber == null ? "" : casNumber;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes == null ? "" : notes;
	}

}
