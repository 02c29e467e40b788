package org.harmwatch.programme.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.harmwatch.platform.web.FormValues;
import org.harmwatch.programme.FinancialYear;
import org.harmwatch.programme.FundingManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The funding ledger's forms, as sent, and the reading of their values into money and
 * years, putting a field error on the form (never a 400) when one does not read.
 */
final class FundingForms {

	/** Pounds as people type them: "£1,250,000", "1250000.50". */
	private static final Pattern POUNDS = Pattern.compile("£?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

	private FundingForms() {
	}

	record StreamForm(
			@NotBlank(message = "{programme.funding.stream.name.required}") @Size(max = 200,
					message = "{programme.funding.name.size}") @Nullable String name,
			@NotBlank(message = "{programme.funding.stream.kind.required}") @Nullable String kind,
			@NotBlank(message = "{programme.funding.stream.funder.required}") @Size(max = 200,
					message = "{programme.funding.name.size}") @Nullable String funder) {

		StreamForm {
			name = FormValues.trim(name);
			kind = FormValues.trim(kind);
			funder = FormValues.trim(funder);
		}

	}

	record AmountForm(@NotBlank(message = "{programme.funding.stream.required}") @Nullable String streamId,
			@NotBlank(message = "{programme.funding.year.required}") @Nullable String year,
			@NotBlank(message = "{programme.funding.amount.required}") @Size(max = 30,
					message = "{programme.funding.pounds.invalid}") @Nullable String amount) {

		AmountForm {
			streamId = FormValues.trim(streamId);
			year = FormValues.trim(year);
			amount = FormValues.trim(amount);
		}

	}

	record ServiceForm(
			@NotBlank(message = "{programme.funding.service.name.required}") @Size(max = 200,
					message = "{programme.funding.name.size}") @Nullable String name,
			@NotBlank(message = "{programme.funding.service.kind.required}") @Nullable String kind,
			@NotBlank(message = "{programme.funding.service.district.required}") @Size(max = 20,
					message = "{programme.funding.service.district.unknown}") @Nullable String districtCode,
			@NotBlank(message = "{programme.funding.service.provider.required}") @Size(max = 200,
					message = "{programme.funding.name.size}") @Nullable String provider) {

		ServiceForm {
			name = FormValues.trim(name);
			kind = FormValues.trim(kind);
			districtCode = FormValues.trim(districtCode);
			provider = FormValues.trim(provider);
		}

	}

	record AllocationForm(@NotBlank(message = "{programme.funding.stream.required}") @Nullable String streamId,
			@NotBlank(message = "{programme.funding.service.required}") @Nullable String serviceId,
			@NotBlank(message = "{programme.funding.year.required}") @Nullable String year,
			@NotBlank(message = "{programme.funding.amount.required}") @Size(max = 30,
					message = "{programme.funding.pounds.invalid}") @Nullable String amount) {

		AllocationForm {
			streamId = FormValues.trim(streamId);
			serviceId = FormValues.trim(serviceId);
			year = FormValues.trim(year);
			amount = FormValues.trim(amount);
		}

	}

	/**
	 * Pounds typed into a form, in pence; at most {@link FundingManagement#MAX_PENCE}.
	 */
	static @Nullable Long pence(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		if (!POUNDS.matcher(value).matches()) {
			result.rejectValue(field, "programme.funding.pounds.invalid");
			return null;
		}
		var pounds = new BigDecimal(value.replace("£", "").replace(",", "").strip());
		var pence = pounds.movePointRight(2);
		if (pence.compareTo(BigDecimal.valueOf(FundingManagement.MAX_PENCE)) > 0) {
			result.rejectValue(field, "programme.funding.pence.range");
			return null;
		}
		return pence.longValueExact();
	}

	static @Nullable Integer year(@Nullable String value, String field, BindingResult result) {
		if (value == null || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			int year = Integer.parseInt(value);
			if (year >= FinancialYear.FIRST && year <= FinancialYear.LAST) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		result.rejectValue(field, "programme.funding.year.range",
				new Object[] { FinancialYear.FIRST, FinancialYear.LAST }, null);
		return null;
	}

}
