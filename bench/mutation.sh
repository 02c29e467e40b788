#!/usr/bin/env bash
# Mutation score of the pure-logic code, per package group, with PIT (Maven profile "mutation").
#   bench/mutation.sh                  every group, one after another
#   bench/mutation.sh substances alerts only those groups
# Groups: analytics (its four parts in one run; or one part alone: analytics-temporal, analytics-hotspot,
# analytics-scan, analytics-density), substances, alerts (alert texts and CAP), quoted-printable, policies.
# Each group mutates its classes and runs only the plain unit tests of its packages (no *IntegrationTests, no browser
# tests, no benchmarks). Score = killed / covered mutants (a mutant no test reaches is "not covered" and listed apart).
# Reports: target/pit-reports/<group>/index.html and mutations.xml. CPU-heavy: THREADS=1 by default; not part of
# ./harmwatch test. On an idle 2-core machine the small groups take a few minutes each and analytics about an hour
# (its golden tests are long); on a busy one, several times that.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
THREADS=${THREADS:-1}

targets() {
  case "$1" in
    analytics) echo 'org.harmwatch.analytics.density.*,org.harmwatch.analytics.hotspot.*,org.harmwatch.analytics.scan.*,org.harmwatch.analytics.temporal.*,org.harmwatch.analytics.internal.NormalTail*' ;;
    analytics-temporal) echo 'org.harmwatch.analytics.temporal.*' ;;
    analytics-hotspot) echo 'org.harmwatch.analytics.hotspot.*,org.harmwatch.analytics.internal.NormalTail*' ;;
    analytics-scan) echo 'org.harmwatch.analytics.scan.*' ;;
    analytics-density) echo 'org.harmwatch.analytics.density.*' ;;
    substances) echo 'org.harmwatch.substances.internal.VocabularyRules*,org.harmwatch.substances.internal.SubstanceIndex,org.harmwatch.substances.internal.SubstanceIndex$*,org.harmwatch.substances.internal.TermKeys*,org.harmwatch.substances.internal.Spelling*' ;;
    alerts) echo 'org.harmwatch.earlywarning.internal.alerts.AlertTexts*,org.harmwatch.earlywarning.internal.alerts.CapWriter*,org.harmwatch.earlywarning.internal.alerts.CapValidator*,org.harmwatch.earlywarning.internal.federation.CapReader*' ;;
    quoted-printable) echo 'org.harmwatch.dissemination.internal.QuotedPrintable*' ;;
    policies) echo 'org.harmwatch.drugchecking.internal.DrugCheckingPolicy*,org.harmwatch.earlywarning.internal.EarlyWarningPolicy*,org.harmwatch.platform.SignInThrottlePolicy*' ;;
    *) echo "mutation.sh: unknown group '$1' (analytics, substances, alerts, quoted-printable, policies)" >&2; exit 2 ;;
  esac
}

tests() {
  case "$1" in
    analytics) echo 'org.harmwatch.analytics.*Tests' ;;
    analytics-temporal) echo 'org.harmwatch.analytics.temporal.*Tests' ;;
    analytics-hotspot) echo 'org.harmwatch.analytics.hotspot.*Tests,org.harmwatch.analytics.internal.*Tests' ;;
    analytics-scan) echo 'org.harmwatch.analytics.scan.*Tests' ;;
    analytics-density) echo 'org.harmwatch.analytics.density.*Tests' ;;
    substances) echo 'org.harmwatch.substances.internal.*Tests' ;;
    alerts) echo 'org.harmwatch.earlywarning.internal.alerts.*Tests,org.harmwatch.earlywarning.internal.federation.*Tests' ;;
    quoted-printable) echo 'org.harmwatch.dissemination.internal.QuotedPrintable*Tests' ;;
    policies) echo 'org.harmwatch.drugchecking.internal.DrugCheckingPolicy*Tests,org.harmwatch.drugchecking.internal.DrugCheckingSessionAccessTests,org.harmwatch.earlywarning.internal.EarlyWarningPolicy*Tests,org.harmwatch.platform.SignInThrottlePolicy*Tests' ;;
  esac
}

groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(analytics substances alerts quoted-printable policies)
for group in "${groups[@]}"; do targets "$group" >/dev/null; done

mvn -B -ntp -q -Pmutation test-compile
for group in "${groups[@]}"; do
  echo "mutation: $group ..." >&2
  mvn -B -ntp -q -Pmutation org.pitest:pitest-maven:mutationCoverage -Dthreads="$THREADS" \
    -Dpit.targetClasses="$(targets "$group")" -Dpit.targetTests="$(tests "$group")" \
    -Dpit.reportsDirectory="target/pit-reports/$group" > "target/pit-$group.log" 2>&1 \
    || { tail -40 "target/pit-$group.log" >&2; exit 1; }
done

python3 - "${groups[@]}" <<'PY'
import sys, collections, xml.etree.ElementTree as ET
print(f"{'group':<18}{'mutants':>8}{'covered':>9}{'killed':>8}{'survived':>10}  score (killed/covered)")
for group in sys.argv[1:]:
    root = ET.parse(f"target/pit-reports/{group}/mutations.xml").getroot()
    status = collections.Counter(m.get('status') for m in root.iter('mutation'))
    total = sum(status.values())
    covered = total - status['NO_COVERAGE']
    killed = sum(1 for m in root.iter('mutation') if m.get('detected') == 'true')
    survived = status['SURVIVED']
    score = 100.0 * killed / covered if covered else 0.0
    print(f"{group:<18}{total:>8}{covered:>9}{killed:>8}{survived:>10}  {score:5.1f} %")
PY
