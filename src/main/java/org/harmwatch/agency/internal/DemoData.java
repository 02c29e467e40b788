package org.harmwatch.agency.internal;

import java.util.HashMap;
import java.util.List;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.shared.AgencyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Demo agencies and one member of staff per role, for trying Harmwatch out. Loaded once,
 * into an empty database, when {@code harmwatch.demo.enabled} is true (the default for
 * the one-command run; off in deployment).
 */
@Component
@ConditionalOnProperty(name = "harmwatch.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	record DemoAgency(String code, String name, AgencyType type) {
	}

	record DemoUser(String username, String displayName, String agencyCode, String role) {
	}

	static final List<DemoAgency> AGENCIES = List.of(
			new DemoAgency("WMP", "West Midlands Police", AgencyType.POLICE_FORCE),
			new DemoAgency("BCC-PH", "Birmingham City Council Public Health", AgencyType.COUNCIL_PUBLIC_HEALTH),
			new DemoAgency("COV-ENV", "Coventry City Council Environmental Services",
					AgencyType.COUNCIL_ENVIRONMENTAL_SERVICES),
			new DemoAgency("BHM-TREAT", "Birmingham Recovery Partnership (demo)", AgencyType.TREATMENT_PROVIDER),
			new DemoAgency("WM-CHECK", "West Midlands Drug Checking (demo)", AgencyType.DRUG_CHECKING_SERVICE),
			new DemoAgency("BHM-OPC", "Birmingham Overdose Prevention Centre (demo)",
					AgencyType.CONSUMPTION_ROOM_OPERATOR),
			new DemoAgency("UHB", "University Hospitals Birmingham NHS Foundation Trust", AgencyType.NHS_TRUST),
			new DemoAgency("WMAS", "West Midlands Ambulance Service", AgencyType.AMBULANCE_SERVICE),
			new DemoAgency("HMP-BHM", "HMP Birmingham", AgencyType.PRISON),
			new DemoAgency("PROB-WM", "Probation Service West Midlands", AgencyType.PROBATION),
			new DemoAgency("CORONER-BS", "Birmingham and Solihull Coroner", AgencyType.CORONER), new DemoAgency("WMPCC",
					"Office of the West Midlands Police and Crime Commissioner", AgencyType.COMMISSIONERS_OFFICE));

	static final List<DemoUser> USERS = List.of(new DemoUser("admin", "Alex Admin", "WMPCC", "ADMINISTRATOR"),
			new DemoUser("auditor", "Aisha Auditor", "WMPCC", "AUDITOR"),
			new DemoUser("coordinator", "Chris Coordinator", "BCC-PH", "EARLY_WARNING_COORDINATOR"),
			new DemoUser("panel", "Priya Panel", "UHB", "PANEL_MEMBER"),
			new DemoUser("panel2", "Pat Paramedic", "WMAS", "PANEL_MEMBER"),
			new DemoUser("frontline", "Frankie Frontline", "BHM-TREAT", "FRONTLINE_WORKER"),
			new DemoUser("analyst", "Ana Analyst", "WM-CHECK", "DRUG_CHECKING_ANALYST"),
			new DemoUser("custody", "Sgt Carter", "WMP", "CUSTODY_OFFICER"),
			new DemoUser("navigator", "Nia Navigator", "WMP", "DIVERSION_NAVIGATOR"),
			new DemoUser("clinic", "Dr Clare Clinic", "BHM-OPC", "CLINIC_STAFF"),
			new DemoUser("prescriber", "Dr Priya Prescriber", "BHM-OPC", "HAT_PRESCRIBER"),
			new DemoUser("naloxone", "Nat Naloxone", "BHM-TREAT", "NALOXONE_LEAD"),
			new DemoUser("investigator", "Ian Investigator", "WMP", "FINANCIAL_INVESTIGATOR"),
			new DemoUser("commissioner", "Kim Analyst", "WMPCC", "PROGRAMME_ANALYST"),
			new DemoUser("paramedic", "Pip Paramedic", "WMAS", "OVERDOSE_RECORDER"),
			new DemoUser("constable", "PC Cole", "WMP", "POLICE_OVERDOSE_RECORDER"),
			new DemoUser("cjit", "Toni Treatment", "BHM-TREAT", "CJ_TREATMENT_WORKER"),
			new DemoUser("sweeper", "Sam Sweeper", "COV-ENV", "NEEDLE_SWEEPER"),
			new DemoUser("crimedata", "Rory Records", "WMP", "RECORDED_CRIME_SENDER"));

	private final AgencyManagement agencies;

	private final String password;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final boolean outbox;

	DemoData(AgencyManagement agencies, @Value("${harmwatch.demo.password}") String password, JdbcClient jdbc,
			PlatformTransactionManager transactions, @Value("${harmwatch.demo.outbox:false}") boolean outbox) {
		this.agencies = agencies;
		this.outbox = outbox;
		this.password = password;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		// Changes are audited; the demo loader acts as the system.
		var context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:demo-data", null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			transaction.executeWithoutResult(status -> {
				// Instances started together take turns here: the first loads, the others
				// then find agencies and stop.
				jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('harmwatch-demo-data'))").query((rs, row) -> 1).list();
				if (!agencies.agencies().isEmpty()) {
					return;
				}
				AGENCIES.forEach(a -> agencies.createAgency(a.code(), a.name(), a.type()));
				USERS.forEach(u -> agencies.createStaff(u.username(), u.displayName(),
						u.username() + "@demo.harmwatch.test", u.agencyCode(), List.of(u.role()), password));
				log.info("Loaded {} demo agencies and {} demo users", AGENCIES.size(), USERS.size());
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * The last thing the one-command run says: where Harmwatch is, and whom to sign in
	 * as, with their roles and agencies. It carries the platform's ready line ("Harmwatch
	 * is running at"), which the demo profile's logging leaves to it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void printLogins(ApplicationReadyEvent event) {
		log.info(banner(
				event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
						? web.getWebServer().getPort() : -1));
	}

	String banner(int port) {
		var titles = agencies.roleTitles();
		var names = new HashMap<String, String>();
		AGENCIES.forEach(a -> names.put(a.code(), a.name()));
		var text = new StringBuilder("\n\n");
		if (port > 0) {
			text.append("  Harmwatch is running at http://localhost:").append(port).append("/\n");
			if (outbox) {
				text.append("  E-mails and text messages stay in the demo outbox: http://localhost:")
					.append(port)
					.append("/demo/outbox\n");
			}
			text.append('\n');
		}
		text.append("  Demo sign-ins (password for all: ").append(password).append(")\n");
		int width = USERS.stream().mapToInt(u -> titles.getOrDefault(u.role(), u.role()).length()).max().orElse(0);
		USERS.forEach(u -> text.append(String.format("    %-13s %-" + width + "s  %s%n", u.username(),
				titles.getOrDefault(u.role(), u.role()), names.getOrDefault(u.agencyCode(), u.agencyCode()))));
		return text.toString();
	}

}
