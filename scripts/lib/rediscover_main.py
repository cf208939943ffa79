"""scripts/rediscover: how long fuzzing takes to find each documented bypass.

For every (rule, target) pair below, runs `scripts/fuzz --abort-on
'<glob>' TARGET`, which starts from the committed seeds and dictionaries
alone (a fresh working corpus) and stops at the first finding whose
signature matches; prints a Markdown table of the times.  docs/findings.md
quotes one such run.
"""
import argparse
import concurrent.futures
import fnmatch
import glob
import json
import os
import subprocess
import sys
import time

import fuzzlib as fl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (signature glob, target): the general target first, then the one made for
# the surface where there is one.
HUNTS = [
    ("bypass:*uuid.noncanonical*", "fuzz_primitive"), ("bypass:*uuid.noncanonical*", "fuzz_uuid"),
    ("bypass:*uuid.unchecked*", "fuzz_primitive"),
    ("bypass:*version.not-major-minor*", "fuzz_primitive"),
    ("bypass:*version.not-major-minor*", "fuzz_version"),
    ("bypass:*miscdict.not-a-dict*", "fuzz_primitive"),
    ("bypass:*miscdict.not-a-dict*", "fuzz_port_binding"),
    ("bypass:*miscdict.not-a-dict*", "fuzz_misc_dict"),
    ("bypass:*null.non-nullable*", "fuzz_misc_dict"),
    ("bypass:*json.nonfinite*", "fuzz_primitive"),
    ("bypass:*json.duplicate-key*", "fuzz_primitive"),
    ("bypass:*string.from-non-string*", "fuzz_primitive"),
    ("bypass:*string.nul*", "fuzz_primitive"),
    ("bypass:*string.lone-surrogate*", "fuzz_primitive"),
    ("bypass:*int.coerced*", "fuzz_primitive"),
    ("bypass:*int.out-of-range*", "fuzz_primitive"),
    ("bypass:*int.bool*", "fuzz_primitive"),
    ("bypass:*bool.from-non-bool*", "fuzz_primitive"),
    ("bypass:*portrange.noncanonical*", "fuzz_primitive"),
    ("bypass:*portrange.bool*", "fuzz_primitive"),
    ("bypass:*ip.ambiguous*", "fuzz_primitive"), ("bypass:*ip.ambiguous*", "fuzz_netaddr"),
    ("bypass:*ipnet.noncanonical*", "fuzz_primitive"),
    ("bypass:*ipnet.noncanonical*", "fuzz_netaddr"),
    ("bypass:*mac.ambiguous*", "fuzz_primitive"), ("bypass:*mac.ambiguous*", "fuzz_netaddr"),
    ("bypass:*datetime.noncanonical*", "fuzz_primitive"),
    ("bypass:*datetime.offset-dropped*", "fuzz_primitive"),
    ("bypass:*datetime.offset-dropped*", "fuzz_datetime"),
    ("bypass:*datetime.short-year*", "fuzz_datetime"),
    ("bypass:*domain.invalid*", "fuzz_primitive"),
    ("bypass:*list.from-non-list*", "fuzz_primitive"),
    ("bypass:*set.merged*", "fuzz_primitive"),
    ("bypass:*data.not-a-dict*", "fuzz_primitive"),
    ("bypass:*changes.not-a-list*", "fuzz_primitive"),
    ("crash.recursion", "fuzz_primitive"),
    ("crash.int.overflow", "fuzz_primitive"),
    ("crash.set.unhashable", "fuzz_primitive"),
    ("crash.ip.type", "fuzz_primitive"),
]


def hunt(args, glob_, target, index):
    out = os.path.join(args.out, "%02d" % index)
    cmd = [os.path.join(ROOT, "scripts", "fuzz"), "--no-setup", "--no-build", "-j", "1",
           "-t", "%ds" % args.time, "--abort-on", glob_, "--out", out, target]
    t0 = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    found = None
    errors = []
    for path in glob.glob(os.path.join(out, "*", "summary.json")):
        with open(path) as fh:
            summary = json.load(fh)
        errors += [e.splitlines()[0] for e in summary.get("errors", [])]
        for f in summary.get("findings", []):
            if fnmatch.fnmatchcase(f["signature"], glob_):
                if found is None or f["first"] < found[0]:
                    found = (f["first"], os.path.relpath(f["reproducer"], ROOT))
    return glob_, target, found, wall, errors


def main():
    ap = argparse.ArgumentParser(prog="rediscover", description=__doc__.split("\n")[0])
    ap.add_argument("--time", type=int, default=600, help="cap per hunt, seconds (default 600)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", default=os.path.join(ROOT, "out", "rediscover"))
    ap.add_argument("--no-build", action="store_true", help="use the libFuzzer binaries already built")
    ap.add_argument("only", nargs="*", help="substrings selecting hunts (default: all)")
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    hunts = [h for h in HUNTS if not args.only or any(o in h[0] or o in h[1] for o in args.only)]
    if not args.no_build:
        # the hunts run with --no-build: one build first, so none times a stale binary
        fl.say("== build: preset libfuzzer")
        fl.build("libfuzzer", sorted({t for _, t in hunts}))
    print("rediscover: %d hunts, at most %d s each, %d at once; seeds and dictionaries only"
          % (len(hunts), args.time, args.jobs), flush=True)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(hunt, args, g, t, i) for i, (g, t) in enumerate(hunts)]
        results = [f.result() for f in futures]
    print("\n| signature | target | time to first find | reproducer |\n|---|---|---|---|")
    failed = 0
    for glob_, target, found, wall, errors in results:
        if found:
            when = "%.1f s" % found[0]
        elif errors:
            when = "run failed: " + "; ".join(errors)
            failed += 1
        else:
            when = "not within %d s" % args.time
        print("| `%s` | %s | %s | %s |" % (glob_, target, when, found[1] if found else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
