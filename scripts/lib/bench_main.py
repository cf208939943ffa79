"""scripts/bench: throughput and speed figures.  Prints, never asserts."""
import argparse
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import fuzzlib as fl
from fuzzlib import Error, say

PORT_FAMILY = ("Port", "PortBinding", "DistributedPortBinding", "PortBindingLevel")
PORT_REPEAT_TO = 20000   # the Port-family set is repeated to this many inputs for CLI runs

HELP_EPILOG = """\
sections (all by default; --only picks some):
  machine   nproc, CPU model, kernel, compilers, jansson and Python versions
  cli       (1) ovo-check throughput (inputs/s, MB/s; release build, reference and
            strict mode) on the conformance corpus (corpus/conformance/*.jsonl) and
            on valid Port-family primitives (Port, PortBinding,
            DistributedPortBinding, PortBindingLevel that the reference accepts,
            repeated to %d inputs), next to jansson parse-only throughput on the
            same bytes (json_loadb + json_decref, in-process) and to the reference
            (scripts/reference-oracle, Python; its start-up time measured on an
            empty input and subtracted)
  deser     (2) libovo's deserialization alone vs jansson's parse of the same bytes
            (target/tools/bench-ovo.c): ovo.deserialize = ovo_evaluate - ovo_json_loads
            per input, and ovo_evaluate_jansson on trees parsed before the clock
            starts; the goal for valid Port-family primitives is <= 1/3 of jansson
  harness   (3) each fuzz target's exec/s under libFuzzer (build/libfuzzer, ASan+UBSan)
            on its seeds for --seconds, next to fuzz_jansson_parse (a harness that only
            parses with jansson, same engine and sanitizers) on fuzz_primitive's seeds;
            then (3b) both replayed over the same seeds, no mutation: the goal's
            comparison, fuzz_primitive / fuzz_jansson_parse >= 0.5

Timing uses the monotonic clock (clock_gettime(CLOCK_MONOTONIC) in bench-ovo,
time.monotonic here); every figure is the median of --runs runs, with the
range.  Work files go to out/bench/.  Exit status 0, or 1 on an error (a build
or a tool that fails); the goals are printed next to the figures, never
enforced.
""" % PORT_REPEAT_TO

SECTIONS = ("machine", "cli", "deser", "harness")


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="scripts/bench", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Print throughput and speed figures: ovo-check next to jansson and the "
                    "reference, libovo's deserialization next to jansson's parse, and the "
                    "harnesses' exec/s next to a jansson-only harness.",
        epilog=HELP_EPILOG)
    ap.add_argument("--only", metavar="SECTIONS",
                    help="comma-separated subset of: %s" % ", ".join(SECTIONS))
    ap.add_argument("--runs", type=int, default=5, metavar="N",
                    help="runs per figure; the median is printed (default: %(default)s)")
    ap.add_argument("--reference-runs", type=int, default=1, metavar="N",
                    help="runs of the (slow) Python reference (default: %(default)s)")
    ap.add_argument("--no-reference", action="store_true", help="skip the Python reference")
    ap.add_argument("--seconds", type=int, default=5, metavar="S",
                    help="libFuzzer time per harness run (default: %(default)s)")
    ap.add_argument("--targets", metavar="T,T", help="harnesses for section 3 (default: all)")
    ap.add_argument("--replay-runs", type=int, default=20, metavar="N",
                    help="section 3b: times each seed is replayed (default: %(default)s)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--no-setup", action="store_true", help="do not install Debian packages")
    args = ap.parse_args(argv)
    args.sections = SECTIONS
    if args.only:
        args.sections = tuple(s.strip() for s in args.only.split(",") if s.strip())
        bad = [s for s in args.sections if s not in SECTIONS]
        if bad:
            ap.error("unknown section(s) %s (have: %s)" % (", ".join(bad), ", ".join(SECTIONS)))
    if args.runs < 1 or args.reference_runs < 1 or args.seconds < 1:
        ap.error("--runs, --reference-runs and --seconds must be at least 1")
    return args


def median_range(values):
    return statistics.median(values), min(values), max(values)


def first_line(cmd):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=20)
        lines = r.stdout.decode("utf-8", "replace").strip().splitlines()
        return re.sub(r"\x1b\[[0-9;]*m", "", lines[0]) if lines else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "not available"


# --- builds and tools ---------------------------------------------------------

def bench_ovo_binary(args, work):
    """build/release/bench-ovo when the build has it, else compiled here
    against build/release/libovo.a."""
    bdir = fl.preset_binary_dir("release")
    for cand in (os.path.join(bdir, "bench-ovo"), os.path.join(bdir, "benchmarks", "bench-ovo")):
        if os.path.isfile(cand):
            return cand
    lib = os.path.join(bdir, "libovo.a")
    if not os.path.isfile(lib):
        raise Error("%s missing: build the release preset" % fl.rel(lib))
    cache = fl.preset_cache("release")
    cc = cache.get("CMAKE_C_COMPILER") or fl.tool("cc", "gcc", "clang")
    out = os.path.join(work, "bench-ovo")
    src = os.path.join(fl.ROOT, "target", "tools", "bench-ovo.c")
    inputs_c = os.path.join(fl.ROOT, "target", "tools", "inputs.c")
    if os.path.exists(out) and os.path.getmtime(out) > max(os.path.getmtime(p) for p in (src, inputs_c, lib)):
        return out
    pc = subprocess.run(["pkg-config", "--cflags", "--libs", "jansson", "uuid"], stdout=subprocess.PIPE, check=True)
    say("   (the release build has no bench-ovo target; building it here)")
    fl.run([cc, "-O3", "-DNDEBUG", "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-D_DEFAULT_SOURCE",
            "-I" + os.path.join(fl.ROOT, "target", "include"), "-I" + os.path.join(fl.ROOT, "target", "tools"),
            src, inputs_c, lib] + shlex.split(pc.stdout.decode()) + ["-lm", "-o", out])
    return out


def jansson_harness(args, work):
    """fuzz_jansson_parse from the libfuzzer build, or compiled here with the
    flags the libfuzzer build uses for fuzz_primitive."""
    b = fl.binary("libfuzzer", "fuzz_jansson_parse")
    if b:
        return b
    bdir = fl.preset_binary_dir("libfuzzer")
    src = os.path.join(fl.ROOT, "harnesses", "bench", "fuzz_jansson_parse.c")
    out = os.path.join(work, "fuzz_jansson_parse")
    if os.path.exists(out) and os.path.getmtime(out) > os.path.getmtime(src):
        return out
    try:
        with open(os.path.join(bdir, "compile_commands.json")) as fh:
            cc_db = json.load(fh)
    except OSError:
        raise Error("no fuzz_jansson_parse in the libfuzzer build, and no compile_commands.json "
                    "to copy its flags from")
    entry = next((e for e in cc_db if e["file"].endswith("harnesses/fuzz_primitive.c")), None)
    if not entry:
        raise Error("compile_commands.json of the libfuzzer build has no fuzz_primitive.c")
    argv = entry.get("arguments") or shlex.split(entry["command"])
    compiler = argv[0]
    flags = []
    skip = False
    for a in argv[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c", "-MF", "-MT", "-MQ"):
            skip = a != "-c"
            continue
        if a in ("-MD", "-MMD") or a == entry["file"] or a.endswith("fuzz_primitive.c"):
            continue
        flags.append(a)
    sans = set()
    for a in flags:
        if a.startswith("-fsanitize="):
            sans.update(a.split("=", 1)[1].split(","))
    sans.discard("fuzzer-no-link")
    sans.add("fuzzer")
    say("   (the libfuzzer build has no fuzz_jansson_parse target; building it here with "
        "fuzz_primitive's flags)")
    obj = out + ".o"
    fl.run([compiler] + flags + ["-c", src, "-o", obj], cwd=entry.get("directory"))
    pc = subprocess.run(["pkg-config", "--libs", "jansson"], stdout=subprocess.PIPE, check=True)
    link = [compiler, "-fsanitize=" + ",".join(sorted(sans)), obj] + shlex.split(pc.stdout.decode()) + ["-o", out]
    if compiler.endswith("clang"):
        link[0] = compiler + "++" if fl.tool(os.path.basename(compiler) + "++") else compiler
    fl.run(link)
    return out


# --- datasets -------------------------------------------------------------------

def datasets(work):
    conf = os.path.join(work, "conformance.jsonl")
    files = sorted(f for f in os.listdir(fl.CONFORMANCE_DIR) if f.endswith(".jsonl"))
    if not files:
        raise Error("corpus/conformance/*.jsonl not found")
    with open(conf, "wb") as out:
        for f in files:
            with open(os.path.join(fl.CONFORMANCE_DIR, f), "rb") as fh:
                data = fh.read()
            out.write(data if data.endswith(b"\n") or not data else data + b"\n")
    port = os.path.join(work, "port-family.jsonl")
    valid_in = os.path.join(fl.CONFORMANCE_DIR, "valid.jsonl")
    valid_ex = os.path.join(fl.CONFORMANCE_DIR, "valid.expected")
    lines = []
    with open(valid_in, "rb") as a, open(valid_ex, "rb") as b:
        for inp, exp in zip(a.read().split(b"\n"), b.read().split(b"\n")):
            if not inp:
                continue
            try:
                doc = json.loads(inp)
                outcome = json.loads(exp)
            except ValueError:
                continue
            if isinstance(doc, dict) and doc.get("versioned_object.name") in PORT_FAMILY \
                    and outcome.get("outcome") == "accept":
                lines.append(inp)
    if not lines:
        raise Error("no accepted Port-family primitive in corpus/conformance/valid.jsonl")
    with open(port, "wb") as out:
        out.write(b"\n".join(lines) + b"\n")
    port_rep = os.path.join(work, "port-family-x.jsonl")
    k = max(1, PORT_REPEAT_TO // len(lines))
    with open(port_rep, "wb") as out:
        for _ in range(k):
            out.write(b"\n".join(lines) + b"\n")
    empty = os.path.join(work, "empty.jsonl")
    open(empty, "wb").close()
    return {"conformance": conf, "port": port, "port_rep": port_rep, "empty": empty}


def jsonl_stats(path):
    with open(path, "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return len(lines), sum(len(x) for x in lines)


def time_cmd(cmd, runs, env=None):
    """Median, min, max wall seconds of cmd (stdout discarded)."""
    full_env = fl.clean_env(env)
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env, cwd=fl.ROOT)
        dt = time.monotonic() - t0
        if r.returncode != 0:
            raise Error("exit %d: %s\n%s" % (r.returncode, fl.fmt_cmd(cmd), r.stderr.decode()[-2000:]))
        times.append(dt)
    return median_range(times)


def bench_ovo(binary, spec_args, runs):
    cmd = [binary, "--json", "--runs", str(runs)] + spec_args
    r = fl.run(cmd, capture=True)
    rows = {}
    for line in r.stdout.decode().splitlines():
        if line.startswith("{"):
            d = json.loads(line)
            if "case" in d:
                rows[d["case"]] = d
    return rows


# --- sections -------------------------------------------------------------------

def section_machine(args):
    say("== machine")
    say("nproc        %d" % fl.nproc())
    say("CPU          %s" % fl.cpu_model())
    say("kernel       %s %s" % (platform.system(), platform.release()))
    load = os.getloadavg()
    say("load         %.2f %.2f %.2f (1, 5, 15 min)%s" % (
        load[0], load[1], load[2],
        "  -- busy machine: the figures are noisy" if load[0] > 0.5 * fl.nproc() else ""))
    cache = fl.preset_cache("release")
    cc = cache.get("CMAKE_C_COMPILER")
    say("compiler     %s (release build, %s)" % (first_line([cc, "--version"]) if cc else "release build not configured",
                                                 cache.get("CMAKE_BUILD_TYPE", "?")))
    lf = fl.preset_cache("libfuzzer") if fl.has_preset("libfuzzer") else {}
    if lf.get("CMAKE_C_COMPILER"):
        say("libFuzzer    %s (%s)" % (first_line([lf["CMAKE_C_COMPILER"], "--version"]),
                                      lf.get("OVO_SANITIZE") or lf.get("CMAKE_C_FLAGS", "") or "see CMakePresets.json"))
    pc = subprocess.run(["pkg-config", "--modversion", "jansson"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    say("jansson      %s" % (pc.stdout.decode().strip() or "?"))
    say("reference    %s (scripts/reference-oracle)" % first_line(["/usr/bin/python3", "--version"]))
    say()


def section_cli(args, work, ds, bench_bin):
    say("== (1) throughput: ovo-check (release build) next to jansson parse-only and the reference")
    ovo_check = os.path.join(fl.preset_binary_dir("release"), "ovo-check")
    rows = []
    startup = None
    if not args.no_reference:
        oracle = os.path.join(fl.ROOT, "scripts", "reference-oracle")
        subprocess.run([os.path.join(fl.ROOT, "scripts", "lib", "ensure-reference")], check=True)
        fl.show_cmd([oracle, "--jsonl", ds["empty"]])
        startup = time_cmd([oracle, "--jsonl", ds["empty"]], args.reference_runs)[0]
    for name, path, uniq in (("conformance", ds["conformance"], ds["conformance"]),
                             ("port-family", ds["port_rep"], ds["port"])):
        n, nbytes = jsonl_stats(path)
        for mode in ("reference", "strict"):
            cmd = [ovo_check, "--mode", mode, "--jsonl", path]
            fl.show_cmd(cmd, suffix=">/dev/null")
            med, lo, hi = time_cmd(cmd, args.runs)
            rows.append((name, n, nbytes, "ovo-check --mode %s" % mode, med, lo, hi))
        j = bench_ovo_cached(bench_bin, uniq, args.runs)["jansson.parse"]
        per = j["ns_per_input"] / 1e9
        un, ubytes = jsonl_stats(uniq)
        rows.append((name, un, ubytes, "jansson parse-only (in-process)", per * un,
                     j["min_ns_per_input"] / 1e9 * un, j["max_ns_per_input"] / 1e9 * un))
        if not args.no_reference:
            cmd = [oracle, "--jsonl", path]
            fl.show_cmd(cmd, suffix=">/dev/null")
            med, lo, hi = time_cmd(cmd, args.reference_runs)
            rows.append((name, n, nbytes, "reference-oracle (Python)", max(1e-9, med - startup),
                         max(1e-9, lo - startup), max(1e-9, hi - startup)))
    say()
    say("%-12s %-34s %8s %9s %12s %9s   %s" % ("dataset", "tool", "inputs", "MB", "inputs/s", "MB/s",
                                               "[range inputs/s]"))
    for name, n, nbytes, toolname, med, lo, hi in rows:
        say("%-12s %-34s %8d %9.2f %12.0f %9.2f   [%.0f .. %.0f]" % (
            name, toolname, n, nbytes / 1e6, n / med, nbytes / 1e6 / med, n / hi, n / lo))
    say("(ovo-check: whole process, %d runs; jansson: in-process per input over the distinct inputs;"
        % args.runs)
    if startup is not None:
        say(" reference: %d run(s), its start-up of %.2f s subtracted; port-family is %d distinct inputs repeated)"
            % (args.reference_runs, startup, jsonl_stats(ds["port"])[0]))
    else:
        say(" port-family is %d distinct inputs repeated)" % jsonl_stats(ds["port"])[0])
    say()


_BENCH_CACHE = {}


def bench_ovo_cached(bench_bin, jsonl, runs):
    key = (jsonl, runs)
    if key not in _BENCH_CACHE:
        _BENCH_CACHE[key] = bench_ovo(bench_bin, ["--jsonl", jsonl], runs)
    return _BENCH_CACHE[key]


def section_deser(args, work, ds, bench_bin):
    say("== (2) libovo's deserialization alone vs jansson's parse of the same bytes (bench-ovo)")
    valid_acc = os.path.join(work, "valid-accepted.jsonl")
    with open(os.path.join(fl.CONFORMANCE_DIR, "valid.jsonl"), "rb") as a, \
            open(os.path.join(fl.CONFORMANCE_DIR, "valid.expected"), "rb") as b, open(valid_acc, "wb") as out:
        for inp, exp in zip(a.read().split(b"\n"), b.read().split(b"\n")):
            if inp and b'"outcome":"accept"' in exp:
                out.write(inp + b"\n")
    for name, path in (("port-family", ds["port"]), ("all valid objects", valid_acc),
                       ("conformance", ds["conformance"])):
        rows = bench_ovo_cached(bench_bin, path, args.runs)
        n, nbytes = jsonl_stats(path)
        say()
        say("-- %s: %d inputs, %.1f KB" % (name, n, nbytes / 1e3))
        say("%-22s %12s %12s %9s   %s" % ("case", "ns/input", "inputs/s", "MB/s", "[range ns/input]"))
        for case in ("jansson.parse", "ovo.json_loads", "ovo.evaluate", "ovo.evaluate+strict",
                     "jansson.parse.tree", "ovo.from_tree"):
            r = rows[case]
            say("%-22s %12.1f %12.0f %9.2f   [%.1f .. %.1f]" % (case, r["ns_per_input"], r["inputs_per_s"],
                                                               r["mb_per_s"], r["min_ns_per_input"],
                                                               r["max_ns_per_input"]))
        d = rows["ovo.deserialize"]
        t = rows["ovo.from_tree/jansson.parse.tree"]
        goal = "  [goal <= 0.333: %s]" % ("met" if d["ratio_to_jansson_parse"] <= 1 / 3 else "NOT met") \
            if name == "port-family" else ""
        say("%-22s %12.1f   (ovo.evaluate - ovo.json_loads)" % ("ovo.deserialize", d["ns_per_input"]))
        say("deserialize / jansson.parse = %.3f%s" % (d["ratio_to_jansson_parse"], goal))
        say("from_tree / jansson.parse.tree = %.3f  (ovo_evaluate_jansson on a parsed tree; includes "
            "converting the tree)" % t["ratio"])
    say()


def libfuzzer_exec_s(binary, corpus_dirs, seconds, seed, max_len, dict_path, env):
    """Run a libFuzzer binary for `seconds` on a copy-free corpus (an empty
    first directory takes the new units).  Returns (steady exec/s, overall
    exec/s, cmd): steady is measured from the INITED line (the seeds are
    loaded) to the last status line, timestamped as they arrive; overall is
    libFuzzer's own average_exec_per_sec, which includes loading the seeds."""
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        cmd = [binary, "-max_total_time=%d" % seconds, "-print_final_stats=1", "-seed=%d" % seed,
               "-timeout=%d" % fl.DEFAULT_TIMEOUT, "-rss_limit_mb=%d" % fl.DEFAULT_RSS_LIMIT_MB]
        if max_len:
            cmd.append("-max_len=%s" % max_len)
        if dict_path:
            cmd.append("-dict=%s" % dict_path)
        cmd += [tmp] + corpus_dirs
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=fl.clean_env(env), cwd=fl.ROOT)
        inited = None
        last = None
        text = []
        for raw in p.stderr:
            now = time.monotonic()
            line = raw.decode("utf-8", "replace")
            text.append(line)
            m = re.match(r"^#(\d+)\s+(\w+)", line)
            if m:
                n = int(m.group(1))
                if m.group(2) == "INITED":
                    inited = (n, now)
                elif inited:
                    last = (n, now)
        p.wait()
        out = "".join(text)
        stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", out, re.M))
        if "average_exec_per_sec" not in stats:
            c = fl.classify(fl.Outcome(p.returncode, out, False, 0, 0))
            raise Error("%s stopped early (%s): %s" % (fl.rel(binary), c.signature, fl.fmt_cmd(cmd)))
        steady = None
        if inited and last and last[1] - inited[1] > 0.5:
            steady = (last[0] - inited[0]) / (last[1] - inited[1])
        return steady, int(stats["average_exec_per_sec"]), cmd


def replay_exec_s(binary, files, runs, env):
    """Run a libFuzzer binary as a pure replayer over `files` (libFuzzer runs
    each file argument -runs times and mutates nothing).  Returns (exec/s, cmd);
    the process start is measured on one run and subtracted."""
    def wall(cmd):
        t = time.monotonic()
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=fl.clean_env(env), cwd=fl.ROOT)
        if p.returncode != 0:
            raise Error("%s failed: %s" % (fl.rel(binary), p.stderr.decode("utf-8", "replace")[-400:]))
        return time.monotonic() - t
    start = wall([binary, "-runs=1", files[0]])
    cmd = [binary, "-runs=%d" % runs] + files
    elapsed = max(wall(cmd) - start, 1e-9)
    return len(files) * runs / elapsed, cmd


def section_harness_same_inputs(args, base):
    """The goal's comparison: fuzz_primitive and fuzz_jansson_parse over the
    same seeds with the same engine and sanitizers, no mutation."""
    primitive = fl.binary("libfuzzer", "fuzz_primitive")
    seeds = fl.seeds_dir("fuzz_primitive")
    if not primitive or not fl.nonempty_dir(seeds):
        return
    files = sorted(os.path.join(seeds, f) for f in os.listdir(seeds) if not f.startswith("."))
    env = fl.sanitizer_env()
    say("== (3b) same inputs: fuzz_primitive's %d seeds replayed %d times each, median of %d"
        % (len(files), args.replay_runs, args.runs))
    rates = {}
    for name, binary in (("fuzz_primitive", primitive), ("fuzz_jansson_parse", base)):
        values = []
        for r in range(args.runs):
            rate, cmd = replay_exec_s(binary, files, args.replay_runs, env)
            if r == 0:
                fl.show_cmd(cmd[:2] + ["<%d seed files>" % len(files)], env)
            values.append(rate)
        rates[name] = median_range(values)
        med, lo, hi = rates[name]
        say("%-22s %12.0f exec/s %22s" % (name, med, "[%d .. %d]" % (lo, hi)))
    ratio = rates["fuzz_primitive"][0] / rates["fuzz_jansson_parse"][0]
    say("fuzz_primitive / fuzz_jansson_parse on the same inputs = %.3f  [goal >= 0.5: %s]"
        % (ratio, "met" if ratio >= 0.5 else "NOT met"))
    say("(fuzz_primitive evaluates each input in reference and strict mode, validates and "
        "round-trips strict-accepted objects; jansson itself is not instrumented)")
    say()


def section_harness(args, work):
    say("== (3) harness speed: libFuzzer exec/s on the seeds, %d s per run, median of %d" % (args.seconds, args.runs))
    targets = fl.resolve_targets(args.targets.split(",") if args.targets else [], "libfuzzer")
    missing = [t for t in targets if not fl.binary("libfuzzer", t)]
    if missing:
        raise Error("no libfuzzer build of %s (run without --no-build)" % ", ".join(missing))
    base = jansson_harness(args, work)
    env = fl.sanitizer_env()
    results = {}
    jobs = [(t, fl.binary("libfuzzer", t), t) for t in targets]
    jobs.append(("fuzz_jansson_parse", base, "fuzz_primitive"))
    shown = set()
    for name, binary, seeds_of in jobs:
        options = fl.read_options(seeds_of)
        max_len = options.get("libfuzzer", {}).get("max_len")
        dict_path = fl.dictionary(seeds_of, options)
        corpus = [d for d in (fl.seeds_dir(seeds_of),) if fl.nonempty_dir(d)]
        steady, overall = [], []
        for r in range(args.runs):
            st, ov, cmd = libfuzzer_exec_s(binary, corpus, args.seconds, r + 1, max_len, dict_path, env)
            if name not in shown:
                fl.show_cmd(cmd[:-len(corpus) - 1] + ["<empty dir>"] + corpus, env)
                shown.add(name)
            if st is not None:
                steady.append(st)
            overall.append(ov)
        results[name] = (median_range(steady) if steady else (0, 0, 0), median_range(overall))
    jm = results["fuzz_jansson_parse"][0][0]
    say()
    say("%-22s %12s %22s %10s %14s" % ("harness", "exec/s", "[range]", "/ jansson", "incl. seeds"))
    for name, ((med, lo, hi), (omed, _, _)) in results.items():
        say("%-22s %12.0f %22s %10.3f %14.0f" % (name, med, "[%d .. %d]" % (lo, hi), med / jm if jm else 0, omed))
    if "fuzz_primitive" in results:
        ratio = results["fuzz_primitive"][0][0] / jm if jm else 0
        say("fuzz_primitive / fuzz_jansson_parse while fuzzing = %.3f (not comparable: the "
            "jansson harness's corpus shrinks to a few tiny inputs; see 3b)" % ratio)
    say("(exec/s: fuzzing after the seeds are loaded (libFuzzer's INITED line) to the end of the run;")
    say(" incl. seeds: libFuzzer's average_exec_per_sec over the whole run, loading the seeds included)")
    say("(fuzz_jansson_parse runs on fuzz_primitive's seeds, dictionary and max_len; jansson itself is the "
        "system library, not instrumented, in both)")
    say()
    section_harness_same_inputs(args, base)


def main(argv):
    args = parse_args(argv)
    if not args.no_setup:
        fl.need_packages(fl.build_packages())
    work = os.path.join(fl.OUT_DIR, "bench")
    os.makedirs(work, exist_ok=True)
    need_release = any(s in args.sections for s in ("cli", "deser"))
    if not args.no_build:
        if need_release:
            say("== build: preset release")
            fl.build("release", ["ovo-check", "bench-ovo"])
        if "harness" in args.sections:
            if not fl.has_preset("libfuzzer"):
                raise Error("CMakePresets.json has no 'libfuzzer' preset")
            say("== build: preset libfuzzer")
            fl.build("libfuzzer", fl.resolve_targets(args.targets.split(",") if args.targets else [], "libfuzzer")
                     + ["fuzz_jansson_parse"])
    say()
    if "machine" in args.sections:
        section_machine(args)
    ds = datasets(work) if need_release else None
    bench_bin = bench_ovo_binary(args, work) if need_release else None
    if "cli" in args.sections:
        section_cli(args, work, ds, bench_bin)
    if "deser" in args.sections:
        section_deser(args, work, ds, bench_bin)
    if "harness" in args.sections:
        section_harness(args, work)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Error as e:
        print("bench: error: %s" % e, file=sys.stderr)
        sys.exit(1)
