#!/usr/bin/env bash
# HTTP benchmark of the packaged service on 127.0.0.1 (wrk shares the machine with the server):
#   build (./mvnw -q -B package -DskipTests), start java -jar target/quarkus-app/quarkus-run.jar, measure
#   start -> first 200 on /q/health/ready and on a first decision, warm up, a bounded measured wrk run
#   (req/s, p50, p99, RSS of the java process under load from /proc), reloads after editing one city file, one
#   national file and every DRL file of a copy of the rules (the server runs on that copy), a second load run for
#   RSS after the reloads, then stop the server.
# RELOAD_VIA says how a reload is done, as analysts would:
#   validate (default): after each edit run `java -XX:TieredStopAtLevel=1 -jar quarkus-run.jar validate <copy>` as
#              README says (timed on its own; it compiles, runs the cases and writes precompiled-rules.bin), then
#              POST reload: the service loads the compiled packages and the recorded case run, and never loads the
#              DRL compiler;
#   service:   POST reload right after the edit: the service compiles the changed DRL and runs every case itself.
# Env: PORT (18080), THREADS (2), CONNECTIONS (16), WARMUP (15s), DURATION (20s), SKIP_BUILD=1, RELOADS (5),
#      RULES_DIR (the rules/ of this checkout), JAVA_OPTS (-Xmx160m -Xmn24m -XX:+UseSerialGC
#      -XX:TrimNativeHeapInterval=1000 and the class-data archive, as in the image: without a heap cap the JVM
#      takes 1/4 of RAM and RSS under load reached ~590 MB here; the serial collector's small young generation
#      keeps the heap it touches small; without the trim, memory freed by the JIT and the DRL compiler stays
#      resident after reloads; add -XX:NativeMemoryTracking=summary to see the JVM's account of its memory at
#      each RSS peak), CDS (1: before the start, a training run of this build makes a class-data archive for the
#      default JAVA_OPTS, as the image's build does; 0: none).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-18080}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-15s}"
DURATION="${DURATION:-20s}"
RELOADS="${RELOADS:-5}"
RELOAD_VIA="${RELOAD_VIA:-validate}"
case "$RELOAD_VIA" in validate|service) ;; *) echo "[http-bench] RELOAD_VIA must be validate or service" >&2; exit 2;; esac
[[ "$RELOADS" =~ ^[1-9][0-9]*$ ]] || { echo "[http-bench] RELOADS must be a whole number of 1 or more" >&2; exit 2; }
RULES_DIR="$(cd "${RULES_DIR:-$ROOT/rules}" && pwd)"
RULES_COPY="$(mktemp -d -t http-bench-rules.XXXXXX)"
cp -r "$RULES_DIR"/. "$RULES_COPY"/
rm -f "$RULES_COPY/precompiled-rules.bin"   # start as a fresh checkout does
ADMIN_KEY="bench-$$-$RANDOM"
BASE="http://127.0.0.1:$PORT"
export BODIES_DIR="$ROOT/bench/http/bodies"
LOG="$(mktemp -t http-bench-server.XXXXXX.log)"
SERVER_PID=""
CDS_ARCHIVE=""

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap 'stop_server; rm -f "$LOG" "$CDS_ARCHIVE"; rm -rf "$RULES_COPY"' EXIT

if ! command -v wrk >/dev/null; then
  echo "[http-bench] installing wrk"
  timeout 300 apt-get install -y -qq wrk >/dev/null
fi
if curl -s -o /dev/null "$BASE/q/health/live"; then
  echo "[http-bench] something already listens on port $PORT; set PORT" >&2
  exit 1
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "[http-bench] building (./mvnw -q -B package -DskipTests)"
  timeout 600 ./mvnw -q -B package -DskipTests
fi

DEFAULT_JAVA_OPTS="-Xmx160m -Xmn24m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=1000"
if [ "${CDS:-1}" = 1 ]; then
  CDS_ARCHIVE="$(mktemp -u -t http-bench-cds.XXXXXX).jsa"
  echo "[http-bench] training run for the class-data archive (as the image's build does)"
  timeout 300 java $DEFAULT_JAVA_OPTS -Xlog:cds=off -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -Ddecision.training-run=true \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar >/dev/null 2>&1 \
    || { echo "[http-bench] the training run failed" >&2; exit 1; }
  DEFAULT_JAVA_OPTS+=" -XX:SharedArchiveFile=$CDS_ARCHIVE"
fi

echo "[http-bench] starting the service on $BASE (rules: $RULES_DIR)"
START_NS=$(date +%s%N)
# shellcheck disable=SC2086
DECISION_ADMIN_API_KEY="$ADMIN_KEY" DECISION_RULES_DIR="$RULES_COPY" QUARKUS_HTTP_PORT="$PORT" \
  QUARKUS_HTTP_HOST=127.0.0.1 java ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVER_PID=$!
READY_MS=""
for _ in $(seq 1 1200); do   # at most 60 s
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready" || true)" = 200 ]; then
    READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "[http-bench] server died:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.05
done
[ -n "$READY_MS" ] || { echo "[http-bench] not ready within 60 s" >&2; cat "$LOG" >&2; exit 1; }
FIRST_BODY="$(ls "$BODIES_DIR"/*.json | head -1)"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$FIRST_BODY" \
  "$BASE/api/v1/decisions")
FIRST_DECISION_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
[ "$CODE" = 200 ] || { echo "[http-bench] first decision returned $CODE" >&2; exit 1; }
QUARKUS_STARTED="$(grep -o 'started in [0-9.]*s' "$LOG" | head -1 || true)"
COMPILED="$(grep -o 'Loaded [0-9]* rules of [0-9]* jurisdictions.* in [0-9]* ms (ruleset [0-9a-f]*; packages {[^}]*})' "$LOG" | sed 's| from [^ ]*||' | head -1 || true)"
echo "[http-bench] ready (first 200 on /q/health/ready) after ${READY_MS} ms; first decision 200 after ${FIRST_DECISION_MS} ms"
echo "[http-bench] quarkus: ${QUARKUS_STARTED:-?}; ${COMPILED:-?}"

# Every body must decide (200) before it is used for load.
for body in "$BODIES_DIR"/*.json; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$body" \
    "$BASE/api/v1/decisions")
  [ "$code" = 200 ] || { echo "[http-bench] $body returned $code" >&2; exit 1; }
done

WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" -s "$ROOT/bench/http/decisions.lua" --timeout 5s)
echo "[http-bench] warm-up: ${WRK[*]} -d$WARMUP $BASE"
timeout 120 "${WRK[@]}" -d"$WARMUP" "$BASE" >/dev/null

# Runs wrk for DURATION with the given extra arguments while sampling the server's RSS every second; sets OUT and
# RSS_MAX_KB (the largest sample).
# With -XX:NativeMemoryTracking=summary in JAVA_OPTS it also prints the JVM's own account at the RSS peak.
measure_under_load() {
  local rss_file nmt_file sampler
  rss_file="$(mktemp)"
  nmt_file="$(mktemp)"
  ( peak=0
    while kill -0 "$SERVER_PID" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
      echo "$rss" >>"$rss_file"
      if [[ "${JAVA_OPTS:-}" == *NativeMemoryTracking* ]] && [ "${rss:-0}" -gt "$peak" ]; then
        peak=$rss
        jcmd "$SERVER_PID" VM.native_memory summary 2>/dev/null | grep -E '^(Total|-  )' \
          | sed -E 's/reserved=[0-9]+KB, //; s/ +/ /g' >"$nmt_file" || true
      fi
      sleep 1
    done ) &
  sampler=$!
  OUT="$(timeout 180 "${WRK[@]}" -d"$DURATION" "$@" "$BASE")"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  RSS_MAX_KB=$(sort -n "$rss_file" | tail -1)
  if [ -s "$nmt_file" ]; then
    echo "[http-bench] NMT at the RSS peak ($(( RSS_MAX_KB / 1024 )) MB):"
    sed 's/^/[http-bench]   /' "$nmt_file"
  fi
  rm -f "$rss_file" "$nmt_file"
}
echo "[http-bench] measured: ${WRK[*]} -d$DURATION --latency $BASE"
measure_under_load --latency
echo "$OUT"
RSS_LOAD_KB="$RSS_MAX_KB"
RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$OUT")
P50=$(awk '$1=="50%" {print $2}' <<<"$OUT")
P99=$(awk '$1=="99%" {print $2}' <<<"$OUT")
NON2XX=$(awk '/Non-2xx/ {print $NF}' <<<"$OUT")
ERRORS=$(grep -o 'Socket errors:.*' <<<"$OUT" || true)

# Reloads after an analyst's edit, on a copy of the rules: the service was started on that copy. The first reload
# after start meets new code paths cold (and, via service, the DRL compiler); it is reported on its own.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
reload_after_edit() {   # $1 = label, other args = files to edit (relative to the rules copy)
  local label="$1"; shift
  local times=() validations=() code secs start
  local response
  response="$(mktemp)"
  for i in $(seq 1 "$RELOADS"); do
    for f in "$@"; do printf '\n// http-bench edit %s\n' "$i" >>"$RULES_COPY/$f"; done
    if [ "$RELOAD_VIA" = validate ]; then
      start=$(date +%s%N)
      timeout 300 java -XX:TieredStopAtLevel=1 -jar target/quarkus-app/quarkus-run.jar validate "$RULES_COPY" >/dev/null \
        || { echo "[http-bench] validate failed" >&2; exit 1; }
      validations+=("$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN {printf "%.2f", ns / 1e9}')")
    fi
    read -r code secs < <(curl -s -o "$response" -w '%{http_code} %{time_total}\n' --max-time 60 -X POST \
      -H "X-API-Key: $ADMIN_KEY" "$BASE/api/v1/admin/rules/reload")
    echo "[http-bench]   $label, reload $i: HTTP $code in ${secs}s ($(grep -o '"casesRunBy":"[A-Z_]*"' "$response"); $(grep -o '"packageOrigins":{[^}]*}' "$response"))"
    [ "$code" = 200 ] || { echo "[http-bench] reload returned $code" >&2; exit 1; }
    times+=("$secs")
  done
  rm -f "$response"
  RELOAD_FIRST["$label"]="${times[0]}"
  # The median leaves out the cold first reload; with RELOADS=1 there is none.
  RELOAD_MEDIAN["$label"]=$([ "$RELOADS" -gt 1 ] && printf '%s\n' "${times[@]:1}" | median | sed 's/$/s/' || echo "n/a")
  [ "$RELOAD_VIA" = validate ] && VALIDATE_MEDIAN["$label"]=$(printf '%s\n' "${validations[@]}" | median)
  return 0
}
declare -A RELOAD_FIRST RELOAD_MEDIAN VALIDATE_MEDIAN
if [ "$RELOAD_VIA" = validate ]; then
  echo "[http-bench] reloads: edit, validate command, POST /api/v1/admin/rules/reload (load the precompiled packages + swap), x$RELOADS each"
else
  echo "[http-bench] reloads: edit, POST /api/v1/admin/rules/reload (compile what changed + run every case + swap), x$RELOADS each"
fi
reload_after_edit "one Beijing file" beijing/first-application.drl
reload_after_edit "one national file" national/validation.drl
mapfile -t ALL_DRL < <(cd "$RULES_COPY" && ls ./*/*.drl)
reload_after_edit "every DRL file" "${ALL_DRL[@]}"

echo "[http-bench] after the reloads: ${WRK[*]} -d$DURATION $BASE"
measure_under_load
RSS_AFTER_KB="$RSS_MAX_KB"
RPS_AFTER=$(awk '/Requests\/sec/ {print $2}' <<<"$OUT")

stop_server
echo
echo "================ http-bench summary ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)) ================"
echo "rules:                     $RULES_DIR (${COMPILED:-?})"
echo "start -> ready 200:        ${READY_MS} ms   (first decision 200: ${FIRST_DECISION_MS} ms; quarkus ${QUARKUS_STARTED:-?})"
echo "load:                      wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $(ls "$BODIES_DIR" | wc -l) rotating bodies"
echo "throughput:                ${RPS} req/s"
echo "latency p50 / p99:         ${P50} / ${P99}"
echo "non-2xx responses:         ${NON2XX:-0}   ${ERRORS}"
echo "RSS under load (max):      $(( ${RSS_LOAD_KB:-0} / 1024 )) MB"
echo "reloads via:               $RELOAD_VIA"
for label in "one Beijing file" "one national file" "every DRL file"; do
  printf 'reload after editing %-18s %s (first: %ss)' "$label:" "${RELOAD_MEDIAN[$label]}" "${RELOAD_FIRST[$label]}"
  [ "$RELOAD_VIA" = validate ] && printf '; validate command before it: %ss' "${VALIDATE_MEDIAN[$label]}"
  echo
done
[ "$RELOADS" -gt 1 ] && echo "  (median of reloads 2..$RELOADS; the very first reload after start meets its code paths cold)"
echo "after the reloads:         ${RPS_AFTER} req/s, RSS under load (max) $(( ${RSS_AFTER_KB:-0} / 1024 )) MB"
echo "load average:              $(cut -d' ' -f1-3 /proc/loadavg)"
