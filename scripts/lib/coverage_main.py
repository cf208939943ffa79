"""scripts/coverage: replay the corpora through the coverage build and report
the line coverage of target/ (llvm-cov HTML and a summary)."""
import argparse
import glob
import json
import os
import shutil
import sys

import fuzzlib as fl
from fuzzlib import Error, say

# Targets whose input is a whole document (a primitive), so the conformance
# corpus is meaningful input for them.
DOCUMENT_TARGETS = ("fuzz_primitive", "fuzz_roundtrip", "fuzz_json")

HELP_EPILOG = """\
what it replays (each through build/<preset>/harnesses/fuzz_<t>, the replay
driver built with -fprofile-instr-generate -fcoverage-mapping):
  corpus/seeds/<t>/, corpus/regressions/<t>/inputs/, corpus/coverage/<t>/,
  every --corpus DIR/<t>/
  (e.g. out/corpus, a campaign's working corpus), and the conformance inputs
  (corpus/conformance/*.jsonl, one file per line under out/coverage/conformance/)
  for the targets that take a whole primitive (%s).
  ovo-check of the same build also replays the conformance corpus in both modes
  (--no-ovo-check to leave it out); its share is printed separately.

what it prints: the commands, llvm-cov's per-file table for target/, the line
coverage of target/ from the harness replays (the goal is >= 95%%) and with
ovo-check added, and where the HTML report is (out/coverage/html/index.html).
Profiles: LLVM_PROFILE_FILE=out/coverage/profraw/%%m-%%p.profraw, merged with
llvm-profdata-14 into out/coverage/coverage.profdata.

exit status: 0, or 1 on an error (no coverage preset, failed build, no
profile), or 2 with --fail-under when the line coverage is below it.
""" % ", ".join(DOCUMENT_TARGETS)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/coverage", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Replay seeds, regressions and conformance inputs through the coverage "
                    "build; print the line coverage of target/ and write llvm-cov HTML.",
        epilog=HELP_EPILOG)
    ap.add_argument("targets", nargs="*", metavar="TARGET", help="targets (default: all)")
    ap.add_argument("--preset", default="coverage", help="coverage build preset (default: %(default)s)")
    ap.add_argument("--out", default=os.path.join(fl.OUT_DIR, "coverage"), metavar="DIR",
                    help="output directory (default: out/coverage)")
    ap.add_argument("--corpus", action="append", default=[], metavar="DIR",
                    help="also replay DIR/<target>/ (repeatable), e.g. out/corpus")
    ap.add_argument("--no-conformance", action="store_true", help="leave the conformance inputs out")
    ap.add_argument("--no-ovo-check", action="store_true", help="do not replay through ovo-check")
    ap.add_argument("--timeout", type=int, default=fl.DEFAULT_TIMEOUT, metavar="SECONDS",
                    help="per-input time limit of the replay driver (default: %(default)s)")
    ap.add_argument("--fail-under", type=float, metavar="PCT",
                    help="exit 2 when the line coverage of target/ is below PCT")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--no-setup", action="store_true", help="do not install Debian packages")
    return ap.parse_args(argv)


def llvm_tool(name):
    t = fl.tool(name + "-14", name)
    if not t:
        raise Error("%s-14 not found (Debian package llvm-14 / llvm)" % name)
    return t


def split_conformance(dest):
    """Every line of corpus/conformance/*.jsonl as a file (the replay driver
    takes files and directories).  Rewritten only when a family changed."""
    os.makedirs(dest, exist_ok=True)
    total = 0
    for jl in sorted(glob.glob(os.path.join(fl.CONFORMANCE_DIR, "*.jsonl"))):
        fam = os.path.basename(jl)[:-len(".jsonl")]
        d = os.path.join(dest, fam)
        stamp = os.path.join(d, ".source-sha1")
        digest = fl.sha1_file(jl)
        if os.path.exists(stamp) and open(stamp).read().strip() == digest:
            total += len(os.listdir(d)) - 1
            continue
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        with open(jl, "rb") as fh:
            lines = fh.read().split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        for i, line in enumerate(lines, 1):
            with open(os.path.join(d, "%06d" % i), "wb") as out:
                out.write(line)
        with open(stamp, "w") as fh:
            fh.write(digest + "\n")
        total += len(lines)
    return total


def replay(binary, inputs, profdir, timeout, label):
    """Replay directories through a coverage binary; when the driver stops
    on a failing input, replay the rest file by file so the profile stays
    complete.  Returns the number of failing inputs."""
    env = {"LLVM_PROFILE_FILE": os.path.join(profdir, "%m-%p.profraw")}
    cmd = [binary, "-timeout=%d" % timeout] + inputs
    fl.show_cmd(cmd, env)
    out = fl.execute(cmd, env=env, timeout=None)
    if out.rc == 0:
        return 0
    say("   %s: replay exit %d; replaying its inputs one by one" % (label, out.rc))
    failed = total = 0
    for d in inputs:
        for f in fl.list_files(d):
            total += 1
            o = fl.execute([binary, "-timeout=%d" % timeout, f], env=env, timeout=timeout * 2 + 10)
            if o.rc != 0:
                failed += 1
                if failed <= 5:
                    c = fl.classify(o)
                    say("   %s: %s: %s" % (label, fl.rel(f), c.signature))
    say("   %s: %d of %d inputs failed (their coverage is lost: the process died); "
        "scripts/triage them" % (label, failed, total))
    return failed


def file_list(out, name, paths):
    """A response file for llvm-profdata merge -f (one path a line)."""
    p = os.path.join(out, name)
    with open(p, "w") as fh:
        fh.write("\n".join(paths) + "\n")
    return p


def target_sources():
    """The source filter: target/ (llvm-cov takes directories)."""
    return [os.path.join(fl.ROOT, "target")]


def summary(llvm_cov, profdata, objects, sources):
    cmd = [llvm_cov, "export", "-summary-only", "-instr-profile=%s" % profdata, objects[0]]
    for o in objects[1:]:
        cmd += ["-object", o]
    cmd += sources
    r = fl.run(cmd, capture=True, quiet=True)
    data = json.loads(r.stdout.decode())
    return data["data"][0]["totals"], cmd


def main(argv):
    args = parse_args(argv)
    if not args.no_setup:
        fl.need_packages(fl.build_packages())
    if not fl.has_preset(args.preset):
        raise Error("CMakePresets.json has no '%s' preset" % args.preset)
    targets = fl.resolve_targets(args.targets, args.preset)
    if not args.no_build:
        say("== build: preset %s" % args.preset)
        want = list(targets) + ([] if args.no_ovo_check else ["ovo-check"])
        fl.build(args.preset, want)
    profdata_tool = llvm_tool("llvm-profdata")
    llvm_cov = llvm_tool("llvm-cov")

    out = os.path.abspath(args.out)
    prof_h = os.path.join(out, "profraw")
    prof_c = os.path.join(out, "profraw-ovo-check")
    for d in (prof_h, prof_c):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)

    conf = os.path.join(out, "conformance")
    nconf = 0
    if not args.no_conformance:
        nconf = split_conformance(conf)
        say("== conformance: %d inputs in %s" % (nconf, fl.rel(conf)))

    say("== replay")
    objects = []
    failures = 0
    for t in targets:
        b = fl.binary(args.preset, t)
        if not b:
            raise Error("no %s binary for %s under %s" % (args.preset, t, fl.rel(fl.preset_binary_dir(args.preset))))
        inputs = [d for d in (fl.seeds_dir(t), fl.regressions_dir(t), fl.coverage_corpus_dir(t))
                  if fl.nonempty_dir(d)]
        for c in args.corpus:
            d = os.path.join(c, t)
            if fl.nonempty_dir(d):
                inputs.append(d)
        if nconf and t in DOCUMENT_TARGETS:
            inputs.append(conf)
        objects.append(b)
        if not inputs:
            say("   %s: no inputs" % t)
            continue
        failures += replay(b, inputs, prof_h, args.timeout, t)

    ovo_check = None if args.no_ovo_check else os.path.join(fl.preset_binary_dir(args.preset), "ovo-check")
    if ovo_check and not os.path.isfile(ovo_check):
        say("   (no ovo-check in the %s build)" % args.preset)
        ovo_check = None
    if ovo_check and not args.no_conformance:
        env = {"LLVM_PROFILE_FILE": os.path.join(prof_c, "%m-%p.profraw")}
        jsonl = sorted(glob.glob(os.path.join(fl.CONFORMANCE_DIR, "*.jsonl")))
        for mode in ("reference", "strict"):
            cmd = [ovo_check, "--mode", mode]
            for j in jsonl:
                cmd += ["--jsonl", j]
            fl.show_cmd(cmd, env, suffix=">/dev/null")
            o = fl.execute(cmd, env=env)
            if o.rc != 0:
                failures += 1
                say("   ovo-check --mode %s: exit %d" % (mode, o.rc))

    raws = glob.glob(os.path.join(prof_h, "*.profraw"))
    if not raws:
        raise Error("no profiles were written (is %s a coverage build?)" % args.preset)
    say("== merge and report")
    pd_h = os.path.join(out, "coverage.profdata")
    fl.run([profdata_tool, "merge", "-sparse", "-o", pd_h, "-f", file_list(out, "profraw.txt", raws)])
    sources = target_sources()

    def objargs(objs):
        a = [objs[0]]
        for o in objs[1:]:
            a += ["-object", o]
        return a

    r = fl.run([llvm_cov, "report", "-instr-profile=%s" % pd_h] + objargs(objects) + sources, capture=True)
    table = r.stdout.decode("utf-8", "replace").replace(fl.ROOT + "/", "")
    say(table.rstrip())
    html = os.path.join(out, "html")
    shutil.rmtree(html, ignore_errors=True)
    fl.run([llvm_cov, "show", "-format=html", "-output-dir=%s" % html, "-instr-profile=%s" % pd_h,
            "-show-line-counts-or-regions", "-show-instantiation-summary",
            "-project-title=ovofuzz: libovo (target/)"] + objargs(objects) + sources, capture=True)
    totals, _ = summary(llvm_cov, pd_h, objects, sources)
    with_c = None
    craws = glob.glob(os.path.join(prof_c, "*.profraw"))
    if ovo_check and craws:
        pd_c = os.path.join(out, "coverage-with-ovo-check.profdata")
        fl.run([profdata_tool, "merge", "-sparse", "-o", pd_c, "-f",
                file_list(out, "profraw-with-ovo-check.txt", raws + craws)])
        lib_sources = [os.path.join(fl.ROOT, "target", d) for d in ("src", "include")]
        with_c, _ = summary(llvm_cov, pd_c, objects + [ovo_check], lib_sources)
    with open(os.path.join(out, "summary.json"), "w") as fh:
        json.dump({"harnesses": totals, "with_ovo_check": with_c, "targets": targets,
                   "conformance_inputs": nconf, "replay_failures": failures}, fh, indent=1)

    lines = totals["lines"]
    say()
    what = "seeds, regressions, coverage corpus" + (", conformance" if nconf else "") + "".join(
        ", " + fl.rel(c) for c in args.corpus)
    say("line coverage of target/ (harness replays: %s): %.2f%% (%d/%d lines)%s"
        % (what, lines["percent"], lines["covered"], lines["count"],
           "" if lines["percent"] >= 95 else "  [goal: >= 95%]"))
    say("  functions %.2f%%, regions %.2f%%, branches %.2f%%" % (
        totals["functions"]["percent"], totals["regions"]["percent"],
        totals.get("branches", {}).get("percent", 0.0)))
    if with_c:
        say("with ovo-check over the conformance corpus too (target/src, target/include): %.2f%% (%d/%d lines)"
            % (with_c["lines"]["percent"], with_c["lines"]["covered"], with_c["lines"]["count"]))
    if failures:
        say("%d input(s) failed during replay (see above); the figures miss what they cover" % failures)
    say("HTML: %s" % fl.rel(os.path.join(html, "index.html")))
    if args.fail_under is not None and lines["percent"] < args.fail_under:
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Error as e:
        print("coverage: error: %s" % e, file=sys.stderr)
        sys.exit(1)
