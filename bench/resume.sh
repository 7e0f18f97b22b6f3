#!/usr/bin/env bash
# Persistence benchmark (medians of RUNS runs, default 5; wall time and peak RSS from lib.sh's `measure`):
#  (a) `./codex exec --json --skip-git-repo-check resume <id> next` of a generated 100,000-line rollout (~53 MB)
#      against the conformance kit's local mock: with a replacement compaction every 5,000 lines (the realistic
#      case: no model takes 50 MB of context) and without any (worst case: the whole history is sent again, and
#      the Python mock's own parsing and logging of that ~50 MB body is inside the wall time). "to request" is
#      launch -> the mock receiving the request (start-up + history rebuild + request build), which excludes the
#      mock's work.
#  (b) `./codex --version` and a plain `./codex exec` with 10,000 sessions in CODEX_HOME vs an empty one
#      (target ratio <= 1.05x), STARTUP_RUNS runs each (default 4 x RUNS + 1), alternating the two homes so that
#      load drift hits both alike. The sessions are written directly as files; the thread index is built by
#      jcodex itself: "first run" deletes the index before each run, so every run rebuilds it from the 10,000
#      rollouts; "steady" runs with the index in place, which is what every run after the first sees.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
. "$here/lib.sh"
runs=${RUNS:-5}
runs_b=${STARTUP_RUNS:-$((4 * runs + 1))}
kit=${CONFORMANCE_DIR:-$root/../shared/conformance}
work=$(mktemp -d "${TMPDIR:-/tmp}/jcodex-bench-resume.XXXXXX")
mock_pid=
cleanup() {
  [ -z "$mock_pid" ] || kill "$mock_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
exec </dev/null   # exec reads piped stdin as extra input; never let it wait on ours

"$root/codex" --version >/dev/null   # build (if needed) outside the measurement
export JCODEX_SKIP_BUILD=1           # and never in the middle of it
export MOCK_API_KEY=dummy

printf '%s\n' '{"responses": [], "default": {"events": [{"type": "message", "text": "ok"}]}}' >"$work/script.json"
python3 "$kit/mock_responses.py" --script "$work/script.json" --log-dir "$work/mock" --port-file "$work/port" \
  --max-seconds 3600 >/dev/null 2>&1 &
mock_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

make_home() {  # make_home DIR: an empty CODEX_HOME whose config points at the mock
  mkdir -p "$1"
  cat >"$1/config.toml" <<EOF
model = "gpt-5.5"
model_provider = "mock"

[model_providers.mock]
name = "mock"
base_url = "http://127.0.0.1:$port/v1"
wire_api = "responses"
env_key = "MOCK_API_KEY"
EOF
}
project="$work/project"
mkdir -p "$project"
cd "$project"

# A launcher that notes its start time, so "to request" can be paired with the mock's receive times.
cat >"$work/timed-codex" <<EOF
#!/usr/bin/env bash
date +%s.%N >>"$work/starts"
exec "$root/codex" "\$@"
EOF
# A launcher that first deletes the thread index (first-run cost).
cat >"$work/first-run-codex" <<EOF
#!/usr/bin/env bash
rm -f "\$CODEX_HOME"/jcodex_state_1.sqlite*
exec "$root/codex" "\$@"
EOF
chmod +x "$work/timed-codex" "$work/first-run-codex"

mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
requests() { find "$work/mock/requests" -name '[0-9]*.json' 2>/dev/null | wc -l; }
# to_request FIRST_SEQ: median of (mock t_recv - launch) over the requests from FIRST_SEQ on, paired in order.
to_request() {
  python3 - "$work" "$1" <<'PY'
import json, os, statistics, sys
work, first = sys.argv[1], int(sys.argv[2])
starts = [float(x) for x in open(os.path.join(work, "starts")).read().split()]
recs = sorted(int(f[:-5]) for f in os.listdir(os.path.join(work, "mock", "requests")) if f[:-5].isdigit())
recv = []
for seq in recs:
    rec = json.load(open(os.path.join(work, "mock", "requests", "%03d.json" % seq)))
    if seq >= first and rec["method"] == "POST" and rec["path"].endswith("/responses"):
        recv.append(rec["t_recv"])
print("%.3f" % statistics.median(r - s for s, r in zip(starts, recv)))
PY
}

echo "generating fixtures…" >&2
home_resume="$work/home-resume"; make_home "$home_resume"
t0=$(date +%s.%N)
id_compacted=$(python3 "$here/persistence_fixtures.py" rollout "$home_resume" "$project" 100000 5000)
id_plain=$(python3 "$here/persistence_fixtures.py" rollout "$home_resume" "$project" 100000 0)
home_empty="$work/home-empty"; make_home "$home_empty"
home_10k="$work/home-10k"; make_home "$home_10k"
python3 "$here/persistence_fixtures.py" sessions "$home_10k" 10000 >/dev/null
t1=$(date +%s.%N)
gen_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')

resume_case() {  # resume_case LABEL ID
  local label=$1 id=$2 first w r
  CODEX_HOME=$home_resume "$root/codex" exec --json --skip-git-repo-check resume "$id" next >/dev/null 2>&1 # warm-up
  first=$(( $(requests) + 1 )); : >"$work/starts"
  read -r w r < <(measure "$runs" env CODEX_HOME="$home_resume" "$work/timed-codex" exec --json \
    --skip-git-repo-check resume "$id" next)
  printf '%-48s %9s %9s %11s\n' "$label" "$w" "$(to_request "$first")" "$(mib "$r")"
}

echo "(a) exec resume of a 100,000-line rollout, $runs runs (fixtures written in ${gen_s}s)"
printf '%-48s %9s %9s %11s\n' "rollout" "wall(s)" "to req(s)" "rss(MiB)"
resume_case "100k lines, compaction every 5k (53 MB)" "$id_compacted"
resume_case "100k lines, no compaction (53 MB, worst case)" "$id_plain"

# interleave N: runs cmd_a and cmd_b alternately (so load drift hits both alike); prints "wa ra wb rb" medians.
interleave() {
  local wa=() ra=() wb=() rb=() w r
  for _ in $(seq "$1"); do
    read -r w r < <(measure 1 "${cmd_a[@]}"); wa+=("$w"); ra+=("$r")
    read -r w r < <(measure 1 "${cmd_b[@]}"); wb+=("$w"); rb+=("$r")
  done
  echo "$(median "${wa[@]}") $(median "${ra[@]}") $(median "${wb[@]}") $(median "${rb[@]}")"
}

echo
echo "(b) start-up with 10,000 sessions in CODEX_HOME vs none, $runs_b runs each, interleaved"
printf '%-48s %9s %11s\n' "command" "wall(s)" "rss(MiB)"
row() { printf '%-48s %9s %11s\n' "$1" "$2" "$(mib "$3")"; }
exec_args=(exec --skip-git-repo-check hi)
cmd_a=(env CODEX_HOME="$home_empty" "$root/codex" --version)
cmd_b=(env CODEX_HOME="$home_10k" "$root/codex" --version)
read -r ve vre vk vrk < <(interleave "$runs_b")
row "--version, empty" "$ve" "$vre"
row "--version, 10,000 sessions" "$vk" "$vrk"
CODEX_HOME=$home_empty "$root/codex" "${exec_args[@]}" >/dev/null 2>&1   # the empty home's index exists from here on
cmd_a=(env CODEX_HOME="$home_empty" "$root/codex" "${exec_args[@]}")
cmd_b=(env CODEX_HOME="$home_10k" "$work/first-run-codex" "${exec_args[@]}")
read -r fe fre fk frk < <(interleave "$runs")
row "exec, 10,000 sessions, first run (index rebuild)" "$fk" "$frk"
CODEX_HOME=$home_10k "$root/codex" "${exec_args[@]}" >/dev/null 2>&1     # the 10,000-session index is kept from here on
cmd_b=(env CODEX_HOME="$home_10k" "$root/codex" "${exec_args[@]}")
read -r ee ere ek erk < <(interleave "$runs_b")
row "exec, empty (steady)" "$ee" "$ere"
row "exec, 10,000 sessions (steady)" "$ek" "$erk"
awk -v ve="$ve" -v vk="$vk" -v ee="$ee" -v ek="$ek" -v fe="$fe" -v fk="$fk" 'BEGIN {
  printf "ratio 10,000 sessions / empty: --version %.2fx, exec steady %.2fx (target <= 1.05x), exec first run %.2fx\n",
    vk / ve, ek / ee, fk / fe }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
