"""Write tests/data/pep440.jsonl: PEP 440 vectors computed by the reference.

Run with /usr/bin/python3 (packaging 23.0, oslo.utils, Neutron 21).  Every
expected value comes from calling the reference itself:
packaging.version.Version for validity, str() and ordering, and
oslo_utils.versionutils.is_compatible against the class VERSIONs of
Neutron's object registry.

Vector kinds (key "k"):
  parse:  input ("in", or "in_hex": WTF-8 bytes as hex); "error" (the
          exception class name) or "norm" (str(Version)) and "major"
  cmp:    "a", "b" (or "_hex" variants): -1/0/1 in "cmp", "same_major"
  compat: "req" (a str, or "req_hex"), or "req_type" and "req_repr" for a
          value of another JSON type; "cur" (a class VERSION): "ok" or
          "error"
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import reference  # noqa: E402

reference.check_pins()

from oslo_utils import versionutils  # noqa: E402
from packaging.version import Version  # noqa: E402

SEED = 440
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "data", "pep440.jsonl")

# Characters Python's \s matches, and the ones IGNORECASE lets stand for
# ASCII letters (U+0130/U+0131 for i, U+017F for s, U+212A for k).
SPACES = ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f",
          " ", "\x85", "\xa0", "\u1680", "\u2000", "\u2005", "\u200a",
          "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
NOT_SPACES = ["\u200b", "\u180e", "\ufeff", "\x00", "\xad"]
FOLDS = ["\u0130", "\u0131", "\u017f", "\u212a"]
# Look-alikes that do not fold: digits of other scripts, other letters.
STRANGERS = ["\u0663", "\xb2", "\uff11", "\xe9", "\u0399", "\u03c3",
             "\u1e9e", "\xdf", "\ufb06", "\U0001d7ce", "\ud800", "\udfff"]

PRE = ["a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "A", "B", "C",
       "RC", "Rc", "ALPHA", "Beta", "PRE", "PREVIEW", "prevIew",
       "prev\u0130ew", "prev\u0131ew", "PREV\u0130EW", "PREV\u0131EW"]
POST = ["post", "rev", "r", "POST", "Rev", "R", "po\u017ft", "PO\u017fT"]
DEV = ["dev", "DEV", "Dev"]
SEPS = ["", ".", "-", "_"]


def wtf8(s):
    return s.encode("utf-8", "surrogatepass")


def text_field(obj, key, s):
    """Store s under key, or its WTF-8 bytes under key_hex when jansson
    cannot hold it (NUL, lone surrogates)."""
    if "\x00" in s or any(0xD800 <= ord(c) <= 0xDFFF for c in s):
        obj[key + "_hex"] = wtf8(s).hex()
    else:
        obj[key] = s


def outcome(fn):
    try:
        return fn(), None
    except Exception as e:  # the class is the outcome
        return None, type(e).__name__


def parse_vector(s):
    vec = {"k": "parse"}
    text_field(vec, "in", s)
    v, err = outcome(lambda: Version(s))
    if err:
        vec["error"] = err
    else:
        vec["norm"] = str(v)
        vec["major"] = str(v.major)
    return vec


# ------------------------------------------------------------ generators

def number(rng):
    r = rng.random()
    if r < 0.55:
        return str(rng.randrange(0, 12))
    if r < 0.7:
        return "0" * rng.randrange(1, 4) + str(rng.randrange(0, 100))
    if r < 0.85:
        return str(rng.randrange(0, 10 ** rng.randrange(2, 30)))
    if r < 0.95:
        return str(rng.randrange(10 ** 19, 2 ** 64 + 10))
    return "".join(rng.choice("0123456789") for _ in range(rng.randrange(30, 120)))


def local_part(rng):
    r = rng.random()
    if r < 0.4:
        return number(rng)
    alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    chars = [rng.choice(alpha) for _ in range(rng.randrange(1, 6))]
    if rng.random() < 0.2:
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(FOLDS))
    return "".join(chars)


def structured(rng):
    """A string built from the grammar's pieces, mostly valid."""
    p = []
    if rng.random() < 0.1:
        p.append("".join(rng.choice(SPACES) for _ in range(rng.randrange(1, 3))))
    if rng.random() < 0.15:
        p.append(rng.choice("vV"))
    if rng.random() < 0.12:
        p.append(number(rng) + "!")
    p.append(".".join(number(rng) for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 4, 6]))))
    if rng.random() < 0.35:
        p.append(rng.choice(SEPS) + rng.choice(PRE) + rng.choice(SEPS))
        if rng.random() < 0.75:
            p.append(number(rng))
    if rng.random() < 0.3:
        if rng.random() < 0.3:
            p.append("-" + number(rng))
        else:
            p.append(rng.choice(SEPS) + rng.choice(POST) + rng.choice(SEPS))
            if rng.random() < 0.75:
                p.append(number(rng))
    if rng.random() < 0.3:
        p.append(rng.choice(SEPS) + rng.choice(DEV) + rng.choice(SEPS))
        if rng.random() < 0.75:
            p.append(number(rng))
    if rng.random() < 0.2:
        parts = [local_part(rng) for _ in range(rng.randrange(1, 4))]
        out = parts[0]
        for part in parts[1:]:
            out += rng.choice(".-_") + part
        p.append("+" + out)
    if rng.random() < 0.1:
        p.append("".join(rng.choice(SPACES) for _ in range(rng.randrange(1, 3))))
    return "".join(p)


MUTATION_CHARS = (list("0123456789.!+-_vVabcdehilnoprstwxzABCDEHILNOPRSTW ")
                  + SPACES + NOT_SPACES + FOLDS + STRANGERS)


def mutate(rng, s):
    """Insert, delete or replace a few characters."""
    s = list(s)
    for _ in range(rng.randrange(1, 3)):
        op = rng.random()
        at = rng.randrange(len(s) + 1)
        if op < 0.4 or not s:
            s.insert(at, rng.choice(MUTATION_CHARS))
        elif op < 0.7:
            del s[min(at, len(s) - 1)]
        else:
            s[min(at, len(s) - 1)] = rng.choice(MUTATION_CHARS)
    return "".join(s)


def random_chars(rng):
    alphabet = list("0123456789.!+-_vabcdeprsto") + [" ", "\n"] + FOLDS[:3]
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9)))


def systematic():
    """Every segment spelling, with every separator, on a fixed release."""
    out = []
    for sep1 in SEPS:
        for pre in PRE:
            for sep2 in SEPS:
                for n in ["", "0", "1", "007"]:
                    out.append("1.0" + sep1 + pre + sep2 + n)
    for sep1 in SEPS:
        for post in POST:
            for sep2 in SEPS:
                for n in ["", "0", "2", "010"]:
                    out.append("1.0" + sep1 + post + sep2 + n)
    for sep1 in SEPS:
        for dev in DEV:
            for sep2 in SEPS:
                for n in ["", "0", "3"]:
                    out.append("1.0" + sep1 + dev + sep2 + n)
    for n in ["-0", "-1", "-01", "--1", "-", "-a", "-r", "-dev"]:
        out.append("1.0" + n)
    # segments in every order, doubled, and with separators between them
    segs = ["a1", "post1", "dev1", "+loc", "-1", "rc", ".r", "_dev"]
    for x in segs:
        for y in segs:
            out.append("1.0" + x + y)
            for sep in ".-_":
                out.append("1.0" + x + sep + y)
                out.append("1.0" + x + sep + sep + y)
    for ws in SPACES + NOT_SPACES:
        out += [ws + "1.0", "1.0" + ws, ws + "v1.0" + ws, "1" + ws + ".0",
                "1.0+a" + ws]
    out += ["1.0\n", "1.0\n\n", "\n1.0", "1.0\r\n", "1.0\n\x00", "1.0\x00"]
    for ch in FOLDS + STRANGERS:
        out += ["1.0+" + ch, "1.0+a" + ch + "b", "1.0" + ch, ch + "1.0",
                "1." + ch, "1.0.po" + ch + "t1", "1.0prev" + ch + "ew1",
                "1.0" + ch + "ev", "1.0de" + ch]
    out += ["", " ", "v", "V", "1", "01", "0", "00", "1.", ".1", "1..0",
            "1!", "!1", "1!2!3", "1!v2", "v1!2", "1.0!2", "1+", "1+.a",
            "1+a.", "1+a..b", "1+a-b_c.d", "1++a", "1.0+A-B", "1.0+0a",
            "1.0+a0", "1.0+00", "1.0+0", "1.0+01.02", "vv1", "v 1", "1.0a1b1",
            "1.0a1rc1", "1.0post1post1", "1.0dev1dev1", "1.0a1-1", "1.0a-1",
            "1.0a.-1", "1.0a--1", "1.0rc-1", "1.0c-1", "1.0re", "1.0revv",
            "1.0prevw", "1.0previe", "1.0alph", "1.0bet", "1.0pos", "1.0de",
            "1.0dev-", "1.0dev-+a", "1.0a.", "1.0a..dev", "1.0a...dev",
            "1.0.post.", "1.0.post..dev", "1.0-0", "1.0-00", "1.0+a\n",
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1",
            ".".join(["0"] * 200), ".".join(str(i) for i in range(300)),
            "1." + "0" * 4300, "1." + "0" * 4301, "1." + "9" * 4300,
            "1." + "9" * 4301, "9" * 4301 + "!1", "1a" + "1" * 4301,
            "1.post" + "0" * 4301, "1.dev" + "1" * 4301, "1-" + "1" * 4301,
            "1+" + "1" * 4301, "1+a" + "1" * 4301, "1+a." + "0" * 4301,
            "1.0x" + "0" * 4301, "1" * 4301, "1" * 4300]
    return out


def gen_parse(rng):
    seen = set()
    out = []

    def add(s):
        if s not in seen:
            seen.add(s)
            out.append(s)

    for s in systematic():
        add(s)
    # every string of up to two characters over a small alphabet
    small = list("019.!+-_vacdeprs ") + ["\n", "\u3000", "\u017f", "\u0130"]
    for a in small:
        add(a)
        for b in small:
            add(a + b)
            add("1" + a + b)
    for _ in range(2500):
        add(structured(rng))
    for _ in range(1500):
        add(mutate(rng, structured(rng)))
    for _ in range(800):
        add(random_chars(rng))
    return out


def version_pool(rng):
    """Valid versions for pairwise comparison: hand-picked edge cases plus
    generated ones."""
    pool = ["1.0", "1.0.0", "1", "1.00", "01.0", "1.1", "1.01", "1.10", "1.2",
            "1.9", "1.10.0", "2.0", "0.9", "0", "0.0", "1!0.1", "1!1.0",
            "0!1.0", "2!0", "1.0a0", "1.0a", "1.0a1", "1.0alpha1", "1.0b0",
            "1.0b1", "1.0c1", "1.0rc1", "1.0pre1", "1.0preview1",
            "1.0prev\u0130ew1", "1.0prev\u0131ew1", "1.0prev\u0130ew0",
            "1.0prev\u0131ew2", "1.0.dev0", "1.0.dev1", "1.0a1.dev0",
            "1.0a1.dev1", "1.0a1.post0", "1.0a1.post0.dev0", "1.0.post0",
            "1.0.post0.dev0", "1.0.post1", "1.0-1", "1.0r1", "1.0rev2",
            "1.0po\u017ft0", "1.0po\u017ft1", "1.0.post5", "1.0po\u017ft1.dev1",
            "1.0.post1.dev1", "1.0+0", "1.0+a", "1.0+A", "1.0+a.1", "1.0+a.0",
            "1.0+1", "1.0+01", "1.0+1.a", "1.0+a.b", "1.0+a-b", "1.0+ab",
            "1.0+b", "1.0+z", "1.0+\u0130", "1.0+i", "1.0+\u0131",
            "1.0+\u017f", "1.0+s", "1.0+\u212a", "1.0+k", "1.0+K", "1.0+2",
            "1.0+10", "1.0+9", "1.0a1+x", "1.0.dev0+x", "1.1.dev0",
            "1.1a1", "1.0.1", "1.0.0.1", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.1",
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0", "v1.0", " 1.0 ", "1.0\n",
            "1." + "9" * 100, "1." + "9" * 99 + "8", "1.1" + "0" * 99,
            "1." + "0" * 200 + "1", "9" * 100 + ".0",
            "9" * 100 + ".1", "1.0+" + "9" * 100, "1.0+" + "9" * 99 + "8",
            "1.0a" + "9" * 50, "1.0.dev" + "9" * 50, "1.0.post" + "9" * 50,
            "18446744073709551616.0", "18446744073709551615.0",
            "1.18446744073709551616", "1.18446744073709551615",
            "1.3", "1.5", "1.7"]
    while len(pool) < 130:
        s = structured(rng)
        ok, err = outcome(lambda: Version(s))
        if err is None and len(s) < 60:
            pool.append(s)
    return pool


def cmp_vectors(pool):
    vs = [Version(s) for s in pool]
    out = []
    for i in range(len(pool)):
        for j in range(i, len(pool)):
            a, b = vs[i], vs[j]
            c = (a > b) - (a < b)
            vec = {"k": "cmp", "cmp": c, "same_major": a.major == b.major}
            text_field(vec, "a", pool[i])
            text_field(vec, "b", pool[j])
            out.append(vec)
    return out


def compat_vectors(rng, pool, currents):
    requested = list(pool)
    requested += ["1.0", "1.1", "1.10", "1.2", "1.3", "1.5", "1.7", "2.0",
                  "1.4", "1.6", "1.8", "1.9", "1.11", "1.99", "2.1", "3.0",
                  "0.9", "1", "2", "1.1.1", "v1.1", "1.1\n", "1.1 ", "nope",
                  "", "1.0x", "1.\ud800", "1.0\x00", "1." + "0" * 4301,
                  "1.0+" + "1" * 4301, "1.1.dev0", "2.0a1", "1.0.post1"]
    non_str = [0, 1, -1, 10 ** 30, 1.0, 1.1, 0.0, float("inf"),
               float("nan"), True, False, None, [], ["1.0"], [1, 0], {},
               {"1.0": "1.0"}]
    out = []
    for cur in currents:
        for req in requested + non_str:
            ok, err = outcome(lambda: versionutils.is_compatible(req, cur))
            vec = {"k": "compat", "cur": cur}
            if isinstance(req, str):
                text_field(vec, "req", req)
            else:
                # jansson holds neither NaN nor big ints: the type is what
                # matters, the repr is for the reader
                vec["req_type"] = type(req).__name__
                vec["req_repr"] = repr(req)
            if err:
                vec["error"] = err
            else:
                vec["ok"] = ok
            out.append(vec)
    return out


def main():
    rng = random.Random(SEED)
    _, registry = reference.load_registry()
    currents = sorted({cls.VERSION for classes in registry.values()
                       for cls in classes})
    lines = [parse_vector(s) for s in gen_parse(rng)]
    pool = version_pool(rng)
    lines += cmp_vectors(pool)
    lines += compat_vectors(rng, pool, currents)
    with open(OUT, "w", encoding="ascii") as f:
        for vec in lines:
            f.write(json.dumps(vec, sort_keys=True, separators=(",", ":"),
                               allow_nan=False) + "\n")
    print("%d vectors -> %s" % (len(lines), os.path.relpath(OUT)))


if __name__ == "__main__":
    main()
