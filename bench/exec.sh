#!/usr/bin/env bash
# exec benchmark: medians of `exec --json` wall time and peak RSS for a plain reply, and the tool dispatch gap
# (mock sees response 1 complete -> request 2) for exec_command `echo hi` without a sandbox and under
# workspace-write; jcodex (./codex) next to the reference Rust binary from npm. Uses the conformance kit's
# baseline.py (fresh CODEX_HOME per run, one discarded warm-up run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
. "$here/lib.sh"
runs=${RUNS:-7}
kit=${CONFORMANCE_DIR:-$root/../shared/conformance}
out=$(mktemp -d "${TMPDIR:-/tmp}/jcodex-bench-exec.XXXXXX")
scenarios=(a2_plain_reply_gpt55 b3_shell_echo_no_sandbox "$here/scenarios/b4_shell_echo_workspace_write.json")
"$root/codex" --version >/dev/null   # build (if needed) outside the measurement
ref=$(reference_codex) || ref=
# Rounds alternate the two binaries (one measured run each, after baseline.py's discarded warm-up run), so the
# machine's drift — other builds on the 2 shared cores come and go — hits both sides alike.
for round in $(seq 1 "$runs"); do
  python3 "$kit/baseline.py" --bin "$root/codex" --runs 1 --warm '' --out "$out/jcodex.$round.json" \
      "${scenarios[@]}" >/dev/null
  if [ -n "$ref" ]; then
    python3 "$kit/baseline.py" --bin "$ref" --runs 1 --warm '' --out "$out/reference.$round.json" \
        "${scenarios[@]}" >/dev/null
  fi
done
python3 - "$out" <<'PY'
import glob, json, os, statistics, sys
out = sys.argv[1]
def load(name):
    files = sorted(glob.glob(os.path.join(out, name + ".*.json")))
    if not files:
        return None
    merged = {"scenarios": {}}
    for f in files:
        for scn, runs in json.load(open(f))["scenarios"].items():
            merged["scenarios"].setdefault(scn, []).extend(runs)
    return merged
j, r = load("jcodex"), load("reference")
def med(runs, key):
    xs = [x[key] for x in runs if x.get(key) is not None]
    return statistics.median(xs) if xs else None
def gap(runs):
    xs = [x["gaps_s"][0] for x in runs if x.get("gaps_s")]
    return statistics.median(xs) if xs else None
rows = []
for scn, label in [("a2_plain_reply_gpt55", "plain reply"), ("b3_shell_echo_no_sandbox", "echo, no sandbox"),
                   ("b4_shell_echo_workspace_write", "echo, workspace-write")]:
    key = next((k for k in j["scenarios"] if os.path.basename(k).startswith(scn)), None)
    jr = j["scenarios"][key]
    rr = r["scenarios"][next(k for k in r["scenarios"] if os.path.basename(k).startswith(scn))] if r else None
    ok = sum(1 for x in jr if x["ok"])
    rows.append((f"{label}: wall s ({ok}/{len(jr)} ok)", med(jr, "wall_s"), rr and med(rr, "wall_s")))
    rows.append((f"{label}: peak RSS MiB", (med(jr, "max_rss_kb") or 0) / 1024, rr and (med(rr, "max_rss_kb") or 0) / 1024))
    if scn != "a2_plain_reply_gpt55":
        rows.append((f"{label}: dispatch gap s", gap(jr), rr and gap(rr)))
print(f"{'measurement':42} {'jcodex':>10} {'reference':>10} {'ratio':>7}")
for name, a, b in rows:
    ratio = f"{a / b:.2f}x" if a is not None and b else "n/a"
    fa = f"{a:.3f}" if a is not None else "n/a"
    fb = f"{b:.3f}" if b is not None else "n/a"
    print(f"{name:42} {fa:>10} {fb:>10} {ratio:>7}")
print("targets: plain wall <= 0.7x, peak RSS <= 0.7x, dispatch gap <= 0.25x")
PY
rm -rf "$out"
