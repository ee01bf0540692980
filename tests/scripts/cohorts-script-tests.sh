#!/usr/bin/env bash
# Tests of the ./cohorts script itself, cheap: no build of their own, no app started.
#  - A clone the postgres user cannot enter (as root: under a 0700 folder, like a clone in /root): the
#    private cluster starts, answers, keeps fsync on, the test cluster has fsync off, a run cluster found
#    running without fsync is restarted with it, stop stops both and reset leaves nothing behind (the
#    cluster folder outside the clone included). The migrator (built by ./cohorts test before this runs)
#    logs no error on a new database.
#  - As root, a clone of a non-root user (nobody) still runs its cluster as that user, in .data/.
#  - How ./cohorts run chooses between .data/mail and an SMTP server.
# One line per check, then "Script tests: N passed, N failed, N skipped"; exits 1 when a check fails.
# COHORTS_SCRIPT_UNDER_TEST names another copy of the script to test (default: this repository's).
set -uo pipefail
# shellcheck disable=SC2016 # the single-quoted code runs in other shells, on purpose

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT="${COHORTS_SCRIPT_UNDER_TEST:-$REPO/cohorts}"
MIGRATOR="$REPO/migrations/bin/Debug/net10.0/Cohorts.Migrations.dll"
PASSED=0 FAILED=0 SKIPPED=0

pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL - $1${2:+ ($2)}"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "skip - $1 ($2)"; }
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() { local what="$1"; shift; if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi; }
# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
  local got="${3%%$'\n'*}"
  [ "$got" = "$3" ] || got="$got …"
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected '$2', got '$got'"; fi
}
is_root() { [ "$(id -u)" -eq 0 ]; }

# take_port VAR FROM: the first port from FROM that nothing listens on and this file has not taken.
TAKEN=" "
take_port() {
  local port="$2"
  while (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null || [[ "$TAKEN" == *" $port "* ]]; do port=$((port + 1)); done
  TAKEN="$TAKEN$port "
  printf -v "$1" '%s' "$port"
}

pg() { "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U cohorts -d postgres -XAtqc "$2" 2>/dev/null; }
answers() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1"; }
silent() { ! answers "$1"; }

# A clone in a folder only root can enter; its name has a space, as home folders do.
WORK="$(mktemp -d)"
chmod 700 "$WORK"
CLONE="$WORK/home/cohorts clone"
mkdir -p "$CLONE/src/Cohorts.Web"
cp "$SCRIPT" "$CLONE/cohorts"
NOBODY_WORK=""
take_port RUN_PORT $((${COHORTS_PG_PORT:-54329} + 2))
take_port TEST_PORT $((RUN_PORT + 1))
export COHORTS_PG_PORT="$RUN_PORT" COHORTS_TEST_PG_PORT="$TEST_PORT"
unset Mail__SmtpHost Mail__PickupDirectory

# The clone's own functions (the script only defines them when sourced).
in_clone() { (cd "$CLONE" && bash -c 'source ./cohorts && eval "$1"' _ "$1"); }

# Whatever happens, no cluster and no folder is left behind.
stop_data_folder() {
  [ -f "$1/postmaster.pid" ] || return 0
  (cd / && runuser -u "$(stat -c %U "$1")" -- "$PG_BIN/pg_ctl" -D "$1" -m immediate -w stop) >/dev/null 2>&1 ||
    "$PG_BIN/pg_ctl" -D "$1" -m immediate -w stop >/dev/null 2>&1 || true
}
cleanup() {
  local dir
  "$CLONE/cohorts" reset >/dev/null 2>&1
  for dir in "$CLONE/.data/pg" "$CLONE/.data/pg-test" "${OUTSIDE:-/nonexistent}/pg" "${OUTSIDE:-/nonexistent}/pg-test"; do
    stop_data_folder "$dir"
  done
  [ -z "${OUTSIDE:-}" ] || rm -rf "$OUTSIDE"
  if [ -n "$NOBODY_WORK" ]; then
    (cd "$NOBODY_WORK" && runuser -u nobody -- "$NOBODY_WORK/clone/cohorts" reset) >/dev/null 2>&1
    stop_data_folder "$NOBODY_WORK/clone/.data/pg"
    rm -rf "$NOBODY_WORK"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Script under test: $SCRIPT; clone: $CLONE; ports $RUN_PORT (run), $TEST_PORT (test)"

# --- Mail: .data/mail unless an SMTP host is configured ------------------------------------------------
mail_choice() { (cd "$CLONE" && env "$@" bash -c 'source ./cohorts && configure_mail && printf "%s|%s" "$MAIL_DELIVERY" "${Mail__PickupDirectory-(unset)}"' 2>&1); }
settings="$CLONE/src/Cohorts.Web"
check_eq "mail: no SMTP host configured: .eml files in .data/mail" "pickup|$CLONE/.data/mail" "$(mail_choice)"
check_eq "mail: Mail__SmtpHost in the environment: SMTP (the pickup folder is set empty)" "smtp|" \
  "$(mail_choice Mail__SmtpHost=smtp.example.org)"
check_eq "mail: the variable's name in another case: SMTP" "smtp|" "$(mail_choice MAIL__SMTPHOST=smtp.example.org)"
cat >"$settings/appsettings.Development.json" <<'JSON'
{
  // a comment, as ASP.NET Core allows
  "Mail": { "PickupDirectory": "../../.data/mail", /* another */ "smtphost": "mail.example.org", },
}
JSON
check_eq "mail: Mail:SmtpHost in appsettings.Development.json (comments, trailing commas, any case): SMTP" "smtp|" "$(mail_choice)"
check_eq "mail: an empty Mail__SmtpHost in the environment overrides the file: .data/mail" "pickup|$CLONE/.data/mail" \
  "$(mail_choice Mail__SmtpHost=)"
echo '{ "Mail:SmtpHost": "" }' >"$settings/appsettings.Development.json"
echo '{ "Mail": { "SmtpHost": "mail.example.org" } }' >"$settings/appsettings.json"
check_eq "mail: appsettings.Development.json empties the host appsettings.json sets: .data/mail" "pickup|$CLONE/.data/mail" "$(mail_choice)"
rm -f "$settings"/appsettings*.json
check_eq "mail: a Mail__PickupDirectory of the user's own is left alone" "own|/srv/mail" \
  "$(mail_choice Mail__PickupDirectory=/srv/mail Mail__SmtpHost=smtp.example.org)"
check_eq "mail: this repository's settings configure no SMTP host (./cohorts run writes .eml files)" "" \
  "$(cd "$REPO" && bash -c 'source "$1" && smtp_host' _ "$SCRIPT" 2>&1)"

# --- The private cluster from a folder the postgres user cannot enter -------------------------------------
if is_root; then
  check "the postgres user cannot enter the clone (the case under test)" bash -c '! runuser -u postgres -- test -x "$1"' _ "$CLONE"
fi
(cd "$CLONE" && ./cohorts start) >"$WORK/start.out" 2>"$WORK/start.err"
status=$?
check_eq "./cohorts start exits 0" 0 "$status" || true
[ "$status" = 0 ] || sed 's/^/    /' "$WORK/start.err" | tail -n 5
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -n 1)"
check "pg_isready: the run cluster answers on 127.0.0.1:$RUN_PORT" answers "$RUN_PORT"
check_eq "psql connects as cohorts" 1 "$(pg "$RUN_PORT" 'SELECT 1')"
check "./cohorts start prints the connection string" grep -q "Port=$RUN_PORT;Username=cohorts;Database=cohorts" "$WORK/start.out"
check "./cohorts start says where the data is" grep -q "data in " "$WORK/start.err"
check_eq "the run cluster has fsync on" on "$(pg "$RUN_PORT" 'SHOW fsync')"
check_eq "the run cluster has synchronous_commit on" on "$(pg "$RUN_PORT" 'SHOW synchronous_commit')"
if is_root; then
  OUTSIDE="$(in_clone outside_home 2>/dev/null)"
  [ -n "$OUTSIDE" ] || OUTSIDE=""
  check "as root, the cluster lives outside the clone (in ${OUTSIDE:-?})" test -f "${OUTSIDE:-/nonexistent}/pg/PG_VERSION"
  check "as root, the clone's .data holds the cluster's log" test -s "$CLONE/.data/pg.log"
else
  check "the cluster lives in the clone's .data/pg" test -f "$CLONE/.data/pg/PG_VERSION"
fi

if [ -f "$MIGRATOR" ]; then
  migrated="$(DOTNET_ENVIRONMENT=Development ConnectionStrings__Cohorts="Host=127.0.0.1;Port=$RUN_PORT;Username=cohorts;Database=cohorts" \
    dotnet "$MIGRATOR" 2>&1)"
  check "the migrator migrates a new database" grep -q "Database migrated." <<<"$migrated"
  check "the migrator's first run logs no error (no 'fail:' line)" bash -c '! grep -q "fail:" <<<"$1"' _ "$migrated"
  grep "fail:" -A1 <<<"$migrated" | head -n 4 | sed 's/^/    /'
else
  skip "the migrator's first run logs no error" "$MIGRATOR is not built"
fi

in_clone 'start_cluster test' >/dev/null 2>"$WORK/start-test.err"
check "the test cluster starts on 127.0.0.1:$TEST_PORT" answers "$TEST_PORT"
check_eq "the test cluster has fsync off" off "$(pg "$TEST_PORT" 'SHOW fsync')"
check_eq "the run cluster still has fsync on" on "$(pg "$RUN_PORT" 'SHOW fsync')"

# A run cluster left running without fsync (an older script started it so) is restarted with fsync on.
in_clone 'stop_clusters run; ensure_postgres_binaries
  as_pg "$PG_BIN/pg_ctl" -D "$(cluster_home)/pg" -s -w -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories= -c fsync=off" start' \
  >/dev/null 2>&1
check_eq "(a run cluster running with fsync off, as older scripts left it)" off "$(pg "$RUN_PORT" 'SHOW fsync')"
(cd "$CLONE" && ./cohorts start) >/dev/null 2>&1
check_eq "./cohorts start restarts it with fsync on" on "$(pg "$RUN_PORT" 'SHOW fsync')"

(cd "$CLONE" && ./cohorts stop) >/dev/null 2>&1
check "./cohorts stop stops the run cluster" silent "$RUN_PORT"
check "./cohorts stop stops the test cluster" silent "$TEST_PORT"
(cd "$CLONE" && ./cohorts start && ./cohorts reset) >/dev/null 2>&1
check_eq "./cohorts reset exits 0" 0 "$?"
check "./cohorts reset stops the cluster" silent "$RUN_PORT"
check "./cohorts reset deletes .data/" test ! -e "$CLONE/.data"
if is_root; then
  check "./cohorts reset deletes the cluster's folder outside the clone" test ! -e "${OUTSIDE:-/nonexistent}"
fi

# --- As root, a non-root user's clone: the cluster runs as that user, in .data/ -----------------------------
if is_root && id -u nobody >/dev/null 2>&1; then
  NOBODY_WORK="$(mktemp -d)"
  chmod 755 "$NOBODY_WORK"
  mkdir "$NOBODY_WORK/clone"
  cp "$SCRIPT" "$NOBODY_WORK/clone/cohorts"
  chown -R nobody: "$NOBODY_WORK/clone"
  take_port NOBODY_PORT $((TEST_PORT + 1))
  as_nobody() { (cd "$NOBODY_WORK/clone" && runuser -u nobody -- env COHORTS_PG_PORT="$NOBODY_PORT" ./cohorts "$@"); }
  as_nobody start >/dev/null 2>&1
  check "a non-root user's clone: ./cohorts start answers on 127.0.0.1:$NOBODY_PORT" answers "$NOBODY_PORT"
  check_eq "a non-root user's clone: the cluster is the user's, in .data/pg" nobody "$(stat -c %U "$NOBODY_WORK/clone/.data/pg" 2>&1)"
  check_eq "a non-root user's clone: fsync on" on "$(pg "$NOBODY_PORT" 'SHOW fsync')"
  as_nobody reset >/dev/null 2>&1
  check "a non-root user's clone: ./cohorts reset stops it and deletes .data/" \
    bash -c '! "$1/pg_isready" -q -h 127.0.0.1 -p "$2" && test ! -e "$3"' _ "$PG_BIN" "$NOBODY_PORT" "$NOBODY_WORK/clone/.data"
else
  skip "a non-root user's clone" "needs root and the nobody user"
fi

echo "Script tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ]
