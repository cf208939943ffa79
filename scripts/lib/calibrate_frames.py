"""scripts/calibrate-frames: check libovo's model of the interpreter stack.

CPython raises RecursionError when the recursion units in use would exceed
the limit; where that happens depends on how deep every call the reference
makes goes.  With a small budget even a single flat object runs out, so
sweeping the budget over ordinary inputs tests the modelled depth of every
operation, not only deep chains.  For each input: evaluate it --warm times
(libovo models the warm interpreter), find with the reference the smallest
budget at which its outcome is the default one, then compare ovo-check and
the reference at that budget and the --below budgets under it.  Prints the
mismatches grouped by input family; exit 1 when there are any.  See
docs/recursion.md; scripts/lib/trace_units.py shows where the reference
runs out for given inputs.
"""
import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile

import inputs
import oracle


def min_budget(data, default_line, hi):
    lo = 1
    while lo < hi:
        mid = (lo + hi) // 2
        if oracle.line_for(data, 10.0, mid) == default_line:
            hi = mid
        else:
            lo = mid + 1
    return lo


def main():
    # The order a set is walked in follows the string hash, which Python
    # seeds per process; where that order matters (a set holding None next
    # to strings, docs/recursion.md) a fixed seed keeps runs reproducible.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    ap = argparse.ArgumentParser(prog="calibrate-frames")
    ap.add_argument("--ovo-check", default=os.environ.get("OVO_CHECK", "build/default/ovo-check"))
    ap.add_argument("--below", type=int, default=8, help="budgets checked under the minimum")
    ap.add_argument("--sample", type=int, default=0, help="inputs per file (0: all)")
    ap.add_argument("--show", type=int, default=3, help="examples per group")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--warm", type=int, default=8,
                    help="evaluations of each input before measuring it")
    ap.add_argument("jsonl", nargs="+")
    args = ap.parse_args()

    oracle.setup()
    rng = random.Random(args.seed)
    cases = []  # (family, data)
    for path in args.jsonl:
        lines = inputs.jsonl_lines(path)
        if args.sample and len(lines) > args.sample:
            lines = rng.sample(lines, args.sample)
        fam = os.path.basename(path).split(".")[0]
        cases += [(fam, d) for d in lines]

    wanted = collections.defaultdict(list)  # budget -> [(case index, line)]
    for i, (fam, data) in enumerate(cases):
        # libovo models the warm reference: let every code object on this
        # input's path be quickened and specialized first (CPython 3.11
        # quickens a function on its 8th call; is_compatible, for one, is
        # not on the oracle's warm-up path)
        for _ in range(args.warm):
            oracle.line_for(data)
        default = oracle.line_for(data)
        b = min_budget(data, default, oracle.DEFAULT_BUDGET)
        for budget in range(max(1, b - args.below), b + 1):
            wanted[budget].append((i, oracle.line_for(data, 10.0, budget)))

    mismatches = collections.defaultdict(list)
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for budget in sorted(wanted):
            path = os.path.join(tmp, "in.jsonl")
            with open(path, "wb") as fh:
                for i, _ in wanted[budget]:
                    fh.write(cases[i][1] + b"\n")
            out = subprocess.run([args.ovo_check, "--budget", str(budget), "--jsonl", path],
                                 stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()
            for (i, ref), got in zip(wanted[budget], out):
                checked += 1
                if ref != got:
                    mismatches[cases[i][0]].append((budget, cases[i][1], ref, got))
    total = sum(len(v) for v in mismatches.values())
    print("calibrate-frames: %d inputs, %d (input, budget) pairs, %d mismatches"
          % (len(cases), checked, total))
    for fam, items in sorted(mismatches.items()):
        print("\n== %s: %d mismatches" % (fam, len(items)))
        for budget, data, ref, got in items[:args.show]:
            print("budget %d  input %r" % (budget, data[:300]))
            print("  reference: %s" % ref[:300])
            print("  ovo-check: %s" % got[:300])
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
