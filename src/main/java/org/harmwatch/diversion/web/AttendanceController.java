package org.harmwatch.diversion.web;

import java.util.ArrayList;

import jakarta.validation.constraints.NotBlank;
import org.harmwatch.diversion.DiversionManagement;
import org.harmwatch.diversion.internal.DiversionPolicy;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The treatment provider's page: the link's reference, the appointment's date, attended
 * or not. Nothing else is asked, and nothing about the person or the offence is shown.
 */
@Controller
class AttendanceController {

	/** What the provider reports. */
	record AttendanceForm(@NotBlank(message = "{diversion.attendance.reference.required}") @Nullable String reference,
			@Nullable String appointmentOn, @Nullable String attended) {
	}

	private final DiversionManagement diversion;

	AttendanceController(DiversionManagement diversion) {
		this.diversion = diversion;
	}

	@GetMapping("/diversion/attendance")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String form(@RequestParam(required = false) @Nullable String reported, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		mustReport(user);
		model.addAttribute("attendanceForm", new AttendanceForm(null, null, null));
		model.addAttribute("justReported", reported != null);
		return page(model);
	}

	@PostMapping("/diversion/attendance")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String report(@Validated @ModelAttribute("attendanceForm") AttendanceForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		mustReport(user);
		var problems = new ArrayList<FieldProblem>();
		var on = Fields.date(form.appointmentOn(), "appointmentOn", problems);
		var attended = Fields.yesNo(form.attended(), "attended", problems);
		try {
			if (!problems.isEmpty() || on == null || attended == null) {
				throw new InputRejectedException(problems);
			}
			if (!result.hasErrors()) {
				diversion.reportAttendance(form.reference(), on, attended, user);
				return "redirect:/diversion/attendance?reported=true";
			}
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return page(model);
	}

	private String page(Model model) {
		FormErrorOrder.inPageOrder(model, "attendanceForm");
		model.addAttribute("yesNo", Fields.yesNoOptions());
		return "diversion/attendance";
	}

	private static void mustReport(HarmwatchUser user) {
		if (!DiversionPolicy.mayReportAttendance(user)) {
			throw new AccessDeniedException("Attendance is reported by treatment staff");
		}
	}

}
