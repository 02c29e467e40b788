package org.harmwatch.browser;

import org.harmwatch.HarmwatchIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessibility check every browser test relies on fails on a page that breaks a WCAG
 * rule, names the rule, and passes a page that breaks none.
 */
@HarmwatchIntegrationTest
class AccessibilityCheckBrowserTests extends BrowserTestSupport {

	@Test
	void anImageWithoutTextAndLowContrastFail() {
		page.setContent("""
				<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>
				<h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
				<p style="color:#999;background:#aaa">Hard to read</p></main></body></html>
				""");
		assertThatThrownBy(this::assertAccessible).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt")
			.hasMessageContaining("color-contrast");
	}

	@Test
	void aFormFieldWithoutALabelInAFrameFails() {
		page.setContent(
				"""
						<!doctype html><html lang="en"><head><title>Framed</title></head><body><main>
						<h1>Framed</h1><iframe title="Inner" srcdoc="<!doctype html><html lang='en'><head><title>Inner</title></head><body><main><input type='text'></main></body></html>"></iframe>
						</main></body></html>
						""");
		page.frames().get(1).waitForLoadState();
		assertThatThrownBy(this::assertAccessible).isInstanceOf(AssertionError.class).hasMessageContaining("label");
	}

	@Test
	void theSignInPagePasses() {
		page.navigate("/login");
		assertThatCode(this::assertAccessible).doesNotThrowAnyException();
	}

}
