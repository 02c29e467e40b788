package org.harmwatch.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.EventPublications;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.consumptionrooms.SupervisedConsumptionRecorded;
import org.harmwatch.custodytesting.AssessmentAttended;
import org.harmwatch.custodytesting.DrugTestRecorded;
import org.harmwatch.custodytesting.TreatmentReferralMade;
import org.harmwatch.custodytesting.TreatmentStarted;
import org.harmwatch.diversion.DiversionContractCompleted;
import org.harmwatch.diversion.DiversionContractStarted;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.hatclinic.HatTreatmentStarted;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.programme.internal.FundingRepository;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funding ledger end to end: streams, amounts, services and allocations kept by the
 * commissioner's office; costs per output and outcome computed from the outputs the
 * delivering modules report; gaps, overlaps and unfunded activity; the pooling what-if;
 * small counts withheld with everything that would give them away. Each test uses its own
 * financial year far ahead, so other tests' outputs never fall in it.
 */
@HarmwatchIntegrationTest
class FundingIntegrationTests {

	static final String BIRMINGHAM = "E08000025", COVENTRY = "E08000026", DUDLEY = "E08000027";

	@Autowired
	FundingManagement funding;

	@Autowired
	FundingRepository outputs;

	@Autowired
	GeographyManagement geography;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	JdbcClient jdbc;

	HarmwatchUser commissioner() {
		return (HarmwatchUser) users.loadUserByUsername("commissioner");
	}

	static String unique(String name) {
		return name + " " + System.nanoTime();
	}

	UUID streamWith(int year, long pence) {
		var stream = funding.addStream(commissioner(),
				new FundingDrafts.Stream(unique("Commissioner's grant"), FundingStreamKind.PCC_GRANT, "OPCC"));
		funding.setAmount(commissioner(), new FundingDrafts.Amount(stream, year, pence));
		return stream;
	}

	UUID service(FundedServiceKind kind, String district) {
		return funding.addService(commissioner(),
				new FundingDrafts.Service(unique("Service"), kind, district, "Provider Ltd"));
	}

	void produce(ServiceOutput output, String district, int year, int count) {
		for (int i = 0; i < count; i++) {
			outputs.recordOutput(UUID.randomUUID(), output, district, LocalDate.of(year, 6, 1).plusDays(i));
		}
	}

	static FundingAudit.Line line(FundingAudit audit, String district, FundedServiceKind kind) {
		return district(audit, district).lines().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
	}

	static FundingAudit.District district(FundingAudit audit, String code) {
		return audit.districts().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void costsPerOutputAndOutcomeAreComputedFromWhatTheServicesRecorded() {
		int year = 2090;
		var stream = streamWith(year, 100_000_000);
		var testing = service(FundedServiceKind.CUSTODY_TESTING, BIRMINGHAM);
		funding.allocate(commissioner(), new FundingDrafts.Allocation(stream, testing, year, 20_000_000));
		produce(ServiceOutput.DRUG_TEST, BIRMINGHAM, year, 40);
		produce(ServiceOutput.TREATMENT_START, BIRMINGHAM, year, 8);
		// the same event delivered twice counts once; a day outside the year not at all
		var again = UUID.randomUUID();
		outputs.recordOutput(again, ServiceOutput.DRUG_TEST, BIRMINGHAM, LocalDate.of(year, 7, 1));
		outputs.recordOutput(again, ServiceOutput.DRUG_TEST, BIRMINGHAM, LocalDate.of(year, 7, 1));
		outputs.recordOutput(UUID.randomUUID(), ServiceOutput.DRUG_TEST, BIRMINGHAM, LocalDate.of(year, 3, 31));
		// Coventry tests people but nobody's money pays for it, and only 3
		produce(ServiceOutput.DRUG_TEST, COVENTRY, year, 3);

		var audit = funding.audit(commissioner(), new FinancialYear(year));

		var birmingham = line(audit, BIRMINGHAM, FundedServiceKind.CUSTODY_TESTING);
		assertThat(birmingham.pence()).isEqualTo(20_000_000);
		assertThat(birmingham.outputs().shown()).isEqualTo(41);
		assertThat(birmingham.pencePerOutput()).isEqualTo(Math.round(20_000_000 / 41.0));
		assertThat(birmingham.outcomes().shown()).isEqualTo(8);
		assertThat(birmingham.pencePerOutcome()).isEqualTo(2_500_000);
		assertThat(district(audit, BIRMINGHAM).gaps())
			.contains(FundedServiceKind.TREATMENT_PLACES, FundedServiceKind.DIVERSION_NAVIGATORS)
			.doesNotContain(FundedServiceKind.CUSTODY_TESTING);

		var coventry = line(audit, COVENTRY, FundedServiceKind.CUSTODY_TESTING);
		assertThat(coventry.outputs().withheld()).isTrue();
		assertThat(coventry.pencePerOutput()).isNull();
		assertThat(district(audit, COVENTRY).unfunded()).containsExactly(FundedServiceKind.CUSTODY_TESTING);
		assertThat(district(audit, COVENTRY).gaps()).contains(FundedServiceKind.CUSTODY_TESTING);

		// a second funded service of the same kind in Birmingham is an overlap
		funding.allocate(commissioner(), new FundingDrafts.Allocation(stream,
				service(FundedServiceKind.CUSTODY_TESTING, BIRMINGHAM), year, 5_000_000));
		var again2 = funding.audit(commissioner(), new FinancialYear(year));
		assertThat(district(again2, BIRMINGHAM).overlaps()).containsExactly(FundedServiceKind.CUSTODY_TESTING);
		assertThat(line(again2, BIRMINGHAM, FundedServiceKind.CUSTODY_TESTING).pence()).isEqualTo(25_000_000);
	}

	@Test
	void theDeliveringModulesEventsAreCountedOnceEach() {
		int year = 2096;
		var day = LocalDate.of(year, 9, 1);
		var test = new DrugTestRecorded(UUID.randomUUID(), COVENTRY, day, true);
		var events = new java.util.ArrayList<Object>(
				List.of(test, new DrugTestRecorded(UUID.randomUUID(), COVENTRY, day, false),
						new AssessmentAttended(UUID.randomUUID(), COVENTRY, day),
						new TreatmentReferralMade(UUID.randomUUID(), COVENTRY, day),
						new TreatmentStarted(UUID.randomUUID(), COVENTRY, day),
						new DiversionContractStarted(UUID.randomUUID(), COVENTRY, day),
						new DiversionContractCompleted(UUID.randomUUID(), COVENTRY, day),
						new HatTreatmentStarted(UUID.randomUUID(), COVENTRY, day),
						new SupervisedConsumptionRecorded(UUID.randomUUID(), COVENTRY, day)));
		for (int i = 0; i < 4; i++) {
			events.add(new DrugTestRecorded(UUID.randomUUID(), COVENTRY, day.plusDays(i), false));
		}
		// the first test delivered again
		events.add(test);
		for (var event : events) {
			transactions.executeWithoutResult(status -> publisher.publishEvent(event));
		}
		EventPublications.awaitCompleted(registry, completed, e -> events.contains(e));

		var coventry = district(funding.audit(commissioner(), new FinancialYear(year)), COVENTRY);
		var testing = coventry.lines()
			.stream()
			.filter(l -> l.kind() == FundedServiceKind.CUSTODY_TESTING)
			.findFirst()
			.orElseThrow();
		assertThat(testing.outputs().shown()).isEqualTo(6);
		assertThat(testing.outcomes().withheld()).isTrue();
		assertThat(jdbc
			.sql("SELECT output, count(*) FROM programme.service_output WHERE happened_on BETWEEN ? AND ? "
					+ "AND district_code = ? GROUP BY output ORDER BY output")
			.params(LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31), COVENTRY)
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("ASSESSMENT=1", "CONTRACT_COMPLETED=1", "CONTRACT_STARTED=1", "DRUG_TEST=6",
					"HAT_START=1", "POSITIVE_TEST=1", "SUPERVISED_CONSUMPTION=1", "TREATMENT_REFERRAL=1",
					"TREATMENT_START=1");
	}

	@Test
	void allocationsNeverAddUpToMoreThanTheStreamBringsIn() {
		int year = 2093;
		var stream = streamWith(year, 1_000_000);
		var service = service(FundedServiceKind.TREATMENT_PLACES, DUDLEY);
		funding.allocate(commissioner(), new FundingDrafts.Allocation(stream, service, year, 600_000));

		assertThatThrownBy(
				() -> funding.allocate(commissioner(), new FundingDrafts.Allocation(stream, service, year, 400_001)))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + " " + p.code())
						.containsExactly("pence programme.funding.allocation.tooMuch"));
		assertThatThrownBy(() -> funding.setAmount(commissioner(), new FundingDrafts.Amount(stream, year, 500_000)))
			.isInstanceOf(InputRejectedException.class);
		assertThatThrownBy(
				() -> funding.allocate(commissioner(), new FundingDrafts.Allocation(stream, service, year + 1, 1)))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.code())
						.containsExactly("programme.funding.allocation.noAmount"));

		funding.allocate(commissioner(), new FundingDrafts.Allocation(stream, service, year, 400_000));
		var ledger = funding.ledger(commissioner(), new FinancialYear(year));
		var line = ledger.streams().stream().filter(s -> s.id().equals(stream)).findFirst().orElseThrow();
		assertThat(line.allocatedPence()).isEqualTo(1_000_000);
		assertThat(line.unallocatedPence()).isZero();
	}

	@Test
	void poolingSharesTheRegionsMoneyByPopulationAndCountsWhatItWouldBuy() {
		int year = 2091;
		var stream = streamWith(year, 100_000_000);
		funding.allocate(commissioner(), new FundingDrafts.Allocation(stream,
				service(FundedServiceKind.DIVERSION_NAVIGATORS, BIRMINGHAM), year, 20_000_000));
		funding.allocate(commissioner(), new FundingDrafts.Allocation(stream,
				service(FundedServiceKind.DIVERSION_NAVIGATORS, COVENTRY), year, 10_000_000));
		produce(ServiceOutput.CONTRACT_STARTED, BIRMINGHAM, year, 40);
		produce(ServiceOutput.CONTRACT_STARTED, COVENTRY, year, 10);

		var whatIf = funding.pooling(commissioner(), new FinancialYear(year), FundedServiceKind.DIVERSION_NAVIGATORS);

		assertThat(whatIf.pooledPence()).isEqualTo(30_000_000);
		assertThat(whatIf.regionalPencePerOutput()).isEqualTo(600_000);
		var areas = geography.areas(AreaLevel.LAD);
		long people = areas.stream().mapToLong(a -> a.population() == null ? 0 : a.population()).sum();
		long projected = 0;
		for (var area : areas) {
			var row = whatIf.districts().stream().filter(d -> d.code().equals(area.code())).findFirst().orElseThrow();
			long share = Math.round(30_000_000.0 * area.population() / people);
			assertThat(row.pooledPence()).isEqualTo(share);
			long unit = switch (area.code()) {
				case BIRMINGHAM -> 500_000;
				case COVENTRY -> 1_000_000;
				default -> 600_000;
			};
			assertThat(row.regionalCost()).isEqualTo(!area.code().equals(BIRMINGHAM) && !area.code().equals(COVENTRY));
			assertThat(row.projected()).isEqualTo(Math.round((double) share / unit));
			projected += row.projected();
		}
		assertThat(whatIf.currentOutputs()).isEqualTo(50);
		assertThat(whatIf.projectedOutputs()).isEqualTo(projected);
		assertThat(whatIf.change()).isEqualTo(projected - 50);

		// three contracts in Dudley: withheld, and so is the region's difference
		produce(ServiceOutput.CONTRACT_STARTED, DUDLEY, year, 3);
		var withheld = funding.pooling(commissioner(), new FinancialYear(year), FundedServiceKind.DIVERSION_NAVIGATORS);
		var dudley = withheld.districts().stream().filter(d -> d.code().equals(DUDLEY)).findFirst().orElseThrow();
		assertThat(dudley.current().withheld()).isTrue();
		assertThat(dudley.change()).isNull();
		assertThat(withheld.currentOutputs()).isNull();
		assertThat(withheld.change()).isNull();
		assertThat(withheld.projectedOutputs()).isEqualTo(projected);
	}

	@Test
	void anotherAgencyReadsTheLedgerOnlyUnderAnAgreement() {
		int year = 2094;
		var stream = streamWith(year, 1_000_000);
		var council = new HarmwatchUser(UUID.randomUUID(), "reader", null, "Reader", "BCC-PH", "Council",
				AgencyType.COUNCIL_PUBLIC_HEALTH, List.of("TEST"),
				Set.of(new Grant(Capability.PROGRAMME, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE)), true, false);
		assertThat(funding.ledger(council, new FinancialYear(year)).streams()).noneMatch(s -> s.id().equals(stream));
		assertThat(funding.ledger(commissioner(), new FinancialYear(year)).streams())
			.anyMatch(s -> s.id().equals(stream));
	}

	@Test
	void thePagesKeepTheLedgerAndExplainWhatIsWrong() throws Exception {
		var name = unique("Proceeds of crime");
		mvc.perform(post("/programme/funding/streams/new").with(user(commissioner()))
			.with(csrf())
			.param("name", name)
			.param("kind", "PROCEEDS_OF_CRIME")
			.param("funder", "Home Office")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/programme/funding").with(user(commissioner())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));

		var stream = funding.ledger(commissioner(), funding.currentYear())
			.streams()
			.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow();
		mvc.perform(post("/programme/funding/amounts/new").with(user(commissioner()))
			.with(csrf())
			.param("streamId", stream.id().toString())
			.param("year", "2095")
			.param("amount", "1e400"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the amount in pounds")));
		mvc.perform(post("/programme/funding/amounts/new").with(user(commissioner()))
			.with(csrf())
			.param("streamId", stream.id().toString())
			.param("year", "2095")
			.param("amount", "£99,999,999,999"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("£1,000,000,000")));
		mvc.perform(post("/programme/funding/amounts/new").with(user(commissioner()))
			.with(csrf())
			.param("streamId", stream.id().toString())
			.param("year", "2095")
			.param("amount", "£250,000.50")).andExpect(status().is3xxRedirection());
		assertThat(funding.ledger(commissioner(), new FinancialYear(2095))
			.streams()
			.stream()
			.filter(s -> s.id().equals(stream.id()))
			.findFirst()
			.orElseThrow()
			.pence()).isEqualTo(25_000_050L);

		var service = service(FundedServiceKind.CONSUMPTION_ROOM, BIRMINGHAM);
		mvc.perform(post("/programme/funding/allocations/new").with(user(commissioner()))
			.with(csrf())
			.param("streamId", stream.id().toString())
			.param("serviceId", service.toString())
			.param("year", "2095")
			.param("amount", "300000"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("more than is left in this stream this year: £250,000.50")));

		mvc.perform(post("/programme/funding/services/new").with(user(commissioner()))
			.with(csrf())
			.param("name", unique("Room"))
			.param("kind", "CONSUMPTION_ROOM")
			.param("districtCode", "E99999999")
			.param("provider", "Provider"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of the region")));

		mvc.perform(get("/programme/funding/audit").param("year", "2095").with(user(commissioner())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Birmingham")));
		mvc.perform(get("/programme/funding/pooling").param("year", "nonsense")
			.param("kind", "OTHER")
			.with(user(commissioner()))).andExpect(status().isOk());
	}

	@Test
	void policeAndHealthStaffWithoutTheGrantAreRefused() throws Exception {
		for (var who : List.of("custody", "clinic", "paramedic")) {
			mvc.perform(get("/programme/funding").with(user(users.loadUserByUsername(who))))
				.andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString("Funding ledger"))));
		}
		mvc.perform(post("/programme/funding/streams/new").with(user(users.loadUserByUsername("coordinator")))
			.with(csrf())
			.param("name", "x")
			.param("kind", "OTHER")
			.param("funder", "y")).andExpect(status().isForbidden());
	}

}
