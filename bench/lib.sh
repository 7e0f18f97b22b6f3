# Shared helpers for bench scripts: medians of wall time and peak RSS, and the reference binary from npm.

# measure N CMD... → prints "<median wall s> <median peak RSS KiB>"
measure() {
  local n=$1; shift
  local walls=() rss=() out t0 t1
  for _ in $(seq "$n"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e9}')")
    /usr/bin/time -o "${TMPDIR:-/tmp}/jcodex-bench-rss.$$" -f '%M' "$@" >/dev/null 2>&1 || true
    rss+=("$(tail -n 1 "${TMPDIR:-/tmp}/jcodex-bench-rss.$$")")
  done
  printf '%s %s\n' "$(median "${walls[@]}")" "$(median "${rss[@]}")"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# reference_codex → path of the reference Rust binary, installed from npm into a cache dir on first use.
reference_codex() {
  local dir=${JCODEX_REFERENCE_DIR:-${TMPDIR:-/tmp}/jcodex-reference}
  if [ ! -d "$dir/node_modules/@openai" ]; then
    mkdir -p "$dir" && (cd "$dir" && npm install --silent --no-audit --no-fund @openai/codex >/dev/null 2>&1) || return 1
  fi
  find "$dir/node_modules/@openai" -type f -name codex -perm -u+x -path '*vendor*' 2>/dev/null | head -n 1
}
