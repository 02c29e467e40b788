package org.harmwatch.programme.internal;

import org.harmwatch.consumptionrooms.SupervisedConsumptionRecorded;
import org.harmwatch.custodytesting.AssessmentAttended;
import org.harmwatch.custodytesting.DrugTestRecorded;
import org.harmwatch.custodytesting.TreatmentReferralMade;
import org.harmwatch.custodytesting.TreatmentStarted;
import org.harmwatch.diversion.DiversionContractCompleted;
import org.harmwatch.diversion.DiversionContractStarted;
import org.harmwatch.hatclinic.HatTreatmentStarted;
import org.harmwatch.programme.ServiceOutput;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts what funded services produce from the events of the modules that deliver them:
 * one output row per event and kind of output, keyed by the event's own id, so a
 * redelivered event counts once. No person reaches this module: the events carry an id,
 * the district and the day.
 */
@Component
class OutputsProjection {

	private final FundingRepository repository;

	OutputsProjection(FundingRepository repository) {
		this.repository = repository;
	}

	@ApplicationModuleListener
	void on(DrugTestRecorded event) {
		repository.recordOutput(event.testId(), ServiceOutput.DRUG_TEST, event.districtCode(), event.on());
		if (event.positive()) {
			repository.recordOutput(event.testId(), ServiceOutput.POSITIVE_TEST, event.districtCode(), event.on());
		}
	}

	@ApplicationModuleListener
	void on(AssessmentAttended event) {
		repository.recordOutput(event.assessmentId(), ServiceOutput.ASSESSMENT, event.districtCode(), event.on());
	}

	@ApplicationModuleListener
	void on(TreatmentReferralMade event) {
		repository.recordOutput(event.referralId(), ServiceOutput.TREATMENT_REFERRAL, event.districtCode(), event.on());
	}

	@ApplicationModuleListener
	void on(TreatmentStarted event) {
		repository.recordOutput(event.referralId(), ServiceOutput.TREATMENT_START, event.districtCode(), event.on());
	}

	@ApplicationModuleListener
	void on(DiversionContractStarted event) {
		repository.recordOutput(event.contractId(), ServiceOutput.CONTRACT_STARTED, event.districtCode(), event.on());
	}

	@ApplicationModuleListener
	void on(DiversionContractCompleted event) {
		repository.recordOutput(event.contractId(), ServiceOutput.CONTRACT_COMPLETED, event.districtCode(), event.on());
	}

	@ApplicationModuleListener
	void on(HatTreatmentStarted event) {
		repository.recordOutput(event.enrolmentId(), ServiceOutput.HAT_START, event.districtCode(), event.on());
	}

	@ApplicationModuleListener
	void on(SupervisedConsumptionRecorded event) {
		repository.recordOutput(event.visitId(), ServiceOutput.SUPERVISED_CONSUMPTION, event.districtCode(),
				event.on());
	}

}
