"""scripts/fuzz: set up, build and fuzz the targets; end with a table of
findings by signature.  See `scripts/fuzz --help` and docs/campaigns.md."""
import argparse
import datetime
import glob
import hashlib
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import fuzzlib as fl
from fuzzlib import Error, say

DEFAULT_TIME = 30
STATUS_EVERY = 10
MAX_RESTARTS = 20

HELP_EPILOG = """\
engines:
  libfuzzer  build/libfuzzer/harnesses/fuzz_<t> (preset `libfuzzer`: ASan+UBSan);
             each worker is one libFuzzer process on the shared working corpus
             out/corpus/<t> (seeds and regressions are read, never written);
             a worker that stops on a crash is restarted until the budget ends.
  afl        AFL++ (4.04c flags only): one -M main instance on build/afl, one -S
             instance with CMPLOG (-c build/afl-cmplog/..., -l 2AT), more -S
             instances with other schedules (explore, MOpt, exploit, no-trim, -Z)
             when --workers allows.  --afl-lto uses build/afl-lto for the
             non-CMPLOG instances.

scheduling:
  --jobs processes run at once; each target gets --workers of them (default:
  libFuzzer 1 per target when there are more targets than jobs, else
  jobs/targets; AFL at least 2, -M and a CMPLOG -S), targets queue for free
  slots, and every target runs for --time seconds.

output (out/ is not in git):
  out/corpus/<t>/                 working corpus, kept between runs
  out/fuzz/<run>/findings/<t>/    OVO_FINDINGS_DIR: first reproducer per signature
  out/fuzz/<run>/artifacts/<t>/   libFuzzer crash-/timeout-/oom-/leak- artifacts
  out/fuzz/<run>/afl/<t>/         AFL++ output (-o), crashes/ and hangs/ per instance
  out/fuzz/<run>/quarantine/<t>/  inputs taken out of the working corpus (or not
                                  merged into the seeds) because they crash
  out/fuzz/<run>/logs/            one log per engine process
  out/fuzz/<run>/findings.md, summary.json   the final tables
  out/fuzz/latest                 the last run
  out/logs/build-<preset>.log     the build's output

While it runs: a status line per target every --status seconds (execs, exec/s,
coverage, corpus, signatures and how many are new), a NEW line for every rule id
or crash./roundtrip./diff. signature new to the campaign and for every engine
artifact.  At the end: per target, time/execs/exec/s/coverage/corpus; the
findings table (signature, kind, count of reproducers, time to the first find
from the target's start, the first reproducer; with more than --table-rows rows
only the faults are printed and findings.md has the rest), and a table by rule id
(signatures containing it, first find, a reproducer).  Triage with
`scripts/triage out/fuzz/latest`.

exit status: 0 when the campaign ran (findings are results, not errors), 1 on a
setup, build or engine error (or a seed that crashes before fuzzing starts), 3
with --fail-on-crash when a fault was found, 130 when interrupted.
"""


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/fuzz",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Install what is missing, build the harnesses for an engine and fuzz "
                    "every target (or the ones named: fuzz_uuid or uuid) for a short budget "
                    "on all cores, printing execs/s, coverage and new findings; end with a "
                    "table of findings by signature, each with a reproducer.",
        epilog=HELP_EPILOG)
    ap.add_argument("targets", nargs="*", metavar="TARGET",
                    help="targets to fuzz (default: all); after `--`, extra arguments for "
                         "every engine process (libFuzzer flags or afl-fuzz options)")
    ap.add_argument("-e", "--engine", choices=("libfuzzer", "afl"), default="libfuzzer",
                    help="fuzzing engine (default: libfuzzer)")
    ap.add_argument("-t", "--time", default=str(DEFAULT_TIME), metavar="DURATION",
                    help="budget per target: 90, 90s, 5m, 1h (default: %ds)" % DEFAULT_TIME)
    ap.add_argument("-j", "--jobs", type=int, default=fl.nproc(), metavar="N",
                    help="engine processes at once (default: all cores, %d here)" % fl.nproc())
    ap.add_argument("-w", "--workers", type=int, metavar="N",
                    help="engine processes per target (default: see scheduling)")
    ap.add_argument("--merge", action="store_true",
                    help="after fuzzing, merge inputs with new coverage into corpus/seeds/<t> "
                         "(libFuzzer -merge=1; content-hash names)")
    ap.add_argument("--abort-on", metavar="GLOBS",
                    help="OVO_ABORT_ON: abort on findings whose signature matches (comma-"
                         "separated shell globs, e.g. 'bypass:*mac.ambiguous*'), so the engine "
                         "saves the input; a target stops at its first such find, which "
                         "measures the time to find it (starts from the seeds only, with a "
                         "fresh working corpus)")
    ap.add_argument("--timeout", type=int, metavar="SECONDS",
                    help="per-input time limit (default: the .options file's, else %d for "
                         "libFuzzer and 5 for AFL)" % fl.DEFAULT_TIMEOUT)
    ap.add_argument("--rss-limit-mb", type=int, default=fl.DEFAULT_RSS_LIMIT_MB, metavar="MB",
                    help="libFuzzer -rss_limit_mb (default: %(default)s)")
    ap.add_argument("--afl-lto", action="store_true",
                    help="AFL: use the afl-lto build (collision-free edges, autodictionary) "
                         "for the non-CMPLOG instances")
    ap.add_argument("--out", default=os.path.join(fl.OUT_DIR, "fuzz"), metavar="DIR",
                    help="where runs go (default: out/fuzz)")
    ap.add_argument("--corpus", default=os.path.join(fl.OUT_DIR, "corpus"), metavar="DIR",
                    help="working corpora, one directory per target (default: out/corpus)")
    ap.add_argument("--fresh-corpus", action="store_true",
                    help="ignore the working corpus; start from seeds and regressions only "
                         "(a new working corpus in the run directory)")
    ap.add_argument("--table-rows", type=int, default=60, metavar="N",
                    help="print the whole findings table when it has at most N rows, else the "
                         "faults and a per-rule table (default: %(default)s)")
    ap.add_argument("--full-table", action="store_true", help="always print the whole findings table")
    ap.add_argument("--status", type=float, default=STATUS_EVERY, metavar="SECONDS",
                    help="progress line interval (default: %(default)s)")
    ap.add_argument("--no-setup", action="store_true", help="do not install Debian packages")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--fail-on-crash", action="store_true",
                    help="exit 3 when a crash, leak, timeout, OOM or oracle failure was found")
    ap.add_argument("--list", action="store_true", help="list the targets and exit")
    ap.usage = "%(prog)s [options] [TARGET...] [-- ENGINE-ARG...]"
    engine_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, engine_args = argv[:i], argv[i + 1:]
    args = ap.parse_args(argv)
    args.engine_args = engine_args
    # the engines run in their work directories: relative paths would break
    args.out = os.path.abspath(args.out)
    args.corpus = os.path.abspath(args.corpus)
    try:
        args.seconds = fl.parse_duration(args.time)
    except ValueError as e:
        ap.error(str(e))
    if args.seconds < 1:
        ap.error("--time must be at least 1 second")
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    if args.workers is not None and args.workers < 1:
        ap.error("--workers must be at least 1")
    return args


# --- workers ------------------------------------------------------------------

LF_STAT = re.compile(r"^#(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+)(?: corp: (\d+)/\S+)?.*?exec/s: (\d+)")
LF_ARTIFACT = re.compile(r"Test unit written to (\S+)")
LF_FINAL = re.compile(r"^stat::(\w+):\s+(\d+)")
VERBOSE_FINDING = re.compile(r"ovofuzz: finding (\S+)")
TRUNCATED_SIG = re.compile(r"^(.*)~([0-9a-f]{40})$")


class Worker:
    def __init__(self, trun, index, cmd, env, name):
        self.trun = trun
        self.index = index
        self.cmd = cmd
        self.env = env
        self.name = name
        self.proc = None
        self.log_path = None
        self.log_pos = 0
        self.log_text = ""
        self.starts = 0
        self.done = False
        self.error = None
        self.started_at = None
        # progress
        self.execs_before = 0   # executions of earlier (restarted) processes
        self.execs = 0
        self.exec_s = 0
        self.cov = 0
        self.ft = 0
        self.corp = 0

    def start(self, remaining):
        self.starts += 1
        logdir = self.trun.campaign.logs
        suffix = "" if self.starts == 1 else ".%d" % self.starts
        self.log_path = os.path.join(logdir, "%s.%s%s.log" % (self.trun.target, self.name, suffix))
        cmd = [a.replace("@REMAINING@", str(max(1, int(remaining)))) for a in self.cmd]
        fl.show_cmd(cmd, self.env)
        env = dict(os.environ)
        env.update(self.env)
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, env=env, cwd=self.trun.workdir, stdin=subprocess.DEVNULL,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.log_pos = 0
        self.log_text = ""
        self.started_at = time.monotonic()

    def read_log(self):
        try:
            with open(self.log_path, "rb") as fh:
                fh.seek(self.log_pos)
                new = fh.read()
        except OSError:
            return ""
        self.log_pos += len(new)
        text = new.decode("utf-8", "replace")
        for sig in VERBOSE_FINDING.findall(text):
            self.trun.campaign.full_sigs[hashlib.sha1(sig.encode()).hexdigest()] = sig
        self.log_text += text
        if len(self.log_text) > 4 << 20:
            self.log_text = self.log_text[-(2 << 20):]
        return text

    def reap(self):
        """Kill what the engine left behind: its process group, and orphaned
        processes of this target run (AFL++'s fork servers call setsid() and
        can outlive afl-fuzz), recognised by their OVO_FINDINGS_DIR."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        mark = ("OVO_FINDINGS_DIR=%s" % self.trun.findings_dir).encode() + b"\0"
        try:
            pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
        except OSError:
            return
        for pid in pids:
            try:
                with open("/proc/%d/stat" % pid, "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
                if ppid != 1:
                    continue
                with open("/proc/%d/environ" % pid, "rb") as fh:
                    if mark not in fh.read() + b"\0":
                        continue
                os.kill(pid, signal.SIGKILL)
            except (OSError, ValueError, IndexError):
                continue

    def stop(self):
        if self.proc and self.proc.poll() is None:
            for sig in (signal.SIGINT, signal.SIGKILL):
                try:
                    os.killpg(self.proc.pid, sig)
                except OSError:
                    pass
                try:
                    self.proc.wait(5)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self.proc:
            self.reap()


class LibFuzzerWorker(Worker):
    def update(self):
        for line in self.read_log().splitlines():
            m = LF_STAT.match(line)
            if m:
                self.execs = self.execs_before + int(m.group(1))
                self.cov = max(self.cov, int(m.group(3)))
                self.ft = max(self.ft, int(m.group(4)))
                if m.group(5):
                    self.corp = int(m.group(5))
                self.exec_s = int(m.group(6))
            m = LF_FINAL.match(line)
            if m and m.group(1) == "number_of_executed_units":
                self.execs = self.execs_before + int(m.group(2))

    def finished(self, remaining):
        """The process ended: collect an artifact; restart when time is left."""
        self.update()
        rc = self.proc.returncode
        artifacts = [a for a in LF_ARTIFACT.findall(self.log_text)
                     if not os.path.basename(a).startswith("slow-unit-")]
        for a in artifacts:
            path = a if os.path.isabs(a) else os.path.join(self.trun.workdir, a)
            c = self.trun.add_artifact(path, self.log_text, rc)
            if c is not None and c.kind == "abort-on":
                # --abort-on measures the time to the first find: the target is done
                say("[%s] %s: time to find %s: %s" % (self.trun.campaign.clock(), self.trun.target, c.signature,
                                                       fl.fmt_duration(time.monotonic() - self.trun.start_mono)))
                self.trun.stopping = True
        self.execs_before = self.execs
        if artifacts and "INITED" not in self.log_text:
            # it died while loading the corpus: an input of the working corpus
            # (a cache) is quarantined; one in the seeds or regressions blocks
            # the target
            sha = os.path.basename(artifacts[-1]).split("-", 1)[-1]
            cached = os.path.join(self.trun.corpus_dir, sha)
            if os.path.isfile(cached):
                q = os.path.join(self.trun.campaign.run_dir, "quarantine", self.trun.target)
                os.makedirs(q, exist_ok=True)
                os.replace(cached, os.path.join(q, sha))
                say("[%s] %s: %s crashes while loading; moved out of the working corpus to %s"
                    % (self.trun.campaign.clock(), self.trun.target, sha, fl.rel(q)))
            else:
                self.trun.load_crashes[sha] = self.trun.load_crashes.get(sha, 0) + 1
                if self.trun.load_crashes[sha] >= 2:
                    self.error = ("an input of the seeds or regressions crashes before fuzzing starts "
                                  "(%s); fuzzing %s is blocked until it is fixed: scripts/triage %s"
                                  % (sha, self.trun.target, fl.rel(artifacts[-1])))
                    self.done = True
                    return
        if self.trun.stopping:
            self.done = True
            for w in self.trun.workers:
                if w is not self:
                    w.stop()
            return
        if rc == 0 and not artifacts:
            self.done = True
            return
        if not artifacts and time.monotonic() - self.started_at < 3:
            self.error = "exit %d right after start; log %s:\n%s" % (
                rc, fl.rel(self.log_path), "\n".join(self.log_text.splitlines()[-15:]))
            self.done = True
            return
        if remaining >= 3 and self.starts <= MAX_RESTARTS and not self.trun.stopping:
            say("[%s] %s: %s stopped (exit %d); restarting for the remaining %ds"
                % (self.trun.campaign.clock(), self.trun.target, self.name, rc, remaining))
            self.start(remaining)
        else:
            self.done = True


class AflWorker(Worker):
    def __init__(self, trun, index, cmd, env, name, outdir):
        super().__init__(trun, index, cmd, env, name)
        self.outdir = outdir
        self.edges = 0
        self.crashes = 0
        self.have_stats = False

    def update(self):
        """AFL++ 4.04c writes fuzzer_stats once a minute and plot_data only
        after the first minute; until then there is nothing to show."""
        self.read_log()
        stats = {}
        try:
            with open(os.path.join(self.outdir, self.name, "fuzzer_stats")) as fh:
                for line in fh:
                    k, _, v = line.partition(":")
                    stats[k.strip()] = v.strip()
        except OSError:
            pass
        try:
            with open(os.path.join(self.outdir, self.name, "plot_data")) as fh:
                lines = fh.read().splitlines()
            if len(lines) >= 2:
                header = [h.strip() for h in lines[0].lstrip("#").split(",")]
                row = dict(zip(header, (v.strip() for v in lines[-1].split(","))))
                if not stats or int(float(row.get("total_execs", 0))) > int(float(stats.get("execs_done", 0))):
                    stats = {"execs_done": row.get("total_execs"), "run_time": row.get("relative_time"),
                             "edges_found": row.get("edges_found"), "corpus_count": row.get("corpus_count"),
                             "saved_crashes": row.get("saved_crashes")}
        except (OSError, ValueError):
            pass

        def num(*keys):
            for k in keys:
                try:
                    v = float(str(stats.get(k, "")).rstrip("%"))
                except ValueError:
                    continue
                return v if math.isfinite(v) else 0
            return 0

        if stats:
            self.have_stats = True
            self.execs = int(num("execs_done"))
            # the average over the run: AFL++'s own execs_per_sec is
            # meaningless in its first stats file
            rt = num("run_time")
            self.exec_s = int(self.execs / rt) if rt > 0 else 0
            self.edges = int(num("edges_found"))
            self.cov = self.edges
            self.corp = int(num("corpus_count", "paths_total"))
            self.crashes = int(num("saved_crashes", "unique_crashes"))

    def finished(self, remaining):
        self.update()
        rc = self.proc.returncode
        if rc != 0 or "PROGRAM ABORT" in self.log_text:
            plain = re.sub(r"\x1b(\[[0-9;?]*[A-Za-z]|\(B)", "", self.log_text)
            tail = "\n".join(plain.splitlines()[-20:])
            self.error = "afl-fuzz %s exited %d; log %s:\n%s" % (self.name, rc, fl.rel(self.log_path), tail)
        self.done = True


# --- one target's run -----------------------------------------------------------

def rule_ids(signature):
    """bypass:a+b -> [bypass:a, bypass:b]; other signatures stand alone."""
    if signature.startswith("bypass:"):
        return ["bypass:" + r for r in signature[len("bypass:"):].split("+") if r]
    return [signature]


class TargetRun:
    def __init__(self, campaign, target):
        self.campaign = campaign
        self.target = target
        self.workdir = os.path.join(campaign.run_dir, "work", target)
        self.findings_dir = os.path.join(campaign.run_dir, "findings", target)
        self.artifacts_dir = os.path.join(campaign.run_dir, "artifacts", target)
        self.corpus_dir = os.path.join(campaign.corpus_root, target)
        self.afl_out = os.path.join(campaign.run_dir, "afl", target)
        self.workers = []
        self.start_wall = None
        self.start_mono = None
        self.end_mono = None
        self.artifacts = []      # (path, Classification)
        self.seen_findings = set()
        self.load_crashes = {}
        self.new_since_status = 0
        self.stopping = False
        self.options = fl.read_options(target)

    def remaining(self):
        return self.campaign.args.seconds - (time.monotonic() - self.start_mono)

    def add_artifact(self, path, log_text, rc):
        if not os.path.exists(path):
            return None
        # the report that belongs to this artifact is the last one in the log
        out = fl.Outcome(rc, log_text[-200000:], False, 0, 0)
        if "ERROR: libFuzzer: timeout" in log_text:
            out.timed_out = True
        c = fl.classify(out, rss_limit_mb=None, timeout_exit=None)
        # an artifact's name is its content hash: the same input found again
        # keeps its first time
        if any(p == path for p, _, _ in self.artifacts):
            return c
        self.artifacts.append((path, c, max(0.0, time.time() - self.start_wall)))
        say("[%s] %s: NEW %s %s -> %s" % (self.campaign.clock(), self.target, c.kind, c.signature,
                                          fl.rel(path)))
        return c

    def input_dirs(self):
        """Seeds and regressions (read-only); with --abort-on the seeds only,
        so past reproducers do not make the time to find zero."""
        dirs = []
        cands = [fl.seeds_dir(self.target)]
        if not self.campaign.args.abort_on:
            cands.append(fl.regressions_dir(self.target))
        for d in cands:
            if fl.nonempty_dir(d):
                dirs.append(d)
        return dirs

    def env(self):
        e = {"OVO_FINDINGS_DIR": self.findings_dir, "OVO_FUZZ_VERBOSE": "1"}
        if self.campaign.args.abort_on:
            e["OVO_ABORT_ON"] = self.campaign.args.abort_on
            if self.campaign.args.engine == "afl":
                e["AFL_BENCH_UNTIL_CRASH"] = "1"
        return e

    def start(self, nworkers):
        args = self.campaign.args
        for d in (self.workdir, self.findings_dir, self.artifacts_dir, self.corpus_dir):
            os.makedirs(d, exist_ok=True)
        self.start_wall = time.time()
        self.start_mono = time.monotonic()
        if args.engine == "libfuzzer":
            self._start_libfuzzer(nworkers)
        else:
            self._start_afl(nworkers)

    def _start_libfuzzer(self, nworkers):
        args = self.campaign.args
        binary = self.campaign.binaries[self.target]
        timeout = args.timeout or int(self.options.get("libfuzzer", {}).get("timeout", fl.DEFAULT_TIMEOUT))
        flags = [f for f in fl.libfuzzer_option_flags(self.options, skip=("dict", "timeout", "rss_limit_mb",
                                                                             "max_total_time", "runs"))]
        d = fl.dictionary(self.target, self.options)
        env = self.env()
        env.update(fl.sanitizer_env(self.options))
        for i in range(nworkers):
            cmd = [binary, "-max_total_time=@REMAINING@", "-print_final_stats=1",
                   "-timeout=%d" % timeout, "-rss_limit_mb=%d" % args.rss_limit_mb,
                   "-artifact_prefix=%s/" % self.artifacts_dir, "-reload=1"]
            if d:
                cmd.append("-dict=%s" % d)
            cmd += flags + args.engine_args
            cmd += [self.corpus_dir] + self.input_dirs()
            w = LibFuzzerWorker(self, i, cmd, env, "w%d" % i)
            self.workers.append(w)
            w.start(self.remaining())

    def _afl_input_dir(self):
        """afl-fuzz takes one -i directory: seeds, regressions and the
        working corpus, de-duplicated by content."""
        ind = os.path.join(self.campaign.run_dir, "afl-in", self.target)
        os.makedirs(ind, exist_ok=True)
        srcs = self.input_dirs() + ([self.corpus_dir] if fl.nonempty_dir(self.corpus_dir) else [])
        n = 0
        for s in srcs:
            for f in fl.list_files(s):
                if os.path.getsize(f) > 1 << 20:
                    continue
                dst = os.path.join(ind, fl.sha1_file(f))
                if not os.path.exists(dst):
                    shutil.copyfile(f, dst)
                    n += 1
        if n == 0 and not fl.nonempty_dir(ind):
            with open(os.path.join(ind, "empty-object"), "w") as fh:
                fh.write("{}")
        return ind

    def _start_afl(self, nworkers):
        args = self.campaign.args
        b = self.campaign.binaries[self.target]
        main_bin = b.get("afl-lto") or b["afl"]
        cmplog_bin = b.get("afl-cmplog")
        timeout_ms = (args.timeout or 5) * 1000
        ind = self._afl_input_dir()
        os.makedirs(self.afl_out, exist_ok=True)
        d = fl.dictionary(self.target, self.options)
        base_env = self.env()
        base_env.update({
            "AFL_NO_UI": "1", "AFL_SKIP_CPUFREQ": "1", "AFL_NO_AFFINITY": "1",
            "AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES": "1", "AFL_SKIP_CRASHES": "1",
            "AFL_FAST_CAL": "1", "AFL_CMPLOG_ONLY_NEW": "1", "AFL_FORKSRV_INIT_TMOUT": "30000",
            "ASAN_OPTIONS": "abort_on_error=1:symbolize=0:detect_leaks=0:allocator_may_return_null=1",
            "UBSAN_OPTIONS": "halt_on_error=1:abort_on_error=1:symbolize=0:silence_unsigned_overflow=1",
        })
        variants = [("main", ["-M", "main"], {})]
        if cmplog_bin:
            variants.append(("cmplog", ["-S", "cmplog", "-c", cmplog_bin, "-l", "2AT"], {}))
        others = [("explore", ["-p", "explore"], {}), ("mopt", ["-L", "0"], {}),
                  ("exploit", ["-p", "exploit"], {}), ("notrim", [], {"AFL_DISABLE_TRIM": "1"}),
                  ("seq", ["-Z"], {})]
        k = 0
        while len(variants) < nworkers:
            name, flags, extra = others[k % len(others)]
            if k >= len(others):
                name += str(k // len(others) + 1)
            variants.append((name, ["-S", name] + flags, extra))
            k += 1
        if nworkers == 1 and cmplog_bin:
            variants = [("main", ["-M", "main", "-c", cmplog_bin, "-l", "2AT"], {})]
        for i, (name, flags, extra) in enumerate(variants[:nworkers]):
            use_bin = b["afl"] if "-c" in flags and not args.afl_lto else main_bin
            cmd = ["afl-fuzz"] + flags + ["-i", ind, "-o", self.afl_out, "-m", "none",
                                          "-t", "%d+" % timeout_ms, "-V", "@REMAINING@"]
            if d:
                cmd += ["-x", d]
            cmd += args.engine_args + ["--", use_bin]
            env = dict(base_env)
            env.update(extra)
            w = AflWorker(self, i, cmd, env, name, self.afl_out)
            self.workers.append(w)
            w.start(self.remaining())

    # progress and findings

    def poll(self):
        """Update workers; returns True while any is running."""
        running = False
        for w in self.workers:
            if w.done:
                continue
            if w.proc.poll() is None:
                if self.remaining() < -30:
                    w.stop()  # the engine ignored its time limit
                w.update()
                running = True
            else:
                w.reap()
                w.finished(self.remaining())
                if w.error:
                    self.campaign.errors.append("%s: %s" % (self.target, w.error))
                if not w.done:
                    running = True
        self.scan_findings(announce=True)
        return running

    def scan_findings(self, announce=False):
        found = []
        if os.path.isdir(self.findings_dir):
            for sig in sorted(os.listdir(self.findings_dir)):
                sd = os.path.join(self.findings_dir, sig)
                if not os.path.isdir(sd):
                    continue
                for f in sorted(os.listdir(sd)):
                    p = os.path.join(sd, f)
                    if os.path.isfile(p):
                        found.append((sig, p))
        found = [(self.full_signature(sig, p), p) for sig, p in found]
        for sig, p in found:
            if sig not in self.seen_findings:
                self.seen_findings.add(sig)
                self.new_since_status += 1
                # announce what is new to the whole campaign: a rule id or a
                # crash./diff. signature not seen before (combinations of known
                # rules are only counted, or the log drowns in them)
                novel = [r for r in rule_ids(sig) if r not in self.campaign.seen_rules]
                self.campaign.seen_rules.update(novel)
                if announce and novel:
                    say("[%s] %s: NEW %s -> %s" % (self.campaign.clock(), self.target,
                                                    " ".join(novel), fl.rel(p)))
        return found

    def full_signature(self, dirname, path):
        """A signature longer than 200 bytes is stored under
        <first 160 bytes>~<sha1 of the signature> (harnesses/README.md): find
        the whole one in the engine logs (OVO_FUZZ_VERBOSE), else by
        replaying the reproducer."""
        m = TRUNCATED_SIG.match(dirname)
        if not m:
            return dirname
        digest = m.group(2)
        full = self.campaign.full_sigs.get(digest)
        if full:
            return full
        replay, flags = self.campaign.replay_binary(self.target)
        if replay:
            out = fl.execute([replay, "-print_findings=1"] + [a.replace("@T@", "25") for a in flags] + [path],
                             env={"OVO_FUZZ_VERBOSE": "1"}, timeout=60)
            for sig in fl.findings_in(out.output):
                self.campaign.full_sigs[hashlib.sha1(sig.encode()).hexdigest()] = sig
        return self.campaign.full_sigs.get(digest, dirname)

    def status(self):
        execs = sum(w.execs for w in self.workers)
        eps = sum(w.exec_s for w in self.workers if not w.done)
        cov = max([w.cov for w in self.workers] or [0])
        ft = max([w.ft for w in self.workers] or [0])
        corp = max([w.corp for w in self.workers] or [0])
        nfind = len(self.seen_findings) + len(self.artifacts)
        if isinstance(self.workers[0], AflWorker):
            crashes = sum(w.crashes for w in self.workers)
            nfind = len(self.seen_findings) + crashes
            covtxt = "edges %d" % cov
            if not any(w.have_stats for w in self.workers):
                return ("%-18s %dw  %5s left  (AFL++ writes its first stats after a minute)  signatures %d"
                        % (self.target, len(self.workers), fl.fmt_duration(max(0, self.remaining())), nfind))
        else:
            covtxt = "cov %d ft %d" % (cov, ft)
        new, self.new_since_status = self.new_since_status, 0
        return ("%-18s %dw  %5s left  execs %7s  %7s/s  %s  corpus %d  signatures %d (+%d)"
                % (self.target, len(self.workers), fl.fmt_duration(max(0, self.remaining())),
                   fl.fmt_count(execs), fl.fmt_count(eps), covtxt, corp, nfind, new))

    def stop(self):
        self.stopping = True
        for w in self.workers:
            w.stop()

    def finish(self):
        """After the workers ended: AFL crashes classified by replay, the
        AFL queue saved into the working corpus."""
        self.end_mono = time.monotonic()
        self.scan_findings(announce=True)
        if self.campaign.args.engine == "afl":
            self._collect_afl()

    def found_at(self, path):
        """Seconds from the target's start to when a file was written."""
        try:
            return max(0.0, os.path.getmtime(path) - self.start_wall)
        except OSError:
            return None

    def _collect_afl(self):
        """AFL++ keeps inputs, not reports: replay its crashes to classify
        them (at most 40 per target; hangs are timeouts by AFL's own
        measure and are not replayed)."""
        crashes = sorted(glob.glob(os.path.join(self.afl_out, "*", "crashes", "id:*")))
        hangs = sorted(glob.glob(os.path.join(self.afl_out, "*", "hangs", "id:*")))
        for f in hangs:
            self.artifacts.append((f, fl.Classification("timeout", "timeout.afl-hang",
                                                        "AFL++ hang (ran past -t)"), self.found_at(f)))
        replay, flags = self.campaign.replay_binary(self.target)
        if crashes and not replay:
            self.campaign.errors.append("%s: no binary to replay AFL crashes with" % self.target)
        limit = 40
        tmo = self.campaign.args.timeout or 5
        for n, f in enumerate(crashes):
            if not replay or n >= limit:
                self.artifacts.append((f, fl.Classification("crash", "afl.crash-not-replayed",
                                                            "not replayed (limit %d)" % limit), self.found_at(f)))
                continue
            env = fl.sanitizer_env(self.options)
            env["OVO_FUZZ_VERBOSE"] = "1"
            if self.campaign.args.abort_on:
                env["OVO_ABORT_ON"] = self.campaign.args.abort_on
            out = fl.execute([replay] + [a.replace("@T@", str(tmo)) for a in flags] + [f], env=env,
                             timeout=tmo * 2 + 5)
            c = fl.classify(out)
            if c.kind in ("ok", "finding"):
                c = fl.Classification("crash", "afl.crash-not-reproduced",
                                      "AFL++ saved it; the replay ran cleanly", findings=c.findings)
            self.artifacts.append((f, c, self.found_at(f)))
        queues = [q for q in glob.glob(os.path.join(self.afl_out, "*", "queue")) if fl.nonempty_dir(q)]
        if queues:
            lf = self.campaign.libfuzzer_binary(self.target)
            if lf:
                fl.run([lf, "-merge=1", "-timeout=%d" % fl.DEFAULT_TIMEOUT,
                        "-rss_limit_mb=%d" % self.campaign.args.rss_limit_mb, self.corpus_dir] + queues,
                       env=fl.sanitizer_env(), check=False, capture=True)
            else:
                for q in queues:
                    for f in fl.list_files(q):
                        dst = os.path.join(self.corpus_dir, fl.sha1_file(f))
                        if not os.path.exists(dst):
                            shutil.copyfile(f, dst)

    def results(self):
        """[(signature, kind, path, seconds to find)]"""
        rows = []
        for sig, p in self.scan_findings():
            rows.append((sig, "finding", p, self.found_at(p)))
        for p, c, t in self.artifacts:
            rows.append((c.signature, c.kind, p, t))
        return rows

    def engine_stats(self):
        return {"execs": sum(w.execs for w in self.workers),
                "cov": max([w.cov for w in self.workers] or [0]),
                "ft": max([w.ft for w in self.workers] or [0]),
                "corpus": max([w.corp for w in self.workers] or [0]),
                "seconds": round((self.end_mono or time.monotonic()) - self.start_mono, 1),
                "workers": len(self.workers)}


# --- the campaign -----------------------------------------------------------------

class Campaign:
    def __init__(self, args, targets, binaries):
        self.args = args
        self.targets = targets
        self.binaries = binaries
        self.errors = []
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        self.run_dir = os.path.join(args.out, "%s-%s" % (stamp, args.engine))
        n = 1
        while os.path.exists(self.run_dir):
            n += 1
            self.run_dir = os.path.join(args.out, "%s-%s-%d" % (stamp, args.engine, n))
        self.logs = os.path.join(self.run_dir, "logs")
        os.makedirs(self.logs)
        self.corpus_root = args.corpus
        if args.fresh_corpus or args.abort_on:
            self.corpus_root = os.path.join(self.run_dir, "corpus")
        latest = os.path.join(args.out, "latest")
        try:
            if os.path.islink(latest):
                os.unlink(latest)
            if not os.path.exists(latest):
                os.symlink(os.path.basename(self.run_dir), latest)
        except OSError:
            pass
        self.t0 = time.monotonic()
        self.runs = []
        self.seen_rules = set()
        self.full_sigs = {}     # sha1 of a signature -> the signature

    def clock(self):
        return fl.fmt_duration(time.monotonic() - self.t0).rjust(6)

    def replay_binary(self, target):
        """A binary that replays one file with sanitizer reports, and its
        flags: the libFuzzer build, else the replay builds, else AFL's."""
        for preset in ("libfuzzer", "asan", "default"):
            if fl.has_preset(preset):
                b = fl.binary(preset, target)
                if b:
                    return b, ["-timeout=@T@"]
        b = self.binaries.get(target)
        if isinstance(b, dict):
            return b.get("afl"), []
        return b, []

    def libfuzzer_binary(self, target):
        return fl.binary("libfuzzer", target) if fl.has_preset("libfuzzer") else None

    def workers_per_target(self):
        args = self.args
        n = len(self.targets)
        if args.workers:
            return args.workers
        if args.engine == "afl":
            return max(2, args.jobs // n) if args.jobs >= 2 else 1
        return max(1, args.jobs // n)

    def run(self):
        args = self.args
        per = self.workers_per_target()
        slots = max(1, args.jobs // per)
        rounds = -(-len(self.targets) // slots)
        say("== fuzz: engine %s, %d target(s), %ds each, %d worker(s) per target, %d target(s) at once; "
            "about %s in all" % (args.engine, len(self.targets), args.seconds, per, min(slots, len(self.targets)),
                                 fl.fmt_duration(rounds * args.seconds)))
        say("== run directory %s" % fl.rel(self.run_dir))
        queue = list(self.targets)
        active = []
        last_status = time.monotonic()
        interrupted = False
        try:
            while queue or active:
                while queue and len(active) < slots:
                    tr = TargetRun(self, queue.pop(0))
                    say("[%s] %s: start" % (self.clock(), tr.target))
                    tr.start(per)
                    active.append(tr)
                    self.runs.append(tr)
                time.sleep(0.5)
                for tr in list(active):
                    if not tr.poll():
                        tr.finish()
                        active.remove(tr)
                        st = tr.engine_stats()
                        say("[%s] %s: done, %s execs, %s %d, corpus %d, %d signature(s)"
                            % (self.clock(), tr.target, fl.fmt_count(st["execs"]),
                               "edges" if args.engine == "afl" else "cov", st["cov"], st["corpus"],
                               len({r[0] for r in tr.results()})))
                if args.status > 0 and time.monotonic() - last_status >= args.status and active:
                    last_status = time.monotonic()
                    for tr in active:
                        say("[%s] %s" % (self.clock(), tr.status()))
        except KeyboardInterrupt:
            interrupted = True
            say("\n== interrupted: stopping the engines")
            for tr in active:
                tr.stop()
            for tr in active:
                tr.poll()
                tr.finish()
        finally:
            for tr in active:   # on any other exception: leave nothing running
                tr.stop()
        return interrupted

    def merge(self):
        say("== merging new coverage into corpus/seeds/<target>")
        for tr in self.runs:
            lf = self.libfuzzer_binary(tr.target)
            if not lf:
                self.errors.append("%s: --merge needs the libfuzzer build" % tr.target)
                continue
            seeds = fl.seeds_dir(tr.target)
            os.makedirs(seeds, exist_ok=True)
            before = set(os.listdir(seeds))
            extra = [tr.corpus_dir]
            extra += [q for q in glob.glob(os.path.join(tr.afl_out, "*", "queue")) if fl.nonempty_dir(q)]
            extra = [d for d in extra if fl.nonempty_dir(d)]
            if not extra:
                say("   %s: nothing to merge" % tr.target)
                continue
            ctl = os.path.join(self.run_dir, "merge-%s.txt" % tr.target)
            r = fl.run([lf, "-merge=1", "-merge_control_file=%s" % ctl,
                        "-timeout=%d" % fl.DEFAULT_TIMEOUT, "-rss_limit_mb=%d" % self.args.rss_limit_mb,
                        seeds] + extra, env=fl.sanitizer_env(tr.options), check=False, capture=True)
            added = sorted(set(os.listdir(seeds)) - before)
            # a new seed must replay cleanly (merge does not look for leaks);
            # the ones that do not are taken out again (this script just wrote them)
            bad = []
            for name in added:
                f = os.path.join(seeds, name)
                c = fl.classify(fl.execute([lf, "-timeout=%d" % fl.DEFAULT_TIMEOUT, f],
                                           env=fl.sanitizer_env(tr.options), timeout=fl.DEFAULT_TIMEOUT * 2 + 10))
                if c.kind not in ("ok", "finding"):
                    q = os.path.join(self.run_dir, "quarantine", tr.target)
                    os.makedirs(q, exist_ok=True)
                    os.replace(f, os.path.join(q, name))
                    bad.append((name, c.signature))
            added = [a for a in added if a not in {b for b, _ in bad}]
            for name, sig in bad:
                say("   %s: %s not added to the seeds: %s (kept in %s)" % (
                    tr.target, name, sig, fl.rel(os.path.join(self.run_dir, "quarantine", tr.target))))
            if r.returncode != 0:
                self.errors.append("%s: merge failed (exit %d):\n%s" % (
                    tr.target, r.returncode, r.stdout.decode("utf-8", "replace")[-2000:]))
            say("   %s: %d new seed(s) in %s" % (tr.target, len(added), fl.rel(seeds)))

    @staticmethod
    def by_rule(groups):
        """rule id -> (signatures containing it, first find, reproducer of the
        signature with the fewest rules, earliest first)."""
        rules = {}
        for g in groups:
            ids = rule_ids(g["signature"])
            for r in ids:
                e = rules.setdefault(r, {"n": 0, "first": None, "best": None})
                e["n"] += 1
                if g["first"] is not None and (e["first"] is None or g["first"] < e["first"]):
                    e["first"] = g["first"]
                key = (len(ids), g["first"] if g["first"] is not None else 1e18)
                if e["best"] is None or key < e["best"][0]:
                    e["best"] = (key, g["reproducer"])
        return {r: (e["n"], e["first"], e["best"][1]) for r, e in rules.items()}

    def report(self, interrupted):
        rows = []
        for tr in self.runs:
            for sig, kind, path, t in tr.results():
                rows.append({"target": tr.target, "signature": sig, "kind": kind, "path": path, "seconds": t})
        by_sig = {}
        for r in rows:
            g = by_sig.setdefault(r["signature"], {"signature": r["signature"], "kind": r["kind"], "count": 0,
                                                   "targets": [], "first": None, "reproducer": None})
            g["count"] += 1
            if r["target"] not in g["targets"]:
                g["targets"].append(r["target"])
            if r["kind"] != "finding":
                g["kind"] = r["kind"]
            if r["seconds"] is not None and (g["first"] is None or r["seconds"] < g["first"]):
                g["first"] = r["seconds"]
                g["reproducer"] = r["path"]
            if g["reproducer"] is None:
                g["reproducer"] = r["path"]
        groups = sorted(by_sig.values(), key=lambda g: (g["kind"] == "finding", g["signature"]))

        say()
        say("== targets")
        say("%-20s %8s %10s %8s %8s %8s %6s" % ("target", "time", "execs", "execs/s",
                                                 "edges" if self.args.engine == "afl" else "cov",
                                                 "corpus", "sigs"))
        stats = {}
        for tr in self.runs:
            st = tr.engine_stats()
            stats[tr.target] = st
            eps = st["execs"] / st["seconds"] if st["seconds"] else 0
            say("%-20s %8s %10s %8s %8d %8d %6d" % (tr.target, fl.fmt_duration(st["seconds"]),
                                                    fl.fmt_count(st["execs"]), fl.fmt_count(eps), st["cov"],
                                                    st["corpus"], len({r[0] for r in tr.results()})))
        rel_run = lambda p: os.path.relpath(p, self.run_dir)
        full = len(groups) <= self.args.table_rows or self.args.full_table
        shown = groups if full else [g for g in groups if g["kind"] != "finding"]
        say()
        say("== findings by signature (%d); reproducers are relative to %s/" % (len(groups), fl.rel(self.run_dir)))
        if not full:
            say("(the full table is %s (or --full-table); here: the faults, then one line per rule id)"
                % fl.rel(os.path.join(self.run_dir, "findings.md")))
        if shown:
            w = min(72, max(len(g["signature"]) for g in shown))
            say("%-*s %-8s %5s %6s  %s" % (w, "signature", "kind", "count", "first", "reproducer"))
            for g in shown:
                sig = g["signature"] if len(g["signature"]) <= w else g["signature"][:w - 3] + "..."
                say("%-*s %-8s %5d %6s  %s" % (w, sig, g["kind"], g["count"], fl.fmt_duration(g["first"]),
                                               rel_run(g["reproducer"])))
        elif not groups:
            say("(none)")
        else:
            say("(no crash, leak, timeout, OOM or oracle failure)")
        rules = self.by_rule(groups)
        if rules:
            say()
            say("== by rule: each rule id or signature; signatures containing it; first find; a reproducer "
                "(the most specific signature)")
            w = min(60, max(len(r) for r in rules))
            for r, (n, first, rep) in sorted(rules.items(), key=lambda kv: (kv[1][1] is None, kv[1][1] or 0, kv[0])):
                say("  %-*s %5d %6s  %s" % (w, r, n, fl.fmt_duration(first), rel_run(rep)))
        md = os.path.join(self.run_dir, "findings.md")
        with open(md, "w") as fh:
            fh.write("# Findings: %s, %s per target\n\n" % (self.args.engine, fl.fmt_duration(self.args.seconds)))
            fh.write("| signature | kind | count | targets | first find | reproducer |\n|---|---|---|---|---|---|\n")
            for g in groups:
                fh.write("| `%s` | %s | %d | %s | %s | `%s` |\n" % (
                    g["signature"], g["kind"], g["count"], ", ".join(g["targets"]),
                    fl.fmt_duration(g["first"]), fl.rel(g["reproducer"])))
            rules = self.by_rule(groups)
            if rules:
                fh.write("\n## By rule\n\n| rule or signature | signatures | first find | reproducer |\n"
                         "|---|---|---|---|\n")
                for r, (n, first, rep) in sorted(rules.items(), key=lambda kv: (kv[1][1] is None, kv[1][1] or 0, kv[0])):
                    fh.write("| `%s` | %d | %s | `%s` |\n" % (r, n, fl.fmt_duration(first), fl.rel(rep)))
        summary = {
            "engine": self.args.engine, "seconds_per_target": self.args.seconds,
            "jobs": self.args.jobs, "abort_on": self.args.abort_on, "interrupted": interrupted,
            "targets": stats, "errors": self.errors,
            "findings": [dict(g, reproducer=fl.rel(g["reproducer"])) for g in groups],
            "reproducers": [dict(r, path=fl.rel(r["path"])) for r in rows],
        }
        with open(os.path.join(self.run_dir, "summary.json"), "w") as fh:
            json.dump(summary, fh, indent=1, sort_keys=True)
        say()
        say("table: %s   data: %s" % (fl.rel(md), fl.rel(os.path.join(self.run_dir, "summary.json"))))
        if groups:
            say("triage: scripts/triage %s" % fl.rel(self.run_dir))
        return groups


# --- set-up and build -------------------------------------------------------------

def setup(args):
    pkgs = fl.build_packages()
    if args.engine == "afl" and "afl++" not in pkgs:
        pkgs.append("afl++")
    fl.need_packages(pkgs)


def build_and_find(args, targets_wanted):
    presets = ["libfuzzer"] if args.engine == "libfuzzer" else ["afl", "afl-cmplog"] + (
        ["afl-lto"] if args.afl_lto else [])
    for p in presets:
        if not fl.has_preset(p):
            raise Error("CMakePresets.json has no '%s' preset (needed for --engine %s)" % (p, args.engine))
    targets = fl.resolve_targets(targets_wanted, presets[0])
    if not args.no_build:
        for p in presets:
            say("== build: preset %s" % p)
            missing = fl.build(p, targets, args.jobs)
            if missing:
                say("   (the %s build has no target %s)" % (p, ", ".join(missing)))
    binaries = {}
    absent = []
    for t in targets:
        if args.engine == "libfuzzer":
            b = fl.binary("libfuzzer", t)
            if b:
                binaries[t] = b
            else:
                absent.append(t)
        else:
            b = {p: fl.binary(p, t) for p in presets}
            if b["afl"]:
                if not b["afl-cmplog"]:
                    say("   %s: no CMPLOG binary; AFL runs without -c" % t)
                binaries[t] = {k: v for k, v in b.items() if v}
            else:
                absent.append(t)
    if absent:
        raise Error("no %s binary for %s under %s" % (
            presets[0], ", ".join(absent), fl.rel(fl.preset_binary_dir(presets[0]))))
    return targets, binaries


def main(argv):
    args = parse_args(argv)
    if args.list:
        for t in fl.resolve_targets([], "libfuzzer" if fl.has_preset("libfuzzer") else None):
            lf = fl.binary("libfuzzer", t) if fl.has_preset("libfuzzer") else None
            say("%-20s %s" % (t, fl.rel(lf) if lf else "(not built)"))
        return 0
    if not args.no_setup:
        setup(args)
    if args.engine == "afl":
        if not fl.tool("afl-fuzz"):
            raise Error("afl-fuzz not found (install afl++)")
        r = subprocess.run(["afl-fuzz", "-h"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        first = re.sub(r"\x1b\[[0-9;]*m", "", r.stdout.decode("utf-8", "replace").splitlines()[0]
                       if r.stdout else "")
        say("== %s" % first.strip())
    targets, binaries = build_and_find(args, args.targets)
    camp = Campaign(args, targets, binaries)

    def on_term(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    interrupted = camp.run()
    if args.merge and not interrupted:
        camp.merge()
    groups = camp.report(interrupted)
    if camp.errors:
        say()
        say("== errors")
        for e in dict.fromkeys(camp.errors):
            say(e)
        return 1
    if interrupted:
        return 130
    if args.fail_on_crash and any(g["kind"] not in ("finding", "abort-on") for g in groups):
        return 3
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Error as e:
        print("fuzz: error: %s" % e, file=sys.stderr)
        sys.exit(1)
