#!/usr/bin/env bash
# JMH benchmarks of in-process evaluation, one command:
#   bench/jmh.sh                      # all benchmarks, default iterations (~2.5 min on 2 cores)
#   bench/jmh.sh 'DecisionBenchmark.mix$' -i 3   # any JMH arguments
# Env: RULES_DIR (default: the rules/ of this checkout), JMH_TIMEOUT seconds (default 900), SKIP_BUILD=1 (use the
#      benchmarks built by the previous run), JMH_CPUS (pin the JMH JVMs to these CPUs with taskset, e.g. 0).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RULES_DIR="$(cd "${RULES_DIR:-$ROOT/rules}" && pwd)"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "[jmh] installing the service artifact (./mvnw -q -B install -DskipTests)"
  timeout 600 ./mvnw -q -B install -DskipTests
  echo "[jmh] building the benchmarks"
  (cd bench && timeout 300 ../mvnw -q -B package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
fi
cd "$ROOT/bench"
CP="target/classes:$(cat target/classpath.txt)"
ARGS=("$@")
[ ${#ARGS[@]} -eq 0 ] && ARGS=(-rf json -rff target/jmh-result.json)
echo "[jmh] rules: $RULES_DIR"
PIN=()
[ -n "${JMH_CPUS:-}" ] && PIN=(taskset -c "$JMH_CPUS")
exec ${PIN[@]+"${PIN[@]}"} timeout "${JMH_TIMEOUT:-900}" java -Drules.dir="$RULES_DIR" -cp "$CP" org.openjdk.jmh.Main "${ARGS[@]}"
