package org.harmwatch.demo.internal;

import java.util.UUID;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.programme.FundedServiceKind;
import org.harmwatch.programme.FundingDrafts;
import org.harmwatch.programme.FundingManagement;
import org.harmwatch.programme.FundingStreamKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The funding ledger in the demo: the commissioner's office accounts for its grant, the
 * drug strategy grant and proceeds of crime reinvested, allocated to custody testing,
 * liaison workers, treatment places and diversion in some districts and not others, so
 * that the audit shows costs per output (from the other demo modules' records), gaps and
 * an overlap, and the pooling what-if has something to pool.
 *
 * <p>
 * Through the funding management API in the commissioner's analyst's name; loaded once,
 * when {@code harmwatch.demo.scenario} is on and no agency keeps a ledger yet.
 */
@Component
@ConditionalOnBooleanProperty("harmwatch.demo.scenario")
@Order(60)
class DemoFunding extends DemoRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFunding.class);

	static final String BIRMINGHAM = "E08000025", COVENTRY = "E08000026", DUDLEY = "E08000027", SANDWELL = "E08000028",
			WOLVERHAMPTON = "E08000031";

	private final FundingManagement funding;

	private final UserDetailsService users;

	DemoFunding(FundingManagement funding, UserDetailsService users) {
		super("system:demo-funding");
		this.funding = funding;
		this.users = users;
	}

	@Override
	void runAsSystem() {
		locked("harmwatch-demo-funding", () -> {
			if (funding.hasLedger()) {
				return;
			}
			load((HarmwatchUser) users.loadUserByUsername("commissioner"));
		});
	}

	private void load(HarmwatchUser analyst) {
		int year = funding.currentYear().startYear();
		var grant = stream(analyst, "Commissioner's community safety grant (demo)", FundingStreamKind.PCC_GRANT,
				"West Midlands Police and Crime Commissioner", year, 2_400_000);
		var strategy = stream(analyst, "Drug strategy grant (demo)", FundingStreamKind.DRUG_STRATEGY_GRANT,
				"Office for Health Improvement and Disparities", year, 1_800_000);
		var proceeds = stream(analyst, "Proceeds of crime reinvested (demo)", FundingStreamKind.PROCEEDS_OF_CRIME,
				"Home Office asset recovery incentivisation scheme", year, 350_000);

		allocate(analyst, grant, service(analyst, "Birmingham custody drug testing (demo)",
				FundedServiceKind.CUSTODY_TESTING, BIRMINGHAM, "West Midlands Police"), year, 420_000);
		allocate(analyst, grant, service(analyst, "Coventry custody drug testing (demo)",
				FundedServiceKind.CUSTODY_TESTING, COVENTRY, "West Midlands Police"), year, 180_000);
		allocate(analyst, strategy, service(analyst, "Birmingham criminal-justice liaison (demo)",
				FundedServiceKind.CRIMINAL_JUSTICE_LIAISON, BIRMINGHAM, "Change Grow Live"), year, 310_000);
		// a second liaison service in Birmingham, paid from another stream: the overlap
		allocate(analyst, proceeds, service(analyst, "Arrest referral outreach (demo)",
				FundedServiceKind.CRIMINAL_JUSTICE_LIAISON, BIRMINGHAM, "Aquarius"), year, 90_000);
		allocate(
				analyst, strategy, service(analyst, "Criminal-justice treatment places (demo)",
						FundedServiceKind.TREATMENT_PLACES, BIRMINGHAM, "Birmingham Recovery Partnership"),
				year, 650_000);
		allocate(analyst, strategy, service(analyst, "Sandwell treatment places (demo)",
				FundedServiceKind.TREATMENT_PLACES, SANDWELL, "Cranstoun"), year, 240_000);
		allocate(analyst, grant, service(analyst, "Turning Point navigators (demo)",
				FundedServiceKind.DIVERSION_NAVIGATORS, BIRMINGHAM, "West Midlands Police"), year, 380_000);
		allocate(analyst, grant, service(analyst, "Wolverhampton diversion navigators (demo)",
				FundedServiceKind.DIVERSION_NAVIGATORS, WOLVERHAMPTON, "West Midlands Police"), year, 150_000);
		allocate(analyst, proceeds, service(analyst, "Dudley drug awareness course (demo)", FundedServiceKind.OTHER,
				DUDLEY, "Dudley Council"), year, 60_000);
		log.info("Demo funding ledger loaded: 3 streams and 9 services for {}", funding.currentYear().label());
	}

	private UUID stream(HarmwatchUser analyst, String name, FundingStreamKind kind, String funder, int year,
			long pounds) {
		var id = funding.addStream(analyst, new FundingDrafts.Stream(name, kind, funder));
		funding.setAmount(analyst, new FundingDrafts.Amount(id, year, pounds * 100));
		return id;
	}

	private UUID service(HarmwatchUser analyst, String name, FundedServiceKind kind, String district, String provider) {
		return funding.addService(analyst, new FundingDrafts.Service(name, kind, district, provider));
	}

	private void allocate(HarmwatchUser analyst, UUID stream, UUID service, int year, long pounds) {
		funding.allocate(analyst, new FundingDrafts.Allocation(stream, service, year, pounds * 100));
	}

}
