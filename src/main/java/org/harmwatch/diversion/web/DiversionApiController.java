package org.harmwatch.diversion.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.harmwatch.diversion.DiversionManagement;
import org.harmwatch.diversion.DiversionOutcomeManagement;
import org.harmwatch.diversion.internal.DiversionPolicy;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Diversion's API: a treatment provider's system reports attendance against a link
 * (yes/no and date only), and police readers fetch the outcome rates (aggregates).
 */
@RestController
class DiversionApiController {

	/** An attendance report. */
	record AttendanceReport(@Nullable String reference, @Nullable LocalDate appointmentOn, @Nullable Boolean attended) {
	}

	private final DiversionManagement diversion;

	private final DiversionOutcomeManagement reports;

	DiversionApiController(DiversionManagement diversion, DiversionOutcomeManagement reports) {
		this.diversion = diversion;
		this.reports = reports;
	}

	@PostMapping("/api/diversion/attendance")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	ResponseEntity<Map<String, Object>> report(@RequestBody(required = false) @Nullable AttendanceReport body,
			@AuthenticationPrincipal HarmwatchUser user) {
		if (!DiversionPolicy.mayReportAttendance(user)) {
			throw new AccessDeniedException("Attendance is reported by treatment staff");
		}
		var report = body == null ? new AttendanceReport(null, null, null) : body;
		var problems = new ArrayList<FieldProblem>();
		if (report.reference() == null || report.reference().isBlank()) {
			problems.add(FieldProblem.of("reference", "diversion.attendance.reference.required"));
		}
		if (report.appointmentOn() == null) {
			problems.add(FieldProblem.of("appointmentOn", "diversion.date.required"));
		}
		if (report.attended() == null) {
			problems.add(FieldProblem.of("attended", "diversion.choice.required"));
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		boolean created = diversion.reportAttendance(report.reference(), report.appointmentOn(), report.attended(),
				user);
		return ResponseEntity.status(created ? 201 : 200).body(Map.of("recorded", created));
	}

	@GetMapping("/api/diversion/outcomes")
	@Requires(capability = Capability.DIVERSION, action = Action.READ)
	List<Map<String, @Nullable Object>> outcomes(@AuthenticationPrincipal HarmwatchUser user) {
		var rows = new ArrayList<Map<String, @Nullable Object>>();
		for (var shown : reports.outcomes(user).rates()) {
			var rate = shown.rate();
			var row = new LinkedHashMap<String, @Nullable Object>();
			row.put("measure", shown.measure());
			row.put("arm", shown.arm().name());
			row.put("windowMonths", shown.windowMonths());
			row.put("events", shown.events());
			row.put("n", shown.n());
			row.put("withheld", rate == null);
			row.put("rate", rate == null ? null : rate.proportion());
			row.put("low", rate == null ? null : rate.low());
			row.put("high", rate == null ? null : rate.high());
			rows.add(row);
		}
		return rows;
	}

}
