package org.harmwatch.programme.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
import org.harmwatch.programme.FinancialYear;
import org.harmwatch.programme.FundedServiceKind;
import org.harmwatch.programme.FundingDrafts;
import org.harmwatch.programme.FundingManagement;
import org.harmwatch.programme.FundingStreamKind;
import org.harmwatch.programme.web.FundingForms.AllocationForm;
import org.harmwatch.programme.web.FundingForms.AmountForm;
import org.harmwatch.programme.web.FundingForms.ServiceForm;
import org.harmwatch.programme.web.FundingForms.StreamForm;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The funding ledger for the commissioner's office: streams, services and allocations by
 * financial year; the audit of what each district funds and produces; and the what-if for
 * pooling funds.
 */
@Controller
@RequestMapping("/programme/funding")
class FundingController {

	static final String NOTICE = "fundingNotice";

	private static final String FORM = "form";

	private final FundingManagement funding;

	private final GeographyManagement geography;

	FundingController(FundingManagement funding, GeographyManagement geography) {
		this.funding = funding;
		this.geography = geography;
	}

	@GetMapping
	@Requires(capability = Capability.PROGRAMME, action = Action.READ)
	String ledger(@RequestParam(required = false) @Nullable String year, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var chosen = chosenYear(year);
		model.addAttribute("ledger", funding.ledger(user, chosen));
		model.addAttribute("mayRecord", funding.mayRecord(user));
		return years(model, chosen, "programme/funding");
	}

	@GetMapping("/audit")
	@Requires(capability = Capability.PROGRAMME, action = Action.READ)
	String audit(@RequestParam(required = false) @Nullable String year, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var chosen = chosenYear(year);
		model.addAttribute("audit", funding.audit(user, chosen));
		return years(model, chosen, "programme/fundingAudit");
	}

	@GetMapping("/pooling")
	@Requires(capability = Capability.PROGRAMME, action = Action.READ)
	String pooling(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String kind, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var chosen = chosenYear(year);
		var chosenKind = pooledKinds().stream()
			.filter(k -> k.name().equals(kind))
			.findFirst()
			.orElse(FundedServiceKind.CUSTODY_TESTING);
		model.addAttribute("whatIf", funding.pooling(user, chosen, chosenKind));
		model.addAttribute("kinds", pooledKinds());
		return years(model, chosen, "programme/fundingPooling");
	}

	@GetMapping("/streams/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String newStream(Model model) {
		model.addAttribute(FORM, new StreamForm(null, null, null));
		return streamForm(model);
	}

	@PostMapping("/streams/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String addStream(@Validated @ModelAttribute(FORM) StreamForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var kind = FormValues.choice(FundingStreamKind.class, form.kind(), "kind", result);
		if (!result.hasErrors() && kind != null && form.name() != null && form.funder() != null) {
			try {
				funding.addStream(user, new FundingDrafts.Stream(form.name(), kind, form.funder()));
				redirect.addFlashAttribute(NOTICE, "programme.funding.stream.added");
				return "redirect:/programme/funding";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return streamForm(model);
	}

	@GetMapping("/amounts/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String newAmount(@RequestParam(required = false) @Nullable String stream, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(FORM, new AmountForm(stream, String.valueOf(funding.currentYear().startYear()), null));
		return amountForm(model, user);
	}

	@PostMapping("/amounts/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String setAmount(@Validated @ModelAttribute(FORM) AmountForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var stream = FormValues.id(form.streamId(), "streamId", result);
		var year = FundingForms.year(form.year(), "year", result);
		var pence = FundingForms.pence(form.amount(), "amount", result);
		if (!result.hasErrors() && stream != null && year != null && pence != null) {
			try {
				funding.setAmount(user, new FundingDrafts.Amount(stream, year, pence));
				redirect.addFlashAttribute(NOTICE, "programme.funding.amount.set");
				return "redirect:/programme/funding?year=" + year;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
				renamePence(result);
			}
		}
		return amountForm(model, user);
	}

	@GetMapping("/services/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String newService(Model model) {
		model.addAttribute(FORM, new ServiceForm(null, null, null, null));
		return serviceForm(model);
	}

	@PostMapping("/services/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String addService(@Validated @ModelAttribute(FORM) ServiceForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var kind = FormValues.choice(FundedServiceKind.class, form.kind(), "kind", result);
		if (!result.hasErrors() && kind != null && form.name() != null && form.districtCode() != null
				&& form.provider() != null) {
			try {
				funding.addService(user,
						new FundingDrafts.Service(form.name(), kind, form.districtCode(), form.provider()));
				redirect.addFlashAttribute(NOTICE, "programme.funding.service.added");
				return "redirect:/programme/funding";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return serviceForm(model);
	}

	@GetMapping("/allocations/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String newAllocation(@RequestParam(required = false) @Nullable String stream, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(FORM,
				new AllocationForm(stream, null, String.valueOf(funding.currentYear().startYear()), null));
		return allocationForm(model, user);
	}

	@PostMapping("/allocations/new")
	@Requires(capability = Capability.PROGRAMME, action = Action.WRITE)
	String allocate(@Validated @ModelAttribute(FORM) AllocationForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var stream = FormValues.id(form.streamId(), "streamId", result);
		var service = FormValues.id(form.serviceId(), "serviceId", result);
		var year = FundingForms.year(form.year(), "year", result);
		var pence = FundingForms.pence(form.amount(), "amount", result);
		if (!result.hasErrors() && stream != null && service != null && year != null && pence != null) {
			try {
				funding.allocate(user, new FundingDrafts.Allocation(stream, service, year, pence));
				redirect.addFlashAttribute(NOTICE, "programme.funding.allocation.added");
				return "redirect:/programme/funding?year=" + year;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
				renamePence(result);
			}
		}
		return allocationForm(model, user);
	}

	/** The management names the money "pence"; the form calls it "amount". */
	private static void renamePence(BindingResult result) {
		var pence = result.getFieldErrors("pence");
		for (var error : pence) {
			result.rejectValue("amount", error.getCode() == null ? "programme.funding.pence.range" : error.getCode(),
					error.getArguments(), null);
		}
	}

	private String streamForm(Model model) {
		model.addAttribute("streamKinds", FormValues.options(FundingStreamKind.class, "programme.funding.streamKind."));
		return fundingForm(model, "stream");
	}

	private String amountForm(Model model, HarmwatchUser user) {
		model.addAttribute("streams", ownStreams(user));
		model.addAttribute("yearOptions", yearOptions());
		return fundingForm(model, "amount");
	}

	private String serviceForm(Model model) {
		model.addAttribute("serviceKinds",
				FormValues.options(FundedServiceKind.class, "programme.funding.serviceKind."));
		var districts = new LinkedHashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(a -> districts.put(a.code(), a.name()));
		model.addAttribute("districts", districts);
		return fundingForm(model, "service");
	}

	private String allocationForm(Model model, HarmwatchUser user) {
		var ledger = funding.ledger(user, funding.currentYear());
		model.addAttribute("streams", ownStreams(user));
		var services = new LinkedHashMap<String, String>();
		ledger.services().forEach(s -> services.put(s.id().toString(), s.name() + " (" + s.districtName() + ")"));
		model.addAttribute("services", services);
		model.addAttribute("yearOptions", yearOptions());
		return fundingForm(model, "allocation");
	}

	/**
	 * The ledger's one form page (templates/programme/fundingForm.html) with the fields
	 * of a stream, amount, service or allocation.
	 */
	private static String fundingForm(Model model, String kind) {
		model.addAttribute("formKind", kind);
		return "programme/fundingForm";
	}

	private Map<String, String> ownStreams(HarmwatchUser user) {
		var streams = new LinkedHashMap<String, String>();
		funding.ledger(user, funding.currentYear())
			.streams()
			.stream()
			.filter(s -> s.ownerAgency().equals(user.agencyCode()))
			.forEach(s -> streams.put(s.id().toString(), s.name()));
		return streams;
	}

	private Map<String, String> yearOptions() {
		var options = new LinkedHashMap<String, String>();
		years().forEach(y -> options.put(String.valueOf(y.startYear()), y.label()));
		return options;
	}

	private List<FinancialYear> years() {
		int current = funding.currentYear().startYear();
		return IntStream.rangeClosed(current - 5, current + 2).mapToObj(FinancialYear::new).toList();
	}

	private FinancialYear chosenYear(@Nullable String year) {
		if (year != null && year.matches("\\d{4}")) {
			int value = Integer.parseInt(year);
			if (value >= FinancialYear.FIRST && value <= FinancialYear.LAST) {
				return new FinancialYear(value);
			}
		}
		return funding.currentYear();
	}

	private String years(Model model, FinancialYear chosen, String view) {
		model.addAttribute("year", chosen);
		model.addAttribute("years", years());
		return view;
	}

	/** The kinds whose outputs Harmwatch records, the only ones a what-if can count. */
	private static List<FundedServiceKind> pooledKinds() {
		return Arrays.stream(FundedServiceKind.values()).filter(k -> k.output() != null).toList();
	}

}
