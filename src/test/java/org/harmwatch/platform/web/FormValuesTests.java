package org.harmwatch.platform.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reading of form text into values, and the platform's words for what does not
 * read.
 */
class FormValuesTests {

	enum Colour {

		RED, GREEN

	}

	final ResourceBundleMessageSource messages = messages();

	final BindingResult result = new MapBindingResult(new HashMap<>(), "form");

	@Test
	void trimmingLeavesNullForNoText() {
		assertThat(FormValues.trim("  Spice \t")).isEqualTo("Spice");
		assertThat(FormValues.trim("   ")).isNull();
		assertThat(FormValues.trim(null)).isNull();
	}

	@Test
	void valuesThatReadAreReturnedWithoutAnError() {
		assertThat(FormValues.choice(Colour.class, "GREEN", "colour", result)).isEqualTo(Colour.GREEN);
		var id = UUID.randomUUID();
		assertThat(FormValues.id(id.toString(), "id", result)).isEqualTo(id);
		assertThat(FormValues.date("2026-12-05", "date", result)).isEqualTo(LocalDate.of(2026, 12, 5));
		assertThat(FormValues.month("2026-11", "month", result)).isEqualTo(YearMonth.of(2026, 11));
		assertThat(FormValues.time("21:30", "time", result)).isEqualTo(LocalTime.of(21, 30));
		assertThat(FormValues.number("7", "count", 0, 10, result)).isEqualTo(7);
		assertThat(FormValues.latitude("52.4862", "lat", result)).isEqualTo(52.4862);
		assertThat(FormValues.longitude("-1.8904", "lon", result)).isEqualTo(-1.8904);
		assertThat(result.hasErrors()).isFalse();
	}

	@Test
	void noTextIsNoValueAndNoError() {
		assertThat(FormValues.choice(Colour.class, null, "colour", result)).isNull();
		assertThat(FormValues.date(null, "date", result)).isNull();
		assertThat(FormValues.number(null, "count", 0, 10, result)).isNull();
		assertThat(result.hasErrors()).isFalse();
	}

	@Test
	void eachValueThatDoesNotReadIsExplainedOnItsField() {
		FormValues.choice(Colour.class, "green", "colour", result);
		FormValues.id("not-an-id", "id", result);
		FormValues.date("2026-02-30", "date", result);
		FormValues.date("1999-12-31", "early", result);
		FormValues.date("+999999999-01-01", "far", result);
		FormValues.month("2026-13", "month", result);
		FormValues.month("2201-01", "lateMonth", result);
		FormValues.time("25:00", "time", result);
		FormValues.number("eleven", "words", 0, 10, result);
		FormValues.number("11", "count", 0, 10, result);
		FormValues.latitude("91", "lat", result);
		FormValues.longitude("NaN", "lon", result);
		Map<String, String> said = new HashMap<>();
		result.getFieldErrors().forEach(error -> said.put(error.getField(), messages.getMessage(error, Locale.UK)));
		assertThat(said).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
				Map.entry("colour", "Choose one of the options"), Map.entry("id", "Choose one of the options"),
				Map.entry("date", "Enter a real date, for example 2026-12-05"),
				Map.entry("early", "Enter a date between the years 2000 and 2200"),
				Map.entry("far", "Enter a date between the years 2000 and 2200"),
				Map.entry("month", "Enter a real month, for example 2026-11"),
				Map.entry("lateMonth", "Enter a date between the years 2000 and 2200"),
				Map.entry("time", "Enter a time of day, for example 21:30"),
				Map.entry("words", "Enter a whole number from 0 to 10"),
				Map.entry("count", "Enter a whole number from 0 to 10"),
				Map.entry("lat", "Enter the latitude as a number from -90 to 90, for example 52.4862"),
				Map.entry("lon", "Enter the longitude as a number from -180 to 180, for example -1.8904")));
	}

	@Test
	void aFieldAlreadyInErrorIsNotReadAgain() {
		result.rejectValue("count", "form.error.summary");
		assertThat(FormValues.number("5", "count", 0, 10, result)).isNull();
		assertThat(result.getFieldErrors("count")).hasSize(1);
	}

	@Test
	void optionsAreTheConstantsInOrderWithTheirMessageKeys() {
		assertThat(FormValues.options(Colour.class, "colour.")).containsExactly(Map.entry("RED", "colour.RED"),
				Map.entry("GREEN", "colour.GREEN"));
	}

	private static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("messages/platform");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
