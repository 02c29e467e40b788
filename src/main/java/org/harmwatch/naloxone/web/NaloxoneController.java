package org.harmwatch.naloxone.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;

import org.harmwatch.naloxone.FinderManagement;
import org.harmwatch.naloxone.HolderDraft;
import org.harmwatch.naloxone.HolderKind;
import org.harmwatch.naloxone.KitLedgerManagement;
import org.harmwatch.naloxone.KitReason;
import org.harmwatch.naloxone.MovementDraft;
import org.harmwatch.naloxone.MovementKind;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.naloxone.Sector;
import org.harmwatch.naloxone.SupplyType;
import org.harmwatch.naloxone.internal.NaloxonePolicy;
import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.Sex;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The kit ledger: stock per holder, kits about to expire, reissue tasks and recent
 * supplies; adding holders and recording kits as they move.
 */
@Controller
@RequestMapping("/naloxone")
class NaloxoneController {

	static final String NOTICE = "naloxoneNotice";

	private static final String HOLDER_FORM = "holderForm";

	private static final String MOVEMENT_FORM = "movementForm";

	private final KitLedgerManagement ledger;

	private final FinderManagement finder;

	NaloxoneController(KitLedgerManagement ledger, FinderManagement finder) {
		this.ledger = ledger;
		this.finder = finder;
	}

	@GetMapping
	@Requires(capability = Capability.NALOXONE, action = Action.READ)
	String ledger(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute("ledger", ledger.ledger(user));
		model.addAttribute("mayWrite", NaloxonePolicy.mayUse(user, user.agencyCode(), Set.of(), Action.WRITE));
		model.addAttribute("recordsSupplies", NaloxonePolicy.recordsSupplies(user));
		model.addAttribute("kinds", MovementKind.values());
		return "naloxone/ledger";
	}

	@GetMapping("/holders/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String newHolder(Model model) {
		model.addAttribute(HOLDER_FORM, HolderForm.empty());
		return holderForm(model);
	}

	@PostMapping("/holders/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String addHolder(@Validated @ModelAttribute(HOLDER_FORM) HolderForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var kind = FormValues.choice(HolderKind.class, form.kind(), "kind", result);
		var latitude = FormValues.latitude(form.latitude(), "latitude", result);
		var longitude = FormValues.longitude(form.longitude(), "longitude", result);
		var sector = FormValues.choice(Sector.class, form.sector(), "sector", result);
		if (!result.hasErrors() && kind != null && form.name() != null) {
			try {
				ledger.addHolder(user,
						new HolderDraft(kind, form.name(), form.agencyCode(), form.ladCode(), form.address(),
								form.postcode(), form.openingHours(), "true".equals(form.trains()),
								"true".equals(form.publicListing()), latitude, longitude, sector));
				redirect.addFlashAttribute(NOTICE, "naloxone.holder.added");
				return "redirect:/naloxone";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return holderForm(model);
	}

	@GetMapping("/movements/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String newMovement(@RequestParam(required = false) @Nullable String kind, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var chosen = kind == null ? null
				: Arrays.stream(MovementKind.values())
					.filter(k -> k.name().equals(kind))
					.findFirst()
					.map(Enum::name)
					.orElse(null);
		model.addAttribute(MOVEMENT_FORM, MovementForm.of(chosen, ledger.today().toString()));
		return movementForm(model, user);
	}

	@PostMapping("/movements/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String recordMovement(@Validated @ModelAttribute(MOVEMENT_FORM) MovementForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var kind = FormValues.choice(MovementKind.class, form.kind(), "kind", result);
		var expiresOn = FormValues.date(form.expiresOn(), "expiresOn", result);
		var from = FormValues.id(form.fromHolder(), "fromHolder", result);
		var to = FormValues.id(form.toHolder(), "toHolder", result);
		var kits = FormValues.number(form.kits(), "kits", 1, 100_000, result);
		LocalDate happenedOn = FormValues.date(form.happenedOn(), "happenedOn", result);
		var supplyType = FormValues.choice(SupplyType.class, form.supplyType(), "supplyType", result);
		var reason = FormValues.choice(KitReason.class, form.reason(), "reason", result);
		var point = FormValues.choice(ReleasePoint.class, form.releasePoint(), "releasePoint", result);
		var ageBand = FormValues.choice(AgeBand.class, form.ageBand(), "ageBand", result);
		var sex = FormValues.choice(Sex.class, form.sex(), "sex", result);
		if (!result.hasErrors() && kind != null && kits != null && happenedOn != null && form.productCode() != null
				&& form.batchNumber() != null) {
			try {
				ledger.record(user, new MovementDraft(kind, form.productCode(), form.batchNumber(), expiresOn, from, to,
						kits, happenedOn, form.clientCode(), supplyType, reason, point, ageBand, sex));
				redirect.addFlashAttribute(NOTICE, "naloxone.movement.recorded." + kind.name());
				return "redirect:/naloxone";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return movementForm(model, user);
	}

	@PostMapping("/tasks/{id}/done")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String taskDone(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		ledger.reissued(user, id);
		redirect.addFlashAttribute(NOTICE, "naloxone.task.done");
		return "redirect:/naloxone";
	}

	private String holderForm(Model model) {
		FormErrorOrder.inPageOrder(model, HOLDER_FORM);
		model.addAttribute("holderKinds", FormValues.options(HolderKind.class, "naloxone.holderKind."));
		model.addAttribute("districts", finder.districts());
		model.addAttribute("sectors", FormValues.options(Sector.class, "naloxone.sector."));
		return "naloxone/holderForm";
	}

	private String movementForm(Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, MOVEMENT_FORM);
		var kinds = FormValues.options(MovementKind.class, "naloxone.movementKind.");
		if (!NaloxonePolicy.recordsSupplies(user)) {
			kinds.remove(MovementKind.SUPPLIED.name());
			kinds.remove(MovementKind.RETURNED.name());
		}
		model.addAttribute("movementKinds", kinds);
		var products = new LinkedHashMap<String, String>();
		ledger.products().forEach(p -> products.put(p.code(), p.name()));
		model.addAttribute("products", products);
		var holders = new LinkedHashMap<String, String>();
		ledger.holders(user, Action.WRITE).forEach(h -> holders.put(h.id().toString(), h.name()));
		model.addAttribute("holders", holders);
		model.addAttribute("supplyTypes", FormValues.options(SupplyType.class, "naloxone.supplyType."));
		model.addAttribute("reasons", FormValues.options(KitReason.class, "naloxone.reason."));
		model.addAttribute("releasePoints", FormValues.options(ReleasePoint.class, "naloxone.releasePoint."));
		model.addAttribute("ageBands", FormValues.options(AgeBand.class, "overdose.ageBand."));
		model.addAttribute("sexes", FormValues.options(Sex.class, "overdose.sex."));
		return "naloxone/movementForm";
	}

}
