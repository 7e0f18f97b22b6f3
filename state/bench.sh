#!/usr/bin/env bash
# Benchmarks for the state module: resume time and peak RSS of a 100,000-line rollout (median of RUNS runs, each
# in a fresh JVM under /usr/bin/time -v) and ThreadIndex.findLatest over 10,000 threads.
# Usage: state/bench.sh [RUNS]   (run from the repository root or anywhere; needs JDK 25 and an offline ~/.m2)
set -euo pipefail
RUNS=${1:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
./mvnw -o -q -f state/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null
CP="state/target/test-classes:state/target/classes:$(cat state/target/bench.cp)"
JAVA=("$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED -cp "$CP")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

bench_resume() {  # $1 = label, $2 = file, $3... = extra JVM flags
  local label=$1 file=$2 ms=() rss=() cpu=()
  shift 2
  for _ in $(seq "$RUNS"); do
    out=$(/usr/bin/time -v "${JAVA[0]}" "$@" "${JAVA[@]:1}" dev.jcodex.state.StateBench resume "$file" \
      2>"$WORK/time.txt")
    ms+=("$(sed -n 's/.*resume_ms=\([0-9]*\).*/\1/p' <<<"$out")")
    rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")")
    cpu+=("$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$WORK/time.txt")")
    items=$(sed -n 's/.*items=\([0-9]*\).*/\1/p' <<<"$out")
  done
  echo "$label: resume median $(printf '%s\n' "${ms[@]}" | median) ms (runs: ${ms[*]}), whole-process CPU" \
       "median $(printf '%s\n' "${cpu[@]}" | median) s, peak RSS median" \
       "$(( $(printf '%s\n' "${rss[@]}" | median | cut -d. -f1) / 1024 )) MiB, history items $items"
}

"${JAVA[@]}" dev.jcodex.state.StateBench generate "$WORK/plain.jsonl" 100000 0
"${JAVA[@]}" dev.jcodex.state.StateBench generate "$WORK/compacted.jsonl" 100000 5000
bench_resume "100k lines, no compaction" "$WORK/plain.jsonl"
bench_resume "100k lines, compaction every 5k lines" "$WORK/compacted.jsonl"
# Memory is bounded by the rebuilt history, not the file: the compacted 50 MB file resumes in a 32 MiB heap.
bench_resume "100k lines, compaction every 5k lines, -Xmx32m" "$WORK/compacted.jsonl" -Xmx32m

mkdir -p "$WORK/home"
"${JAVA[@]}" dev.jcodex.state.StateBench index "$WORK/home" 10000 | grep fill
for _ in $(seq "$RUNS"); do "${JAVA[@]}" dev.jcodex.state.StateBench index "$WORK/home" 10000; done \
  | tee "$WORK/index.txt" >/dev/null
echo "ThreadIndex (10,000 threads): first use (open + native load + first findLatest) median" \
  "$(sed -n 's/.*index_first_use_ms=\([0-9.]*\).*/\1/p' "$WORK/index.txt" | median) ms;" \
  "findLatest median $(sed -n 's/.*find_latest_median_us=\([0-9]*\).*/\1/p' "$WORK/index.txt" | median) µs," \
  "p99 $(sed -n 's/.*find_latest_p99_us=\([0-9]*\).*/\1/p' "$WORK/index.txt" | median) µs"
