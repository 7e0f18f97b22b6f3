#!/usr/bin/env bash
# Runs the JMH benchmark ApplyPatchBenchmark (src/test/java). Extra arguments go to JMH, e.g. `-prof gc`.
# Usage: apply-patch/bench.sh [JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
classpath_file="$PWD/apply-patch/target/bench-classpath.txt"
maven_args=(-q -pl apply-patch test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file")
./mvnw -o "${maven_args[@]}" || ./mvnw "${maven_args[@]}"
"$JAVA_HOME/bin/java" \
  -cp "apply-patch/target/test-classes:apply-patch/target/classes:$(cat "$classpath_file")" \
  org.openjdk.jmh.Main ApplyPatchBenchmark -f 1 -wi 3 -i 5 "$@"
