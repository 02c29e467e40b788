#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/**/bench: bench/jmh.sh [benchmark regex] [JMH options, e.g. -f 1 -wi 3 -i 5]
# Builds the test classes first. Never run by the test suite: timings belong in docs/benchmarks.md, not in asserts.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_classpath
exec "$JAVA_HOME/bin/java" -cp "$BENCH_CP" org.openjdk.jmh.Main "$@"
