"""scripts/add-regression: keep reproducers in corpus/regressions/<target>/.

    add-regression TARGET PATH... [--note TEXT] [--expect SIGS] [--build DIR]
    add-regression --check [TARGET...] [--build DIR]

Adding: every file (directories are walked) is copied to
corpus/regressions/<target>/inputs/<sha1 of its bytes>, and
corpus/regressions/<target>/expected/<sha1> records what it must keep doing
(harnesses/README.md, "Corpora"):

    # fuzz_primitive regression 5f1c...  (comment lines start with '#')
    # note: <--note TEXT>
    # reference: <the reference's outcome line>     } whole-document
    # strict: <ovo-check --mode strict's line>      } targets only
    bypass:bypass.uuid.noncanonical                   one signature a line,
                                                      or "-" for none

The signatures are what the target's replay build prints with
-print_findings; the replay test (ctest regressions.<target>) compares
them.  For the targets whose input is one whole JSON document
(fuzz_primitive, fuzz_roundtrip, fuzz_json) the outcome lines are kept as
comments: `reference` comes from the real reference (scripts/reference-
oracle), so the file states the truth even when libovo disagrees (a warning
says so), and `strict` from ovo-check.  --check recomputes them all.

An input that crashes the target (a libovo bug, not yet fixed) has no
findings to record: say what it must print once fixed with --expect
("-" for nothing, or signatures separated by commas).

Run with /usr/bin/python3; the reference is needed for whole-document
targets only.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
REGRESSIONS = os.path.join(TOP, "corpus", "regressions")
DOCUMENT_TARGETS = ("fuzz_primitive", "fuzz_roundtrip", "fuzz_json")

USAGE = __doc__.split("\n\n")[1]


def die(msg):
    sys.exit("add-regression: " + msg)


def known_targets():
    h = os.path.join(TOP, "harnesses")
    return sorted(f[:-2] for f in os.listdir(h) if f.startswith("fuzz_") and f.endswith(".c"))


def walk(path):
    if os.path.isdir(path):
        out = []
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
        return out
    if not os.path.isfile(path):
        die("%s: no such file or directory" % path)
    return [path]


def ensure_replay(build, targets):
    """The replay driver binaries and ovo-check; built with the default
    preset when build is the default build directory and one is missing."""
    need = [os.path.join(build, "harnesses", t) for t in targets] + [os.path.join(build, "ovo-check")]
    missing = [p for p in need if not os.access(p, os.X_OK)]
    if not missing:
        return
    if os.path.normpath(build) != os.path.join(TOP, "build", "default"):
        die("%s is missing; build it first" % ", ".join(missing))
    for cmd in (["cmake", "--preset", "default"],
                ["cmake", "--build", "--preset", "default", "--target", "ovo-check"] + list(targets)):
        print("+ " + " ".join(cmd), file=sys.stderr)
        if subprocess.call(cmd, cwd=TOP, stdout=subprocess.DEVNULL) != 0:
            die("%s failed" % " ".join(cmd))


def clean_env():
    e = dict(os.environ)
    for k in ("OVO_ABORT_ON", "OVO_FINDINGS_DIR", "OVO_FUZZ_VERBOSE"):
        e.pop(k, None)
    return e


def findings(build, target, path):
    """For a file: (signatures, None) or (None, why it failed).  For a
    directory: ({file name: signatures}, None) or (None, why)."""
    res = subprocess.run([os.path.join(build, "harnesses", target), "-print_findings", path],
                         env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if res.returncode != 0:
        tail = res.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return None, "exit %d: %s" % (res.returncode, " | ".join(tail))
    got = {}
    for line in res.stdout.decode("utf-8", "replace").splitlines():
        p, _tab, sigs = line.partition("\t")
        got[os.path.basename(p)] = sorted(set(x for x in sigs.split() if x != "-"))
    if os.path.isdir(path):
        return got, None
    return (list(got.values())[-1] if got else []), None


def _lines(cmd):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if res.returncode != 0:
        die("%s failed: %s" % (" ".join(cmd[:3]), res.stderr.decode("utf-8", "replace")[-500:]))
    return res.stdout.decode("utf-8", "replace").splitlines()


def outcome_lines(build, path):
    """{file name: (reference line, ovo-check reference line, ovo-check
    strict line)} for the files of a directory (sorted, as both tools walk
    it), from one run of each tool."""
    names = sorted(os.listdir(path))
    ref = _lines([os.path.join(TOP, "scripts", "reference-oracle"), path])
    mine = _lines([os.path.join(build, "ovo-check"), "--mode", "reference", path])
    strict = _lines([os.path.join(build, "ovo-check"), "--mode", "strict", path])
    if not len(names) == len(ref) == len(mine) == len(strict):
        die("outcome lines do not pair up with the inputs of %s" % path)
    return {n: (r, m, s) for n, r, m, s in zip(names, ref, mine, strict)}


def parse_expected(text):
    """({comment key: value}, [signatures])"""
    meta, sigs = {}, []
    for line in text.splitlines():
        if line.startswith("#"):
            key, sep, value = line[1:].strip().partition(": ")
            if sep and key in ("reference", "strict", "note"):
                meta[key] = value
            continue
        sigs += line.split()
    return meta, sorted(set(s for s in sigs if s != "-"))


def render_expected(target, sha, sigs, note=None, ref=None, strict=None, crashed=None):
    lines = ["# %s regression %s (scripts/add-regression; format: harnesses/README.md)"
             % (target, sha)]
    if note:
        lines.append("# note: %s" % note)
    if crashed:
        lines.append("# crashed the target when added (%s); expected once fixed:" % crashed)
    if ref is not None:
        lines.append("# reference: %s" % ref)
    if strict is not None:
        lines.append("# strict: %s" % strict)
    lines += sigs or ["-"]
    return "\n".join(lines) + "\n"


def add(target, paths, build, note, expect):
    files = [f for p in paths for f in walk(p)]
    if not files:
        die("no input files")
    ensure_replay(build, [target])
    inputs = os.path.join(REGRESSIONS, target, "inputs")
    expected = os.path.join(REGRESSIONS, target, "expected")
    # the new inputs, by content hash, in a scratch directory: one run of
    # each tool over all of them
    tmp = tempfile.mkdtemp(prefix="add-regression.")
    try:
        origin = {}
        for f in files:
            with open(f, "rb") as fh:
                data = fh.read()
            sha = hashlib.sha1(data).hexdigest()
            if os.path.exists(os.path.join(expected, sha)):
                print("%s: already kept as corpus/regressions/%s/inputs/%s" % (f, target, sha))
                continue
            if sha not in origin:
                origin[sha] = f
                with open(os.path.join(tmp, sha), "wb") as fh:
                    fh.write(data)
        if not origin:
            return 0
        sigs, _why = findings(build, target, tmp)
        if sigs is None:        # something crashes: find out what, one by one
            sigs = {}
            for sha in sorted(origin):
                got, why = findings(build, target, os.path.join(tmp, sha))
                sigs[sha] = got if got is not None else why
        lines = outcome_lines(build, tmp) if target in DOCUMENT_TARGETS else {}
        os.makedirs(inputs, exist_ok=True)
        os.makedirs(expected, exist_ok=True)
        status = 0
        for sha in sorted(origin):
            f, got, crashed = origin[sha], sigs[sha], None
            if isinstance(got, str):
                crashed = got
                if expect is None:
                    print("add-regression: %s crashes %s (%s); give --expect with what it must "
                          "print once fixed ('-' for nothing)" % (f, target, got), file=sys.stderr)
                    status = 1
                    continue
            if expect is not None:
                if crashed is None and got != expect:
                    print("add-regression: warning: %s prints %s now, recording --expect %s"
                          % (f, " ".join(got) or "-", " ".join(expect) or "-"), file=sys.stderr)
                got = expect
            ref = strict = None
            if sha in lines:
                ref, mine, strict = lines[sha]
                if mine != ref:
                    print("add-regression: warning: libovo disagrees with the reference on %s\n"
                          "  reference: %s\n  ovo-check: %s" % (f, ref, mine), file=sys.stderr)
            shutil.copyfile(os.path.join(tmp, sha), os.path.join(inputs, sha))
            with open(os.path.join(expected, sha), "w") as fh:
                fh.write(render_expected(target, sha, got, note, ref, strict, crashed))
            print("%s -> corpus/regressions/%s/inputs/%s  %s" % (f, target, sha,
                                                                " ".join(got) or "-"))
        return status
    finally:
        shutil.rmtree(tmp)


def check(targets, build):
    """Recompute every expected file: signatures (replay build), and for
    whole-document targets the reference line (the real reference and
    ovo-check's reference mode) and the strict line (ovo-check)."""
    ensure_replay(build, targets)
    bad = n = 0
    for t in targets:
        inputs = os.path.join(REGRESSIONS, t, "inputs")
        expected = os.path.join(REGRESSIONS, t, "expected")
        if not os.path.isdir(inputs):
            continue
        ids = sorted(os.listdir(inputs))
        got_all, why = findings(build, t, inputs)
        lines = outcome_lines(build, inputs) if t in DOCUMENT_TARGETS else {}
        for i in ids:
            n += 1
            path = os.path.join(inputs, i)
            with open(path, "rb") as fh:
                if hashlib.sha1(fh.read()).hexdigest() != i:
                    print("%s/%s: name is not the SHA-1 of the content" % (t, i))
                    bad += 1
            try:
                with open(os.path.join(expected, i)) as fh:
                    meta, want = parse_expected(fh.read())
            except FileNotFoundError:
                print("%s/%s: no expected file" % (t, i))
                bad += 1
                continue
            got, why = (got_all[i], None) if got_all is not None else findings(build, t, path)
            if got is None:
                print("%s/%s: the target fails: %s" % (t, i, why))
                bad += 1
            elif got != want:
                print("%s/%s: findings %s, expected %s" % (t, i, " ".join(got) or "-",
                                                          " ".join(want) or "-"))
                bad += 1
            if i in lines:
                ref, mine, strict = lines[i]
                for key, want_key, line in (("reference (real)", "reference", ref),
                                            ("reference (ovo-check)", "reference", mine),
                                            ("strict", "strict", strict)):
                    want_line = meta.get(want_key)
                    if want_line is not None and line != want_line:
                        print("%s/%s: %s line differs\n  expected: %s\n  got:      %s"
                              % (t, i, key, want_line, line))
                        bad += 1
        for e in sorted(os.listdir(expected)) if os.path.isdir(expected) else []:
            if e not in ids:
                print("%s/%s: expected file without an input" % (t, e))
                bad += 1
    print("add-regression: %d regression inputs checked, %d problems" % (n, bad))
    return 1 if bad else 0


def main(argv):
    build = os.path.join(TOP, "build", "default")
    note = expect = None
    mode_check = False
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        if a in ("--build", "--note", "--expect"):
            if i + 1 >= len(argv):
                die("%s needs an argument" % a)
            v = argv[i + 1]
            if a == "--build":
                build = os.path.abspath(v)
            elif a == "--note":
                note = v.replace("\n", " ")
            else:
                expect = sorted(set(s for s in v.replace(",", " ").split() if s != "-"))
            i += 2
            continue
        if a == "--check":
            mode_check = True
        elif a.startswith("--"):
            die("unknown option %s\n%s" % (a, USAGE))
        else:
            args.append(a)
        i += 1
    targets = known_targets()
    if mode_check:
        unknown = set(args) - set(targets)
        if unknown:
            die("unknown target %s" % ", ".join(sorted(unknown)))
        return check(sorted(args) or targets, build)
    if len(args) < 2:
        die("usage:\n" + USAGE)
    target = args[0] if args[0].startswith("fuzz_") else "fuzz_" + args[0]
    if target not in targets:
        die("unknown target %s (targets: %s)" % (args[0], " ".join(targets)))
    return add(target, args[1:], build, note, expect)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
