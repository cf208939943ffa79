"""Shared by scripts/fuzz, scripts/triage, scripts/coverage and scripts/bench:
the repository layout, printed commands, Debian packages, CMake presets,
fuzz targets, .options/.dict files, and the classification of what a
harness printed when it failed.  Python standard library only."""
import configparser
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HARNESS_DIR = os.path.join(ROOT, "harnesses")
SEEDS_DIR = os.path.join(ROOT, "corpus", "seeds")
REGRESSIONS_DIR = os.path.join(ROOT, "corpus", "regressions")
CONFORMANCE_DIR = os.path.join(ROOT, "corpus", "conformance")
DICT_DIR = os.path.join(ROOT, "dictionaries")
OUT_DIR = os.path.join(ROOT, "out")

# OSS-Fuzz's defaults for libFuzzer runs (base-runner FUZZER_ARGS).
DEFAULT_TIMEOUT = 25
DEFAULT_RSS_LIMIT_MB = 2560

# Exit status of the replay driver when an input ran past -timeout.
REPLAY_TIMEOUT_EXIT = 70


class Error(Exception):
    """A real error: the script prints it and exits non-zero."""


# --- printing ---------------------------------------------------------------

def rel(path):
    """A path relative to the repository when it lies inside it."""
    p = os.path.abspath(path)
    if p == ROOT:
        return "."
    if p.startswith(ROOT + os.sep):
        return p[len(ROOT) + 1:]
    return path


# Variables of the harness contract: a run sets them itself or not at all.
CONTRACT_VARS = ("OVO_FINDINGS_DIR", "OVO_ABORT_ON", "OVO_FUZZ_VERBOSE")


def clean_env(env=None):
    """The inherited environment without the harness contract's variables,
    plus env (a value of None removes a variable)."""
    full = {k: v for k, v in os.environ.items() if k not in CONTRACT_VARS}
    for k, v in (env or {}).items():
        if v is None:
            full.pop(k, None)
        else:
            full[k] = v
    return full


def fmt_cmd(cmd, env=None, cwd=None):
    parts = []
    if cwd and os.path.abspath(cwd) != ROOT:
        parts.append("cd %s &&" % shlex.quote(rel(cwd)))
    for k, v in sorted((env or {}).items()):
        if v is None:
            continue
        parts.append("%s=%s" % (k, shlex.quote(rel(v) if os.path.isabs(v) else v)))
    for i, a in enumerate(cmd):
        a = rel(a) if os.path.isabs(a) else a
        if i == 0 and os.path.isabs(a) and shutil.which(os.path.basename(a)) == a:
            a = os.path.basename(a)      # a tool on PATH: its name
        parts.append(shlex.quote(a.replace(ROOT + os.sep, "")))
    return " ".join(parts)


def say(msg=""):
    print(msg, flush=True)


def show_cmd(cmd, env=None, cwd=None, suffix=""):
    """Print a command the way it can be pasted into a shell (zstd's fuzz.py
    does the same): only the variables the script adds are shown."""
    say("$ " + fmt_cmd(cmd, env, cwd) + (" " + suffix if suffix else ""))


def run(cmd, env=None, cwd=None, check=True, quiet=False, capture=False, timeout=None):
    """Run a command after printing it.  env holds the variables added to
    the inherited environment."""
    if not quiet:
        show_cmd(cmd, env, cwd)
    full_env = clean_env(env)
    r = subprocess.run(cmd, env=full_env, cwd=cwd or ROOT, timeout=timeout,
                       stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.STDOUT if capture else None)
    if check and r.returncode != 0:
        out = ""
        if capture and r.stdout:
            out = "\n" + r.stdout.decode("utf-8", "replace")[-4000:]
        raise Error("command failed (exit %d): %s%s" % (r.returncode, fmt_cmd(cmd, env, cwd), out))
    return r


# --- packages ---------------------------------------------------------------

def need_packages(pkgs):
    """Install missing Debian packages with scripts/lib/deps.sh (apt-get)."""
    if not shutil.which("dpkg-query"):
        return
    missing = []
    for p in pkgs:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", p],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if b"install ok installed" not in r.stdout:
            missing.append(p)
    if not missing:
        return
    deps = os.path.join(ROOT, "scripts", "lib", "deps.sh")
    run(["sh", "-c", '. "$0"; ovo_need_packages "$@"', deps] + missing)


def build_packages():
    """The packages every build needs, as scripts/lib/deps.sh lists them."""
    deps = os.path.join(ROOT, "scripts", "lib", "deps.sh")
    r = subprocess.run(["sh", "-c", '. "$0"; echo "$OVO_BUILD_PACKAGES"', deps],
                       stdout=subprocess.PIPE, check=True)
    return r.stdout.decode().split()


def nproc():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def tool(*names):
    """The first of names on PATH, or None."""
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


# --- CMake presets ----------------------------------------------------------

def _preset_file():
    path = os.path.join(ROOT, "CMakePresets.json")
    try:
        with open(path) as fh:
            return json.load(fh)
    except (OSError, ValueError) as e:
        raise Error("CMakePresets.json: %s" % e)


def _presets():
    return {p["name"]: p for p in _preset_file().get("configurePresets", [])}


def _build_preset_for(configure):
    """A build preset of that name using that configure preset (it may set
    environment variables the build needs, e.g. AFL_LLVM_CMPLOG)."""
    for p in _preset_file().get("buildPresets", []):
        if p.get("name") == configure and p.get("configurePreset") == configure:
            return configure
    return None


def preset_names():
    return sorted(_presets())


def has_preset(name):
    return name in _presets()


def preset_binary_dir(name):
    presets = _presets()
    if name not in presets:
        raise Error("CMakePresets.json has no configure preset '%s' (have: %s)"
                    % (name, ", ".join(sorted(presets))))
    seen = set()
    p = presets[name]
    while "binaryDir" not in p:
        inh = p.get("inherits")
        if isinstance(inh, list):
            inh = inh[0] if inh else None
        if not inh or inh in seen or inh not in presets:
            return os.path.join(ROOT, "build", name)
        seen.add(inh)
        p = presets[inh]
    d = p["binaryDir"].replace("${sourceDir}", ROOT).replace("${presetName}", name)
    return os.path.normpath(os.path.join(ROOT, d))


def preset_cache(name):
    """CMakeCache.txt of a configured preset as a dict (empty if absent)."""
    cache = {}
    path = os.path.join(preset_binary_dir(name), "CMakeCache.txt")
    try:
        with open(path) as fh:
            for line in fh:
                m = re.match(r"^([A-Za-z_0-9.]+):[A-Z]+=(.*)$", line.rstrip("\n"))
                if m:
                    cache[m.group(1)] = m.group(2)
    except OSError:
        pass
    return cache


def build_targets_available(bdir):
    """Names of the targets a configured build directory knows."""
    r = subprocess.run(["cmake", "--build", bdir, "--target", "help"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    names = set()
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        m = re.match(r"^\.\.\. (\S+)", line)  # Unix Makefiles
        if m:
            names.add(m.group(1))
            continue
        m = re.match(r"^([A-Za-z0-9_.+-]+): ", line)  # Ninja
        if m:
            names.add(m.group(1))
    return names


def build(preset, targets=None, jobs=None):
    """Configure (first time) and build a preset; only the given targets
    when the build knows them.  The compiler's output goes to
    out/logs/build-<preset>.log (its tail is shown when the build fails).
    Returns the names the build does not know."""
    bdir = preset_binary_dir(preset)
    logdir = os.path.join(OUT_DIR, "logs")
    os.makedirs(logdir, exist_ok=True)
    log = os.path.join(logdir, "build-%s.log" % preset)
    steps = []
    if not os.path.exists(os.path.join(bdir, "CMakeCache.txt")):
        steps.append(["cmake", "--preset", preset])
    bp = _build_preset_for(preset)
    cmd = ["cmake", "--build"] + (["--preset", bp] if bp else [bdir]) + ["-j", str(jobs or nproc())]
    missing = []
    with open(log, "wb") as fh:
        for step in steps:
            _logged(step, fh, log)
        if targets:
            known = build_targets_available(bdir)
            if not steps and any(t not in known for t in targets):
                # configured before those sources existed: configure again
                _logged(["cmake", "--preset", preset], fh, log)
                known = build_targets_available(bdir)
            want = [t for t in targets if t in known]
            missing = [t for t in targets if t not in known]
            if not want:
                return missing
            for t in want:
                cmd += ["--target", t]
        _logged(cmd, fh, log)
    return missing


def _logged(cmd, fh, log):
    say("$ %s  >%s" % (fmt_cmd(cmd), rel(log)))
    fh.write(("$ %s\n" % fmt_cmd(cmd)).encode())
    fh.flush()
    r = subprocess.run(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        fh.flush()
        with open(log, "rb") as rf:
            tail = rf.read()[-6000:].decode("utf-8", "replace")
        raise Error("command failed (exit %d): %s\n--- last lines of %s:\n%s"
                    % (r.returncode, fmt_cmd(cmd), rel(log), tail))


# --- targets, corpora, options ----------------------------------------------

def source_targets():
    """fuzz_<x> for every harnesses/fuzz_<x>.c."""
    try:
        names = os.listdir(HARNESS_DIR)
    except OSError:
        return []
    return sorted(n[:-2] for n in names if n.startswith("fuzz_") and n.endswith(".c"))


def binary(preset, target):
    """The harness binary of a preset build, or None."""
    bdir = preset_binary_dir(preset)
    for cand in (os.path.join(bdir, "harnesses", target), os.path.join(bdir, "harnesses", "bench", target),
                 os.path.join(bdir, target)):
        if os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def all_targets(preset=None):
    """Targets from the sources, plus binaries a preset build holds."""
    names = set(source_targets())
    if preset and has_preset(preset):
        d = os.path.join(preset_binary_dir(preset), "harnesses")
        if os.path.isdir(d):
            for n in os.listdir(d):
                p = os.path.join(d, n)
                if n.startswith("fuzz_") and os.path.isfile(p) and os.access(p, os.X_OK):
                    names.add(n)
    names.discard("fuzz_jansson_parse")  # the benchmark baseline, not a target
    return sorted(names)


def resolve_targets(names, preset=None):
    """Accept fuzz_uuid or uuid; an empty list means every target."""
    known = all_targets(preset)
    if not names:
        if not known:
            raise Error("no fuzz targets: harnesses/fuzz_*.c not found")
        return known
    out = []
    for n in names:
        t = n if n.startswith("fuzz_") else "fuzz_" + n
        if known and t not in known:
            raise Error("unknown target %s (targets: %s)" % (n, ", ".join(known)))
        out.append(t)
    return out


def seeds_dir(target):
    return os.path.join(SEEDS_DIR, target)


def coverage_corpus_dir(target):
    """corpus/coverage/<target>: inputs merged from campaigns for coverage,
    replayed by the tests, never used as seeds."""
    return os.path.join(ROOT, "corpus", "coverage", target)


def regressions_dir(target):
    """corpus/regressions/<target>/inputs (the replayed reproducers)."""
    base = os.path.join(REGRESSIONS_DIR, target)
    inputs = os.path.join(base, "inputs")
    return inputs if os.path.isdir(inputs) else base


def nonempty_dir(d):
    try:
        return any(not n.startswith(".") for n in os.listdir(d))
    except OSError:
        return False


def read_options(target):
    """dictionaries/<target>.options as {section: {key: value}}."""
    path = os.path.join(DICT_DIR, target + ".options")
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str
    try:
        cp.read(path)
    except configparser.Error as e:
        raise Error("%s: %s" % (rel(path), e))
    return {s: dict(cp.items(s)) for s in cp.sections()}


def dictionary(target, options=None):
    """The dictionary a run uses: `dict =` in the options, else <t>.dict."""
    options = options if options is not None else read_options(target)
    for section in ("libfuzzer", "afl"):
        d = options.get(section, {}).get("dict")
        if d:
            p = d if os.path.isabs(d) else os.path.join(DICT_DIR, d)
            if os.path.isfile(p):
                return p
    p = os.path.join(DICT_DIR, target + ".dict")
    return p if os.path.isfile(p) else None


def libfuzzer_option_flags(options, skip=("dict",)):
    """The [libfuzzer] section as -key=value flags."""
    return ["-%s=%s" % (k, v) for k, v in options.get("libfuzzer", {}).items() if k not in skip]


def sanitizer_env(options=None, extra_asan="", rss_limit_mb=None):
    """ASAN_OPTIONS / UBSAN_OPTIONS for runs: report, symbolize, and the
    options file's [asan] / [ubsan] sections appended (OSS-Fuzz order)."""
    options = options or {}
    asan = ["symbolize=1", "handle_abort=1", "detect_leaks=1",
            "allocator_may_return_null=1", "print_summary=1"]
    if rss_limit_mb:
        asan.append("hard_rss_limit_mb=%d" % rss_limit_mb)
    if extra_asan:
        asan.append(extra_asan)
    ubsan = ["print_stacktrace=1", "halt_on_error=1", "silence_unsigned_overflow=1",
             "print_summary=1"]
    asan += ["%s=%s" % kv for kv in options.get("asan", {}).items()]
    ubsan += ["%s=%s" % kv for kv in options.get("ubsan", {}).items()]
    env = {"ASAN_OPTIONS": ":".join(asan), "UBSAN_OPTIONS": ":".join(ubsan)}
    if not shutil.which("llvm-symbolizer"):
        sym = tool("llvm-symbolizer-14")
        if sym:
            env["ASAN_SYMBOLIZER_PATH"] = sym
    return env


def sha1_file(path):
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def list_files(path, skip_names=("README.txt", ".state", ".cur_input", ".synced")):
    """Regular files below path (or path itself), sorted, dotfiles and
    AFL's bookkeeping skipped."""
    if os.path.isfile(path):
        return [path]
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or f in skip_names:
                continue
            found.append(os.path.join(root, f))
    return found


def fmt_duration(sec):
    if sec is None:
        return "-"
    sec = int(round(sec))
    if sec < 60:
        return "%ds" % sec
    if sec < 3600:
        return "%dm%02ds" % (sec // 60, sec % 60)
    return "%dh%02dm" % (sec // 3600, (sec % 3600) // 60)


def parse_duration(text):
    """'90', '90s', '5m', '1h30m' -> seconds."""
    m = re.fullmatch(r"\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s?)?\s*", text)
    if not m or not any(m.groups()):
        raise ValueError("bad duration '%s' (e.g. 90, 90s, 5m, 1h)" % text)
    h, mi, s = (int(g) if g else 0 for g in m.groups())
    return h * 3600 + mi * 60 + s


def fmt_count(n):
    n = float(n)
    for unit in ("", "k", "M", "G"):
        if abs(n) < 1000:
            return ("%.0f%s" if unit == "" else "%.1f%s") % (n, unit)
        n /= 1000
    return "%.1fT" % n


# --- running one harness on one input ----------------------------------------

class Outcome:
    """What one execution did."""

    def __init__(self, rc, output, timed_out, max_rss_mb, seconds):
        self.rc = rc
        self.output = output
        self.timed_out = timed_out
        self.max_rss_mb = max_rss_mb
        self.seconds = seconds


def execute(cmd, env=None, timeout=None, cwd=None):
    """Run cmd with stdout+stderr captured, a wall-clock limit (the process
    group is killed) and the child's peak RSS."""
    full_env = clean_env(env)
    start = time.monotonic()
    p = subprocess.Popen(cmd, env=full_env, cwd=cwd or ROOT, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    chunks = []
    import threading

    def reader():
        for chunk in iter(lambda: p.stdout.read(65536), b""):
            chunks.append(chunk)

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    timed_out = False
    status = None
    ru = None
    while True:
        pid, st, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            status, ru = st, usage
            break
        if timeout is not None and time.monotonic() - start > timeout:
            timed_out = True
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
            pid, status, ru = os.wait4(p.pid, 0)
            break
        time.sleep(0.005 if time.monotonic() - start < 1 else 0.05)
    p.returncode = os.waitstatus_to_exitcode(status)
    th.join(5)
    p.stdout.close()
    out = b"".join(chunks).decode("utf-8", "replace")
    return Outcome(p.returncode, out, timed_out, ru.ru_maxrss / 1024.0 if ru else 0.0,
                   time.monotonic() - start)


# --- classification -----------------------------------------------------------

# Frames that say nothing about where libovo went wrong.
_NOISE_FRAME = re.compile(
    r"^(__asan|__ubsan|__sanitizer|__interceptor|__lsan|__msan|__libc|_start$|abort$|raise$|"
    r"__GI_|__assert|__pthread|gsignal|fuzzer::|main$|_IO_|__cxa|"
    r"(std::)?__1::|malloc$|calloc$|realloc$|free$|strdup$|memcpy$|memmove$|memset$|"
    r"fz_(fail|abort|oracle|die|check|report)|ovo_fuzz_abort|replay_)")
_NOISE_FILE = re.compile(r"(compiler-rt|/libc|libFuzzer|sanitizer_common|/afl|aflpp_driver|"
                         r"replay_main\.c)")

_FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-fA-F]+ in (.+?) (/[^\s:]+|[^\s:]+\.(?:c|h|cc|cpp|inc))"
                    r"(?::(\d+))?(?::(\d+))?\s*$")
_FRAME_NOFILE = re.compile(r"^\s*#(\d+) 0x[0-9a-fA-F]+ in (\S+)")
_FINDING = re.compile(r"((?:bypass|crash|diff)[:.][A-Za-z0-9_.:+\-]+)")


def _frames(lines, start=0, limit=64):
    """Stack frames following line index start: dicts with func/file/line."""
    frames = []
    seen_stack = False
    for line in lines[start:]:
        m = _FRAME.match(line)
        if m:
            seen_stack = True
            file_ = m.group(3)
            file_ = re.sub(r"^.*?/(target|harnesses|tests)/", r"\1/", file_)
            frames.append({"func": m.group(2).split("(")[0], "file": file_,
                           "line": int(m.group(4)) if m.group(4) else None})
            if len(frames) >= limit:
                break
            continue
        m = _FRAME_NOFILE.match(line)
        if m:
            seen_stack = True
            frames.append({"func": m.group(2).split("(")[0], "file": None, "line": None})
            continue
        if seen_stack and not line.strip():
            break
    return frames


def useful_frames(frames):
    out = []
    for f in frames:
        if _NOISE_FRAME.search(f["func"]):
            continue
        if f["file"] and _NOISE_FILE.search(f["file"]):
            continue
        out.append(f)
    return out


def _slug(text, maxlen=48):
    s = re.sub(r"[^A-Za-z0-9]+", "-", text.lower()).strip("-")
    return s[:maxlen].rstrip("-")


# bypass:..., crash...., roundtrip...., diff.... (harnesses/README.md "Findings")
_SIG = re.compile(r"^[A-Za-z][A-Za-z0-9_]*[.:][^\s]+$")
_VERBOSE_FINDING = re.compile(r"ovofuzz: (?:input has )?finding (\S+)")


def findings_in(text):
    """Finding signatures a harness printed: the replay driver's
    -print_findings lines ("<path>\t<sig> <sig>..." or "-") and the
    harness's own "ovofuzz: finding <sig>" lines (OVO_FUZZ_VERBOSE)."""
    sigs = []
    for line in text.splitlines():
        cands = []
        if "\t" in line:
            cands = line.rsplit("\t", 1)[1].split()
        else:
            m = _VERBOSE_FINDING.search(line)
            if m:
                cands = [m.group(1)]
        for c in cands:
            if _SIG.match(c) and c not in sigs:
                sigs.append(c)
    return sigs


class Classification:
    """kind: asan | ubsan | leak | oracle | abort-on | timeout | oom | signal |
    crash | finding | ok.  signature: the de-duplication key."""

    def __init__(self, kind, signature, summary, frames=(), findings=(), report=""):
        self.kind = kind
        self.signature = signature
        self.summary = summary
        self.frames = list(frames)
        self.findings = list(findings)
        self.report = report

    @property
    def is_fault(self):
        """A finding about libovo (or the harness), not about the reference."""
        return self.kind not in ("finding", "ok", "abort-on")

    def to_json(self):
        return {"kind": self.kind, "signature": self.signature, "summary": self.summary,
                "frames": self.frames, "findings": self.findings}


def _report_excerpt(lines, start, n=60):
    return "\n".join(lines[max(0, start):start + n])


def _with_frames(kind, detail, frames, nframes=3):
    fr = useful_frames(frames)[:nframes]
    sig = "%s.%s" % (kind, detail) if detail else kind
    if fr:
        sig += "@" + ",".join(f["func"] for f in fr)
    return sig


def classify(outcome, rss_limit_mb=DEFAULT_RSS_LIMIT_MB, timeout_exit=REPLAY_TIMEOUT_EXIT):
    """Classify one execution of a harness (replay driver, libFuzzer binary
    replaying a file, or an AFL-built binary replaying a file)."""
    text = outcome.output
    lines = text.splitlines()
    rc = outcome.rc

    def find(pattern):
        rx = re.compile(pattern)
        for i, line in enumerate(lines):
            m = rx.search(line)
            if m:
                return i, m
        return None, None

    if outcome.timed_out or (rc == timeout_exit and timeout_exit is not None) or \
            find(r"ERROR: libFuzzer: timeout after")[0] is not None:
        i, _ = find(r"ERROR: libFuzzer: timeout|timeout")
        frames = _frames(lines, i or 0)
        return Classification("timeout", _with_frames("timeout", "", frames, 2),
                               "ran past the per-input time limit", frames,
                               report=_report_excerpt(lines, i or 0))

    i, m = find(r"ERROR: libFuzzer: out-of-memory|"
                r"ERROR: AddressSanitizer: (allocation-size-too-big|out of memory|calloc-overflow|"
                r"requested allocation size|pvalloc-overflow|rss-limit-exceeded)|"
                r"hard rss limit exhausted|malloc\(\d+\) exceeds|ERROR: libFuzzer: malloc limit")
    if i is not None or (outcome.max_rss_mb and rss_limit_mb and outcome.max_rss_mb > rss_limit_mb):
        frames = _frames(lines, i or 0)
        if m is None:
            what = "rss"
        elif m.groups() and m.group(1):
            what = _slug(m.group(1))
        elif "malloc" in m.group(0):
            what = "malloc-limit"
        else:
            what = "rss"
        return Classification("oom", _with_frames("oom", what, frames, 2),
                              "out of memory (%s, peak RSS %.0f MB)" % (what, outcome.max_rss_mb),
                              frames, report=_report_excerpt(lines, i or 0))

    i, m = find(r"ovofuzz: oracle ([A-Za-z0-9_.\-]+)")
    if i is not None:
        frames = _frames(lines, i)
        name = m.group(1).rstrip(":.")
        return Classification("oracle", "oracle." + name, lines[i].strip()[:300], frames,
                              report=_report_excerpt(lines, i))

    # OVO_ABORT_ON: the harness aborts on purpose after recording a finding.
    i, m = find(r"ovofuzz: finding (\S+) matches OVO_ABORT_ON")
    if i is not None and rc != 0:
        sig = m.group(1)
        return Classification("abort-on", sig, "OVO_ABORT_ON abort on finding " + sig, [], [sig],
                              report=_report_excerpt(lines, i, 12))

    i, m = find(r"ERROR: LeakSanitizer: detected memory leaks")
    if i is not None:
        frames = _frames(lines, i)
        return Classification("leak", _with_frames("leak", "", frames), "memory leak", frames,
                              report=_report_excerpt(lines, i))

    i, m = find(r"ERROR: AddressSanitizer: ([A-Za-z0-9_\-]+)")
    if i is not None:
        what = m.group(1)
        # "SEGV on unknown address", "stack-overflow", "heap-buffer-overflow", ...
        access = ""
        for line in lines[i:i + 4]:
            a = re.search(r"\b(READ|WRITE) of size (\d+)", line)
            if a:
                access = " (%s of size %s)" % (a.group(1), a.group(2))
                break
        frames = _frames(lines, i)
        if what.upper() == "ABRT":
            kind, detail = "signal", "abort"
        else:
            kind, detail = "asan", _slug(what)
        return Classification(kind, _with_frames(kind, detail, frames),
                              "AddressSanitizer: %s%s" % (what, access), frames,
                              report=_report_excerpt(lines, i))

    i, m = find(r"^(\S+?):(\d+):(\d+): runtime error: (.*)$")
    if i is not None:
        msg = m.group(4)
        category = re.split(r"\d|'|\(|:", msg)[0]
        frames = _frames(lines, i)
        src = re.sub(r"^.*?/(target|harnesses|tests)/", r"\1/", m.group(1))
        if not frames:
            frames = [{"func": "?", "file": src, "line": int(m.group(2))}]
        sig = _with_frames("ubsan", _slug(category, 40), frames)
        if "@" not in sig:
            sig += "@%s:%s" % (os.path.basename(src), m.group(2))
        return Classification("ubsan", sig, "UndefinedBehaviorSanitizer: " + msg[:200], frames,
                              report=_report_excerpt(lines, i))

    i, m = find(r"ERROR: (?:libFuzzer|AddressSanitizer|UndefinedBehaviorSanitizer): deadly signal|"
                r"ERROR: (?:AddressSanitizer|UndefinedBehaviorSanitizer): (SEGV|BUS|FPE|ILL)")
    if i is not None:
        frames = _frames(lines, i)
        return Classification("signal", _with_frames("signal", "deadly", frames), lines[i].strip()[:200],
                              frames, report=_report_excerpt(lines, i))

    if rc is not None and rc < 0:
        try:
            name = signal.Signals(-rc).name
        except ValueError:
            name = "signal-%d" % -rc
        frames = _frames(lines, 0)
        return Classification("signal", _with_frames("signal", name.lower(), frames),
                              "killed by %s" % name, frames, report="\n".join(lines[-40:]))

    if rc not in (0, None):
        frames = _frames(lines, 0)
        return Classification("crash", _with_frames("crash", "exit-%d" % rc, frames),
                              "exit status %d" % rc, frames, report="\n".join(lines[-40:]))

    sigs = findings_in(text)
    if sigs:
        return Classification("finding", " ".join(sorted(sigs)), "finding: " + ", ".join(sorted(sigs)),
                              findings=sorted(sigs))
    return Classification("ok", "ok", "ran cleanly")
