"""Input enumeration shared by the Python tools; ovo-check does the same in C
(target/tools/inputs.c).  Arguments are taken in command-line order:
  --jsonl FILE   every line of FILE is one input (trailing newline stripped)
  FILE           the whole file is one input
  DIR            every regular file below DIR, sorted by path, dotfiles skipped
  -              standard input is one input
"""
import os
import sys


def walk_dir(path):
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                found.append(os.path.join(root, f))
    return sorted(found, key=os.fsencode)


def jsonl_lines(path):
    with open(path, "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def iter_inputs(specs):
    """specs: list of ("jsonl"|"path", str).  Yields (label, bytes)."""
    for kind, arg in specs:
        if kind == "jsonl":
            for i, line in enumerate(jsonl_lines(arg), 1):
                yield ("%s:%d" % (arg, i), line)
        elif arg == "-":
            yield ("-", sys.stdin.buffer.read())
        elif os.path.isdir(arg):
            for f in walk_dir(arg):
                with open(f, "rb") as fh:
                    yield (f, fh.read())
        else:
            with open(arg, "rb") as fh:
                yield (arg, fh.read())


def parse_args(argv, prog, extra_flags=()):
    """Parse [--mode M] [--jsonl FILE] [FILE|DIR|-]...; returns (opts, specs)."""
    opts = {"mode": "reference"}
    specs = []
    i = 0
    usage = "usage: %s [--mode reference|strict] [--jsonl FILE] [FILE|DIR|-]..." % prog
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(usage)
            sys.exit(0)
        if a == "--jsonl" or a == "--mode" or a in extra_flags:
            if i + 1 >= len(argv):
                sys.exit("%s: %s needs an argument\n%s" % (prog, a, usage))
            if a == "--jsonl":
                specs.append(("jsonl", argv[i + 1]))
            else:
                opts[a.lstrip("-")] = argv[i + 1]
            i += 2
            continue
        if a.startswith("--") and a != "--":
            sys.exit("%s: unknown option %s\n%s" % (prog, a, usage))
        specs.append(("path", a))
        i += 1
    if not specs:
        specs.append(("path", "-"))
    for kind, arg in specs:
        if arg != "-" and not os.path.exists(arg):
            sys.exit("%s: %s: no such file or directory" % (prog, arg))
    return opts, specs
