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

# Waits (up to 300 s) until the Harmwatch started as process $1 answers $2/actuator/health; if it dies or never
# answers, prints the end of its log $3 and stops the script.
bench_await_app() {
  local pid=$1 app=$2 log=$3
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$app/actuator/health" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  tail -n 40 "$log"; echo "Harmwatch did not start"; exit 1
}
