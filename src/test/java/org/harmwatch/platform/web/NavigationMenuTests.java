package org.harmwatch.platform.web;

import java.util.List;

import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.NavigationItem;
import org.harmwatch.platform.NavigationItem.ShownTo;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which section and entry a page belongs to, and who sees an entry: the rules of the
 * service navigation, by table.
 */
class NavigationMenuTests {

	static final List<NavigationItem> ITEMS = List.of(
			item(NavigationGroup.INTELLIGENCE, "signals", "/early-warning/signals", 100),
			item(NavigationGroup.INTELLIGENCE, "panel", "/early-warning/panel", 110),
			item(NavigationGroup.INTELLIGENCE, "report", "/early-warning/reports/new", 160),
			item(NavigationGroup.INTELLIGENCE, "alerts", "/alerts", 900),
			item(NavigationGroup.DRUG_CHECKING, "sessions", "/drug-checking/sessions", 200),
			item(NavigationGroup.DRUG_CHECKING, "lookup", "/drug-checking/results", 210),
			item(NavigationGroup.ADMINISTRATION, "audit", "/audit", 900),
			item(NavigationGroup.ADMINISTRATION, "admin", "/admin", 800));

	static NavigationItem item(NavigationGroup group, String label, String path, int order) {
		return new NavigationItem(group, label, path, ShownTo.everyone(), label + ".description", order);
	}

	@ParameterizedTest(name = "{0}: section {1} ({2}), entry {3} ({4})")
	@CsvSource(nullValues = "-", textBlock = """
			/,                                     -,              -,    -,       -
			/early-warning/signals,                INTELLIGENCE,   page, signals, page
			/early-warning/signals/123,            INTELLIGENCE,   true, signals, true
			/early-warning/signals-archive,        INTELLIGENCE,   true, -,       -
			/early-warning/panel,                  INTELLIGENCE,   true, panel,   page
			/early-warning/reports/123,            INTELLIGENCE,   true, -,       -
			/early-warning/measures,               INTELLIGENCE,   true, -,       -
			/alerts/HW-2026-0001,                  INTELLIGENCE,   true, alerts,  true
			/drug-checking/samples/9,              DRUG_CHECKING,  true, -,       -
			/drug-checking/results,                DRUG_CHECKING,  true, lookup,  page
			/admin/staff/new,                      ADMINISTRATION, true, admin,   true
			/admin,                                ADMINISTRATION, page, admin,   page
			/audit,                                ADMINISTRATION, true, audit,   page
			/login,                                -,              -,    -,       -
			""")
	void aPageBelongsToTheEntryItIsUnderElseToTheNearestSection(String path, NavigationGroup section,
			String sectionCurrent, String entry, String entryCurrent) {
		var menu = NavigationMenu.of(ITEMS, path);
		var current = menu.current();
		if (section == null) {
			assertThat(current).isNull();
			assertThat(menu.sections())
				.allSatisfy(s -> assertThat(s.entries()).allSatisfy(e -> assertThat(e.current()).isNull()));
			return;
		}
		assertThat(current).isNotNull();
		assertThat(current.group()).isEqualTo(section);
		assertThat(current.current()).isEqualTo(sectionCurrent);
		assertThat(menu.sections().stream().filter(s -> s.current() != null)).hasSize(1);
		var marked = menu.sections()
			.stream()
			.flatMap(s -> s.entries().stream())
			.filter(e -> e.current() != null)
			.toList();
		if (entry == null) {
			assertThat(marked).isEmpty();
		}
		else {
			assertThat(marked).singleElement().satisfies(e -> {
				assertThat(e.item().labelKey()).isEqualTo(entry);
				assertThat(e.current()).isEqualTo(entryCurrent);
			});
		}
	}

	@Test
	void sectionsComeInTheirOrderAndOpenOnTheirFirstEntry() {
		var menu = NavigationMenu.of(ITEMS.reversed(), "/");
		assertThat(menu.sections()).extracting(NavigationMenu.Section::group)
			.containsExactly(NavigationGroup.INTELLIGENCE, NavigationGroup.DRUG_CHECKING,
					NavigationGroup.ADMINISTRATION);
		assertThat(menu.sections()).extracting(NavigationMenu.Section::path)
			.containsExactly("/early-warning/signals", "/drug-checking/sessions", "/admin");
		assertThat(menu.sections().get(2).entries()).extracting(e -> e.item().labelKey())
			.containsExactly("admin", "audit");
		assertThat(NavigationMenu.of(List.of(), "/").isEmpty()).isTrue();
	}

	@ParameterizedTest(name = "{0} signed in {1} with {2}: {3}")
	@CsvSource(textBlock = """
			everyone,  false, '',                  true
			everyone,  true,  '',                  true
			signedIn,  false, '',                  false
			signedIn,  true,  '',                  true
			holders,   false, EARLY_WARNING:READ,  false
			holders,   true,  '',                  false
			holders,   true,  EARLY_WARNING:WRITE, false
			holders,   true,  EARLY_WARNING:READ,  true
			holders,   true,  EARLY_WARNING:READ:PUBLIC_HEALTH_INTELLIGENCE, false
			""")
	void anEntryShowsToWhomItSays(String who, boolean signedIn, String authority, boolean visible) {
		var shownTo = switch (who) {
			case "everyone" -> ShownTo.everyone();
			case "signedIn" -> ShownTo.signedIn();
			default -> ShownTo.holders(Capability.EARLY_WARNING, Action.READ);
		};
		var item = new NavigationItem(NavigationGroup.INTELLIGENCE, "x", "/x", shownTo, "x.description", 1);
		assertThat(item.visibleTo(signedIn, authority.isEmpty() ? List.of() : List.of(authority))).isEqualTo(visible);
	}

}
