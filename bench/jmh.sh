#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/**/bench: bench/jmh.sh [benchmark regex] [JMH options, e.g. -f 1 -wi 3 -i 5]
# Builds the test classes first. Never run by the test suite: timings belong in docs/benchmarks.md, not in asserts.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null | head -n 1 || true)
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
