package org.harmwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
