#!/usr/bin/env python3
"""compare_solvers.py — the work behind scripts/compare-solvers.sh (see its --help).

Runs `allvet solve` and other MIP solvers (glpsol, CBC, HiGHS) on the direct
time-indexed model that `allvet export` writes, level after level, under one time
limit per solver, and prints a Markdown table. Standard library only; HiGHS runs
through highspy in a child process (`compare_solvers_backends.py --highs-run ...`, with
this same interpreter), CBC is the binary that PuLP bundles.

Exit status: 0 when no proven value differs from allvet's, 1 when one does (or a
run failed before anything could be compared), 64 on usage errors.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_solvers_backends import grace, run_timed, solve_cbc, solve_glpsol, solve_highs  # noqa: E402

TOLERANCE = 1e-6
NAMES = {"allvet": "allvet", "cbc": "CBC", "highs": "HiGHS", "glpsol": "glpsol"}
ORDER = ["allvet", "cbc", "highs", "glpsol"]  # the table's columns


def say(msg):
    print(f"compare-solvers: {msg}", file=sys.stderr, flush=True)


class Level:
    """One lexicographic level as a solver left it.

    status: optimal | feasible (a solution, not proven) | none (no solution) |
            infeasible | killed | error | skipped (no time left / earlier level failed)
    """

    def __init__(self, goal, status, value=None, bound=None, seconds=0.0, note=""):
        self.goal, self.status, self.value, self.bound = goal, status, value, bound
        self.seconds, self.note = seconds, note


class Run:
    def __init__(self, solver):
        self.solver = solver
        self.levels = []     # Level, in order; stops at the first level not proven
        self.seconds = 0.0   # the solver's time (allvet: the whole command; others: sum of level solves)
        self.error = None    # a failure to report instead of the levels

    @property
    def proven(self):
        return self.error is None and bool(self.levels) and all(l.status == "optimal" for l in self.levels)


# ---------------------------------------------------------------- formatting

def fmt_value(v):
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "–"
    r = round(v)
    if abs(v - r) <= TOLERANCE * max(1.0, abs(v)):
        return f"{int(r):,}"
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def fmt_seconds(s):
    if s < 1:
        return f"{s:.2f} s"
    if s < 100:
        return f"{s:.1f} s"
    return f"{s:.0f} s"


def fmt_limit(t):
    return f"{t:g} s"


def cell(run, limit, goals):
    if run is None:
        return "–"
    if run.error:
        return "error (see below)"
    if run.proven:
        return f"{fmt_seconds(run.seconds)}, optimal ({', '.join(fmt_value(l.value) for l in run.levels)})"
    last = run.levels[-1] if run.levels else Level(goals[0] if goals else "?", "none")
    held = [f"{l.goal} {fmt_value(l.value)}" for l in run.levels[:-1]]
    if last.status == "feasible":
        return f"not proven in {fmt_limit(limit)} ({', '.join(held + [f'{last.goal} {fmt_value(last.value)}'])})"
    if last.status == "infeasible":
        return f"{fmt_seconds(run.seconds)}, infeasible ({', '.join(held + [last.goal])})"
    if last.status == "killed":
        return f"killed past the limit of {fmt_limit(limit)}" + (f" ({', '.join(held)})" if held else "")
    if last.status == "nomodel":
        return f"{fmt_seconds(run.seconds)}, optimal ({', '.join(held)}); no model of {last.goal} (see below)"
    if last.status == "error":
        return f"error at {last.goal} (see below)" + (f" ({', '.join(held)})" if held else "")
    # none or skipped: no solution of this level
    if not held:
        return f"no solution in {fmt_limit(limit)}"
    return f"no solution in {fmt_limit(limit)} ({', '.join(held + [f'{last.goal} none'])})"


# ---------------------------------------------------------------- processes

def run_allvet(a, work):
    run = Run("allvet")
    out = os.path.join(work, "allvet-results")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [a.allvet, "solve", a.instance] + (["--policy", a.policy] if a.policy else []) + \
          ["--out", out, "--time-limit", f"{a.time_limit:g}", "--quiet"]
    with open(os.path.join(work, "allvet.log"), "w") as log:
        rc, secs = run_timed(cmd, a.time_limit + grace(a.time_limit), stdout=log, stderr=log)
    run.seconds = secs
    summary_path = os.path.join(out, "summary.json")
    if rc is None:
        run.error = f"killed after {fmt_seconds(secs)}"
        return run, None
    if rc not in (0, 2, 3, 130) or not os.path.exists(summary_path):
        run.error = f"allvet solve exited with {rc} (see {os.path.join(work, 'allvet.log')})" if a.keep else \
                    f"allvet solve exited with {rc}: " + open(os.path.join(work, "allvet.log")).read().strip()[-300:]
        return run, None
    s = json.load(open(summary_path))
    for l in s["levels"]:
        st = {"optimal": "optimal", "feasible": "feasible", "infeasible": "infeasible",
              "time_limit": "none", "not_solved": "skipped"}.get(l["status"], "error")
        run.levels.append(Level(l["goal"], st, l.get("value"), l.get("bound")))
        if st != "optimal":
            break
    for l, t in zip(run.levels, s.get("timings_s", {}).get("solve", [])):
        l.seconds = t
    return run, s


# ---------------------------------------------------------------- the exported models

class Models:
    """`allvet export` of each level's direct model, written once, on first use (not timed)."""

    def __init__(self, a, work):
        self.a, self.work, self.files, self.failed = a, work, {}, {}
        self.headers = {}
        self.goals = []  # the goals' names, when known (allvet's summary)

    def get(self, level, form):
        key = (level, form)
        if key in self.files:
            return self.files[key]
        if key in self.failed:
            raise RuntimeError(self.failed[key])
        path = os.path.join(self.work, f"level{level}.{form}")
        if os.path.exists(path):
            os.remove(path)
        cmd = [self.a.allvet, "export", self.a.instance] + (["--policy", self.a.policy] if self.a.policy else []) + \
              ["--to", form, "--level", str(level), "--out", path, "--time-limit", f"{self.a.export_time_limit:g}"]
        say(f"exporting level {level} ({form}) ...")
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            msg = f"allvet export --level {level} exited with {p.returncode}: {p.stderr.strip()[-300:]}"
            if level > 1:
                msg += f" (export solves the earlier levels first, as allvet solve does; EXPORT_TIME_LIMIT={self.a.export_time_limit:g} s)"
            say(f"no model of level {level}: {msg}")
            self.failed[key] = msg
            raise RuntimeError(msg)
        say(f"exported level {level} ({form}) in {fmt_seconds(time.perf_counter() - t0)} (not counted)")
        self.files[key] = path
        self.headers[key] = self.header(path)
        return path

    @staticmethod
    def header(path):
        """Goal, sense, level count and the MPS sign, from the comment lines at the top."""
        h = {"negated": False, "goal": None, "levels": None, "maximise": None}
        with open(path) as f:
            for line in f:
                if not (line.startswith("*") or line.startswith("\\")):
                    break
                m = re.search(r"level (\d+) of (\d+): goal (\S+) \((maximise|minimise)\)", line)
                if m:
                    h["levels"], h["goal"], h["maximise"] = int(m.group(2)), m.group(3), m.group(4) == "maximise"
                if "minimises the negated objective" in line:
                    h["negated"] = True
                m = re.search(r'\("[^"]*": (\d+) participants, (\d+) hosts', line)
                if m:
                    h["participants"], h["hosts"] = int(m.group(1)), int(m.group(2))
        if h["goal"] is None:
            raise RuntimeError(f"{path}: no 'level K of N: goal ...' line in the header")
        return h


# ---------------------------------------------------------------- the solvers, one level each
# Each returns (status, value in the file's own sense, bound or None, wall seconds, note).

def run_lexicographic(solver, a, models, work, cbc):
    """Level 1's model, then level 2's, ..., with what is left of the time limit."""
    run = Run(solver)
    form = "mps"  # one export per level for every solver: a later level's export solves the earlier ones
    level, count = 1, None
    while count is None or level <= count:
        try:
            path = models.get(level, form)
        except RuntimeError as e:
            if level == 1:
                run.error = str(e)
            else:
                goal = models.goals[level - 1] if level <= len(models.goals) else f"level {level}"
                run.levels.append(Level(goal, "nomodel", note=str(e)))
            return run
        h = models.headers[(level, form)]
        count = h["levels"]
        remaining = a.time_limit - run.seconds
        if remaining <= 0:
            run.levels.append(Level(h["goal"], "skipped", note="no time left"))
            return run
        say(f"{NAMES[solver]}: level {level} ({h['goal']}), {remaining:.1f} s left ...")
        if solver == "glpsol":
            st, v, b, secs, note = solve_glpsol(path, remaining, a.gap, work, level)
        elif solver == "cbc":
            st, v, b, secs, note = solve_cbc(path, remaining, a.gap, work, level, cbc)
        else:
            st, v, b, secs, note = solve_highs(path, remaining, a.gap, work, level)
        sign = -1.0 if h["negated"] else 1.0
        v = None if v is None else sign * v
        b = None if b is None else sign * b
        run.seconds += secs
        run.levels.append(Level(h["goal"], st, v, b, secs, note))
        say(f"{NAMES[solver]}: level {level} ({h['goal']}): {st}, value {fmt_value(v)}, {fmt_seconds(secs)}")
        if st != "optimal":
            return run
        level += 1
    return run


# ---------------------------------------------------------------- round figures

def round_figures(a):
    """participants, hosts, candidate stays, from `allvet check`."""
    cmd = [a.allvet, "check", a.instance] + (["--policy", a.policy] if a.policy else [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode == 65:  # an input error: nothing to compare
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit("compare-solvers: allvet check found errors in the round or the policy (above)")
    text = p.stdout
    m = re.search(r"participants:\s*(\d+)\s+hosts:\s*(\d+)", text)
    c = re.search(r"candidate stays:\s*(\d+)", text)
    return (int(m.group(1)) if m else None, int(m.group(2)) if m else None, int(c.group(1)) if c else None)


def policy_goals(policy):
    """The goals' names from the policy file (allvet's default: placed, rank)."""
    try:
        objective = json.load(open(policy)).get("objective") if policy else None
        return [g["goal"] if isinstance(g, dict) else str(g) for g in objective] if objective else ["placed", "rank"]
    except Exception:
        return []


def agree(x, y):
    return x is not None and y is not None and abs(x - y) <= TOLERANCE * max(1.0, abs(x))


def main():
    ap = argparse.ArgumentParser(description="see scripts/compare-solvers.sh --help")
    ap.add_argument("--instance", required=True)
    ap.add_argument("--policy", default="")
    ap.add_argument("--allvet", required=True)
    ap.add_argument("--time-limit", type=float, required=True)
    ap.add_argument("--export-time-limit", type=float, required=True)
    ap.add_argument("--gap", type=float, default=0.0)
    ap.add_argument("--solvers", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--keep", default="")
    a = ap.parse_args()
    solvers = a.solvers.split()

    cbc = None
    if "cbc" in solvers:
        try:
            import pulp
            cbc = pulp.apis.PULP_CBC_CMD().path
        except Exception:
            cbc = None
        if not cbc or not os.access(cbc, os.X_OK):
            cbc = shutil.which("cbc")
        if not cbc:
            say("no CBC binary (PuLP's bundled cbc, or cbc on PATH)")
            return 1

    participants, hosts, candidates = round_figures(a)
    runs = {}
    summary = None
    if "allvet" in solvers:
        say("allvet solve ...")
        runs["allvet"], summary = run_allvet(a, a.work)
        say(f"allvet: {fmt_seconds(runs['allvet'].seconds)}")
        if summary is not None:
            candidates = summary["model"]["columns"]  # model.columns: the time-indexed candidate stays
    models = Models(a, a.work)
    models.goals = [l["goal"] for l in summary["levels"]] if summary is not None else policy_goals(a.policy)
    for s in solvers:
        if s != "allvet":
            runs[s] = run_lexicographic(s, a, models, a.work, cbc)

    goals = models.goals
    if not goals and models.headers:
        count = next(iter(models.headers.values()))["levels"]
        by_level = {lvl: h["goal"] for (lvl, _), h in models.headers.items()}
        goals = [by_level.get(i + 1, f"level {i + 1}") for i in range(count)]

    name = os.path.basename(os.path.normpath(a.instance))
    dims = f" ({participants} × {hosts})" if participants is not None else ""
    policy = os.path.basename(a.policy) if a.policy else "default policy"
    cols = [s for s in ORDER if s in solvers]
    print(f"Goals {', then '.join(goals) or '?'} ({policy}); time limit {fmt_limit(a.time_limit)} per solver, all levels together.")
    print()
    print("| round | candidates | " + " | ".join(NAMES[s] for s in cols) + " |")
    print("|---|---|" + "---|" * len(cols))
    print(f"| `{name}`{dims} | {f'{candidates:,}' if candidates is not None else '–'} | "
          + " | ".join(cell(runs.get(s), a.time_limit, goals) for s in cols) + " |")
    print()

    differ = False
    base = runs.get("allvet")
    for s in cols:
        r = runs[s]
        parts = []
        if r.error:
            parts.append(f"error: {r.error}")
        elif s == "allvet":
            parts.append(f"{fmt_seconds(r.seconds)} end to end (solving the levels "
                         + ", ".join(fmt_seconds(l.seconds) for l in r.levels)
                         + "; the rest is reading, building, writing and verifying)")
        elif base is None or base.error:
            parts.append("no allvet values to compare")
        else:
            checked, bad = [], False
            for i, l in enumerate(r.levels):
                if l.status != "optimal" or i >= len(base.levels) or base.levels[i].status != "optimal":
                    continue
                ok = agree(base.levels[i].value, l.value)
                checked.append(f"{l.goal} {fmt_value(l.value)}" + ("" if ok else f" ≠ allvet's {fmt_value(base.levels[i].value)}"))
                bad |= not ok
            differ |= bad
            parts.append((("DIFFER" if bad else "agree") + " with allvet (" + ", ".join(checked) + ")") if checked
                         else "no proven value to compare with allvet's")
            if r.proven and base.proven and base.seconds > 0:
                parts.append(f"time {fmt_seconds(r.seconds)} ÷ allvet {fmt_seconds(base.seconds)} = {r.seconds / base.seconds:.1f}")
        if not r.error and r.levels and r.levels[-1].status != "optimal":
            l = r.levels[-1]
            if l.status == "nomodel":
                parts.append(f"no model of {l.goal}: {l.note}")
            else:
                parts.append(f"stopped at {l.goal}: {l.status}" + (f", value {fmt_value(l.value)}" if l.value is not None else "")
                             + (f", bound {fmt_value(l.bound)}" if l.bound is not None else "")
                             + (f" ({l.note})" if l.note else "") + f", after {fmt_seconds(r.seconds)}")
        print(f"- {NAMES[s]}: " + "; ".join(parts))
    if a.keep:
        print(f"- files kept in {a.keep}")
    failed = any(r.error for r in runs.values())
    return 1 if differ or failed else 0


if __name__ == "__main__":
    sys.exit(main())
