package org.harmwatch.naloxone;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.shared.AgencyType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Points of risk on the real database and through the pages: leavers are recorded (and
 * corrected) per holder, point and month, the people who left with a kit are the ledger's
 * supplies at that point, and the page shows the shares, their intervals and the gaps.
 */
@HarmwatchIntegrationTest
class NaloxonePointsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KitLedgerManagement ledger;

	@Autowired
	PointsOfRiskManagement points;

	@Autowired
	AgencyManagement agencies;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	String mark;

	HarmwatchUser lead;

	@BeforeEach
	void setUp() {
		mark = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		lead = (HarmwatchUser) users.loadUserByUsername("naloxone");
	}

	UUID holder(HolderKind kind, String name) {
		return ledger.addHolder(lead,
				new HolderDraft(kind, name + " " + mark, null, null, null, null, null, false, false));
	}

	void supply(UUID from, String batch, LocalDate on, ReleasePoint point) {
		ledger.record(lead, new MovementDraft(MovementKind.SUPPLIED, "NYXOID", batch, null, from, null, 1, on,
				"C-" + UUID.randomUUID(), SupplyType.FIRST, null, point));
	}

	long leaverRows() {
		return jdbc.sql("SELECT count(*) FROM naloxone.leavers").query(Long.class).single();
	}

	@Test
	void sharesAreSuppliesAtThePointOverPeopleWhoLeftWithTheirIntervalsAndGaps() throws Exception {
		var month = points.thisMonth().minusMonths(1);
		var day = month.atDay(10);
		var prison = holder(HolderKind.PRISON, "Prison");
		var silent = holder(HolderKind.PRISON, "Silent prison");
		var batch = "PR-" + mark;
		ledger.record(lead, new MovementDraft(MovementKind.RECEIVED, "NYXOID", batch, day.plusYears(2), null, prison,
				50, day.minusDays(5), null, null, null, null));
		for (int i = 0; i < 9; i++) {
			supply(prison, batch, day, ReleasePoint.PRISON_RELEASE);
		}
		// a supply elsewhere in the prison is not a supply at release
		supply(prison, batch, day, null);

		mvc.perform(post("/naloxone/leavers/new").with(user(lead))
			.with(csrf())
			.param("holderId", prison.toString())
			.param("point", "PRISON_RELEASE")
			.param("month", month.toString())
			.param("people", "30")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/naloxone/points"));
		// entered again, the count is corrected, not added
		points.recordLeavers(lead, prison, ReleasePoint.PRISON_RELEASE, month, 20);

		var result = points.pointsOfRisk(lead, month, month);
		var release = result.points().get(ReleasePoint.PRISON_RELEASE.ordinal());
		var share = release.holders().stream().filter(h -> h.holderId().equals(prison)).findFirst().orElseThrow();
		assertThat(share.share().leavers()).isEqualTo(20);
		assertThat(share.share().withKit()).isEqualTo(9);
		assertThat(share.share().low()).isBetween(0.2581, 0.2583);
		assertThat(share.share().high()).isBetween(0.6578, 0.6580);
		assertThat(result.gaps()).anySatisfy(g -> {
			assertThat(g.holderId()).isEqualTo(silent);
			assertThat(g.reason()).isEqualTo(PointsOfRisk.GapReason.NO_RECORDS);
		});
		assertThat(result.gaps())
			.noneMatch(g -> g.holderId().equals(prison) && g.reason() == PointsOfRisk.GapReason.NO_RECORDS);

		var page = mvc.perform(
				get("/naloxone/points").with(user(lead)).param("from", month.toString()).param("to", month.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"share-PRISON_RELEASE-" + prison + "\"")
			.contains("45.0%")
			.contains("25.8% – 65.8%")
			.contains("id=\"gap-NO_RECORDS-ANY-" + silent + "\"");
	}

	@Test
	void badInputIsRefusedOnItsFieldAndChangesNothing() throws Exception {
		var hostel = holder(HolderKind.HOSTEL, "Hostel");
		var before = leaverRows();
		var page = mvc
			.perform(post("/naloxone/leavers/new").with(user(lead))
				.with(csrf())
				.param("holderId", hostel.toString())
				.param("point", "NOWHERE")
				.param("month", "2026-13")
				.param("people", "-1"))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"#point\"").contains("href=\"#month\"").contains("href=\"#people\"");
		mvc.perform(post("/naloxone/leavers/new").with(user(lead))
			.with(csrf())
			.param("holderId", hostel.toString())
			.param("point", "BAIL_HOSTEL")
			.param("month", points.thisMonth().plusMonths(1).toString())
			.param("people", "4")).andExpect(status().is(422));
		mvc.perform(get("/naloxone/points").with(user(lead)).param("from", "2026-10").param("to", "2026-01"))
			.andExpect(status().is(422));
		mvc.perform(get("/naloxone/points").with(user(lead)).param("from", "soon")).andExpect(status().is(422));
		assertThat(leaverRows()).isEqualTo(before);

		// another agency's lead cannot record leavers on this agency's holder
		var other = "TP-" + mark;
		agencies.createAgency(other, "Points provider " + mark, AgencyType.TREATMENT_PROVIDER);
		agencies.createStaff("plead-" + mark, "Points lead", "plead-" + mark + "@tp.test", other,
				List.of("NALOXONE_LEAD"), null);
		var stranger = (HarmwatchUser) users.loadUserByUsername("plead-" + mark);
		assertThatThrownBy(
				() -> points.recordLeavers(stranger, hostel, ReleasePoint.BAIL_HOSTEL, points.thisMonth(), 4))
			.isInstanceOfSatisfying(InputRejectedException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.code())
						.containsExactly("holderId:naloxone.movement.holder.unknown"));
		assertThat(leaverRows()).isEqualTo(before);
	}

}
