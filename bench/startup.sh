#!/usr/bin/env bash
# Start-up benchmark: median wall time and peak RSS of `codex --version`, jcodex vs the reference Rust binary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
. "$here/lib.sh"
runs=${RUNS:-15}
"$root/codex" --version >/dev/null   # build (if needed) outside the measurement
read -r jw jr < <(measure "$runs" "$root/codex" --version)
printf '%-28s %8s %10s\n' "binary" "wall(s)" "rss(KiB)"
printf '%-28s %8s %10s\n' "jcodex ./codex --version" "$jw" "$jr"
if ref=$(reference_codex) && [ -n "$ref" ]; then
  read -r rw rr < <(measure "$runs" "$ref" --version)
  printf '%-28s %8s %10s\n' "reference codex --version" "$rw" "$rr"
  awk -v a="$jw" -v b="$rw" -v c="$jr" -v d="$rr" 'BEGIN {
    printf "ratio jcodex/reference: wall %.2fx, rss %.2fx (target wall <= 4x)\n", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }'
else
  echo "reference binary unavailable (npm install @openai/codex failed); no ratio"
fi
