# Sourced by ./codex and the build scripts: sets JCODEX_JAVA_HOME to a JDK 25 (or exits with a clear message).
if [ -z "${JCODEX_JAVA_HOME:-}" ]; then
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 \
      /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-25-openjdk-arm64 /usr/lib/jvm/jdk-25* \
      /usr/lib/jvm/*25* /opt/java/openjdk "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$cand" ] && [ -d "$cand" ] || continue
    # Fast path: trust a directory whose release file says 25.
    if [ -f "$cand/release" ] && grep -q '^JAVA_VERSION="25' "$cand/release" && [ -x "$cand/bin/javac" ]; then JCODEX_JAVA_HOME=$cand; break; fi
  done
  if [ -z "${JCODEX_JAVA_HOME:-}" ]; then
    echo "jcodex: JDK 25 not found. Install a JDK 25 (e.g. Temurin 25) under /usr/lib/jvm or set JAVA_HOME." >&2
    exit 1
  fi
  export JCODEX_JAVA_HOME
fi
