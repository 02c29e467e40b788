package org.harmwatch.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium (Debian's, not a downloaded one) driven by Playwright against
 * the running application.
 *
 * <p>
 * Each test gets a fresh browser context (no cookies), so tests do not share a session.
 * {@link #assertAccessible()} runs axe-core on the current page and fails on any serious
 * or critical WCAG 2.2 A/AA violation.
 */
abstract class BrowserTestSupport {

	static final String PASSWORD = "harmwatch-demo";

	/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeAll
	static void launchBrowser() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
				.setHeadless(true)
				// This machine's network is closed: without these, Chromium keeps trying
				// to reach Google's hosts.
				.setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openContext() {
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	/** Where the browser reaches the application: straight at its port. */
	String baseUrl() {
		return "http://localhost:" + port;
	}

	@AfterEach
	void closeContext() {
		context.close();
	}

	/** Signs in through the real form and waits for the home page. */
	void signIn(String username) {
		page.navigate("/login");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign in").setExact(true))
			.click();
		page.waitForURL("**/");
	}

	/**
	 * Runs axe-core on the page as it is now; serious and critical violations fail the
	 * test.
	 *
	 * <p>
	 * axe is injected into each frame of the page once and run in each frame on its own,
	 * asking only for violations. Deque's Java {@code AxeBuilder} injects its 560 KB
	 * script twice per call, opens a new page to merge frame results and returns every
	 * rule's passing nodes: five to eight times slower for the same rules (measured in
	 * this suite), with 187 calls in it. {@code AccessibilityCheckBrowserTests} proves
	 * this check fails on a page that breaks a rule.
	 */
	void assertAccessible() {
		var blocking = new ArrayList<String>();
		for (var frame : page.frames()) {
			// the page as it settles, with its stylesheets loaded (a click returns, and a
			// locator finds the new heading, before the load event) and not halfway
			// through a font swap or a colour transition: on a busy machine axe would
			// otherwise judge a page without its styles
			frame.waitForLoadState(LoadState.LOAD);
			frame.evaluate(SETTLE);
			if (!Boolean.TRUE.equals(frame.evaluate("typeof axe !== 'undefined'"))) {
				frame.evaluate("() => {" + AXE_SOURCE + "}");
			}
			@SuppressWarnings("unchecked")
			var violations = (List<String>) frame.evaluate(RUN_AXE, WCAG_TAGS);
			violations.forEach(violation -> blocking.add(violation + " in " + frame.url()));
		}
		assertThat(blocking).as("serious or critical accessibility violations on " + page.url()).isEmpty();
	}

	/**
	 * The axe-core build that Deque ships in its Playwright binding (pinned in the POM).
	 */
	private static final String AXE_SOURCE = axeSource();

	private static final String SETTLE = """
			() => document.fonts.ready.then(() => {
				const finite = document.getAnimations()
					.filter(animation => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity);
				finite.forEach(animation => animation.finish());
				return Promise.all(finite.map(animation => animation.finished.catch(() => null)));
			}).then(() => true)
			""";

	private static final String RUN_AXE = """
			tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], iframes: false})
				.then(results => results.violations
					.filter(rule => rule.impact === 'serious' || rule.impact === 'critical')
					.map(rule => rule.impact + ' ' + rule.id + ': ' + rule.help + ' at '
						+ rule.nodes.slice(0, 3).map(node => JSON.stringify(node.target)).join(', ')))
			""";

	private static String axeSource() {
		try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is missing from com.deque.html.axe-core:playwright");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path chromium() {
		for (var candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		throw new IllegalStateException(
				"Browser tests need Debian's Chromium: apt-get install chromium (./harmwatch test installs it as root)");
	}

}
