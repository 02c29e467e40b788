package org.harmwatch.earlywarning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.analytics.SpikeDetected;
import org.harmwatch.drugchecking.DangerousSampleFound;
import org.harmwatch.earlywarning.internal.EarlyWarningPolicy;
import org.harmwatch.earlywarning.internal.SignalEngine;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.RiskFlag;
import org.harmwatch.substances.SubstanceClass;
import org.harmwatch.substances.SubstanceId;
import org.harmwatch.substances.SubstanceManagement;
import org.harmwatch.substances.SubstanceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Early warning's API: take reports in, file them and other modules' events into signals, and let the coordinator
 * validate or dismiss signals.
 *
 * <p>Times are passed in (when a report was received, when a decision was made), so callers and tests choose them;
 * the web layer passes the application clock's time. Reports are held for {@link Purpose#PUBLIC_HEALTH_INTELLIGENCE}.
 */
@Service
public class EarlyWarningManagement {

	/** Reports or signals per page. */
	public static final int PAGE_SIZE = 25;

	/** The district of evidence whose area is not known. */
	public static final String UNKNOWN_AREA = "UNKNOWN";

	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	static final Duration OLDEST = Duration.ofDays(366);

	private final JdbcClient jdbc;

	private final SignalEngine engine;

	private final SubstanceManagement substances;

	private final GeographyManagement geography;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	EarlyWarningManagement(JdbcClient jdbc, SignalEngine engine, SubstanceManagement substances,
			GeographyManagement geography, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.substances = substances;
		this.geography = geography;
		this.audit = audit;
		this.events = events;
	}

	/** The region's local authority districts, by name, for "choose an area". */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD).stream().sorted(Comparator.comparing(Area::name)).toList();
	}

	/**
	 * Checks and stores a report, files it into a signal and publishes {@link ReportReceived} (and
	 * {@link SignalOpened} when it opened one).
	 * @param reporter who reported it; {@code null} for an anonymous report
	 * @throws ReportRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public UUID submit(ReportDraft draft, @Nullable Reporter reporter, Instant receivedAt) {
		var problems = check(draft, receivedAt);
		var place = place(draft, new ArrayList<>());
		var occurredAt = draft.occurredAt();
		if (!problems.isEmpty() || place == null || occurredAt == null || draft.sourceType() == null
				|| draft.people() == null) {
			throw new ReportRejectedException(problems);
		}
		var mentions = draft.substances().stream().filter(m -> !m.text().isBlank()).toList();
		var description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
		return store(draft, reporter, receivedAt, place, occurredAt, mentions, description);
	}

	/** What is wrong with a report, field by field; empty when it can be stored. Stores nothing. */
	public List<ReportProblem> check(ReportDraft draft, Instant receivedAt) {
		var problems = new ArrayList<ReportProblem>();
		if (draft.sourceType() == null) {
			problems.add(new ReportProblem("sourceType", "Choose who or what the report comes from."));
		}
		else if (draft.channel() == Channel.PUBLIC_FORM && draft.sourceType() != SourceType.MEMBER_OF_PUBLIC) {
			problems.add(new ReportProblem("sourceType", "A public report comes from a member of the public."));
		}
		var occurredAt = draft.occurredAt();
		if (occurredAt == null) {
			problems.add(new ReportProblem("occurredAt", "Enter when it happened."));
		}
		else if (occurredAt.isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
			problems.add(new ReportProblem("occurredAt", "When it happened cannot be in the future."));
		}
		else if (occurredAt.isBefore(receivedAt.minus(OLDEST))) {
			problems.add(new ReportProblem("occurredAt", "When it happened must be within the last year."));
		}
		place(draft, problems);
		var mentions = draft.substances().stream().filter(m -> !m.text().isBlank()).toList();
		if (mentions.size() > 10) {
			problems.add(new ReportProblem("substances", "Name at most 10 substances."));
		}
		for (int i = 0; i < mentions.size(); i++) {
			if (mentions.get(i).text().strip().length() > 200) {
				problems.add(new ReportProblem("substances[" + i + "]", "A substance is at most 200 characters."));
			}
		}
		if (draft.outcomes().isEmpty()) {
			problems.add(new ReportProblem("outcomes", "Choose what happened."));
		}
		if (draft.people() == null) {
			problems.add(new ReportProblem("people", "Enter how many people were affected."));
		}
		else if (draft.people() < 1 || draft.people() > 1000) {
			problems.add(new ReportProblem("people", "How many people must be a whole number from 1 to 1000."));
		}
		var description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
		if (description != null && description.length() > 4000) {
			problems.add(new ReportProblem("description", "What happened is at most 4000 characters."));
		}
		return problems;
	}

	private UUID store(ReportDraft draft, @Nullable Reporter reporter, Instant receivedAt, Place place,
			Instant occurredAt, List<SubstanceMention> mentions, @Nullable String description) {
		var id = UUID.randomUUID();
		var resolved = new ArrayList<ReportView.ReportedSubstance>();
		var summaries = new ArrayList<SubstanceSummary>();
		for (var mention : mentions) {
			var text = mention.text().strip();
			var resolution = substances.resolve(text);
			var s = resolution.map(r -> r.substance()).orElse(null);
			if (s != null) {
				summaries.add(s);
			}
			resolved.add(new ReportView.ReportedSubstance(text, s == null ? null : s.id().code(),
					s == null ? null : s.name(), s == null ? null : s.substanceClass().name(), mention.howKnown()));
		}
		var outcomes = draft.outcomes().stream().sorted().toList();
		jdbc.sql("""
				INSERT INTO earlywarning.report (id, channel, source_type, occurred_at, received_at, lat, lon, lad_code,
				  lad_name, ward_code, ward_name, lsoa_code, substance_class, outcomes, people, description, reporter_id,
				  reporter_name, reporter_agency_code, reporter_agency_name, purpose)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)""")
			.param(id)
			.param(draft.channel().name())
			.param(draft.sourceType().name())
			.param(java.sql.Timestamp.from(occurredAt))
			.param(java.sql.Timestamp.from(receivedAt))
			.param(place.lat())
			.param(place.lon())
			.param(place.ladCode())
			.param(place.ladName())
			.param(place.wardCode())
			.param(place.wardName())
			.param(place.lsoaCode())
			.param(draft.substanceClass() == null ? null : draft.substanceClass().name())
			.param("{" + outcomes.stream().map(Enum::name).collect(Collectors.joining(",")) + "}")
			.param(draft.people())
			.param(description)
			.param(reporter == null ? null : reporter.id())
			.param(reporter == null ? null : reporter.name())
			.param(reporter == null ? null : reporter.agencyCode())
			.param(reporter == null ? null : reporter.agencyName())
			.param(Purpose.PUBLIC_HEALTH_INTELLIGENCE.name())
			.update();
		for (int i = 0; i < resolved.size(); i++) {
			var r = resolved.get(i);
			jdbc.sql("""
					INSERT INTO earlywarning.report_substance (report_id, position, text, substance_code, substance_name,
					  substance_class, how_known) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.param(id)
				.param(i)
				.param(r.text())
				.param(r.code())
				.param(r.name())
				.param(r.substanceClass())
				.param(r.howKnown().name())
				.update();
		}

		var lead = lead(summaries);
		var chosenClass = lead != null ? lead.substanceClass() : draft.substanceClass();
		var groupKey = lead != null ? "substance:" + lead.id().code()
				: chosenClass != null ? "class:" + chosenClass.name() : "unknown";
		var codes = summaries.stream().map(s -> s.id().code()).distinct().toList();
		boolean death = draft.outcomes().contains(Outcome.DEATH);
		var summary = label(draft.sourceType()) + ": "
				+ outcomes.stream().map(o -> o.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "))
				+ (resolved.isEmpty() ? "" : " — " + resolved.stream()
					.map(r -> r.name() != null ? r.name() : "\"" + r.text() + "\"")
					.collect(Collectors.joining(", ")))
				+ " (" + draft.people() + (draft.people() == 1 ? " person)" : " people)");
		var filed = engine.file(new SignalEngine.Input(EvidenceKind.REPORT, id.toString(), occurredAt, receivedAt,
				place.ladCode(), place.ladName(), groupKey, lead == null ? null : lead.id().code(),
				chosenClass == null ? null : chosenClass.name(), codes, death, summary));
		events.publishEvent(new ReportReceived(id, filed.signalId(), draft.channel(), draft.sourceType(),
				place.ladCode(), codes, outcomes, occurredAt, receivedAt));
		opened(filed, lead == null ? null : lead.id().code(), chosenClass == null ? null : chosenClass.name(),
				place.ladCode(), receivedAt);
		return id;
	}

	/**
	 * Files a spike from the analytics detector; a spike already filed (the same event id) changes nothing.
	 * @return the signal it is in
	 */
	@Transactional
	public UUID recordSpike(SpikeDetected spike, Instant receivedAt) {
		var area = geography.area(spike.areaCode());
		var ladCode = area.map(Area::ladCode).orElse(spike.areaCode());
		var ladName = area.map(Area::ladName).orElse(spike.areaName());
		var summary = "Spike (" + spike.method().toLowerCase() + "): " + spike.observed() + " "
				+ spike.category().toLowerCase().replace('_', ' ') + " events in " + spike.areaName() + " ("
				+ spike.areaLevel() + "), " + String.format(java.util.Locale.UK, "%.1f", spike.expected()) + " expected";
		var filed = engine.file(new SignalEngine.Input(EvidenceKind.SPIKE, spike.id(), spike.windowEnd(), receivedAt,
				ladCode, ladName, "category:" + spike.category(), null, null, List.of(), false, summary));
		opened(filed, null, null, ladCode, receivedAt);
		return filed.signalId();
	}

	/**
	 * Files a dangerous drug-checking result; a sample already filed (the same sample id) changes nothing.
	 * @return the signal it is in
	 */
	@Transactional
	public UUID recordDangerousSample(DangerousSampleFound sample, Instant receivedAt) {
		var lad = sample.ladCode() == null ? Optional.<Area>empty() : geography.area(sample.ladCode());
		var ladCode = lad.map(Area::ladCode).orElse(UNKNOWN_AREA);
		var ladName = lad.map(Area::ladName).orElse("Area not known");
		var found = sample.substanceCodes()
			.stream()
			.filter(SubstanceId::isValid)
			.map(c -> substances.find(new SubstanceId(c)))
			.flatMap(Optional::stream)
			.toList();
		var lead = lead(found);
		var groupKey = lead != null ? "substance:" + lead.id().code() : "unknown";
		var summary = "Drug checking at " + sample.sessionSite() + " (" + sample.analysis() + "): sold as "
				+ sample.soldAs() + ", found " + String.join(", ", sample.substanceCodes())
				+ (sample.reasons().isEmpty() ? "" : " — " + String.join("; ", sample.reasons()));
		var filed = engine.file(new SignalEngine.Input(EvidenceKind.DRUG_CHECK, sample.sampleId(), sample.foundAt(),
				receivedAt, ladCode, ladName, groupKey, lead == null ? null : lead.id().code(),
				lead == null ? null : lead.substanceClass().name(), sample.substanceCodes(), false, summary));
		opened(filed, lead == null ? null : lead.id().code(), lead == null ? null : lead.substanceClass().name(),
				ladCode, receivedAt);
		return filed.signalId();
	}

	private void opened(SignalEngine.Filed filed, @Nullable String code, @Nullable String substanceClass,
			String ladCode, Instant at) {
		if (filed.opened()) {
			events.publishEvent(
					new SignalOpened(filed.signalId(), code, substanceClass, ladCode, filed.urgency(), filed.rules(), at));
		}
	}

	/** The substance a signal is about: the most dangerous one named, else the first. */
	private @Nullable SubstanceSummary lead(List<SubstanceSummary> named) {
		return named.stream()
			.min(Comparator.comparingInt((SubstanceSummary s) -> engine.dangerous(s.id().code()) ? 0
					: s.has(RiskFlag.HIGH_POTENCY) ? 1 : 2))
			.orElse(null);
	}

	record Place(@Nullable Double lat, @Nullable Double lon, String ladCode, String ladName, @Nullable String wardCode,
			@Nullable String wardName, @Nullable String lsoaCode) {
	}

	private @Nullable Place place(ReportDraft draft, List<ReportProblem> problems) {
		var lat = draft.lat();
		var lon = draft.lon();
		if (lat != null || lon != null) {
			if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
				problems.add(new ReportProblem("lat", "Give both latitude and longitude of the pin, or choose an area."));
				return null;
			}
			var found = geography.lookup(lat, lon);
			if (found.isEmpty()) {
				problems.add(new ReportProblem("lat", "The pin is outside the region: move it or choose an area."));
				return null;
			}
			var at = found.get();
			// Kept to about 100 m (three decimal places): enough to group reports, not enough to point at a home.
			return new Place(Math.round(lat * 1000) / 1000.0, Math.round(lon * 1000) / 1000.0, at.lad().code(),
					at.lad().name(), at.ward() == null ? null : at.ward().code(),
					at.ward() == null ? null : at.ward().name(), at.lsoa() == null ? null : at.lsoa().code());
		}
		var code = draft.ladCode();
		if (code == null || code.isBlank()) {
			problems.add(new ReportProblem("ladCode", "Drop a pin on the map or choose an area."));
			return null;
		}
		var lad = geography.area(code.strip()).filter(a -> a.level() == AreaLevel.LAD);
		if (lad.isEmpty()) {
			problems.add(new ReportProblem("ladCode", "Choose an area of the region."));
			return null;
		}
		return new Place(null, null, lad.get().code(), lad.get().name(), null, null, null);
	}

	static String label(SourceType type) {
		var words = type.name().toLowerCase().replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** One page of reports, newest first, without reporters' names. Audited. */
	public record ReportPage(List<ReportView> reports, int page, int pages, long total) {
	}

	public ReportPage reports(int page) {
		long total = jdbc.sql("SELECT count(*) FROM earlywarning.report").query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var rows = jdbc.sql("SELECT r.*, (SELECT signal_id FROM earlywarning.evidence e WHERE e.kind = 'REPORT' "
				+ "AND e.ref = r.id::text) AS signal_id FROM earlywarning.report r "
				+ "ORDER BY received_at DESC, id LIMIT ? OFFSET ?")
			.param(PAGE_SIZE)
			.param((p - 1) * PAGE_SIZE)
			.query((rs, n) -> row(rs, false))
			.list();
		// The list shows free text and exact places: a read of personal data like any other.
		audit.record("REPORTS_LISTED", "early-warning-report", null, Purpose.PUBLIC_HEALTH_INTELLIGENCE,
				AuditLog.Outcome.ALLOWED, "page " + p + ", " + rows.size() + " reports");
		return new ReportPage(withSubstances(rows), p, pages, total);
	}

	/**
	 * One report as this reader may see it. The reporter's name is shown as {@link EarlyWarningPolicy} decides (the
	 * coordinator, not of a law-enforcement agency, and staff of the reporter's own agency); each such read is
	 * audited, and so is each time it is withheld.
	 */
	public ReportView report(UUID id, HarmwatchUser reader) {
		var row = jdbc.sql("SELECT r.*, (SELECT signal_id FROM earlywarning.evidence e WHERE e.kind = 'REPORT' "
				+ "AND e.ref = r.id::text) AS signal_id FROM earlywarning.report r WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { row(rs, true), rs.getString("reporter_agency_code") })
			.optional()
			.orElseThrow(() -> new NotFound("report", id.toString()));
		var view = (ReportView) row[0];
		var agency = (String) row[1];
		if (agency != null) {
			boolean mayIdentify = EarlyWarningPolicy.mayIdentifyReporter(reader, agency);
			if (mayIdentify) {
				audit.record("REPORTER_VIEWED", "early-warning-report", id.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE,
						AuditLog.Outcome.ALLOWED, null);
			}
			else {
				audit.record("REPORTER_WITHHELD", "early-warning-report", id.toString(),
						Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.DENIED, "reporter of another agency");
				view = new ReportView(view.id(), view.channel(), view.sourceType(), view.occurredAt(), view.receivedAt(),
						view.lat(), view.lon(), view.ladCode(), view.ladName(), view.wardName(), view.lsoaCode(),
						view.substances(), view.substanceClass(), view.outcomes(), view.people(), view.description(),
						view.reporterAgency(), null, true, view.signalId());
			}
		}
		return withSubstances(List.of(view)).getFirst();
	}

	private static ReportView row(ResultSet rs, boolean withName) throws SQLException {
		var outcomes = EnumSet.noneOf(Outcome.class);
		SignalEngine.strings(rs.getArray("outcomes")).forEach(o -> outcomes.add(Outcome.valueOf(o)));
		var agency = rs.getString("reporter_agency_name");
		return new ReportView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
				SourceType.valueOf(rs.getString("source_type")), rs.getTimestamp("occurred_at").toInstant(),
				rs.getTimestamp("received_at").toInstant(), (Double) rs.getObject("lat"), (Double) rs.getObject("lon"),
				rs.getString("lad_code"), rs.getString("lad_name"), rs.getString("ward_name"), rs.getString("lsoa_code"),
				List.of(), rs.getString("substance_class"), outcomes, rs.getInt("people"), rs.getString("description"),
				agency, withName ? rs.getString("reporter_name") : null,
				!withName && rs.getObject("reporter_id") != null, rs.getObject("signal_id", UUID.class));
	}

	private List<ReportView> withSubstances(List<ReportView> reports) {
		if (reports.isEmpty()) {
			return reports;
		}
		var byReport = new HashMap<UUID, List<ReportView.ReportedSubstance>>();
		jdbc.sql("SELECT * FROM earlywarning.report_substance WHERE report_id = ANY (?::uuid[]) ORDER BY position")
			.param("{" + reports.stream().map(r -> r.id().toString()).collect(Collectors.joining(",")) + "}")
			.query((rs, n) -> {
				byReport.computeIfAbsent(rs.getObject("report_id", UUID.class), k -> new ArrayList<>())
					.add(new ReportView.ReportedSubstance(rs.getString("text"), rs.getString("substance_code"),
							rs.getString("substance_name"), rs.getString("substance_class"),
							HowKnown.valueOf(rs.getString("how_known"))));
				return 0;
			})
			.list();
		return reports.stream()
			.map(v -> new ReportView(v.id(), v.channel(), v.sourceType(), v.occurredAt(), v.receivedAt(), v.lat(),
					v.lon(), v.ladCode(), v.ladName(), v.wardName(), v.lsoaCode(),
					byReport.getOrDefault(v.id(), List.of()), v.substanceClass(), v.outcomes(), v.people(),
					v.description(), v.reporterAgency(), v.reporterName(), v.reporterWithheld(), v.signalId()))
			.toList();
	}

	/** One page of signals, optionally of one status and urgency, most urgent and newest first. */
	public SignalView.Page signals(@Nullable SignalStatus status, @Nullable Urgency urgency, int page) {
		var where = " WHERE (CAST(? AS text) IS NULL OR status = ?) AND (CAST(? AS text) IS NULL OR urgency = ?)";
		var s = status == null ? null : status.name();
		var u = urgency == null ? null : urgency.name();
		long total = jdbc.sql("SELECT count(*) FROM earlywarning.signal" + where)
			.param(s).param(s).param(u).param(u)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.clamp(page, 1, pages);
		var list = jdbc.sql("SELECT * FROM earlywarning.signal" + where
				+ " ORDER BY CASE urgency WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 ELSE 2 END, opened_at DESC, id"
				+ " LIMIT ? OFFSET ?")
			.param(s).param(s).param(u).param(u)
			.param(PAGE_SIZE)
			.param((p - 1) * PAGE_SIZE)
			.query((rs, n) -> signal(rs))
			.list();
		return new SignalView.Page(list, p, pages, total);
	}

	public SignalView signal(UUID id) {
		return jdbc.sql("SELECT * FROM earlywarning.signal WHERE id = ?")
			.param(id)
			.query((rs, n) -> signal(rs))
			.optional()
			.orElseThrow(() -> new NotFound("signal", id.toString()));
	}

	/** A signal's evidence, in the order it happened. */
	public List<SignalView.Evidence> evidence(UUID signalId) {
		var evidence = jdbc.sql("SELECT * FROM earlywarning.evidence WHERE signal_id = ? ORDER BY occurred_at, id")
			.param(signalId)
			.query((rs, n) -> new SignalView.Evidence(EvidenceKind.valueOf(rs.getString("kind")), rs.getString("ref"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
					rs.getString("lad_code"), SignalEngine.strings(rs.getArray("substance_codes")),
					rs.getBoolean("death"), rs.getString("summary")))
			.list();
		// The evidence summarises reports (free text, deaths): reading it is a read of personal data.
		audit.record("SIGNAL_EVIDENCE_VIEWED", "early-warning-signal", signalId.toString(),
				Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, evidence.size() + " items");
		return evidence;
	}

	/** The signal a report or event was filed into, if it was. */
	public Optional<UUID> signalOf(EvidenceKind kind, String ref) {
		return jdbc.sql("SELECT signal_id FROM earlywarning.evidence WHERE kind = ? AND ref = ?")
			.param(kind.name())
			.param(ref)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The coordinator validates or dismisses an open signal.
	 * @throws SignalDecisionException when the outcome is not a decision, a dismissal has no reason, or the signal
	 * was already decided
	 */
	@Transactional
	public SignalView decide(UUID id, SignalStatus outcome, @Nullable String reason, String decidedBy, Instant at) {
		var current = signal(id);
		var why = reason == null || reason.isBlank() ? null : reason.strip();
		if (outcome != SignalStatus.VALIDATED && outcome != SignalStatus.DISMISSED) {
			throw new SignalDecisionException("outcome", "Choose validate or dismiss.");
		}
		if (outcome == SignalStatus.DISMISSED && why == null) {
			throw new SignalDecisionException("reason", "Say why the signal is dismissed.");
		}
		if (why != null && why.length() > 2000) {
			throw new SignalDecisionException("reason", "The reason is at most 2000 characters.");
		}
		if (current.status() != SignalStatus.OPEN) {
			throw new SignalDecisionException("outcome", "This signal was already decided.");
		}
		jdbc.sql("UPDATE earlywarning.signal SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ? "
				+ "WHERE id = ? AND status = 'OPEN'")
			.param(outcome.name())
			.param(java.sql.Timestamp.from(at))
			.param(decidedBy)
			.param(why)
			.param(id)
			.update();
		audit.recordFor(decidedBy, null, outcome == SignalStatus.VALIDATED ? "SIGNAL_VALIDATED" : "SIGNAL_DISMISSED",
				"early-warning-signal", id.toString(), Purpose.PUBLIC_HEALTH_INTELLIGENCE, AuditLog.Outcome.ALLOWED, why);
		events.publishEvent(new SignalDecided(id, outcome, at));
		return signal(id);
	}

	private SignalView signal(ResultSet rs) throws SQLException {
		var code = rs.getString("substance_code");
		var key = rs.getString("group_key");
		var name = code == null || !SubstanceId.isValid(code) ? null
				: substances.find(new SubstanceId(code)).map(SubstanceSummary::name).orElse(code);
		var decided = rs.getTimestamp("decided_at");
		var outcome = rs.getString("outcome");
		var graded = rs.getTimestamp("graded_at");
		return new SignalView(rs.getObject("id", UUID.class), code, name, rs.getString("substance_class"),
				key.startsWith("category:") ? key.substring("category:".length()) : null, rs.getString("lad_code"),
				rs.getString("lad_name"), SignalStatus.valueOf(rs.getString("status")),
				Urgency.valueOf(rs.getString("urgency")), SignalEngine.strings(rs.getArray("rules")),
				rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("first_evidence_at").toInstant(),
				rs.getTimestamp("last_evidence_at").toInstant(), rs.getInt("evidence_count"),
				decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
				rs.getString("decision_reason"), outcome == null ? null : PanelOutcome.valueOf(outcome),
				rs.getString("outcome_rationale"), graded == null ? null : graded.toInstant());
	}

	/** Whether a class name is one of the vocabulary's classes. */
	public static Optional<SubstanceClass> substanceClass(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (var c : SubstanceClass.values()) {
			if (c.name().equals(name)) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	/** Thrown when no report or signal has the id. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class NotFound extends RuntimeException {

		public NotFound(String kind, String id) {
			super("No " + kind + " " + id + ".");
		}

	}

	/** Thrown when a decision on a signal cannot be made. */
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	public static class SignalDecisionException extends RuntimeException {

		private final String field;

		public SignalDecisionException(String field, String message) {
			super(message);
			this.field = field;
		}

		public String field() {
			return field;
		}

	}


}
