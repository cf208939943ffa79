"""scripts/triage: reproduce, classify, de-duplicate and minimize crash and
finding files; write a Markdown and a SARIF 2.1.0 report.  Inputs are never
modified or deleted: minimized copies go into the report directory."""
import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import re
import shutil
import sys
import tempfile
import time

import fuzzlib as fl
import sarif
from fuzzlib import Error, say

HELP_EPILOG = """\
what it does, per input file:
  1. reproduce on the replay build (build/<preset>/harnesses/fuzz_<t>; preset
     `asan` = ASan+UBSan when it exists, else `default`), with -print_findings
     and a per-input time limit;
  2. classify: sanitizer report (kind and top frames), oracle failure
     (`ovofuzz: oracle <name>:`), leak, timeout (replay exit 70), OOM (RSS over
     the limit or an allocator report), a bypass/crash/diff finding signature,
     or "did not reproduce";
  3. de-duplicate by that signature, keeping the smallest input as the
     representative;
  4. minimize the representatives (faults first, then the findings with the
     fewest rules; at most --minimize-limit) with libFuzzer (-minimize_crash steps on
     build/libfuzzer, one step at a time) or afl-tmin (build/afl); after every
     step the candidate is replayed on the replay build and kept only if its
     classification is unchanged.  Bypass findings are minimized as crashes by
     setting OVO_ABORT_ON to their signature;
  5. write report.md, report.sarif (SARIF 2.1.0), triage.json and
     minimized/<n>-<name>.min into the report directory.

The target of each file is taken from --target or from its path (a path
component naming a target: out/fuzz/<run>/findings/fuzz_uuid/...,
corpus/regressions/fuzz_uuid/inputs/...).

exit status: 0 when every input was triaged (whatever was found), 1 on an
error (unreadable input, unknown target, failed build).
"""


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/triage", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Reproduce, classify, de-duplicate and minimize crash and finding files "
                    "(files or directories, e.g. a campaign's out/fuzz/<run>); report in "
                    "Markdown and SARIF 2.1.0.",
        epilog=HELP_EPILOG)
    ap.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to triage")
    ap.add_argument("--target", help="the target for every input (fuzz_uuid or uuid)")
    ap.add_argument("--preset", help="replay build preset (default: asan if present, else default)")
    ap.add_argument("--out", metavar="DIR", help="report directory (default: out/triage/<time>)")
    ap.add_argument("--timeout", type=int, default=fl.DEFAULT_TIMEOUT, metavar="SECONDS",
                    help="per-input time limit on replay (default: %(default)s)")
    ap.add_argument("--rss-limit-mb", type=int, default=fl.DEFAULT_RSS_LIMIT_MB, metavar="MB",
                    help="memory limit; above it an input is an OOM (default: %(default)s)")
    ap.add_argument("--minimizer", choices=("libfuzzer", "afl"), default="libfuzzer",
                    help="libFuzzer -minimize_crash steps or afl-tmin (default: %(default)s)")
    ap.add_argument("--no-minimize", action="store_true", help="skip minimization")
    ap.add_argument("--minimize-time", type=int, default=60, metavar="SECONDS",
                    help="minimization budget per signature (default: %(default)s)")
    ap.add_argument("--minimize-limit", type=int, default=40, metavar="N",
                    help="minimize at most N signatures, faults first (default: %(default)s; "
                         "-1: all)")
    ap.add_argument("-j", "--jobs", type=int, default=fl.nproc(), metavar="N",
                    help="replays and minimizations at once (default: all cores)")
    ap.add_argument("--max-inputs", type=int, default=2000, metavar="N",
                    help="triage at most N files (default: %(default)s)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--no-setup", action="store_true", help="do not install Debian packages")
    return ap.parse_args(argv)


# --- inputs -----------------------------------------------------------------

def infer_target(path, known):
    parts = os.path.abspath(path).split(os.sep)
    for comp in reversed(parts[:-1]):
        if comp in known:
            return comp
        if "fuzz_" + comp in known and comp not in ("inputs", "expected"):
            return "fuzz_" + comp
    base = os.path.basename(path)
    for t in known:
        if base.startswith(t + "-") or base.startswith(t + "."):
            return t
    return None


def is_campaign_dir(d):
    return os.path.isdir(os.path.join(d, "logs")) and any(
        os.path.isdir(os.path.join(d, x)) for x in ("findings", "artifacts", "afl"))


def campaign_files(d):
    """What a scripts/fuzz run directory holds that can be a reproducer: the
    findings, the libFuzzer artifacts, AFL++'s crashes and hangs."""
    files = []
    for sub in ("findings", "artifacts"):
        if os.path.isdir(os.path.join(d, sub)):
            files += fl.list_files(os.path.join(d, sub))
    for kind in ("crashes", "hangs"):
        files += sorted(glob.glob(os.path.join(d, "afl", "*", "*", kind, "id:*")))
    return files


def collect(args, known, out_dir):
    files = []
    for p in args.paths:
        if not os.path.exists(p):
            raise Error("%s: no such file or directory" % p)
        if os.path.isdir(p) and is_campaign_dir(p):
            found = campaign_files(p)
        elif os.path.isdir(p) and any(is_campaign_dir(os.path.join(p, c)) for c in os.listdir(p)):
            found = []     # out/fuzz: every run in it
            for c in sorted(os.listdir(p)):
                if not os.path.islink(os.path.join(p, c)) and is_campaign_dir(os.path.join(p, c)):
                    found += campaign_files(os.path.join(p, c))
        else:
            found = fl.list_files(p)
        for f in found:
            a = os.path.abspath(f)
            if a.startswith(os.path.abspath(out_dir) + os.sep):
                continue
            if re.search(r"/corpus/regressions/[^/]+/expected/", a):
                continue
            files.append(a)
    seen = set()
    uniq = []
    for f in files:
        if f not in seen:
            seen.add(f)
            uniq.append(f)
    if len(uniq) > args.max_inputs:
        say("== %d files; triaging the first %d (--max-inputs)" % (len(uniq), args.max_inputs))
        uniq = uniq[:args.max_inputs]
    pairs = []
    unknown = []
    forced = fl.resolve_targets([args.target])[0] if args.target else None
    for f in uniq:
        t = forced or infer_target(f, known)
        if not t:
            unknown.append(f)
        else:
            pairs.append((f, t))
    if unknown:
        raise Error("cannot tell the target of %d file(s) from their path; pass --target:\n  %s"
                    % (len(unknown), "\n  ".join(fl.rel(u) for u in unknown[:10])))
    return pairs


# --- reproduction -----------------------------------------------------------

class Replayer:
    def __init__(self, preset, args):
        self.preset = preset
        self.args = args
        self._print_findings = {}

    def binary(self, target):
        b = fl.binary(self.preset, target)
        if not b:
            raise Error("no %s binary for %s under %s" % (self.preset, target,
                                                          fl.rel(fl.preset_binary_dir(self.preset))))
        return b

    def supports_print_findings(self, b):
        if b not in self._print_findings:
            out = fl.execute([b, "-help=1"], timeout=10)
            self._print_findings[b] = "print_findings" in out.output
        return self._print_findings[b]

    def command(self, target, path):
        b = self.binary(target)
        cmd = [b]
        if self.supports_print_findings(b):
            cmd.append("-print_findings=1")
        cmd += ["-timeout=%d" % self.args.timeout, path]
        return cmd

    def env(self, target):
        env = fl.sanitizer_env(fl.read_options(target), rss_limit_mb=self.args.rss_limit_mb)
        env["OVO_FUZZ_VERBOSE"] = "1"
        return env

    def run(self, target, path):
        out = fl.execute(self.command(target, path), env=self.env(target),
                         timeout=self.args.timeout * 2 + 10)
        return fl.classify(out, rss_limit_mb=self.args.rss_limit_mb), out


# --- minimization -----------------------------------------------------------

class Minimizer:
    def __init__(self, args, replayer, workdir):
        self.args = args
        self.replayer = replayer
        self.workdir = workdir

    def binary(self, target):
        preset = "libfuzzer" if self.args.minimizer == "libfuzzer" else "afl"
        return fl.binary(preset, target) if fl.has_preset(preset) else None

    def abort_env(self, c):
        env = {}
        if c.kind == "finding":
            env["OVO_ABORT_ON"] = ",".join(c.findings)
        elif c.kind == "abort-on":
            env["OVO_ABORT_ON"] = c.signature
        return env

    def same(self, c, c2):
        if c.kind in ("finding", "abort-on"):
            return c2.kind in ("finding", "abort-on") and sorted(c2.findings) == sorted(c.findings)
        return c2.kind == c.kind and c2.signature == c.signature

    def minimize(self, target, path, c, dest):
        """Returns a dict describing what happened; writes dest when smaller."""
        b = self.binary(target)
        info = {"minimizer": self.args.minimizer, "steps": 0, "rejected": 0, "verified": False,
                "from_bytes": os.path.getsize(path), "to_bytes": os.path.getsize(path), "path": None,
                "note": ""}
        if not b:
            info["note"] = "no %s build of %s" % (self.args.minimizer, target)
            return info
        if os.path.getsize(path) <= 1:
            info["note"] = "already minimal"
            return info
        tmp = tempfile.mkdtemp(prefix="min-", dir=self.workdir)
        cur = os.path.join(tmp, "cur")
        shutil.copyfile(path, cur)
        deadline = time.monotonic() + self.args.minimize_time
        env = fl.sanitizer_env(fl.read_options(target), rss_limit_mb=self.args.rss_limit_mb)
        env.update(self.abort_env(c))
        if self.args.minimizer == "afl":
            env.update({"ASAN_OPTIONS": "abort_on_error=1:symbolize=0:detect_leaks=0:allocator_may_return_null=1",
                        "UBSAN_OPTIONS": "halt_on_error=1:abort_on_error=1:symbolize=0",
                        "AFL_SKIP_CPUFREQ": "1", "AFL_NO_AFFINITY": "1"})
            cand = os.path.join(tmp, "cand")
            cmd = ["afl-tmin", "-i", cur, "-o", cand, "-m", "none", "-t", str(self.args.timeout * 1000),
                   "--", b]
            fl.show_cmd(cmd, env)
            r = fl.execute(cmd, env=env, timeout=max(10, deadline - time.monotonic()))
            if os.path.exists(cand) and os.path.getsize(cand) < os.path.getsize(cur):
                c2, _ = self.replayer.run(target, cand)
                if self.same(c, c2):
                    shutil.copyfile(cand, cur)
                    info["steps"] = 1
                else:
                    info["rejected"] = 1
                    info["note"] = "afl-tmin's result classifies as %s" % c2.signature
            elif r.rc != 0:
                info["note"] = "afl-tmin exit %d: %s" % (r.rc, r.output.strip().splitlines()[-1:] or "")
        else:
            step = 0
            failures = 0
            while time.monotonic() < deadline and failures < 3 and step < 200:
                step += 1
                cand = os.path.join(tmp, "cand-%d" % step)
                left = deadline - time.monotonic()
                cmd = [b, "-minimize_crash_internal_step=1", "-runs=20000", "-seed=%d" % step,
                       "-timeout=%d" % self.args.timeout, "-rss_limit_mb=%d" % self.args.rss_limit_mb,
                       "-max_total_time=%d" % max(1, int(left)), "-exact_artifact_path=%s" % cand, cur]
                if step == 1:
                    fl.show_cmd(cmd, env)  # later steps differ in -seed and the paths
                fl.execute(cmd, env=env, timeout=left + self.args.timeout + 10)
                if not os.path.exists(cand) or os.path.getsize(cand) >= os.path.getsize(cur):
                    failures += 1
                    continue
                c2, _ = self.replayer.run(target, cand)
                if self.same(c, c2):
                    shutil.copyfile(cand, cur)
                    info["steps"] += 1
                    failures = 0
                else:
                    info["rejected"] += 1
                    failures += 1
        final, _ = self.replayer.run(target, cur)
        info["verified"] = self.same(c, final)
        info["to_bytes"] = os.path.getsize(cur)
        if info["verified"] and info["to_bytes"] < info["from_bytes"]:
            shutil.copyfile(cur, dest)
            info["path"] = dest
        elif not info["note"]:
            info["note"] = "no smaller input with the same classification"
        shutil.rmtree(tmp, ignore_errors=True)
        return info


# --- report -------------------------------------------------------------------

def level_of(kind):
    if kind in ("finding", "abort-on"):
        return "warning"
    if kind == "ok":
        return "note"
    return "error"


def rule_of(c):
    if c.kind in ("finding", "abort-on"):
        return c.signature if " " not in c.signature else "finding.multiple"
    return c.signature.split("@")[0]


def write_reports(out_dir, groups, clean, replayer, args, pairs):
    md = []
    md.append("# Triage report\n")
    md.append("%d input(s), %d signature(s); replay build `%s`; minimizer %s.\n"
              % (len(pairs), len(groups), fl.rel(fl.preset_binary_dir(replayer.preset)),
                 "none" if args.no_minimize else args.minimizer))
    md.append("| # | kind | signature | target | inputs | smallest reproducer | minimized |")
    md.append("|---|---|---|---|---|---|---|")
    for n, g in enumerate(groups, 1):
        m = g.get("min") or {}
        mtxt = ("`%s` (%d -> %d bytes)" % (fl.rel(m["path"]), m["from_bytes"], m["to_bytes"])
                if m.get("path") else (m.get("note") or "-"))
        md.append("| %d | %s | `%s` | %s | %d | `%s` | %s |" % (
            n, g["c"].kind, g["c"].signature, ", ".join(sorted(g["targets"])), len(g["files"]),
            fl.rel(g["rep"]), mtxt))
    md.append("")
    for n, g in enumerate(groups, 1):
        c = g["c"]
        md.append("## %d. `%s`\n" % (n, c.signature))
        md.append("- kind: %s (%s)" % (c.kind, "a fault of libovo or the harness" if c.is_fault
                                       else "a finding about the reference"))
        md.append("- summary: %s" % c.summary)
        md.append("- targets: %s" % ", ".join(sorted(g["targets"])))
        md.append("- reproduce: `%s`" % fl.fmt_cmd(replayer.command(g["target"], g["rep"]),
                                                    {k: v for k, v in replayer.env(g["target"]).items()
                                                     if k.startswith("OVO_")}))
        m = g.get("min")
        if m:
            if m.get("path"):
                md.append("- minimized: `%s` (%d -> %d bytes, %d step(s), %d rejected, re-verified)"
                          % (fl.rel(m["path"]), m["from_bytes"], m["to_bytes"], m["steps"], m["rejected"]))
            else:
                md.append("- minimized: no (%s)" % m.get("note"))
        keep = (m or {}).get("path") or g["rep"]
        md.append("- keep it as a regression input: `scripts/add-regression %s %s`"
                  % (g["target"], fl.rel(keep)))
        fr = fl.useful_frames(c.frames)[:8] or c.frames[:8]
        if fr:
            md.append("- top frames:")
            for f in fr:
                loc = "%s:%s" % (f["file"], f["line"]) if f.get("file") else "?"
                md.append("  - `%s` %s" % (f["func"], loc))
        md.append("- inputs (%d):" % len(g["files"]))
        for f in g["files"][:20]:
            md.append("  - `%s`" % fl.rel(f))
        if len(g["files"]) > 20:
            md.append("  - ... %d more (triage.json)" % (len(g["files"]) - 20))
        if c.report:
            md.append("\n```\n%s\n```" % c.report.strip()[:6000])
        md.append("")
    if clean:
        md.append("## Did not reproduce (%d)\n" % len(clean))
        md.append("These ran cleanly on the replay build with no finding:\n")
        for f, t in clean[:100]:
            md.append("- `%s` (%s)" % (fl.rel(f), t))
        md.append("")
    with open(os.path.join(out_dir, "report.md"), "w") as fh:
        fh.write("\n".join(md))

    log = sarif.Log("ovofuzz-triage", "1", "https://github.com/ovofuzz/ovofuzz", fl.ROOT)
    for g in groups:
        c = g["c"]
        rid = rule_of(c)
        lvl = level_of(c.kind)
        log.rule(rid, "%s found by fuzzing" % (c.kind if c.kind != "finding" else "validation bypass"),
                 full=c.summary, level=lvl, tags=(c.kind, "fuzzing"))
    for g in groups:
        c = g["c"]
        m = g.get("min") or {}
        repros = ([m["path"]] if m.get("path") else []) + [g["rep"]] + [f for f in g["files"] if f != g["rep"]]
        log.result(rule_of(c), level_of(c.kind),
                   "%s (%s; %d input(s); target %s)" % (c.summary, c.signature, len(g["files"]),
                                                       ", ".join(sorted(g["targets"]))),
                   c.frames, repros, c.signature, primary_frames=fl.useful_frames(c.frames),
                   properties={"kind": c.kind, "targets": sorted(g["targets"]), "inputs": len(g["files"]),
                               "findings": c.findings})
    log.write(os.path.join(out_dir, "report.sarif"))

    data = {"groups": [{"signature": g["c"].signature, "classification": g["c"].to_json(),
                        "targets": sorted(g["targets"]), "inputs": [fl.rel(f) for f in g["files"]],
                        "representative": fl.rel(g["rep"]),
                        "minimized": dict(g["min"], path=fl.rel(g["min"]["path"]) if g["min"].get("path") else None)
                        if g.get("min") else None} for g in groups],
            "did_not_reproduce": [fl.rel(f) for f, _ in clean]}
    with open(os.path.join(out_dir, "triage.json"), "w") as fh:
        json.dump(data, fh, indent=1)


def main(argv):
    args = parse_args(argv)
    if not args.no_setup:
        pkgs = fl.build_packages()
        if args.minimizer == "afl" and not args.no_minimize and "afl++" not in pkgs:
            pkgs.append("afl++")
        fl.need_packages(pkgs)
    preset = args.preset or ("asan" if fl.has_preset("asan") and fl.tool("clang") else "default")
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir = os.path.abspath(args.out or os.path.join(fl.OUT_DIR, "triage", stamp))
    known = fl.all_targets(preset)
    pairs = collect(args, known, out_dir)
    if not pairs:
        raise Error("no input files under %s" % " ".join(args.paths))
    targets = sorted({t for _, t in pairs})
    say("== triage: %d input(s) for %s" % (len(pairs), ", ".join(targets)))
    if not args.no_build:
        say("== build: preset %s" % preset)
        fl.build(preset, targets)
        if not args.no_minimize:
            mp = "libfuzzer" if args.minimizer == "libfuzzer" else "afl"
            if fl.has_preset(mp):
                say("== build: preset %s (minimizer)" % mp)
                fl.build(mp, targets)
    os.makedirs(os.path.join(out_dir, "minimized"), exist_ok=True)
    replayer = Replayer(preset, args)
    for t in targets:
        replayer.binary(t)

    say("== reproduce on %s" % fl.rel(fl.preset_binary_dir(preset)))
    groups = {}
    clean = []
    fl.show_cmd(replayer.command(pairs[0][1], pairs[0][0]),
                {k: v for k, v in replayer.env(pairs[0][1]).items() if k.startswith("OVO_")})
    if len(pairs) > 1:
        say("   ... and the same for the other %d input(s), %d at a time" % (len(pairs) - 1, args.jobs))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(lambda ft: replayer.run(ft[1], ft[0])[0], pairs))
    announced = 0
    for (f, t), c in zip(pairs, results):
        if c.kind == "ok":
            clean.append((f, t))
            continue
        key = (c.signature if c.is_fault else "finding " + c.signature)
        g = groups.setdefault(key, {"c": c, "files": [], "targets": set(), "target": t, "rep": f})
        g["files"].append(f)
        g["targets"].add(t)
        if os.path.getsize(f) < os.path.getsize(g["rep"]):
            g["rep"], g["target"], g["c"] = f, t, c
        if len(g["files"]) == 1 and (c.is_fault or announced < 20):
            announced += not c.is_fault
            say("   %-9s %s  (%s)" % (c.kind, c.signature, fl.rel(f)))
    nfind = sum(1 for g in groups.values() if not g["c"].is_fault)
    if nfind > 20:
        say("   ... %d more finding signature(s) (report.md)" % (nfind - 20))
    # faults first; then findings with the fewest rules (the most specific)
    ordered = sorted(groups.values(), key=lambda g: (not g["c"].is_fault, g["c"].signature.count("+")
                                                     + g["c"].signature.count(" "), g["c"].signature))
    say("== %d signature(s) from %d input(s); %d did not reproduce" % (len(ordered), len(pairs), len(clean)))

    if not args.no_minimize and ordered:
        todo = ordered[:args.minimize_limit] if args.minimize_limit >= 0 else ordered
        say("== minimize %d of %d signature(s) (%s, re-verified after every step, %d at a time)"
            % (len(todo), len(ordered), args.minimizer, args.jobs))
        if len(todo) < len(ordered):
            say("   (--minimize-limit %d: faults come first; the rest are not minimized)" % args.minimize_limit)
        mini = Minimizer(args, replayer, out_dir)

        def one(n, g):
            base = os.path.basename(g["rep"]).replace(":", "_").replace(",", "_")[:60]
            dest = os.path.join(out_dir, "minimized", "%d-%s.min" % (n, base))
            m = mini.minimize(g["target"], g["rep"], g["c"], dest)
            g["min"] = m
            if m.get("path"):
                res = "%d -> %d bytes in %d step(s), %d rejected: %s" % (
                    m["from_bytes"], m["to_bytes"], m["steps"], m["rejected"], fl.rel(m["path"]))
            else:
                res = "not minimized (%s)" % m["note"]
            say("-- %d. %s: %s" % (n, g["c"].signature, res))

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
            futs = [ex.submit(one, n, g) for n, g in enumerate(todo, 1)]
            for f in futs:
                f.result()

    write_reports(out_dir, ordered, clean, replayer, args, pairs)
    say()
    say("%-4s %-9s %6s %8s  %s" % ("#", "kind", "inputs", "min", "signature"))
    shown = 0
    for n, g in enumerate(ordered, 1):
        if not g["c"].is_fault and shown >= 40:
            say("... %d more signature(s): report.md" % (len(ordered) - n + 1))
            break
        shown += not g["c"].is_fault
        m = g.get("min") or {}
        say("%-4d %-9s %6d %8s  %s" % (n, g["c"].kind, len(g["files"]),
                                       "%dB" % m["to_bytes"] if m.get("path") else "-", g["c"].signature))
    say()
    say("report: %s  %s  %s" % (fl.rel(os.path.join(out_dir, "report.md")),
                                fl.rel(os.path.join(out_dir, "report.sarif")),
                                fl.rel(os.path.join(out_dir, "triage.json"))))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Error as e:
        print("triage: error: %s" % e, file=sys.stderr)
        sys.exit(1)
