#!/usr/bin/env python3
"""Writes rollout files for bench/resume.sh straight into a CODEX_HOME (stdlib only, no jcodex needed).

  persistence_fixtures.py rollout  HOME CWD LINES COMPACT_EVERY   -> prints the thread id
      one rollout of about LINES lines of realistic turns (the same turn shape as state/bench.sh: turn_context,
      prompt, 3 x (reasoning, exec_command call, ~1.5 KB output, token_count), answer); with COMPACT_EVERY > 0 a
      `compacted` line with a replacement history (the last 20 items + a summary) every COMPACT_EVERY lines.
  persistence_fixtures.py sessions HOME N                         -> prints N
      N small finished threads (one turn each) spread over 365 days and 50 working directories.

Lines use the layout jcodex writes ({timestamp, ordinal, type, payload}); ids are UUIDv7-shaped.
"""

import datetime
import json
import os
import random
import sys
import uuid

START = datetime.datetime(2026, 1, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)


def thread_id(rng, when):
    ms = int(when.timestamp() * 1000)
    tail = rng.getrandbits(74)
    value = (ms << 80) | (0x7 << 76) | ((tail >> 62) << 64) | (0b10 << 62) | (tail & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


def rollout_path(home, tid, when):
    local = when.astimezone()  # file names use local time, like jcodex
    folder = os.path.join(home, "sessions", "%04d" % local.year, "%02d" % local.month, "%02d" % local.day)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return os.path.join(folder, "rollout-%s-%s.jsonl" % (local.strftime("%Y-%m-%dT%H-%M-%S"), tid))


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (when.microsecond // 1000)


class Writer:
    def __init__(self, path, when):
        self.f = open(path, "w", encoding="utf-8")
        self.when = when
        self.ordinal = 0

    def line(self, kind, payload):
        self.f.write(json.dumps({"timestamp": iso(self.when), "ordinal": self.ordinal, "type": kind, "payload": payload},
                                separators=(",", ":")) + "\n")
        self.ordinal += 1
        self.when += datetime.timedelta(milliseconds=7)

    def close(self):
        self.f.close()
        os.chmod(self.f.name, 0o600)


def msg(role, text):
    kind = "output_text" if role == "assistant" else "input_text"
    return {"type": "message", "role": role, "content": [{"type": kind, "text": text}]}


def event(kind, **fields):
    return dict({"type": kind}, **fields)


def begin(w, tid, cwd, when):
    w.line("session_meta", {"id": tid, "timestamp": iso(when), "cwd": cwd,
                            "originator": "codex_exec", "cli_version": "0.1.0", "source": "exec",
                            "model_provider": "mock"})
    w.line("response_item", msg("developer", "<permissions instructions>\nsandbox_mode is read-only.\n"
                                             "</permissions instructions>"))
    w.line("response_item", msg("user", "<environment_context>\n  <cwd>%s</cwd>\n  <shell>bash</shell>\n"
                                        "</environment_context>" % cwd))


def turn(w, n, cwd, recent, calls=3):
    output = "line of command output that goes on for a while\n" * 30
    reasoning = "Thinking about the next step. " * 20
    turn_id = "turn-%d" % n
    items = [("event_msg", event("task_started", turn_id=turn_id, model_context_window=272000)),
             ("turn_context", {"turn_id": turn_id, "cwd": cwd, "approval_policy": "never",
                               "sandbox_policy": {"type": "read-only"}, "model": "gpt-5.5", "summary": "auto"}),
             ("response_item", msg("user", "Please fix the failing test number %d in module state." % n)),
             ("event_msg", event("user_message", message="fix %d" % n))]
    for c in range(calls):
        call_id = "call_%d_%d" % (n, c)
        items += [("response_item", {"type": "reasoning", "id": "rs_" + call_id,
                                     "summary": [{"type": "summary_text", "text": "Planning %d" % c}],
                                     "content": None, "encrypted_content": reasoning}),
                  ("response_item", {"type": "function_call", "id": "fc_" + call_id, "name": "exec_command",
                                     "arguments": "{\"cmd\":\"echo hi\"}", "call_id": call_id}),
                  ("response_item", {"type": "function_call_output", "call_id": call_id, "output": output}),
                  ("event_msg", event("token_count", info=None))]
    items += [("response_item", msg("assistant", "Fixed test %d." % n)),
              ("event_msg", event("task_complete", turn_id=turn_id, last_agent_message="Fixed test %d." % n))]
    for kind, payload in items:
        w.line(kind, payload)
        if kind == "response_item":
            recent.append(payload)
    return len(items)


def rollout(home, cwd, lines, compact_every):
    rng = random.Random(lines * 100003 + compact_every)
    when = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)
    tid = thread_id(rng, when)
    w = Writer(rollout_path(home, tid, when), when)
    begin(w, tid, cwd, when)
    written, n, recent = 3, 0, []
    while written < lines:
        before = written
        written += turn(w, n, cwd, recent)
        n += 1
        if compact_every > 0 and written // compact_every != before // compact_every:
            kept = recent[-20:] + [msg("user", "summary of turns so far")]
            w.line("compacted", {"message": "summary of turns so far", "replacement_history": kept})
            written += 1
            recent = []
    w.close()
    print(tid)


def sessions(home, count):
    rng = random.Random(7)
    for i in range(count):
        when = START + datetime.timedelta(seconds=i * 3153)  # ~365 days
        tid = thread_id(rng, when)
        cwd = "/home/dev/project-%02d" % (i % 50)
        w = Writer(rollout_path(home, tid, when), when)
        begin(w, tid, cwd, when)
        turn(w, i, cwd, [], calls=1)
        w.close()
    print(count)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "rollout":
        rollout(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "sessions":
        sessions(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
