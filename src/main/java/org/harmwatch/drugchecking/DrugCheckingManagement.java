package org.harmwatch.drugchecking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.harmwatch.drugchecking.internal.Advice;
import org.harmwatch.drugchecking.internal.DrugCheckingPolicy;
import org.harmwatch.drugchecking.internal.Flagging;
import org.harmwatch.drugchecking.internal.Jcamp;
import org.harmwatch.drugchecking.internal.SampleCodes;
import org.harmwatch.drugchecking.internal.SessionOwnership;
import org.harmwatch.geography.Area;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.CsvWriter;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Purpose;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Drug checking's API: sessions and their licence conditions, sample intake, versioned results with their flags, and
 * the consultation.
 *
 * <p><strong>Results leave this module only through {@link Release}</strong>, made by {@link #release},
 * {@link #releases}, {@link #exportCsv}, {@link #lookup}, {@link #spectrum}, {@link #boardReleases} (the public
 * board) and {@link #releasesBetween} (statistics); each applies the session's licence
 * conditions for the reader's {@link Audience} in one place, {@link #withheld}. Pages, exports and the API all go
 * through them, so a condition is enforced, not merely displayed.
 *
 * <p>Times are passed in. Samples hold no personal data: no name, contact details or date of birth.
 */
@Service
public class DrugCheckingManagement {

	/** Sessions per page. */
	public static final int PAGE_SIZE = 25;

	static final int MAX_COMPONENTS = 20;

	private final JdbcClient jdbc;

	private final SubstanceManagement substances;

	private final GeographyManagement geography;

	private final Flagging flagging;

	private final Advice advice;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final SessionOwnership ownership;

	DrugCheckingManagement(JdbcClient jdbc, SubstanceManagement substances, GeographyManagement geography,
			Flagging flagging, Advice advice, AuditLog audit, ApplicationEventPublisher events,
			SessionOwnership ownership) {
		this.ownership = ownership;
		this.jdbc = jdbc;
		this.substances = substances;
		this.geography = geography;
		this.flagging = flagging;
		this.advice = advice;
		this.audit = audit;
		this.events = events;
	}

	/** The region's local authority districts, by name. */
	public List<Area> districts() {
		return geography.areas(AreaLevel.LAD).stream().sorted(Comparator.comparing(Area::name)).toList();
	}

	// ---- Sessions

	/** What is wrong with a session draft; empty when it can be created. */
	public List<Problem> check(SessionDraft draft) {
		var problems = new ArrayList<Problem>();
		if (blank(draft.siteName())) {
			problems.add(new Problem("siteName", "Enter the site's name."));
		}
		else if (draft.siteName().strip().length() > 200) {
			problems.add(new Problem("siteName", "The site's name is at most 200 characters."));
		}
		else if (site(draft.siteName()).isEmpty() && draft.siteKind() == null) {
			problems.add(new Problem("siteKind", "Choose what kind of site it is."));
		}
		if (draft.siteLadCode() != null && !draft.siteLadCode().isBlank() && !district(draft.siteLadCode())) {
			problems.add(new Problem("siteLadCode", "Choose a council area from the list."));
		}
		if (blank(draft.name())) {
			problems.add(new Problem("name", "Enter the session's name."));
		}
		else if (draft.name().strip().length() > 200) {
			problems.add(new Problem("name", "The session's name is at most 200 characters."));
		}
		if (draft.startsOn() == null) {
			problems.add(new Problem("startsOn", "Enter the first day of the session."));
		}
		if (draft.endsOn() == null) {
			problems.add(new Problem("endsOn", "Enter the last day of the session."));
		}
		else if (draft.startsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
			problems.add(new Problem("endsOn", "The last day cannot be before the first."));
		}
		if (blank(draft.staff())) {
			problems.add(new Problem("staff", "Enter who is on duty."));
		}
		else if (draft.staff().strip().length() > 1000) {
			problems.add(new Problem("staff", "Staff on duty is at most 1000 characters."));
		}
		return problems;
	}

	/**
	 * Creates a session owned by the agency that runs it, and its site when no site has that name.
	 * @param ownerAgency the code of the agency that runs the session (the creator's): its records are that agency's
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public UUID createSession(SessionDraft draft, String createdBy, String ownerAgency, Instant now) {
		var problems = check(draft);
		if (!problems.isEmpty()) {
			throw new DrugCheckingRejectedException(problems);
		}
		var siteName = draft.siteName().strip();
		var siteId = site(siteName).orElseGet(() -> {
			var id = UUID.randomUUID();
			jdbc.sql("INSERT INTO drugchecking.site (id, name, kind, lad_code) VALUES (?, ?, ?, ?)")
				.param(id)
				.param(siteName)
				.param(draft.siteKind().name())
				.param(blank(draft.siteLadCode()) ? null : draft.siteLadCode())
				.update();
			return id;
		});
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO drugchecking.session (id, site_id, name, starts_on, ends_on, staff, conditions, created_at,
				  created_by, owner_agency) VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""")
			.param(id)
			.param(siteId)
			.param(draft.name().strip())
			.param(draft.startsOn())
			.param(draft.endsOn())
			.param(draft.staff().strip())
			.param(array(draft.conditions().stream().sorted().map(Enum::name).toList()))
			.param(Timestamp.from(now))
			.param(createdBy)
			.param(ownerAgency)
			.update();
		return id;
	}

	/** One page of sessions, the latest first. */
	public record SessionPage(List<SessionView> sessions, int page, int pages, long total) {
	}

	/**
	 * One page of the sessions the reader may read: their agency's own, and those of agencies sharing theirs with the
	 * reader's agency under an agreement in force ({@link DrugCheckingPolicy#mayUse}). Audited.
	 */
	public SessionPage sessions(int page, HarmwatchUser reader) {
		var owners = ownership.readableOwners(reader).toArray(String[]::new);
		long total = jdbc.sql("SELECT count(*) FROM drugchecking.session WHERE owner_agency = ANY (?)")
			.param(owners)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(1, page), pages);
		var list = jdbc
			.sql(SESSION_SELECT + " WHERE s.owner_agency = ANY (?) ORDER BY s.starts_on DESC, s.created_at DESC "
					+ "LIMIT ? OFFSET ?")
			.param(owners)
			.param(PAGE_SIZE)
			.param((p - 1) * PAGE_SIZE)
			.query(DrugCheckingManagement::session)
			.list();
		audit.record("DRUG_CHECK_SESSIONS_LISTED", "drug-checking-session", null, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, "page " + p + ", " + list.size() + " sessions");
		return new SessionPage(list, p, pages, total);
	}

	/** A session, whoever asks: for this module's own work and for the public pages, which go through releases. */
	public Optional<SessionView> session(UUID id) {
		return jdbc.sql(SESSION_SELECT + " WHERE s.id = ?").param(id).query(DrugCheckingManagement::session).optional();
	}

	/**
	 * A session for a user who wants to read, change or export its records, if its owner agency lets them
	 * ({@link DrugCheckingPolicy#mayUse}). A refusal is audited and looks like a session that does not exist.
	 * @throws NotFound when there is no such session, or the user may not use it
	 */
	public SessionView session(UUID id, HarmwatchUser user, Action action) {
		var session = session(id).orElseThrow(() -> new NotFound("session " + id));
		if (!ownership.mayUse(user, session.ownerAgency(), action)) {
			audit.record("DRUG_CHECK_SESSION_REFUSED", "drug-checking-session", id.toString(), Purpose.HEALTH,
					AuditLog.Outcome.DENIED, action + " by " + user.agencyCode() + " of " + session.ownerAgency()
							+ "'s session: no sharing agreement");
			throw new NotFound("session " + id);
		}
		return session;
	}

	/**
	 * The sample a result version belongs to, for a user who wants to read or change it.
	 * @throws NotFound when there is no such result, or the user may not use its sample
	 */
	public SampleView sampleOfResult(UUID resultId, HarmwatchUser user, Action action) {
		var sampleId = jdbc.sql("SELECT sample_id FROM drugchecking.result WHERE id = ?")
			.param(resultId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFound("result " + resultId));
		return sample(sampleId, user, action);
	}

	/**
	 * A sample for a user who wants to read or change it, under its session's owner's rules
	 * ({@link #session(UUID, HarmwatchUser, Action)}).
	 * @throws NotFound when there is no such sample, or the user may not use it
	 */
	public SampleView sample(UUID id, HarmwatchUser user, Action action) {
		var sample = sample(id).orElseThrow(() -> new NotFound("sample " + id));
		session(sample.sessionId(), user, action);
		return sample;
	}

	private static final String SESSION_SELECT = """
			SELECT s.id, s.name, t.name AS site_name, t.kind, t.lad_code, s.starts_on, s.ends_on, s.staff, s.conditions,
			  s.owner_agency, (SELECT count(*) FROM drugchecking.sample x WHERE x.session_id = s.id) AS samples
			FROM drugchecking.session s JOIN drugchecking.site t ON t.id = s.site_id""";

	private static SessionView session(ResultSet rs, int row) throws SQLException {
		return new SessionView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("site_name"),
				SiteKind.valueOf(rs.getString("kind")), rs.getString("lad_code"),
				rs.getObject("starts_on", java.time.LocalDate.class), rs.getObject("ends_on", java.time.LocalDate.class),
				rs.getString("staff"), strings(rs, "conditions").stream().map(LicenceCondition::valueOf).toList(),
				rs.getLong("samples"), rs.getString("owner_agency"));
	}

	private Optional<UUID> site(String name) {
		return jdbc.sql("SELECT id FROM drugchecking.site WHERE lower(name) = lower(?)")
			.param(name.strip())
			.query(UUID.class)
			.optional();
	}

	// ---- Samples

	/** What is wrong with a sample draft for the session; empty when it can be taken in. */
	public List<Problem> check(UUID sessionId, SampleDraft draft) {
		var problems = new ArrayList<Problem>();
		var session = session(sessionId).orElseThrow(() -> new NotFound("session " + sessionId));
		if (draft.mode() == null) {
			problems.add(new Problem("mode", "Choose how the sample came in."));
		}
		if (blank(draft.soldAs())) {
			problems.add(new Problem("soldAs", "Enter what it was sold as, or \"unknown\"."));
		}
		else if (draft.soldAs().strip().length() > 200) {
			problems.add(new Problem("soldAs", "What it was sold as is at most 200 characters."));
		}
		if (draft.form() == null) {
			problems.add(new Problem("form", "Choose the sample's form."));
		}
		if (draft.form() == DosageForm.PILL) {
			var weight = draft.pillWeightMg();
			if (weight != null && (weight.signum() <= 0 || weight.compareTo(new BigDecimal("5000")) > 0)) {
				problems.add(new Problem("pillWeightMg", "A pill's weight is more than 0 and at most 5000 mg."));
			}
			for (var text : List.of(new String[] { "pillColour", draft.pillColour() },
					new String[] { "pillLogo", draft.pillLogo() }, new String[] { "pillShape", draft.pillShape() })) {
				if (text[1] != null && text[1].strip().length() > 100) {
					problems.add(new Problem(text[0], "At most 100 characters."));
				}
			}
		}
		if (!blank(draft.obtainedLadCode()) && !district(draft.obtainedLadCode())) {
			problems.add(new Problem("obtainedLadCode", "Choose a council area from the list."));
		}
		if (draft.intendedDose() != null && draft.intendedDose().strip().length() > 200) {
			problems.add(new Problem("intendedDose", "The intended dose is at most 200 characters."));
		}
		if (draft.mode() == SampleMode.FRONT_OF_HOUSE && !Boolean.TRUE.equals(draft.consent())) {
			problems.add(new Problem("consent", "A sample from a person is only tested with their consent."));
		}
		if (session.has(LicenceCondition.ADULTS_ONLY) && draft.mode() == SampleMode.FRONT_OF_HOUSE
				&& draft.ageBand() == null) {
			problems.add(new Problem("ageBand", "This session's licence requires an age band."));
		}
		if (!session.has(LicenceCondition.ADULTS_ONLY) && draft.ageBand() != null) {
			problems.add(new Problem("ageBand", "An age band is only recorded when the licence requires an adult check."));
		}
		return problems;
	}

	/**
	 * Takes a sample in and gives it a new anonymous code. Idempotent by client id: when a sample with the draft's
	 * client id exists, it is returned unchanged, so a re-send is stored once.
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored then
	 * @throws NotFound when there is no such session
	 */
	@Transactional
	public SampleView takeIn(UUID sessionId, SampleDraft draft, String takenBy, Instant now) {
		var clientId = draft.clientId() == null ? UUID.randomUUID() : draft.clientId();
		var existing = jdbc.sql(SAMPLE_SELECT + " WHERE client_id = ?")
			.param(clientId)
			.query(DrugCheckingManagement::sample)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		var problems = check(sessionId, draft);
		if (!problems.isEmpty()) {
			throw new DrugCheckingRejectedException(problems);
		}
		var soldAs = draft.soldAs().strip();
		var expected = expectedCodes(soldAs);
		var soldAsCode = expected.isEmpty() ? null : expected.get(0);
		boolean pill = draft.form() == DosageForm.PILL;
		var id = UUID.randomUUID();
		for (int attempt = 0;; attempt++) {
			var code = SampleCodes.next();
			try {
				jdbc.sql("""
						INSERT INTO drugchecking.sample (id, client_id, code, session_id, mode, sold_as, sold_as_code,
						  dosage_form, pill_colour, pill_logo, pill_shape, pill_score_line, pill_weight_mg,
						  obtained_lad_code, intended_dose, consent, age_band, taken_at, taken_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (client_id) DO NOTHING""")
					.param(id)
					.param(clientId)
					.param(code)
					.param(sessionId)
					.param(draft.mode().name())
					.param(soldAs)
					.param(soldAsCode)
					.param(draft.form().name())
					.param(pill ? trimmed(draft.pillColour()) : null)
					.param(pill ? trimmed(draft.pillLogo()) : null)
					.param(pill ? trimmed(draft.pillShape()) : null)
					.param(pill ? draft.pillScoreLine() : null)
					.param(pill ? draft.pillWeightMg() : null)
					.param(trimmed(draft.obtainedLadCode()))
					.param(trimmed(draft.intendedDose()))
					.param(Boolean.TRUE.equals(draft.consent()))
					.param(draft.ageBand() == null ? null : draft.ageBand().name())
					.param(Timestamp.from(now))
					.param(takenBy)
					.update();
				break;
			}
			catch (DuplicateKeyException ex) {
				if (attempt > 5) {
					throw ex;
				}
			}
		}
		return jdbc.sql(SAMPLE_SELECT + " WHERE client_id = ?")
			.param(clientId)
			.query(DrugCheckingManagement::sample)
			.single();
	}

	/** The sample created with this client id, if any. */
	public Optional<SampleView> sampleByClientId(UUID clientId) {
		return jdbc.sql(SAMPLE_SELECT + " WHERE client_id = ?").param(clientId).query(DrugCheckingManagement::sample).optional();
	}

	/** The session's samples, as taken in (no results: those come from {@link #releases}). */
	public List<SampleView> samples(UUID sessionId) {
		return jdbc.sql(SAMPLE_SELECT + " WHERE session_id = ? ORDER BY taken_at, code")
			.param(sessionId)
			.query(DrugCheckingManagement::sample)
			.list();
	}

	/** A sample as taken in, without results. */
	public Optional<SampleView> sample(UUID id) {
		return jdbc.sql(SAMPLE_SELECT + " WHERE id = ?").param(id).query(DrugCheckingManagement::sample).optional();
	}

	private static final String SAMPLE_SELECT = "SELECT * FROM drugchecking.sample";

	private static SampleView sample(ResultSet rs, int row) throws SQLException {
		var band = rs.getString("age_band");
		var score = rs.getObject("pill_score_line");
		return new SampleView(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
				rs.getString("code"), rs.getObject("session_id", UUID.class), SampleMode.valueOf(rs.getString("mode")),
				rs.getString("sold_as"), rs.getString("sold_as_code"), DosageForm.valueOf(rs.getString("dosage_form")),
				rs.getString("pill_colour"), rs.getString("pill_logo"), rs.getString("pill_shape"),
				score == null ? null : (Boolean) score, rs.getBigDecimal("pill_weight_mg"),
				rs.getString("obtained_lad_code"), rs.getString("intended_dose"), rs.getBoolean("consent"),
				band == null ? null : AgeBand.valueOf(band), rs.getTimestamp("taken_at").toInstant(),
				rs.getString("taken_by"));
	}

	// ---- Results

	/** What is wrong with a result draft; empty when it can be recorded. */
	public List<Problem> check(ResultDraft draft) {
		var problems = new ArrayList<Problem>();
		var given = draft.components().stream().filter(c -> c != null && !blank(c.text())).toList();
		if (given.isEmpty()) {
			problems.add(new Problem("components[0].text", "Name at least one component found."));
		}
		if (given.size() > MAX_COMPONENTS) {
			problems.add(new Problem("components", "Name at most " + MAX_COMPONENTS + " components."));
		}
		for (int i = 0; i < draft.components().size(); i++) {
			var c = draft.components().get(i);
			if (c == null || blank(c.text())) {
				continue;
			}
			var f = "components[" + i + "].";
			if (c.text().strip().length() > 200) {
				problems.add(new Problem(f + "text", "A component is at most 200 characters."));
			}
			if (c.confidence() == null) {
				problems.add(new Problem(f + "confidence", "Choose how sure you are of component " + (i + 1) + "."));
			}
			if (c.method() == null) {
				problems.add(new Problem(f + "method", "Choose how component " + (i + 1) + " was found."));
			}
			if (c.quantity() != null) {
				if (c.quantity().signum() <= 0) {
					problems.add(new Problem(f + "quantity", "A quantity is more than 0."));
				}
				if (c.unit() == null) {
					problems.add(new Problem(f + "unit", "Say whether the quantity is mg per unit or % w/w."));
				}
				else if (c.unit() == QuantityUnit.PERCENT_W_W && c.quantity().compareTo(new BigDecimal("100")) > 0) {
					problems.add(new Problem(f + "quantity", "A percentage is at most 100."));
				}
				else if (c.unit() == QuantityUnit.MG_PER_UNIT && c.basis() == null) {
					problems.add(new Problem(f + "basis", "Say whether the milligrams are of the salt or the base."));
				}
				else if (c.unit() == QuantityUnit.MG_PER_UNIT && c.quantity().compareTo(new BigDecimal("5000")) > 0) {
					problems.add(new Problem(f + "quantity", "At most 5000 mg per unit."));
				}
			}
		}
		if (draft.notes() != null && draft.notes().strip().length() > 2000) {
			problems.add(new Problem("notes", "Notes are at most 2000 characters."));
		}
		return problems;
	}

	/**
	 * Records the sample's next result version, keeping the earlier ones as history. A confirmed version is assessed
	 * for flags; when it raises any, {@link DangerousSampleFound} is published (once: each version is recorded once).
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public ResultVersion recordResult(UUID sampleId, ResultDraft draft, String analyst, Instant now) {
		return record(sampleId, draft, analyst, now, true);
	}

	private ResultVersion record(UUID sampleId, ResultDraft draft, String analyst, Instant now, boolean warn) {
		var sample = sample(sampleId).orElseThrow(() -> new NotFound("sample " + sampleId));
		var problems = check(draft);
		if (!problems.isEmpty()) {
			throw new DrugCheckingRejectedException(problems);
		}
		jdbc.sql("SELECT id FROM drugchecking.sample WHERE id = ? FOR UPDATE").param(sampleId).query(UUID.class).single();
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM drugchecking.result WHERE sample_id = ?")
			.param(sampleId)
			.query(Integer.class)
			.single();
		var components = new ArrayList<ResultVersion.Component>();
		for (var c : draft.components()) {
			if (c == null || blank(c.text())) {
				continue;
			}
			var text = c.text().strip();
			var s = substances.resolve(text).map(r -> r.substance()).orElse(null);
			boolean measured = c.quantity() != null;
			components.add(new ResultVersion.Component(text, s == null ? null : s.id().code(),
					s == null ? null : s.name(), s == null ? null : s.substanceClass().name(),
					measured ? c.quantity() : null, measured ? c.unit() : null,
					measured && c.unit() == QuantityUnit.MG_PER_UNIT ? c.basis() : null, c.confidence(), c.method()));
		}
		var outcome = draft.confirmed() ? flagging.assess(sample.soldAs(), expectedCodes(sample.soldAs()), components)
				: new Flagging.Outcome(EnumSet.noneOf(ResultFlag.class), List.of(), List.of());
		var flags = outcome.flags().stream().sorted().toList();
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO drugchecking.result (id, sample_id, version, confirmed, flags, reasons, notes, analyst,
				  recorded_at) VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?)""")
			.param(id)
			.param(sampleId)
			.param(version)
			.param(draft.confirmed())
			.param(array(flags.stream().map(Enum::name).toList()))
			.param(array(outcome.reasons()))
			.param(trimmed(draft.notes()))
			.param(analyst)
			.param(Timestamp.from(now))
			.update();
		for (int i = 0; i < components.size(); i++) {
			var c = components.get(i);
			jdbc.sql("""
					INSERT INTO drugchecking.component (result_id, position, text, substance_code, substance_name,
					  substance_class, quantity, unit, basis, confidence, method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.param(id)
				.param(i)
				.param(c.text())
				.param(c.substanceCode())
				.param(c.substanceName())
				.param(c.substanceClass())
				.param(c.quantity())
				.param(c.unit() == null ? null : c.unit().name())
				.param(c.basis() == null ? null : c.basis().name())
				.param(c.confidence().name())
				.param(c.method().name())
				.update();
		}
		var result = new ResultVersion(id, version, draft.confirmed(), flags, outcome.reasons(), trimmed(draft.notes()),
				analyst, now, components, List.of());
		if (warn && !flags.isEmpty()) {
			var session = session(sample.sessionId()).orElseThrow();
			var lad = sample.obtainedLadCode() != null ? sample.obtainedLadCode() : session.siteLadCode();
			events.publishEvent(new DangerousSampleFound(sampleId + "#v" + version, session.siteName(), lad,
					sample.soldAs(), outcome.substanceCodes(), outcome.reasons(), result.methods(), now));
		}
		audit.recordFor(analyst, null, "DRUG_CHECK_RESULT_RECORDED", "drug-checking-sample", sampleId.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, "version " + version);
		return result;
	}

	/**
	 * Attaches a JCAMP-DX spectrum to a result version.
	 * @throws DrugCheckingRejectedException when the file is empty, too large or not JCAMP-DX
	 */
	@Transactional
	public ResultVersion.Spectrum attachSpectrum(UUID resultId, String filename, byte[] content, String by,
			Instant now) {
		var exists = jdbc.sql("SELECT count(*) FROM drugchecking.result WHERE id = ?").param(resultId).query(Long.class)
			.single() > 0;
		if (!exists) {
			throw new NotFound("result " + resultId);
		}
		var name = filename.replaceAll("[^A-Za-z0-9._-]", "_");
		if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".jdx") && !name.toLowerCase(java.util.Locale.ROOT)
			.endsWith(".dx")) {
			throw new DrugCheckingRejectedException(List.of(new Problem("spectrum", "Choose a JCAMP-DX file (.jdx).")));
		}
		if (content.length > Jcamp.MAX_BYTES) {
			throw new DrugCheckingRejectedException(
					List.of(new Problem("spectrum", "The spectrum must be smaller than 2 MB.")));
		}
		var title = Jcamp.title(content)
			.orElseThrow(() -> new DrugCheckingRejectedException(List.of(new Problem("spectrum",
					"The file is not a JCAMP-DX spectrum: it must start with ##TITLE= and declare ##JCAMP-DX=."))));
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO drugchecking.spectrum (id, result_id, filename, title, content, uploaded_at, uploaded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.param(id)
			.param(resultId)
			.param(name)
			.param(title.length() > 200 ? title.substring(0, 200) : title)
			.param(content)
			.param(Timestamp.from(now))
			.param(by)
			.update();
		return new ResultVersion.Spectrum(id, name, title);
	}

	/** A spectrum file, if the reader may see the sample's results. */
	public Optional<SpectrumFile> spectrum(UUID spectrumId, HarmwatchUser reader) {
		var found = jdbc.sql("""
				SELECT r.sample_id, x.filename, x.content FROM drugchecking.spectrum x
				JOIN drugchecking.result r ON r.id = x.result_id WHERE x.id = ?""")
			.param(spectrumId)
			.query((rs, i) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3) })
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var release = release((UUID) found.get()[0], reader);
		if (release.isWithheld() || !DrugCheckingPolicy.seesLaboratoryDetail(release.audience())) {
			return Optional.empty();
		}
		return Optional.of(new SpectrumFile((String) found.get()[1], (byte[]) found.get()[2]));
	}

	/** A spectrum's file. */
	public record SpectrumFile(String filename, byte[] content) {
	}

	private List<ResultVersion> versions(UUID sampleId) {
		var results = jdbc.sql("SELECT * FROM drugchecking.result WHERE sample_id = ? ORDER BY version DESC")
			.param(sampleId)
			.query((rs, i) -> new Object[] { rs.getObject("id", UUID.class), rs.getInt("version"),
					rs.getBoolean("confirmed"), strings(rs, "flags"), strings(rs, "reasons"), rs.getString("notes"),
					rs.getString("analyst"), rs.getTimestamp("recorded_at").toInstant() })
			.list();
		var versions = new ArrayList<ResultVersion>();
		for (var r : results) {
			var id = (UUID) r[0];
			var components = jdbc.sql("SELECT * FROM drugchecking.component WHERE result_id = ? ORDER BY position")
				.param(id)
				.query((rs, i) -> {
					var unit = rs.getString("unit");
					var basis = rs.getString("basis");
					return new ResultVersion.Component(rs.getString("text"), rs.getString("substance_code"),
							rs.getString("substance_name"), rs.getString("substance_class"), rs.getBigDecimal("quantity"),
							unit == null ? null : QuantityUnit.valueOf(unit), basis == null ? null : Basis.valueOf(basis),
							Confidence.valueOf(rs.getString("confidence")),
							AnalysisMethod.valueOf(rs.getString("method")));
				})
				.list();
			var spectra = jdbc.sql("SELECT id, filename, title FROM drugchecking.spectrum WHERE result_id = ? ORDER BY uploaded_at")
				.param(id)
				.query((rs, i) -> new ResultVersion.Spectrum(rs.getObject("id", UUID.class), rs.getString("filename"),
						rs.getString("title")))
				.list();
			@SuppressWarnings("unchecked")
			var flags = ((List<String>) r[3]).stream().map(ResultFlag::valueOf).toList();
			@SuppressWarnings("unchecked")
			var reasons = (List<String>) r[4];
			versions.add(new ResultVersion(id, (Integer) r[1], (Boolean) r[2], flags, reasons, (String) r[5],
					(String) r[6], (Instant) r[7], components, spectra));
		}
		return versions;
	}


	/**
	 * Records a result that is history, not news (e.g. a partner lab's, imported from CSV): as
	 * {@link #recordResult}, but it publishes no {@link DangerousSampleFound}.
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public ResultVersion recordHistoricalResult(UUID sampleId, ResultDraft draft, String analyst, Instant at) {
		return record(sampleId, draft, analyst, at, false);
	}

	// ---- Consultation

	/** Advice drafted from the sample's current result, for the analyst to edit; empty when there is no result. */
	public Optional<String> draftAdvice(UUID sampleId) {
		return versions(sampleId).stream().findFirst().map(advice::draft);
	}

	/** What is wrong with a consultation's advice and referral; empty when it can be recorded. */
	public List<Problem> checkConsultation(@Nullable String adviceGiven, @Nullable String referral) {
		var problems = new ArrayList<Problem>();
		if (blank(adviceGiven)) {
			problems.add(new Problem("advice", "Enter the advice given."));
		}
		else if (adviceGiven.strip().length() > 4000) {
			problems.add(new Problem("advice", "The advice is at most 4000 characters."));
		}
		if (referral != null && referral.strip().length() > 200) {
			problems.add(new Problem("referral", "The referral is at most 200 characters."));
		}
		return problems;
	}

	/**
	 * Records the advice given and what the person chose to do; a second call replaces the first.
	 * @throws DrugCheckingRejectedException naming every wrong field; nothing is stored then
	 */
	@Transactional
	public void recordConsultation(UUID sampleId, @Nullable String adviceGiven, @Nullable Boolean disposed,
			@Nullable IntendedChange change, @Nullable String referral, String by, Instant now) {
		sample(sampleId).orElseThrow(() -> new NotFound("sample " + sampleId));
		var problems = checkConsultation(adviceGiven, referral);
		if (!problems.isEmpty()) {
			throw new DrugCheckingRejectedException(problems);
		}
		jdbc.sql("""
				INSERT INTO drugchecking.consultation (sample_id, advice, disposed, intended_change, referral, given_at,
				  given_by) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (sample_id) DO UPDATE SET advice = excluded.advice, disposed = excluded.disposed,
				  intended_change = excluded.intended_change, referral = excluded.referral, given_at = excluded.given_at,
				  given_by = excluded.given_by""")
			.param(sampleId)
			.param(adviceGiven.strip())
			.param(disposed)
			.param(change == null ? null : change.name())
			.param(trimmed(referral))
			.param(Timestamp.from(now))
			.param(by)
			.update();
		audit.recordFor(by, null, "DRUG_CHECK_CONSULTATION_RECORDED", "drug-checking-sample", sampleId.toString(),
				Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
	}

	private Optional<Consultation> consultation(UUID sampleId) {
		return jdbc.sql("SELECT * FROM drugchecking.consultation WHERE sample_id = ?")
			.param(sampleId)
			.query((rs, i) -> {
				var change = rs.getString("intended_change");
				var disposed = rs.getObject("disposed");
				return new Consultation(rs.getString("advice"), disposed == null ? null : (Boolean) disposed,
						change == null ? null : IntendedChange.valueOf(change), rs.getString("referral"),
						rs.getTimestamp("given_at").toInstant());
			})
			.optional();
	}

	// ---- Release: the one place licence conditions are enforced

	/**
	 * Who a signed-in reader is for the licence conditions: {@link DrugCheckingPolicy#audienceOf}.
	 * @throws AccessDeniedException when the reader may not read drug-checking records at all
	 */
	public static Audience audienceOf(HarmwatchUser reader) {
		return DrugCheckingPolicy.audienceOf(reader);
	}

	/** Why the licence conditions withhold the sample's results from the audience: {@link DrugCheckingPolicy#withheld}. */
	public static @Nullable String withheld(Audience audience, SessionView session, SampleView sample) {
		return DrugCheckingPolicy.withheld(audience, session, sample);
	}

	/** Whether photographs of the session's samples may be published. */
	public static boolean photographsPublishable(SessionView session) {
		return !session.has(LicenceCondition.NO_PHOTOGRAPHS_PUBLISHED);
	}

	/**
	 * What a signed-in reader may see of a sample, its results and consultation under the session's licence
	 * conditions. Audited.
	 * @throws NotFound when there is no such sample
	 */
	public Release release(UUID sampleId, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		var sample = sample(sampleId, reader, Action.READ);
		var session = session(sample.sessionId()).orElseThrow();
		return release(sample, session, audience, true);
	}

	/** What a signed-in reader may see of each of a session's samples. */
	public List<Release> releases(UUID sessionId, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		var session = session(sessionId, reader, Action.READ);
		var list = samples(sessionId).stream().map(s -> release(s, session, audience, false)).toList();
		audit.record(list.stream().anyMatch(Release::isWithheld) ? "DRUG_CHECK_RESULTS_WITHHELD" : "DRUG_CHECK_RESULTS_VIEWED",
				"drug-checking-session", sessionId.toString(), Purpose.HEALTH,
				list.stream().anyMatch(Release::isWithheld) ? AuditLog.Outcome.DENIED : AuditLog.Outcome.ALLOWED,
				audience.name());
		return list;
	}

	private Release release(SampleView sample, SessionView session, Audience audience, boolean auditIt) {
		var reason = withheld(audience, session, sample);
		if (auditIt && audience != Audience.PUBLIC_LOOKUP) {
			audit.record(reason == null ? "DRUG_CHECK_RESULT_VIEWED" : "DRUG_CHECK_RESULT_WITHHELD", "drug-checking-sample",
					sample.id().toString(), Purpose.HEALTH, reason == null ? AuditLog.Outcome.ALLOWED : AuditLog.Outcome.DENIED,
					audience.name());
		}
		// The code opens the public lookup: only those the policy lets see it get it (DrugCheckingPolicy#seesCode).
		var shown = DrugCheckingPolicy.seesCode(audience) || audience == Audience.PUBLIC_LOOKUP
				|| audience == Audience.PUBLIC_BOARD ? sample : withoutCode(sample);
		if (reason != null) {
			return new Release(shown, session, audience, List.of(), null, reason);
		}
		var versions = versions(sample.id());
		if (!DrugCheckingPolicy.seesLaboratoryDetail(audience)) {
			versions = versions.stream()
				.map(v -> new ResultVersion(v.id(), v.version(), v.confirmed(), v.flags(), v.reasons(), null, "",
						v.recordedAt(), v.components(), List.of()))
				.toList();
		}
		var consultation = DrugCheckingPolicy.seesConsultation(audience) ? consultation(sample.id()).orElse(null) : null;
		return new Release(shown, session, audience, versions, consultation, null);
	}

	/** The sample as shown to a reader who may not have its code (it opens the public lookup). */
	private static SampleView withoutCode(SampleView s) {
		return new SampleView(s.id(), s.clientId(), WITHHELD_CODE, s.sessionId(), s.mode(), s.soldAs(), s.soldAsCode(),
				s.form(), s.pillColour(), s.pillLogo(), s.pillShape(), s.pillScoreLine(), s.pillWeightMg(),
				s.obtainedLadCode(), s.intendedDose(), s.consent(), s.ageBand(), s.takenAt(), "");
	}

	/**
	 * A sample with its code, for its label and QR code: only for readers the policy gives codes to
	 * ({@link DrugCheckingPolicy#seesCode}). Audited.
	 * @throws NotFound when there is no such sample
	 * @throws AccessDeniedException when the reader may not have the code
	 */
	public SampleView labelled(UUID sampleId, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		var sample = sample(sampleId, reader, Action.READ);
		boolean allowed = DrugCheckingPolicy.seesCode(audience);
		audit.record(allowed ? "DRUG_CHECK_LABEL_VIEWED" : "DRUG_CHECK_LABEL_WITHHELD", "drug-checking-sample",
				sampleId.toString(), Purpose.HEALTH, allowed ? AuditLog.Outcome.ALLOWED : AuditLog.Outcome.DENIED,
				audience.name());
		if (!allowed) {
			throw new AccessDeniedException("A sample's code is for the drug-checking service only.");
		}
		return sample;
	}

	/** What stands in for a sample's code for readers who may not have it. */
	public static final String WITHHELD_CODE = "(withheld)";

	/**
	 * The current confirmed results the public board may show, of samples taken in within {@code [from, to)}: each
	 * sample through {@link #withheld} for {@link Audience#PUBLIC_BOARD}, and only the current version, without the
	 * analyst, notes, spectra or consultation. Unconfirmed (on-site, not yet checked) results are not published.
	 */
	public List<Release> boardReleases(Instant from, Instant to) {
		return between(from, to).stream()
			.map(r -> release(r.sample(), r.session(), Audience.PUBLIC_BOARD, false))
			.filter(DrugCheckingManagement::shownOnBoard)
			.map(r -> {
				var c = r.current();
				var shown = new ResultVersion(c.id(), c.version(), c.confirmed(), c.flags(), List.of(), null, "",
						c.recordedAt(), c.components(), List.of());
				return new Release(r.sample(), r.session(), Audience.PUBLIC_BOARD, List.of(shown), null, null);
			})
			.toList();
	}

	/**
	 * Whether the sample is on the public board, as {@link #boardReleases} decides: not {@link #withheld} for
	 * {@link Audience#PUBLIC_BOARD} and with a confirmed current result. False when there is no such sample.
	 */
	public boolean onBoard(UUID sampleId) {
		return sample(sampleId).map(s -> shownOnBoard(release(s, session(s.sessionId()).orElseThrow(),
				Audience.PUBLIC_BOARD, false))).orElse(false);
	}

	private static boolean shownOnBoard(Release r) {
		return !r.isWithheld() && r.current() != null && r.current().confirmed();
	}

	/**
	 * What a signed-in reader may see of every sample taken in within {@code [from, to)}, for statistics: each through
	 * {@link #withheld} for the reader's audience. Audited once.
	 */
	public List<Release> releasesBetween(Instant from, Instant to, HarmwatchUser reader) {
		var audience = audienceOf(reader);
		var owners = ownership.readableOwners(reader);
		var list = between(from, to).stream()
			.filter(r -> owners.contains(r.session().ownerAgency()))
			.map(r -> release(r.sample(), r.session(), audience, false))
			.toList();
		audit.record("DRUG_CHECK_STATISTICS_VIEWED", "drug-checking-statistics", from + "/" + to, Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, audience.name());
		return list;
	}

	private record Taken(SampleView sample, SessionView session) {
	}

	private List<Taken> between(Instant from, Instant to) {
		var sessions = new java.util.HashMap<UUID, SessionView>();
		jdbc.sql(SESSION_SELECT + " WHERE s.id IN (SELECT session_id FROM drugchecking.sample WHERE taken_at >= ? AND taken_at < ?)")
			.param(Timestamp.from(from))
			.param(Timestamp.from(to))
			.query(DrugCheckingManagement::session)
			.list()
			.forEach(s -> sessions.put(s.id(), s));
		return jdbc.sql(SAMPLE_SELECT + " WHERE taken_at >= ? AND taken_at < ? ORDER BY taken_at DESC, code")
			.param(Timestamp.from(from))
			.param(Timestamp.from(to))
			.query(DrugCheckingManagement::sample)
			.list()
			.stream()
			.map(s -> new Taken(s, sessions.get(s.sessionId())))
			.toList();
	}

	/**
	 * The person's own result by its code, for the public lookup: the current result and the advice given, within
	 * the licence conditions. Empty when the code is unknown, when there is no result yet, and when the conditions
	 * withhold it, alike: the caller cannot tell these apart, so guessing reveals nothing about other codes.
	 */
	public Optional<Release> lookup(String code) {
		if (blank(code) || code.length() > 40) {
			return Optional.empty();
		}
		var sample = jdbc.sql(SAMPLE_SELECT + " WHERE code = ?")
			.param(SampleCodes.normalise(code))
			.query(DrugCheckingManagement::sample)
			.optional();
		if (sample.isEmpty()) {
			return Optional.empty();
		}
		var session = session(sample.get().sessionId()).orElseThrow();
		var release = release(sample.get(), session, Audience.PUBLIC_LOOKUP, false);
		if (release.isWithheld() || release.current() == null) {
			return Optional.empty();
		}
		// A release of a result and its advice to whoever holds the code: audited, with nothing about who asked.
		audit.recordFor("public", null, "DRUG_CHECK_RESULT_LOOKED_UP", "drug-checking-sample",
				sample.get().id().toString(), Purpose.HEALTH, AuditLog.Outcome.ALLOWED, null);
		// Only the current result: earlier versions and analysts' notes stay with the service.
		var current = release.current();
		var shown = new ResultVersion(current.id(), current.version(), current.confirmed(), current.flags(),
				current.reasons(), null, "", current.recordedAt(), current.components(), List.of());
		return Optional.of(new Release(release.sample(), session, Audience.PUBLIC_LOOKUP, List.of(shown),
				release.consultation(), null));
	}

	/** Writes a session's results as CSV, one row per component of each current result the reader may see. */
	public void exportCsv(UUID sessionId, HarmwatchUser reader, Appendable out) {
		var releases = releases(sessionId, reader);
		audit.record("DRUG_CHECK_RESULTS_EXPORTED", "drug-checking-session", sessionId.toString(), Purpose.HEALTH,
				AuditLog.Outcome.ALLOWED, releases.stream().filter(r -> !r.isWithheld()).count() + " samples as CSV");
		var csv = new CsvWriter(out);
		csv.row("code", "mode", "sold_as", "form", "version", "confirmed", "flags", "component", "substance_code",
				"quantity", "method", "confidence");
		for (var r : releases) {
			var current = r.current();
			if (r.isWithheld() || current == null) {
				continue;
			}
			for (var c : current.components()) {
				csv.row(r.sample().code(), r.sample().mode().name(), r.sample().soldAs(), r.sample().form().name(),
						current.version(), current.confirmed(),
						current.flags().stream().map(Enum::name).collect(Collectors.joining(" ")), c.text(),
						c.substanceCode(), c.amount(), c.method().name(), c.confidence().name());
			}
		}
	}

	// ---- Helpers

	/** The substances a sold-as text names: one, or several separated by ";", ",", "/", "+" or "and". */
	List<String> expectedCodes(String soldAs) {
		var whole = substances.resolve(soldAs.strip());
		if (whole.isPresent()) {
			return List.of(whole.get().substance().id().code());
		}
		return Arrays.stream(soldAs.split("\\s*(?:[;,/+&]|\\band\\b)\\s*"))
			.filter(part -> !part.isBlank())
			.map(part -> substances.resolve(part.strip()))
			.flatMap(Optional::stream)
			.map(r -> r.substance().id().code())
			.distinct()
			.toList();
	}

	private boolean district(String code) {
		return geography.areas(AreaLevel.LAD).stream().anyMatch(a -> a.code().equals(code.strip()));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		var array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static String array(List<String> values) {
		return "{" + values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(",")) + "}";
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	@org.jspecify.annotations.NullUnmarked
	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/** Thrown when there is no such session, sample or result. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class NotFound extends RuntimeException {

		public NotFound(String what) {
			super("No " + what);
		}

	}

}
