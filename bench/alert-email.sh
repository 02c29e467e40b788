#!/usr/bin/env bash
# One alert to 100,000 email subscribers through a real SMTP server (in the same JVM), on a throw-away
# embedded PostgreSQL: prints the time to the last accepted message, messages/s and duplicates (messages per
# Message-ID and recipient at the server beyond the first). Never run by the test suite; results in
# docs/benchmarks.md, "Alert email fan-out".
#
#   bench/alert-email.sh                  # 100,000 subscribers, one instance, 4 senders (the default)
#   bench/alert-email.sh 100000 2 4       # two application instances on one database, 4 senders each
#   bench/alert-email.sh [subscribers] [instances] [senders per instance]
#   bench/postfix-sink.sh && SMTP=postfix bench/alert-email.sh 100000 2 4   # a real MTA from apt (Postfix), discarding
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/bench.jfr bench/alert-email.sh 10000   # with a profile
#   SMTP=greenmail bench/alert-email.sh 5000   # GreenMail instead of the counting SMTP sink (slow at 100,000: see
#                                              # SmtpSink's Javadoc)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_classpath
exec "$JAVA_HOME/bin/java" -Xmx4g ${BENCH_JAVA_OPTS:-} -Dsmtp="${SMTP:-sink}" -cp "$BENCH_CP" \
  org.harmwatch.dissemination.bench.AlertEmailBench "$@"
