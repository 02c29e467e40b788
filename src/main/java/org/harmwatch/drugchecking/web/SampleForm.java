package org.harmwatch.drugchecking.web;

import java.util.List;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.jspecify.annotations.Nullable;

/**
 * The intake form, as text. There is no field for a name, contact details or a date of
 * birth.
 */
public class SampleForm {

	private String clientId = UUID.randomUUID().toString();

	private @Nullable String mode;

	private @Nullable String soldAs;

	private @Nullable String form;

	private @Nullable String pillColour;

	private @Nullable String pillLogo;

	private @Nullable String pillShape;

	private @Nullable String pillScoreLine;

	private @Nullable String pillWeightMg;

	private @Nullable String obtainedLadCode;

	private @Nullable String intendedDose;

	private boolean consent;

	private @Nullable String ageBand;

	SampleDraft toDraft(List<Problem> problems) {
		UUID client;
		try {
			client = UUID.fromString(clientId);
		}
		catch (IllegalArgumentException ex) {
			client = UUID.randomUUID();
		}
		return new SampleDraft(client,
				Forms.parse(SampleMode.class, mode, "mode", "Choose how the sample came in.", problems), soldAs,
				Forms.parse(DosageForm.class, form, "form", "Choose the sample's form.", problems), pillColour,
				pillLogo, pillShape,
				pillScoreLine == null || pillScoreLine.isBlank() ? null : "yes".equals(pillScoreLine),
				Forms.number(pillWeightMg, "pillWeightMg", problems), obtainedLadCode, intendedDose, consent,
				Forms.parse(AgeBand.class, ageBand, "ageBand", "Choose an age band from the list.", problems));
	}

	public String getClientId() {
		return clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getMode() {
		return mode;
	}

	public void setMode(@Nullable String mode) {
		this.mode = mode;
	}

	public @Nullable String getSoldAs() {
		return soldAs;
	}

	public void setSoldAs(@Nullable String soldAs) {
		this.soldAs = soldAs;
	}

	public @Nullable String getForm() {
		return form;
	}

	public void setForm(@Nullable String form) {
		this.form = form;
	}

	public @Nullable String getPillColour() {
		return pillColour;
	}

	public void setPillColour(@Nullable String pillColour) {
		this.pillColour = pillColour;
	}

	public @Nullable String getPillLogo() {
		return pillLogo;
	}

	public void setPillLogo(@Nullable String pillLogo) {
		this.pillLogo = pillLogo;
	}

	public @Nullable String getPillShape() {
		return pillShape;
	}

	public void setPillShape(@Nullable String pillShape) {
		this.pillShape = pillShape;
	}

	public @Nullable String getPillScoreLine() {
		return pillScoreLine;
	}

	public void setPillScoreLine(@Nullable String pillScoreLine) {
		this.pillScoreLine = pillScoreLine;
	}

	public @Nullable String getPillWeightMg() {
		return pillWeightMg;
	}

	public void setPillWeightMg(@Nullable String pillWeightMg) {
		this.pillWeightMg = pillWeightMg;
	}

	public @Nullable String getObtainedLadCode() {
		return obtainedLadCode;
	}

	public void setObtainedLadCode(@Nullable String obtainedLadCode) {
		this.obtainedLadCode = obtainedLadCode;
	}

	public @Nullable String getIntendedDose() {
		return intendedDose;
	}

	public void setIntendedDose(@Nullable String intendedDose) {
		this.intendedDose = intendedDose;
	}

	public boolean isConsent() {
		return consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

	public @Nullable String getAgeBand() {
		return ageBand;
	}

	public void setAgeBand(@Nullable String ageBand) {
		this.ageBand = ageBand;
	}

}
