#!/usr/bin/env bash
# Single sign-on against a real Keycloak 26.7.3: opt-in, never run by the test suite (it downloads 170 MB and starts
# Keycloak and Harmwatch, several minutes on a small machine). SingleSignOnIntegrationTests covers the same flows
# against mock-oauth2-server on every build; this checks that Keycloak's tokens and calls fit them too.
#
#   bench/keycloak-sso.sh                      # everything, in /tmp/harmwatch-keycloak
#   WORK=... KC_PORT=8189 APP_PORT=8089 bench/keycloak-sso.sh
#   SKIP_BUILD=1 bench/keycloak-sso.sh         # use the existing target/harmwatch.jar
#
# What it does, and checks (each check prints PASS or FAIL; the script exits 1 if any failed):
#  1. starts Harmwatch (demo data, embedded PostgreSQL in WORK) with SSO pointing at a Keycloak that is not running yet:
#     Harmwatch must start, log "is not reachable yet", and show no SSO button;
#  2. starts Keycloak (start-dev), creates realm "harmwatch", a confidential client with back-channel logout and
#     post-logout redirect, and users: "panel" (verified panel@demo.harmwatch.test), "squatter" (username
#     investigator@demo.harmwatch.test, no e-mail), "unverified" (analyst@demo.harmwatch.test, not verified);
#  3. waits until Harmwatch offers SSO; signs "panel" in (must be Priya Panel), "squatter" and "unverified" (both must
#     be refused);
#  4. ends panel's sessions at Keycloak (admin "log out"): Keycloak's back-channel logout must end the Harmwatch session;
#  5. signs panel in again and signs out of Harmwatch: the browser must go to Keycloak's end-session endpoint.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
WORK="${WORK:-/tmp/harmwatch-keycloak}"
KC_PORT="${KC_PORT:-8189}"
APP_PORT="${APP_PORT:-8089}"
KC_VERSION=26.7.3
mkdir -p "$WORK"
APP="http://localhost:$APP_PORT"
KC="http://localhost:$KC_PORT"
ISSUER="$KC/realms/harmwatch"
SECRET=harmwatch-keycloak-check
failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # description, then a command that must succeed
  local what="$1"; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 1
  done
  return 1
}

if [ ! -x "$WORK/keycloak-$KC_VERSION/bin/kc.sh" ]; then
  echo "== Keycloak $KC_VERSION from Maven Central"
  mvn -q -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:tar.gz -DoutputDirectory="$WORK"
  tar xzf "$WORK/keycloak-quarkus-dist-$KC_VERSION.tar.gz" -C "$WORK"
fi
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/harmwatch.jar ]; then
  echo "== building target/harmwatch.jar"
  mvn -q -B -ntp package -DskipTests
fi

echo "== 1. Harmwatch on $APP, its provider $ISSUER not running"
rm -rf "$WORK/pgdata" "$WORK/app.log"
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SSO_CLIENT_ID=harmwatch \
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SSO_CLIENT_SECRET=$SECRET \
SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SSO_SCOPE=openid,email,profile \
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SSO_ISSUER_URI=$ISSUER \
HARMWATCH_SSO_REGISTRATION_ID=sso HARMWATCH_SSO_LABEL="Keycloak" HARMWATCH_SSO_RETRY_INTERVAL=5s \
HARMWATCH_EMBEDDED_DB_DATA_DIRECTORY="$WORK/pgdata" HARMWATCH_EMBEDDED_DB_DURABLE=false \
HARMWATCH_AUDIT_KEY_FILE="$WORK/audit.key" HARMWATCH_AUDIT_CHECKPOINT_FILE="$WORK/audit-checkpoints.log" \
PORT=$APP_PORT "$JAVA_HOME/bin/java" -jar target/harmwatch.jar --spring.profiles.active=demo >"$WORK/app.log" 2>&1 &
pids+=($!)
check "Harmwatch starts while the provider is down" wait_for "$APP/actuator/health" 240
check "it says why there is no SSO" grep -q "Single sign-on provider $ISSUER is not reachable yet" "$WORK/app.log"
check "the sign-in page has no SSO button" bash -c "! curl -s $APP/login | grep -q oauth2/authorization/sso"

echo "== 2. Keycloak on $KC"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$WORK/keycloak-$KC_VERSION/bin/kc.sh" start-dev --http-port="$KC_PORT" >"$WORK/keycloak.log" 2>&1 &
pids+=($!)
wait_for "$KC/realms/master" 300 || { echo "Keycloak did not start: $WORK/keycloak.log"; exit 1; }
KCADM="$WORK/keycloak-$KC_VERSION/bin/kcadm.sh"
"$KCADM" config credentials --server "$KC" --realm master --user admin --password admin --config "$WORK/kcadm.config"
adm() { "$KCADM" "$@" --config "$WORK/kcadm.config"; }
adm create realms -s realm=harmwatch -s enabled=true
# A user with no e-mail must be able to sign in at Keycloak, as in the report: no "verify profile" step.
adm update authentication/required-actions/VERIFY_PROFILE -r harmwatch -s enabled=false
adm create clients -r harmwatch -s clientId=harmwatch -s enabled=true -s publicClient=false -s secret=$SECRET \
  -s standardFlowEnabled=true -s 'redirectUris=["'"$APP"'/login/oauth2/code/sso"]' \
  -s 'attributes."post.logout.redirect.uris"="'"$APP"'/login?signedOut"' \
  -s 'attributes."backchannel.logout.url"="'"$APP"'/logout/connect/back-channel/sso"' \
  -s 'attributes."backchannel.logout.session.required"="true"'
user() { # username, password, extra -s settings...
  local name="$1" password="$2"; shift 2
  adm create users -r harmwatch -s username="$name" -s enabled=true -s firstName=Test -s lastName=User "$@"
  adm set-password -r harmwatch --username "$name" --new-password "$password"
}
user panel panel-pass -s email=panel@demo.harmwatch.test -s emailVerified=true
user investigator@demo.harmwatch.test squatter-pass
user unverified unverified-pass -s email=analyst@demo.harmwatch.test -s emailVerified=false

echo "== 3. sign-ins"
offered() { curl -s "$APP/login" | grep -q 'href="/oauth2/authorization/sso"'; }
for _ in $(seq 1 60); do offered && break; sleep 1; done
check "the sign-in page offers SSO once Keycloak answers" offered
sso_sign_in() { # jar, username, password; prints the last URL
  local jar="$1"
  rm -f "$jar"
  local page
  page=$(curl -s -b "$jar" -c "$jar" -L "$APP/oauth2/authorization/sso")
  local action
  action=$(printf '%s' "$page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')
  [ -n "$action" ] || { echo "no Keycloak login form" >&2; return 1; }
  curl -s -b "$jar" -c "$jar" -L -o /dev/null -w '%{url_effective}' \
    --data-urlencode "username=$2" --data-urlencode "password=$3" "$action"
}
me() { curl -s -b "$1" -c "$1" -H 'Accept: application/json' -o /dev/null -w '%{http_code}' "$APP/api/me"; }
PANEL="$WORK/panel.cookies"
landed=$(sso_sign_in "$PANEL" panel panel-pass || true)
check "panel signs in by SSO (landed on $landed)" test "$landed" = "$APP/"
check "as Priya Panel" bash -c "curl -s -b $PANEL -H 'Accept: application/json' $APP/api/me | grep -q '\"username\":\"panel\"'"
landed=$(sso_sign_in "$WORK/squatter.cookies" investigator@demo.harmwatch.test squatter-pass || true)
check "a Keycloak user named investigator@… with no e-mail is refused (landed on $landed)" test "$landed" = "$APP/login?sso"
check "and is not signed in" test "$(me "$WORK/squatter.cookies")" = 401
landed=$(sso_sign_in "$WORK/unverified.cookies" unverified unverified-pass || true)
check "an unverified e-mail is refused (landed on $landed)" test "$landed" = "$APP/login?sso"

echo "== 4. Keycloak ends panel's sessions (back-channel logout)"
PANEL_ID=$(adm get users -r harmwatch -q username=panel --fields id --format csv --noquotes)
adm create "users/$PANEL_ID/logout" -r harmwatch
ended() { test "$(me "$PANEL")" = 401; }
for _ in $(seq 1 10); do ended && break; sleep 1; done
check "the Harmwatch session ends" ended

echo "== 5. RP-initiated logout"
sso_sign_in "$PANEL" panel panel-pass >/dev/null || true
csrf=$(curl -s -b "$PANEL" -c "$PANEL" "$APP/" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
location=$(curl -s -b "$PANEL" -c "$PANEL" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$csrf" "$APP/logout")
check "signing out goes to Keycloak's end-session endpoint ($location)" \
  bash -c "[[ '$location' == $ISSUER/protocol/openid-connect/logout* && '$location' == *id_token_hint=* ]]"
check "and the Harmwatch session is over" test "$(me "$PANEL")" = 401

echo
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; logs: $WORK/app.log, $WORK/keycloak.log"
  exit 1
fi
echo "all checks passed; logs: $WORK/app.log, $WORK/keycloak.log"
