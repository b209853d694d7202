#!/usr/bin/env python3
"""The other solvers of scripts/compare-solvers.sh: glpsol, CBC and HiGHS, each
run on one level's exported model with a wall-clock limit, returning
(status, value, bound, seconds, detail). Split from compare_solvers.py so
that each file keeps one concern (running the solvers; comparing them).
HiGHS runs in a child Python process (this file with --highs-run) so that a
time limit it overruns can be enforced by killing it."""
import json
import math
import os
import re
import signal
import subprocess
import sys
import time

def run_timed(cmd, timeout, stdout=None, stderr=None, cwd=None):
    """Run cmd in its own process group; returns (exit code or None when killed, wall seconds)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, cwd=cwd, start_new_session=True)
    try:
        rc = p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        rc = None
    except BaseException:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        raise
    return rc, time.perf_counter() - t0


def grace(seconds):
    """How long past its limit a solver may run before it is killed."""
    return 60 + 0.2 * seconds


# ---------------------------------------------------------------- allvet

def solve_glpsol(path, limit, gap, work, level):
    report = os.path.join(work, f"glpsol-level{level}.txt")
    logp = os.path.join(work, f"glpsol-level{level}.log")
    if os.path.exists(report):
        os.remove(report)
    cmd = ["glpsol", "--freemps", path, "--tmlim", str(max(1, int(limit))), "--mipgap", repr(gap), "-o", report]
    with open(logp, "w") as log:
        rc, secs = run_timed(cmd, limit + grace(limit), stdout=log, stderr=subprocess.STDOUT)
    if rc is None:
        return "killed", None, None, secs, ""
    status = value = bound = None
    if os.path.exists(report):
        with open(report) as f:
            for line in f:
                if line.startswith("Status:"):
                    status = line.split(":", 1)[1].strip()
                elif line.startswith("Objective:"):
                    m = re.search(r"=\s*(\S+)", line)
                    value = float(m.group(1)) if m else None
                    break
    # the last progress line "+ N: mip = V >= B ..." (or <=) carries the bound
    for line in open(logp):
        m = re.search(r"mip\s*=\s*(?:\S+|not found yet)\s*[<>]=\s*(\S+)", line)
        if m:
            try:
                bound = float(m.group(1))
            except ValueError:
                pass
    if rc != 0 and status is None:
        return "error", None, None, secs, f"glpsol exited with {rc}: " + open(logp).read().strip()[-200:]
    if status == "INTEGER OPTIMAL":
        return "optimal", value, value, secs, ""
    if status == "INTEGER NON-OPTIMAL":
        return "feasible", value, bound, secs, ""
    if status == "INTEGER EMPTY":
        return "infeasible", None, None, secs, ""
    return "none", None, bound, secs, status or "no report"


def solve_cbc(path, limit, gap, work, level, cbc):
    # CBC (CoinMpsIO) reads a file as fixed MPS unless the NAME card says FREE: a copy says it.
    free = os.path.join(work, f"cbc-level{level}.mps")
    with open(path) as src, open(free, "w") as dst:
        for line in src:
            if line.startswith("NAME") and "FREE" not in line.split()[1:]:
                line = line.rstrip("\n") + " FREE\n"
            dst.write(line)
    sol = os.path.join(work, f"cbc-level{level}.sol")
    logp = os.path.join(work, f"cbc-level{level}.log")
    if os.path.exists(sol):
        os.remove(sol)
    cmd = [cbc, free, "timeMode", "elapsed", "sec", f"{limit:.3f}", "ratioGap", repr(gap), "allowableGap", "0",
           "solve", "solu", sol]
    with open(logp, "w") as log:
        rc, secs = run_timed(cmd, limit + grace(limit), stdout=log, stderr=subprocess.STDOUT)
    os.remove(free)
    if rc is None:
        return "killed", None, None, secs, ""
    text = open(logp).read()
    result = re.search(r"^Result - (.*)$", text, re.M)
    obj = re.search(r"^Objective value:\s*(\S+)", text, re.M)
    low = re.search(r"^Lower bound:\s*(\S+)", text, re.M)
    value = float(obj.group(1)) if obj else None
    bound = float(low.group(1)) if low else None
    if result is None and re.search(r"^Problem is infeasible", text, re.M):
        return "infeasible", None, None, secs, ""
    if result is None:
        return "error", None, None, secs, f"cbc exited with {rc}: " + text.strip()[-200:]
    r = result.group(1)
    if r.startswith("Optimal solution found"):
        return "optimal", value, value, secs, ""
    if "infeasible" in r.lower():
        return "infeasible", None, None, secs, ""
    if "No feasible solution found" in text or value is None:
        return "none", None, bound, secs, r
    return "feasible", value, bound, secs, r


def solve_highs(path, limit, gap, work, level):
    out = os.path.join(work, f"highs-level{level}.json")
    logp = os.path.join(work, f"highs-level{level}.log")
    cmd = [sys.executable, os.path.abspath(__file__), "--highs-run", path, repr(limit), repr(gap), out, logp]
    with open(os.path.join(work, f"highs-level{level}.out"), "w") as o:
        rc, secs = run_timed(cmd, limit + grace(limit), stdout=o, stderr=subprocess.STDOUT)
    if rc is None:
        return "killed", None, None, secs, ""
    if rc != 0 or not os.path.exists(out):
        return "error", None, None, secs, f"highspy run exited with {rc}: " + \
            open(os.path.join(work, f"highs-level{level}.out")).read().strip()[-200:]
    r = json.load(open(out))
    # r["seconds"]: readModel + run inside the child (without Python's start and highspy's import)
    return r["status"], r["value"], r["bound"], r["seconds"], r["model_status"]


def highs_child(path, limit, gap, out, logp):
    import highspy
    t0 = time.perf_counter()
    h = highspy.Highs()
    h.setOptionValue("log_to_console", False)
    h.setOptionValue("log_file", logp)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("mip_rel_gap", float(gap))
    st = h.readModel(path)
    if st == highspy.HighsStatus.kError:
        raise SystemExit(f"HiGHS could not read {path}")
    h.run()
    secs = time.perf_counter() - t0
    ms = h.getModelStatus()
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    value = info.objective_function_value if has_solution else None
    bound = info.mip_dual_bound if math.isfinite(info.mip_dual_bound) else None
    if ms == highspy.HighsModelStatus.kOptimal:
        status = "optimal"
    elif ms == highspy.HighsModelStatus.kInfeasible:
        status = "infeasible"
    elif has_solution:
        status = "feasible"
    else:
        status = "none"
    json.dump({"status": status, "value": value, "bound": bound, "seconds": secs,
               "model_status": h.modelStatusToString(ms)}, open(out, "w"))


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--highs-run":
    path, limit, gap, out, logp = sys.argv[2:7]
    highs_child(path, float(limit), float(gap), out, logp)
