package org.harmwatch.custodytesting;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;

import org.harmwatch.custodytesting.internal.CustodyRepository;
import org.harmwatch.custodytesting.internal.CustodyTestingAudit;
import org.harmwatch.custodytesting.internal.CustodyTestingPolicy;
import org.harmwatch.custodytesting.internal.FunnelRules;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custody testing counted and handed on: the funnel from arrest to treatment and the
 * export shaped like the national data set, each within {@code CustodyTestingPolicy} and
 * audited (the records themselves are {@link CustodyTestingManagement}'s).
 */
@Service
public class CustodyFunnelManagement {

	/** The most months a funnel or an export covers. */
	public static final int MAX_MONTHS = 36;

	private static final String RECORD = "custody-arrest";

	private final CustodyRepository repository;

	private final CustodyTestingManagement custody;

	private final AuditLog audit;

	private final ZoneId zone;

	CustodyFunnelManagement(CustodyRepository repository, CustodyTestingManagement custody, AuditLog audit,
			RegionSettings region) {
		this.repository = repository;
		this.custody = custody;
		this.audit = audit;
		this.zone = region.timeZone();
	}

	/**
	 * The funnel per suite and month of arrest. Whole counts of the records the reader
	 * may read for a reader entitled to them; for anyone else (and no one signed in)
	 * every agency's, with counts under {@link Funnel#THRESHOLD} and what would give them
	 * away withheld.
	 * @throws InputRejectedException when the months are the wrong way round or too many
	 */
	@Transactional(readOnly = true)
	public Funnel funnel(YearMonth from, YearMonth to, @Nullable HarmwatchUser reader) {
		checkMonths(from, to);
		boolean entitled = CustodyTestingPolicy.entitledToCounts(reader);
		var owners = entitled && reader != null ? custody.owners(reader) : null;
		var suites = new HashMap<String, CustodySuite>();
		repository.suites().forEach(s -> suites.put(s.code(), s));
		var counts = repository.funnel(owners, from.atDay(1).atStartOfDay(zone).toInstant(),
				to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), zone);
		var rows = new ArrayList<Funnel.Row>();
		int n = FunnelStage.values().length;
		long[] total = new long[n];
		boolean[] partWithheld = new boolean[n];
		for (var count : counts) {
			var stages = FunnelRules.stages(count.counts(), !entitled, new boolean[0]);
			for (int i = 0; i < n; i++) {
				total[i] += count.counts()[i];
				partWithheld[i] |= stages.get(i).count() == null;
			}
			var suite = suites.getOrDefault(count.suiteCode(),
					new CustodySuite(count.suiteCode(), count.suiteCode(), ""));
			rows.add(new Funnel.Row(suite, YearMonth.parse(count.month()), stages));
		}
		var totalRow = new Funnel.Row(null, null, FunnelRules.stages(total, !entitled, partWithheld));
		if (reader != null && entitled) {
			audit.record(CustodyTestingAudit.CUSTODY_FUNNEL_READ, RECORD, null, Purpose.POLICING,
					AuditLog.Outcome.ALLOWED, from + " to " + to + ", whole counts");
		}
		return new Funnel(from, to, !entitled, rows, totalRow);
	}

	private static void checkMonths(YearMonth from, YearMonth to) {
		if (to.isBefore(from)) {
			throw new InputRejectedException(FieldProblem.of("to", "custodytesting.months.order"));
		}
		if (from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
			throw new InputRejectedException(FieldProblem.of("from", "custodytesting.months.tooMany", MAX_MONTHS));
		}
	}

	/**
	 * The reader's records as a CSV shaped like the national criminal-justice treatment
	 * data set, one row per arrest (docs/custody-testing.md names the fields). Audited.
	 * @throws AccessDeniedException when the reader may read no custody records (audited)
	 */
	@Transactional(readOnly = true)
	public String export(YearMonth from, YearMonth to, HarmwatchUser reader) {
		custody.refuseUnlessReader(reader, CustodyTestingAudit.CUSTODY_EXPORTED);
		checkMonths(from, to);
		var rows = repository.between(custody.owners(reader), from.atDay(1).atStartOfDay(zone).toInstant(),
				to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
		var csv = new StringBuilder(String.join(",", ExportFormat.COLUMNS)).append("\r\n");
		for (var arrest : rows) {
			var view = custody.view(arrest, reader);
			csv.append(ExportFormat.row(view, zone)).append("\r\n");
		}
		audit.record(CustodyTestingAudit.CUSTODY_EXPORTED, RECORD, null, Purpose.POLICING, AuditLog.Outcome.ALLOWED,
				rows.size() + " arrests, " + from + " to " + to);
		return csv.toString();
	}

}
