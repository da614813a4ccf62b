#!/usr/bin/env bash
# JMH benchmarks of in-process evaluation, one command:
#   bench/jmh.sh                      # all benchmarks, default iterations (~2.5 min on 2 cores)
#   bench/jmh.sh 'DecisionBenchmark.mix$' -i 3   # any JMH arguments
# Env: RULES_DIR (default: the rules/ of this checkout), JMH_TIMEOUT seconds (default 900).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RULES_DIR="$(cd "${RULES_DIR:-$ROOT/rules}" && pwd)"
cd "$ROOT"
echo "[jmh] installing the service artifact (./mvnw -q -B install -DskipTests)"
timeout 600 ./mvnw -q -B install -DskipTests
cd "$ROOT/bench"
echo "[jmh] building the benchmarks"
timeout 300 ../mvnw -q -B package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/classpath.txt)"
ARGS=("$@")
[ ${#ARGS[@]} -eq 0 ] && ARGS=(-rf json -rff target/jmh-result.json)
echo "[jmh] rules: $RULES_DIR"
exec timeout "${JMH_TIMEOUT:-900}" java -Drules.dir="$RULES_DIR" -cp "$CP" org.openjdk.jmh.Main "${ARGS[@]}"
