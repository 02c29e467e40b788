# Set-up shared by the bench/ scripts: sourced (`. "$(dirname "$0")/lib.sh"`), never run on its own.
# Moves to the project root and picks the JDK: JAVA_HOME if set, else Temurin 25, else any 25 or 21 under
# /usr/lib/jvm; puts it first on PATH.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null | head -n 1 || true)
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

# Compiles the tests (unless SKIP_BUILD is set and a classpath was written before) and sets BENCH_CP to the test
# classpath: test classes, classes and every test-scope jar.
bench_classpath() {
  if [ -z "${SKIP_BUILD:-}" ] || [ ! -s target/bench.classpath ]; then
    mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
  fi
  BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
}
