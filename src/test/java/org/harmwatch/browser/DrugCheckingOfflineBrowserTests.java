package org.harmwatch.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.harmwatch.HarmwatchIntegrationTest;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SiteKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field mode at a festival with no signal: the analyst goes offline, records three
 * samples and their results on the device, the page reloads from its cache, and when the
 * network returns the records sync once; sending them all again changes nothing.
 */
@HarmwatchIntegrationTest
class DrugCheckingOfflineBrowserTests extends BrowserTestSupport {

	static final String READ_SAMPLE_IDS = """
			(session) => new Promise((resolve, reject) => {
			  const open = indexedDB.open('harmwatch-field', 1);
			  open.onerror = () => reject(open.error);
			  open.onsuccess = () => {
			    const request = open.result.transaction('records').objectStore('records').getAll();
			    request.onsuccess = () => resolve(request.result
			      .filter((r) => r.sessionId === session && r.kind === 'sample').map((r) => r.clientId).sort());
			  };
			})""";

	static final String MARK_ALL_WAITING = """
			(session) => new Promise((resolve, reject) => {
			  const open = indexedDB.open('harmwatch-field', 1);
			  open.onerror = () => reject(open.error);
			  open.onsuccess = () => {
			    const tx = open.result.transaction('records', 'readwrite');
			    const store = tx.objectStore('records');
			    const request = store.getAll();
			    request.onsuccess = () => request.result.filter((r) => r.sessionId === session)
			      .forEach((r) => store.put({ ...r, state: 'waiting' }));
			    tx.oncomplete = () => resolve(true);
			  };
			})""";

	/**
	 * A result edit made on this device on a base it saw before the server moved on
	 * (version 0: no result yet).
	 */
	static final String ADD_STALE_RESULT = """
			(arg) => new Promise((resolve, reject) => {
			  const open = indexedDB.open('harmwatch-field', 1);
			  open.onerror = () => reject(open.error);
			  open.onsuccess = () => {
			    const tx = open.result.transaction('records', 'readwrite');
			    tx.objectStore('records').put({ clientId: crypto.randomUUID(), sessionId: arg.session, kind: 'result',
			      sampleClientId: arg.sample, state: 'waiting', createdAt: Date.now(), errors: [],
			      body: { baseVersion: 0, confirmed: true, notes: null, components: [{ text: 'MDMA', quantity: 100,
			        unit: 'MG_PER_UNIT', basis: 'SALT', confidence: 'PROBABLE', method: 'RAMAN' }] } });
			    tx.oncomplete = () => resolve(true);
			  };
			})""";

	@Autowired
	SessionManagement sessionManagement;

	@Autowired
	JdbcClient jdbc;

	long count(String sql, UUID session) {
		return jdbc.sql(sql).param(session).query(Long.class).single();
	}

	List<Long> footprint(UUID session) {
		return List.of(count("SELECT count(*) FROM drugchecking.sample WHERE session_id = ?", session), count("""
				SELECT count(*) FROM drugchecking.result r JOIN drugchecking.sample s ON s.id = r.sample_id
				WHERE s.session_id = ?""", session), count("""
				SELECT count(*) FROM drugchecking.component c JOIN drugchecking.result r ON r.id = c.result_id
				JOIN drugchecking.sample s ON s.id = r.sample_id WHERE s.session_id = ?""", session), count("""
				SELECT count(*) FROM event_publication e JOIN drugchecking.sample s
				  ON e.serialized_event LIKE '%' || s.id::text || '%' WHERE s.session_id = ?""", session));
	}

	/**
	 * The browser reaches the application through a cable the test can pull out:
	 * Chromium's offline emulation reaches a service worker started later (for a tab
	 * opened while offline) only after its first requests, which then went through.
	 */
	NetworkCable cable;

	@Override
	String baseUrl() {
		if (cable == null) {
			cable = new NetworkCable(port);
		}
		return "http://localhost:" + cable.port();
	}

	@AfterEach
	void pullOutTheCable() {
		cable.close();
	}

	/**
	 * The network goes away (or comes back) for the browser and its service worker: the
	 * cable is pulled out, so no request reaches the server, and the browser is told it
	 * is offline, as a tablet whose Wi-Fi drops is.
	 */
	void offline(boolean offline) {
		if (offline) {
			cable.unplug();
			context.setOffline(true);
		}
		else {
			cable.plugIn();
			context.setOffline(false);
		}
	}

	/**
	 * A new festival session of the demo drug-checking service, opened in field mode by
	 * its analyst.
	 */
	UUID openFieldMode(String name, String place) {
		var session = sessionManagement.createSession(new SessionDraft(name + " " + UUID.randomUUID(),
				SiteKind.FESTIVAL, "E08000025", place, LocalDate.of(2026, 7, 18), LocalDate.of(2026, 7, 19),
				"Chemist F", Set.of(LicenceCondition.NOT_FOR_LAW_ENFORCEMENT)), "analyst", "WM-CHECK", Instant.now());
		signIn("analyst");
		page.navigate("/drug-checking/field/" + session);
		return session;
	}

	void record(String soldAs, String form, String substance, String quantity, String method) {
		// The take-in form (the result correction form has fields of the same names).
		var take = page.locator("#field-form");
		take.getByLabel("How did the sample come in?").selectOption("FRONT_OF_HOUSE");
		take.getByLabel("What was it sold as?").fill(soldAs);
		take.getByLabel("Form", new Locator.GetByLabelOptions().setExact(true)).selectOption(form);
		take.getByLabel("The person consents to the sample being tested").check();
		take.getByLabel("Substance 1", new Locator.GetByLabelOptions().setExact(true)).fill(substance);
		take.getByLabel("Quantity of component 1").fill(quantity);
		take.getByLabel("Unit of component 1").selectOption("MG_PER_UNIT");
		take.getByLabel("Salt or base of component 1").selectOption("SALT");
		take.getByLabel("Confidence of component 1").selectOption("CONFIRMED");
		take.getByLabel("Method of component 1").selectOption(method);
		int before = page.locator("#field-records tr").count();
		take.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save on this device")).click();
		assertThat(page.locator("#field-records tr")).hasCount(before + 1);
	}

	/**
	 * What the take-in form held when the device stored the first sample (its "sold as"
	 * field), and a device store that refuses the next write once.
	 */
	static final String WATCH_WRITES = """
			() => {
			  const put = IDBObjectStore.prototype.put;
			  window.refuseNextWrite = false;
			  IDBObjectStore.prototype.put = function (record) {
			    if (record && record.kind === 'sample' && record.state === 'waiting') {
			      if (window.refuseNextWrite) {
			        window.refuseNextWrite = false;
			        throw new DOMException('The disk is full', 'QuotaExceededError');
			      }
			      if (window.soldAsAtWrite === undefined) {
			        window.soldAsAtWrite = document.querySelector('#field-form [name=soldAs]').value;
			      }
			    }
			    return put.apply(this, arguments);
			  };
			}""";

	/**
	 * A fast worker types the next sample while the device is still storing the last one:
	 * the form is cleared before the write, so nothing typed meanwhile is wiped. If the
	 * device cannot store the sample, what was typed comes back with a message.
	 */
	@Test
	void theFormIsClearedBeforeTheDeviceStoresASampleAndRefilledIfItCannot() {
		openFieldMode("Busy tent", "Dance tent");
		var status = page.getByRole(AriaRole.STATUS);
		assertThat(status).containsText("No records on this device yet");
		page.evaluate(WATCH_WRITES);

		page.evaluate("() => { window.refuseNextWrite = true; }");
		var take = page.locator("#field-form");
		take.getByLabel("What was it sold as?").fill("2C-B");
		take.getByLabel("Form", new Locator.GetByLabelOptions().setExact(true)).selectOption("POWDER");
		take.getByLabel("The person consents to the sample being tested").check();
		take.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save on this device")).click();
		assertThat(status).containsText("This device could not store the sample");
		assertThat(take.getByLabel("What was it sold as?")).hasValue("2C-B");
		assertThat(take.getByLabel("The person consents to the sample being tested")).isChecked();
		assertThat(page.locator("#field-records tr")).hasCount(0);

		record("MDMA", "PILL", "MDMA", "240", "FTIR");
		assertThat(page.evaluate("() => window.soldAsAtWrite")).isEqualTo("");
		assertThat(page.locator("#field-records tr")).hasCount(1);
		assertAccessible();
	}

	/**
	 * "Lie-fi": the tablet is on a network that reaches nothing, so the browser still
	 * says it is online. The failed sync says offline, and the heartbeat sends what waits
	 * once the server answers again, with no online event.
	 */
	@Test
	void onANetworkThatReachesNothingTheDeviceSaysOfflineAndSyncsByItselfWhenTheServerAnswers() {
		var session = openFieldMode("Lie-fi festival", "Second stage tent");
		var status = page.getByRole(AriaRole.STATUS);
		assertThat(status).containsText("No records on this device yet");
		page.locator("main[data-offline-ready='true']").waitFor();

		context.route("**/api/**", Route::abort);
		record("ketamine", "POWDER", "ketamine", "80", "RAMAN");
		record("cocaine", "POWDER", "cocaine", "60", "FTIR");
		assertThat(status).containsText("Offline — 2 samples waiting to sync (4 records)");
		assertThat(page.evaluate("() => navigator.onLine")).isEqualTo(true);
		assertThat(footprint(session)).containsExactly(0L, 0L, 0L, 0L);

		// The server answers again; the browser never said it had gone. The heartbeat
		// (every 5 s while the server cannot
		// be reached) sends the records, once.
		context.unroute("**/api/**");
		assertThat(status).containsText("All records synced",
				new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		assertThat(footprint(session)).containsExactly(2L, 2L, 2L, 0L);
		assertAccessible();
	}

	@Test
	void anAnalystRecordsThreeSamplesOfflineAndTheySyncOnceWhenTheNetworkReturns() {
		var session = openFieldMode("Offline festival", "Main stage tent");
		var status = page.getByRole(AriaRole.STATUS);
		assertThat(status).containsText("No records on this device yet");
		// The service worker controls the page and the page is in its cache.
		page.locator("main[data-offline-ready='true']").waitFor();
		page.waitForFunction("() => navigator.serviceWorker.controller !== null");
		// While online the device reserved a block of sample codes, to issue offline.
		page.waitForFunction("s => JSON.parse(localStorage.getItem('harmwatch-field-codes-' + s) || '[]').length > 0",
				session.toString());
		assertAccessible();

		offline(true);
		// Offline is decided by the failed sync after the first save, not by when the
		// browser flips navigator.onLine.
		record("MDMA", "PILL", "MDMA", "240", "FTIR");
		assertThat(status).containsText("Offline — 1 sample waiting to sync (2 records)");
		record("ketamine", "POWDER", "ketamine", "80", "RAMAN");
		record("cocaine", "POWDER", "cocaine", "60", "FTIR");
		assertThat(status).containsText("Offline — 3 samples waiting to sync (6 records)");
		assertThat(page.locator("#field-records tr")).hasCount(3);
		assertThat(footprint(session)).containsExactly(0L, 0L, 0L, 0L);
		// Each sample got its code from the block at once, offline: its label can be
		// written now.
		var issued = java.util.regex.Pattern.compile("WM-\\w{4}-\\w{4}-\\w{4}")
			.matcher(page.locator("#field-records").innerText())
			.results()
			.map(java.util.regex.MatchResult::group)
			.distinct()
			.toList();
		assertThat(issued).hasSize(3);
		// Offline really is offline, for the page and for its service worker: "Sync now"
		// reaches nothing, and neither
		// does a request the service worker passes on to the network.
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
		assertThat(status).containsText("Offline — 3 samples waiting to sync (6 records)");
		assertThat(
				page.evaluate("() => fetch('/drug-checking/field/sw.js?probe').then(() => 'reached', () => 'failed')"))
			.isEqualTo("failed");
		assertThat(footprint(session)).containsExactly(0L, 0L, 0L, 0L);

		// Without a network the page still opens, from the service worker's cache, with
		// the records kept on the device.
		// (A new tab on the same address, not a reload: Chromium re-applied the offline
		// emulation to a reloaded
		// document only after its script had seen navigator.onLine true and synced, once
		// in a CI run.)
		var address = page.url();
		page.close();
		page = context.newPage();
		status = page.getByRole(AriaRole.STATUS);
		var reloaded = page.navigate(address);
		assertThat(reloaded.fromServiceWorker()).isTrue();
		assertThat(status).containsText("Offline — 3 samples waiting to sync (6 records)");
		assertThat(page.locator("#field-records tr")).hasCount(3);
		assertAccessible();
		assertThat(footprint(session)).containsExactly(0L, 0L, 0L, 0L);

		// The network returns: the records sync once.
		offline(false);
		assertThat(status).containsText("All records synced");
		@SuppressWarnings("unchecked")
		var clientIds = ((List<String>) page.evaluate(READ_SAMPLE_IDS, session.toString()));
		assertThat(clientIds).hasSize(3);
		assertThat(jdbc.sql("SELECT client_id::text FROM drugchecking.sample WHERE session_id = ? ORDER BY 1")
			.param(session)
			.query(String.class)
			.list()).containsExactlyElementsOf(clientIds);
		// Three samples, three results with one component each, and one warning: the 240
		// mg pill is high strength.
		var synced = footprint(session);
		assertThat(synced).containsExactly(3L, 3L, 3L, 1L);
		assertThat(page.locator("#field-records")).containsText("WM-");
		// Stored under the codes issued offline, each reservation used once.
		assertThat(jdbc.sql("SELECT code FROM drugchecking.sample WHERE session_id = ?")
			.param(session)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(issued);
		assertThat(
				jdbc.sql("SELECT count(*) FROM drugchecking.reserved_code WHERE session_id = ? AND used_at IS NOT NULL")
					.param(session)
					.query(Long.class)
					.single())
			.isEqualTo(3);
		assertAccessible();

		// Sending everything again changes nothing: the server answers "already stored".
		page.evaluate(MARK_ALL_WAITING, session.toString());
		page.reload();
		assertThat(status).containsText("All records synced");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
		assertThat(status).containsText("All records synced");
		assertThat(footprint(session)).isEqualTo(synced);

		// A result edited on this device on a stale base is a conflict: both versions are
		// shown, nothing is overwritten,
		// and keeping mine sends it again as a new version on top of the server's.
		var mdma = jdbc.sql("SELECT client_id::text FROM drugchecking.sample WHERE session_id = ? AND sold_as = 'MDMA'")
			.param(session)
			.query(String.class)
			.single();
		page.evaluate(ADD_STALE_RESULT, java.util.Map.of("session", session.toString(), "sample", mdma));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
		assertThat(status).containsText("1 conflict to resolve");
		var conflict = page.locator("#field-problems");
		assertThat(conflict).containsText("changed on another device");
		assertThat(conflict).containsText("This device");
		assertThat(conflict).containsText("MDMA 100 mg (RAMAN, PROBABLE)");
		assertThat(conflict).containsText("On the server");
		assertThat(conflict).containsText("MDMA 240 mg (FTIR, CONFIRMED)");
		assertAccessible();
		assertThat(footprint(session)).isEqualTo(synced);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep mine")).click();
		assertThat(status).containsText("All records synced");
		assertThat(jdbc
			.sql("""
					SELECT r.version || ' ' || c.method FROM drugchecking.result r JOIN drugchecking.component c ON c.result_id = r.id
					JOIN drugchecking.sample s ON s.id = r.sample_id WHERE s.client_id::text = ? ORDER BY r.version""")
			.param(mdma)
			.query(String.class)
			.list()).containsExactly("1 FTIR", "2 RAMAN");

		// Offline again, the analyst corrects the MDMA result on the device: a new
		// version on top of version 2, which
		// syncs without a conflict when the network returns; the earlier versions are
		// kept.
		offline(true);
		page.locator("[data-edit-sample='" + mdma + "']").click();
		var edit = page.locator("#field-edit");
		assertThat(edit).isVisible();
		assertThat(page.locator("#field-edit-about")).containsText("on top of version 2");
		assertThat(edit.getByLabel("Substance 1", new Locator.GetByLabelOptions().setExact(true))).hasValue("MDMA");
		assertThat(edit.getByLabel("Quantity of component 1")).hasValue("100");
		edit.getByLabel("Quantity of component 1").fill("180");
		edit.getByLabel("Confidence of component 1").selectOption("CONFIRMED");
		edit.getByLabel("Method of component 1").selectOption("GC_MS");
		edit.getByLabel("What changed and why (optional)").fill("Confirmed by the lab");
		assertAccessible();
		edit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the new version on this device"))
			.click();
		assertThat(edit).isHidden();
		assertThat(status).containsText("Offline — 1 sample waiting to sync (1 record)");
		assertThat(status).containsText("The new version is kept on this device until it syncs.");
		offline(false);
		assertThat(status).containsText("All records synced");
		assertThat(jdbc.sql("""
				SELECT r.version || ' ' || c.method || ' ' || c.quantity || ' ' || coalesce(r.notes, '-')
				FROM drugchecking.result r JOIN drugchecking.component c ON c.result_id = r.id
				JOIN drugchecking.sample s ON s.id = r.sample_id WHERE s.client_id::text = ? ORDER BY r.version""")
			.param(mdma)
			.query(String.class)
			.list()).containsExactly("1 FTIR 240.00 -", "2 RAMAN 100.00 -", "3 GC_MS 180.00 Confirmed by the lab");
	}

}
