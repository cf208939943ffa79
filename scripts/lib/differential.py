"""scripts/differential: ovo-check against the reference oracle.

Both run over the same inputs; their outcome lines are compared one by one.
Prints the agreement and the first divergences with their inputs.  Exit 0
when every line is identical, 1 otherwise.
"""
import argparse
import os
import subprocess
import sys

import inputs


def main():
    ap = argparse.ArgumentParser(prog="differential", description=__doc__.split("\n")[0])
    ap.add_argument("--ovo-check", default=os.environ.get("OVO_CHECK", "build/default/ovo-check"),
                    help="the ovo-check binary (default: %(default)s)")
    ap.add_argument("--show", type=int, default=10, help="divergences to print")
    ap.add_argument("--timeout", default="10", help="reference per-input time limit (s)")
    ap.add_argument("--jsonl", action="append", default=[], help="a JSONL input file")
    ap.add_argument("paths", nargs="*", help="files or directories of inputs")
    args = ap.parse_args()

    specs = [("jsonl", j) for j in args.jsonl] + [("path", p) for p in args.paths]
    if not specs:
        ap.error("no inputs")
    argv = []
    for kind, arg in specs:
        argv += ["--jsonl", arg] if kind == "jsonl" else [arg]
    here = os.path.dirname(os.path.abspath(__file__))
    oracle = subprocess.run(
        [sys.executable, os.path.join(here, "oracle_main.py"), "--timeout", args.timeout] + argv,
        stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()
    ours = subprocess.run([args.ovo_check] + argv, stdout=subprocess.PIPE,
                          check=False).stdout.decode().splitlines()
    labelled = list(inputs.iter_inputs(specs))
    if len(ours) != len(labelled) or len(oracle) != len(labelled):
        print("differential: line counts differ: inputs %d, ovo-check %d, reference %d"
              % (len(labelled), len(ours), len(oracle)))
        return 1
    diverged = [i for i in range(len(labelled)) if ours[i] != oracle[i]]
    total = len(labelled)
    print("differential: %d inputs, %d identical, %d divergent"
          % (total, total - len(diverged), len(diverged)))
    for i in diverged[:args.show]:
        label, data = labelled[i]
        shown = data if len(data) <= 600 else data[:600] + b"..."
        print("\n--- %s" % label)
        print("input:     %r" % shown)
        print("reference: %s" % oracle[i][:2000])
        print("ovo-check: %s" % ours[i][:2000])
    return 1 if diverged else 0


if __name__ == "__main__":
    sys.exit(main())
