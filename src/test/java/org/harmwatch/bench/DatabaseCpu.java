package org.harmwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds of this JVM and of the embedded PostgreSQL it runs against, from /proc, for
 * benchmarks that report where the time went (Linux only).
 */
public final class DatabaseCpu {

	private DatabaseCpu() {
	}

	/**
	 * This JVM's CPU seconds and the PostgreSQL server's: its postmaster with the
	 * backends it reaped, and those still running.
	 * @param postmaster the postmaster's process id
	 * @return { JVM seconds, PostgreSQL seconds }
	 */
	public static double[] seconds(long postmaster) {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long database = ticks(postmaster, true);
		for (var child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
			database += ticks(child.pid(), false);
		}
		return new double[] { os.getProcessCpuTime() / 1e9, database / 100.0 };
	}

	/**
	 * One PostgreSQL process at a moment: its role (from its process title) and CPU ticks
	 * so far.
	 */
	public record Process(String role, long ticks) {
	}

	/**
	 * The postmaster (with the children it reaped, e.g. autovacuum workers) and each
	 * running child with its role: {@code backend}, {@code checkpointer},
	 * {@code walwriter}, {@code background writer}, {@code autovacuum} or {@code other}.
	 * @param postmaster the postmaster's process id
	 */
	public static Map<Long, Process> processes(long postmaster) {
		var processes = new HashMap<Long, Process>();
		processes.put(postmaster, new Process("postmaster and reaped", ticks(postmaster, true)));
		for (var child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
			processes.put(child.pid(), new Process(role(child.pid()), ticks(child.pid(), false)));
		}
		return processes;
	}

	/**
	 * The CPU seconds each role used between two {@link #processes} snapshots, and the
	 * busiest single backend's ({@code busiest backend}; an import's transaction).
	 */
	public static Map<String, Double> split(Map<Long, Process> before, Map<Long, Process> after) {
		var seconds = new LinkedHashMap<String, Double>();
		for (var role : List.of("backend", "busiest backend", "checkpointer", "walwriter", "background writer",
				"autovacuum", "postmaster and reaped", "other")) {
			seconds.put(role, 0.0);
		}
		after.forEach((pid, process) -> {
			var earlier = before.get(pid);
			double used = (process.ticks() - (earlier == null ? 0 : earlier.ticks())) / 100.0;
			seconds.merge(process.role(), used, Double::sum);
			if (process.role().equals("backend")) {
				seconds.merge("busiest backend", used, Math::max);
			}
		});
		return seconds;
	}

	private static String role(long pid) {
		try {
			var title = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
			if (title.contains("checkpointer")) {
				return "checkpointer";
			}
			if (title.contains("walwriter")) {
				return "walwriter";
			}
			if (title.contains("background writer")) {
				return "background writer";
			}
			if (title.contains("autovacuum")) {
				return "autovacuum";
			}
			if (title.contains("(") || title.contains("harmwatch")) {
				return "backend";
			}
			return "other";
		}
		catch (IOException | RuntimeException gone) {
			return "other";
		}
	}

	/** utime + stime (and the reaped children's) of a process, in clock ticks. */
	private static long ticks(long pid, boolean reaped) {
		try {
			var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16,
			// cstime 17
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

}
