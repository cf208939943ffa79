"""Where the reference runs out of recursion units, budget by budget.

    /usr/bin/python3 scripts/lib/trace_units.py [--ovo-check BIN] [--below N]
                                                [--frames N] JSONL...

For every input line: the smallest budget at which the reference's outcome
is its default one (as scripts/calibrate-frames finds it), then for that
budget and the N below it the reference's outcome line, the innermost
Python frames of the RecursionError behind it (also when a handler turned
it into another exception) and, with --ovo-check, libovo's line.  The
failing call is the one on the innermost frame's line: it needed unit
budget + 1; the frames above it show how deep the Python stack was, the
rest of the units are C calls on checked paths (docs/recursion.md).
"""
import argparse
import subprocess
import sys
import traceback

import inputs
import oracle

_results = []
_render = oracle._render_result


def _capture(result):
    # runs after the budgeted part, so it adds no frame to it
    _results.append(result)
    return _render(result)


oracle._render_result = _capture


def reference(data, budget):
    """(outcome line, the exception the reference raised or None)."""
    _results.clear()
    line = oracle.line_for(data, 10.0, budget)
    r = _results[-1] if _results else None
    exc = None
    if r and r[0] == "reject":
        exc = r[1]
    elif r and r[0] == "accept":
        exc = r[3]
    return line, exc


def recursion_error(exc):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, RecursionError):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def min_budget(data, default):
    lo, hi = 1, oracle.DEFAULT_BUDGET
    while lo < hi:
        mid = (lo + hi) // 2
        if oracle.line_for(data, 10.0, mid) == default:
            hi = mid
        else:
            lo = mid + 1
    return lo


def where(exc, nframes):
    frames = traceback.extract_tb(exc.__traceback__)
    out = []
    # frames[0] is _run_reference, the budget's base
    for depth, fr in list(enumerate(frames))[-nframes:]:
        name = fr.filename.split("dist-packages/")[-1].split("python3.11/")[-1]
        out.append("      depth %3d  %s:%d %s: %s" % (depth, name, fr.lineno, fr.name,
                                                    (fr.line or "").strip()[:60]))
    return out


def ovo_line(binary, data, budget):
    return subprocess.run([binary, "--budget", str(budget), "-"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout.decode().strip()


def main():
    ap = argparse.ArgumentParser(prog="trace_units")
    ap.add_argument("--ovo-check", help="also show libovo's line")
    ap.add_argument("--below", type=int, default=4, help="budgets under the minimum")
    ap.add_argument("--frames", type=int, default=4, help="innermost frames shown")
    ap.add_argument("--warm", type=int, default=8, help="evaluations before measuring")
    ap.add_argument("jsonl", nargs="+")
    args = ap.parse_args()
    oracle.setup()
    for path in args.jsonl:
        for data in inputs.jsonl_lines(path):
            for _ in range(args.warm):
                oracle.line_for(data)
            default = oracle.line_for(data)
            b = min_budget(data, default)
            print("== %s\n   minimum budget %d" % (data[:120].decode("utf-8", "replace"), b))
            for budget in range(b, max(0, b - args.below - 1), -1):
                line, exc = reference(data, budget)
                mark = ""
                if args.ovo_check:
                    got = ovo_line(args.ovo_check, data, budget)
                    mark = "  (libovo agrees)" if got == line else "\n   libovo:    " + got[:160]
                print("   budget %d: %s%s" % (budget, line[:160], mark))
                rec = recursion_error(exc)
                if rec is not None:
                    print("\n".join(where(rec, args.frames)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
