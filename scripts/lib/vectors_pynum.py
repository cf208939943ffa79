"""Write tests/data/pynum.jsonl: vectors for libovo's Python number and str
semantics (target/src/pynum.h), every expected result computed by the
reference interpreter itself (Python 3.11, Unicode 14.0.0).

Run with /usr/bin/python3; the output is deterministic (seeded RNG, stable
order).  One JSON object per line, "op" says what it checks:

  int_str     int(s, base)           in|in_hex, base -> out | exc; str_exc
                                     when str() of the result raises
  int_digits  int of JSON digits     in, neg -> out
  int_float   int(float)             bits -> out | exc
  float_repr  repr(float)            bits -> out
  float_parse float(JSON literal)    in -> bits
  num_eq      a == b                 a, b ({"int": dec} | {"float": bits} |
                                     {"bool": b}) -> out
  int_cmp     compare two ints       a, b (same encoding) -> out (-1/0/1)
  u128        0 <= v < 2**128        in -> hi, lo (hex) | null
  cp          one code point         cp -> space, numeric, decimal
  cp_runs     a property over every code point, as the sorted list of
              code points where it changes: prop, starts (values for
              "decimal": [start, value] pairs, -1 = none)
  isnumeric   str.isnumeric()        in|in_hex -> out
  len         len(str)               in|in_hex -> out
  wtf8        encoding of cp         cp -> hex

Text that jansson cannot hold (NUL, lone surrogates) is given as the hex
of its WTF-8 bytes in "in_hex".
"""
import json
import math
import random
import struct
import sys
import unicodedata

MAX_CP = 0x110000
SURROGATES = range(0xD800, 0xE000)


def wtf8(s):
    return s.encode("utf-8", "surrogatepass")


def rle(s):
    """[[piece, count], ...] whose concatenation is s: runs of a one- or
    two-character unit become one entry."""
    out, i, n = [], 0, len(s)
    while i < n:
        best_u, best_k = 1, 1
        for u in (1, 2):
            unit = s[i:i + u]
            k = 1
            while s[i + k * u:i + (k + 1) * u] == unit:
                k += 1
            if len(unit) == u and k * u > best_k * best_u:
                best_u, best_k = u, k
        if best_u * best_k >= 8:
            out.append([s[i:i + best_u], best_k])
            i += best_u * best_k
        else:
            if out and out[-1][1] == 1 and len(out[-1][0]) < 32:
                out[-1][0] += s[i]
            else:
                out.append([s[i], 1])
            i += 1
    return out


def text_field(s, key="in"):
    """s as "in", or "in_rep" (see rle) when that is much shorter, or as
    "in_hex" when jansson cannot hold it."""
    if "\x00" in s or any(0xD800 <= ord(c) < 0xE000 for c in s):
        return {key + "_hex": wtf8(s).hex()}
    if len(s) > 200:
        r = rle(s)
        if len(json.dumps(r)) * 2 < len(json.dumps(s)):
            assert "".join(p * k for p, k in r) == s
            return {key + "_rep": r}
    return {key: s}


def bits_of(d):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", d))[0]


def double_of(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def dec(i):
    """str(i) without the digit limit (only rendering; int() keeps it)."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(i)
    finally:
        sys.set_int_max_str_digits(old)


class Out:
    def __init__(self):
        self.lines = []
        self.seen = set()

    def add(self, vec):
        line = json.dumps(vec, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
        if line not in self.seen:
            self.seen.add(line)
            self.lines.append(line)


# ------------------------------------------------------------------ int(str)

def int_str_vec(out, s, base):
    vec = {"op": "int_str", "base": base}
    vec.update(text_field(s))
    try:
        r = int(s, base)
    except ValueError:
        vec["exc"] = "ValueError"
    else:
        vec.update(text_field(dec(r), "out"))
        try:
            str(r)
        except ValueError:
            vec["str_exc"] = "ValueError"
    out.add(vec)


def decimal_scripts():
    """The zero of every run of Unicode decimal digits."""
    zeros = []
    for c in range(MAX_CP):
        ch = chr(c)
        if ch.isdecimal() and unicodedata.decimal(ch) == 0:
            zeros.append(c)
    return zeros


def int_str_vectors(out, rng):
    spaces = [c for c in range(MAX_CP) if chr(c).isspace()]
    zeros = decimal_scripts()
    fixed = [
        "", " ", "0", "-0", "+0", "00", "0_0", "000_000", "1", "-1", "+1", " 1 ", "\t1\n",
        "\x0b1\x0c", "\r1\r", "1 2", "1.0", "1e3", "1E3", "0x10", "0X10", "0x_1", "0X_1",
        "0x__1", "0x_", "0x", "0X", "x1", "0b1", "0o7", "0_x1", "-0x1f", "+0x1f", "- 1",
        "+ 1", "--1", "+-1", "-+1", "0x-1", "0x+1", "-0x_f_f", "_1", "1_", "1__2", "1_2",
        "1_2_3", "+_1", "-_1", "_", "__", "1_ ", " _1", "0_", "ff", "FF", "fF", "Ff", "g",
        "0xg", "0xG", "abcdef", "ABCDEF", "0xabcdef", "deadbeef", "DEADBEEF", "0x0", "0x00",
        "00x1", "0 x1", "0x 1", " 0x1 ", "1\x00", "\x001", "1\x002", "\x00", "\x7f", "1\x7f",
        "\ud800", "1\ud800", "\udfff1", "\u0661\u0662\u0663", "\u0661_\u0662", "1\u0660",
        "\u00b2", "\u00bd", "\u2460", "\u2160", "\u4e00", "\u3007", "\u0f33",
        "0x\u0661", "\u0661x1", "0\u066b1", "\x1c1", "1\x1f", "\x1c1\x1f", "\x851\x85",
        "\xa01\u3000", "\u200b1", "\ufeff1", "1\ufeff", "\u180e1", "\uff11\uff12",
        "\uff41", "\uff58", "0\uff58", "\U0001d7ce", "\U0001d7ce\U0001d7d7", "\U0001fbf5",
        "\U000104a0", "\u09e6\u0966", "-\u0663", "\u2212" "1", "\ufe631", "\uff0d1",
        "\uff0b1", "\u00a0-\u00a01", "-\u00a01", "1\u00a0", "\u20281\u2029",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "-18446744073709551616", "7fffffffffffffff", "8000000000000000",
        "-8000000000000000", "-8000000000000001", "ffffffffffffffff", "10000000000000000",
        "0xffffffffffffffffffffffffffffffff", "100000000000000000000000000000000",
        "0000000000000000000000000000000000000000001", "-000000000000000000000000000000",
        "1" * 4300, "1" * 4301, "0" * 4300, "0" * 4301, "0" * 4299 + "1_2",
        "_".join("9" * 4300), "_".join("9" * 4301), " " + "1" * 4300 + " ",
        "-" + "9" * 4300, "9" * 4300 + "x", "\u0661" * 4300, "\u0661" * 4301,
    ]
    for s in fixed:
        int_str_vec(out, s, 10)
        if len(s) < 1000:
            int_str_vec(out, s, 16)
    # base 16 is exempt from the digit limit, str() of the result is not:
    # 3584 f's make 4316 decimal digits
    for s in ("f" * 3584, "0x" + "f" * 3583, "-0X_" + "F" * 3500, "1" * 3580,
              "0" * 6000 + "1", " " + "0" * 5000 + "f_f ", "1_" * 2000 + "1",
              "%x" % 10**4299, "-%x" % 10**4299, "%x" % 10**4300, "%x" % (10**4300 - 1)):
        int_str_vec(out, s, 16)
    # every whitespace code point, and near-misses, around a number
    near = [0x1C, 0x1D, 0x1E, 0x1F, 0x7F, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060,
            0xFEFF, 0x00AD, 0xD800, 0x0000, 0x205F, 0x1680]
    for c in spaces + near:
        w = chr(c)
        for s in (w + "12", "12" + w, w + "12" + w, w * 3 + "-12" + w * 2, "1" + w + "2",
                  w, "-" + w + "1", w + "0x1f" + w, w + "+" + "1", w + "_1"):
            int_str_vec(out, s, 10)
            int_str_vec(out, s, 16)
    # every script's digits: all ten, mixed with ASCII and other scripts
    for z in zeros:
        digits = "".join(chr(z + i) for i in range(10))
        for s in (digits, digits[::-1], "-" + digits[1:], digits[1:] + "0",
                  "_".join(digits), " " + digits[3] + " ", "0x" + digits, digits + "a",
                  chr(z + 1) + "_" * 2 + chr(z + 2), chr(z + 9) * 25):
            int_str_vec(out, s, 10)
            int_str_vec(out, s, 16)
    for _ in range(300):
        n = rng.choice([1, 2, 3, 5, 10, 18, 19, 20, 21, 30])
        s = "".join(chr(rng.choice(zeros) + rng.randrange(10)) for _ in range(n))
        if rng.random() < 0.3:
            s = rng.choice(["-", "+", " ", "\u3000-", "\u2003"]) + s
        if rng.random() < 0.3:
            s = s + rng.choice([" ", "\n", "\u00a0", "\u2029"])
        int_str_vec(out, s, 10)
        int_str_vec(out, s, 16)
    # numeric code points that are not decimal digits
    for c in range(MAX_CP):
        ch = chr(c)
        if ch.isnumeric() and not ch.isdecimal() and rng.random() < 0.04:
            int_str_vec(out, ch, 10)
            int_str_vec(out, "1" + ch, 16)
    # underscores: random placements
    for _ in range(500):
        n = rng.randrange(1, 12)
        s = "".join(rng.choice("0123456789______") for _ in range(n))
        if rng.random() < 0.2:
            s = "0x" + s
        int_str_vec(out, s, 10)
        int_str_vec(out, s, 16)
    # random text over an alphabet of everything that matters to int()
    alphabet = (list("0123456789") * 4 + list("abcdefABCDEFxXgz") + ["_"] * 4 +
                [" ", "\t", "\n", "+", "-", ".", "\x00", "\x1c", "\x7f", "\x85", "\xa0",
                 "\u2003", "\u3000", "\u0661", "\u0669", "\u09ef", "\uff19", "\U0001d7d9",
                 "\u00b2", "\u00bd", "\ud800", "\udc00", "\u00e9", "\uff41", "\U0001f600"])
    for _ in range(1500):
        n = rng.choice([1, 2, 3, 4, 6, 8, 12, 20, 24])
        s = "".join(rng.choice(alphabet) for _ in range(n))
        int_str_vec(out, s, rng.choice([10, 16]))
    # mostly-valid numbers with one decoration
    deco = ["", " ", "-", "+", "_", "\u00a0", "0x", "0X_", "\u0660", "\x00", "\ud800"]
    for _ in range(900):
        base = rng.choice([10, 16])
        n = rng.choice([1, 5, 15, 16, 17, 18, 19, 20, 25, 32, 39, 40, 80])
        digs = "0123456789abcdefABCDEF" if base == 16 else "0123456789"
        body = "".join(rng.choice(digs) for _ in range(n))
        if rng.random() < 0.3:
            i = rng.randrange(1, n) if n > 1 else 1
            body = body[:i] + "_" + body[i:]
        s = rng.choice(deco) + body + rng.choice(deco[:6])
        int_str_vec(out, s, base)
    # boundaries with decorations
    for v in (2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**128 - 1, 2**128, 10**19, 10**20 - 1,
              2**53 + 1, 0, 1):
        for sign in ("", "-", "+"):
            for fmt in ("%d", "%x", "%X", "0x%x"):
                t = sign + fmt % v
                int_str_vec(out, t, 10)
                int_str_vec(out, t, 16)
                int_str_vec(out, " " + t + "\u3000", 16)


# ------------------------------------------------------------------ int(digits)

def int_digits_vectors(out, rng):
    fixed = ["0", "1", "9", "10", "9223372036854775806", "9223372036854775807",
             "9223372036854775808", "9223372036854775809", "18446744073709551615",
             "18446744073709551616", "99999999999999999999", "100000000000000000000",
             "1" * 4300, "9" * 4300, "1" + "0" * 18, "1" + "0" * 19, "999999999999999999",
             "1000000000000000000"]
    for s in fixed:
        for neg in (False, True):
            v = int(s)
            vec = {"op": "int_digits", "neg": neg}
            vec.update(text_field(s))
            vec.update(text_field(dec(-v if neg else v), "out"))
            out.add(vec)
    for _ in range(600):
        n = rng.choice([1, 2, 5, 9, 10, 17, 18, 19, 19, 19, 20, 21, 30, 50, 100])
        s = str(rng.randrange(1, 10)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
        if n == 1 and rng.random() < 0.2:
            s = "0"
        neg = rng.random() < 0.5
        v = int(s)
        out.add({"op": "int_digits", "in": s, "neg": neg, "out": dec(-v if neg else v)})


# ------------------------------------------------------------------ floats

def special_doubles():
    ds = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, 2.5, 1e16, 1e15,
          9999999999999998.0, 1e16 + 2, 1e17, 1e22, 1e23, 1e-4, 1e-5, 0.0001, 0.00001,
          1.5e-5, 1.5e-7, 123456789.123, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), -float("nan"), 2.0**53, 2.0**53 + 2,
          2.0**63, -2.0**63, 2.0**63 - 1024, -(2.0**63) - 2048, 2.0**64, 2.0**64 - 2048,
          2.0**128, 2.0**127, 1e300, -1e300, 1e308, 4.35, 0.30000000000000004,
          100.0, 1e100, 1.0e-100, 9007199254740993.0, 0.9999999999999999, 12345.678e-20,
          1234567890123456789.0, 3.141592653589793, 2.718281828459045]
    for k in range(-1074, 1024):
        ds.append(math.ldexp(1.0, k) if k % 5 else -math.ldexp(1.0, k))
        if k % 9 == 0:
            ds.append(math.ldexp(3.0, k))
    for k in range(-325, 310):
        try:
            d = float("1e%d" % k)
        except OverflowError:
            continue
        ds += [d, math.nextafter(d, math.inf), math.nextafter(d, 0.0)]
    return ds


def random_double(rng):
    r = rng.random()
    if r < 0.55:
        return double_of(rng.getrandbits(64))
    if r < 0.8:
        # short decimals: 1-17 digits, any exponent
        nd = rng.randrange(1, 18)
        m = rng.randrange(10 ** (nd - 1), 10**nd)
        return float("%de%d" % (m, rng.randrange(-330, 310)))
    if r < 0.9:
        return float(rng.randrange(-2**70, 2**70))
    return rng.uniform(-1e6, 1e6)


def float_vectors(out, rng):
    ds = special_doubles() + [random_double(rng) for _ in range(2000)]
    for d in ds:
        out.add({"op": "float_repr", "bits": bits_of(d), "out": repr(d)})
    for d in special_doubles()[:80] + [random_double(rng) for _ in range(700)]:
        vec = {"op": "int_float", "bits": bits_of(d)}
        try:
            vec["out"] = dec(int(d))
        except ValueError:
            vec["exc"] = "ValueError"
        except OverflowError:
            vec["exc"] = "OverflowError"
        out.add(vec)


def json_literal(rng):
    """A random number literal in the JSON grammar the reference accepts."""
    r = rng.random()
    if r < 0.3:
        d = random_double(rng)
        if not math.isfinite(d):
            d = 1.0
        return repr(d).replace("inf", "1e400")
    intpart = "0" if rng.random() < 0.2 else (
        str(rng.randrange(1, 10)) + "".join(rng.choice("0123456789")
                                             for _ in range(rng.choice([0, 1, 5, 16, 17, 25, 40]))))
    s = ("-" if rng.random() < 0.3 else "") + intpart
    if rng.random() < 0.7:
        s += "." + "".join(rng.choice("0123456789")
                           for _ in range(rng.choice([1, 2, 5, 17, 20, 30, 60])))
    if rng.random() < 0.6:
        s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(
            rng.choice([0, 1, 5, 22, 23, 100, 290, 307, 308, 309, 320, 323, 324, 330, 400,
                        10**6, 10**25]))
    return s


def halfway_literals(rng):
    """Exact midpoints between neighbouring doubles, and a hair either side:
    the literals whose rounding needs all their digits (up to ~770)."""
    from decimal import Decimal, getcontext
    getcontext().prec = 2000
    lits = []
    picks = [5e-324, 2.2250738585072014e-308, 1.0, 1e23, 9007199254740992.0,
             1.7976931348623157e308, 0.1, 2.0**-1022 * 3]
    picks += [abs(random_double(rng)) for _ in range(60)]
    for d in picks:
        if not math.isfinite(d) or d == 0:
            continue
        up = math.nextafter(d, math.inf)
        if not math.isfinite(up):
            continue
        mid = (Decimal(d) + Decimal(up)) / 2
        t = format(mid, "f")
        lits.append(t)
        lits.append(t + "0000000000000000000001")
        if "." in t and len(t) > 30:
            lits.append(t[:-1] + str(int(t[-1]) - 1) + "9" * 900)
        e = format(mid, "e")
        lits.append(e)
    return lits


def float_parse_vectors(out, rng):
    fixed = ["0", "-0", "0.0", "-0.0", "1", "1.5", "0.1", "1e400", "-1e400", "1e-400",
             "-1e-400", "1E5", "1e+5", "1e-5", "1.7976931348623157e308",
             "1.7976931348623158e308", "1.7976931348623159e308", "2.4703282292062327e-324",
             "2.4703282292062328e-324", "4.9406564584124654e-324", "1e99999999999999999999",
             "1e-99999999999999999999", "0e99999999999999999999", "0.0000000000000000000001",
             "0." + "0" * 400 + "1e400", "1" + "0" * 400 + "e-400", "9" * 1000 + "e-1000",
             "1" * 5000, "0." + "3" * 3000, "123456789012345678901234567890.5e-10",
             "2.2250738585072011e-308", "2.2250738585072012e-308", "9007199254740993",
             "9007199254740993.0000000000000000000000001", "1" + "0" * 308, "1" + "0" * 309]
    lits = fixed + halfway_literals(rng) + [json_literal(rng) for _ in range(1500)]
    for s in lits:
        vec = {"op": "float_parse", "bits": bits_of(float(s))}
        vec.update(text_field(s))
        out.add(vec)


# ------------------------------------------------------------------ == and <

def num_enc(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": dec(v)}
    return {"float": bits_of(v)}


def num_pool(rng):
    pool = [0, 1, -1, True, False, 0.0, -0.0, 1.0, -1.0, 0.5, float("nan"), float("inf"),
            float("-inf"), 2**53, 2**53 + 1, float(2**53), float(2**53 + 1), 2**63 - 1, 2**63,
            -(2**63), -(2**63) - 1, float(2**63), float(-(2**63)), 2**64, float(2**64),
            2**64 + 1, int(1e300), int(1e300) + 1, 1e300, -int(1e300), -1e300, int(1e308),
            1e308, 10**308, float(10**308), 2**1023, float(2**1023), 2**1024, 10**400,
            -(10**400), 5e-324, 2**63 - 512, float(2**63 - 512), 2**63 - 1024,
            float(2**63 - 1024), 9007199254740993, 1.7976931348623157e308,
            int(1.7976931348623157e308)]
    for _ in range(150):
        f = random_double(rng)
        if math.isfinite(f):
            f = float(math.trunc(f)) if rng.random() < 0.7 else f
            pool.append(f)
            if f == math.trunc(f):
                i = int(f)
                pool += [i, i + rng.choice([-1, 1]), i + rng.choice([-(2**70), 2**70])]
    return pool


def eq_vectors(out, rng):
    pool = num_pool(rng)
    pairs = [(a, b) for a in pool[:20] for b in pool[:20]]
    for _ in range(1000):
        a = rng.choice(pool)
        # mostly related pairs: equal-ish values of other types
        if rng.random() < 0.6 and isinstance(a, float) and math.isfinite(a) and a == math.trunc(a):
            b = int(a) + rng.choice([0, 0, 0, 1, -1])
        else:
            b = rng.choice(pool)
        pairs.append((a, b))
    for a, b in pairs:
        out.add({"op": "num_eq", "a": num_enc(a), "b": num_enc(b), "out": a == b})
    ints = [v for v in pool if isinstance(v, int)]
    ints += [2**63 - 2, -(2**63) + 1, 10**19, -(10**19), 10**20, -(10**20), 10**18]
    for _ in range(450):
        a, b = rng.choice(ints), rng.choice(ints)
        if rng.random() < 0.2:
            b = a
        out.add({"op": "int_cmp", "a": num_enc(a), "b": num_enc(b),
                 "out": (a > b) - (a < b)})
    for v in [0, 1, -1, True, False, 2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**64 + 1,
              2**96 + 12345, 2**127, 2**128 - 1, 2**128, 2**128 + 1, -(2**64), 10**38,
              10**39 - 1, 10**39, 10**40, 10**400] + \
            [rng.randrange(0, 2**128) for _ in range(300)] + \
            [rng.randrange(2**128, 2**140) for _ in range(20)]:
        vec = {"op": "u128", "in": num_enc(v)}
        if isinstance(v, int) and 0 <= v < 2**128:
            vec["hi"] = "%016x" % (int(v) >> 64)
            vec["lo"] = "%016x" % (int(v) & (2**64 - 1))
        else:
            vec["hi"] = vec["lo"] = None
        out.add(vec)


# ------------------------------------------------------------------ str

def prop_runs(pred):
    starts, prev = [], False
    for c in range(MAX_CP):
        p = pred(c)
        if p != prev:
            starts.append(c)
            prev = p
    return starts


def decimal_of(c):
    ch = chr(c)
    return unicodedata.decimal(ch) if ch.isdecimal() else -1


def str_vectors(out, rng):
    # every code point, as run boundaries
    out.add({"op": "cp_runs", "prop": "space", "starts": prop_runs(lambda c: chr(c).isspace())})
    out.add({"op": "cp_runs", "prop": "numeric",
             "starts": prop_runs(lambda c: chr(c).isnumeric())})
    pairs, prev = [], -1
    for c in range(MAX_CP):
        v = decimal_of(c)
        if v != prev:
            pairs.append([c, v])
            prev = v
    out.add({"op": "cp_runs", "prop": "decimal", "starts": pairs})
    # single code points: every block's first and last, numeric boundaries, a sample
    cps = set(range(0, 0x100)) | {0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD,
                                  0xFFFF, 0x10000, 0x10FFFF}
    for c in range(0, 0x30000, 0x800):
        cps |= {c, c + 0x7FF}
    for c in range(1, MAX_CP):
        if chr(c).isnumeric() != chr(c - 1).isnumeric() or decimal_of(c) != decimal_of(c - 1):
            cps.add(rng.choice([c - 1, c]))
    cps |= {rng.randrange(MAX_CP) for _ in range(300)}
    for c in sorted(cps):
        ch = chr(c)
        out.add({"op": "cp", "cp": c, "space": ch.isspace(), "numeric": ch.isnumeric(),
                 "decimal": decimal_of(c)})
    numerics = [chr(c) for c in range(MAX_CP) if chr(c).isnumeric()]
    others = ["a", " ", "\x00", "\ud800", "\udfff", "\u00e9", "\U0001f600", ".", "-", "\u3000"]
    fixed = ["", "0", "123", "\u00b2", "\u00bd", "\u2160", "\u4e00", "1.5", "-1", " 1",
             "1 ", "\x00", "1\x00", "\ud800", "1\ud800", "\U0001d7ce", "\U00010107",
             "\U0001f10c", "\u0f33", "\u3405", "\U00020001", "\U0002a6d6", "\U0002f890",
             "\U00030729"]
    texts = fixed[:]
    for _ in range(1000):
        n = rng.choice([1, 1, 2, 3, 5, 8, 20])
        s = "".join(rng.choice(numerics) for _ in range(n))
        if rng.random() < 0.4:
            i = rng.randrange(n + 1)
            s = s[:i] + rng.choice(others + numerics[:20]) + s[i:]
        texts.append(s)
    for s in texts:
        vec = {"op": "isnumeric", "out": s.isnumeric()}
        vec.update(text_field(s))
        out.add(vec)
    pieces = ["a", "\x00", "\x7f", "\x80", "\u07ff", "\u0800", "\ud7ff", "\ud800", "\udbff",
              "\udc00", "\udfff", "\ue000", "\uffff", "\U00010000", "\U0010ffff", "\U0001f600",
              "\u00e9", "\u20ac", "\ud83d", "\ude00"]
    lens = ["", "a", "\ud83d\ude00", "\U0001f600", "\x00" * 5, "\ud800" * 3]
    for _ in range(700):
        lens.append("".join(rng.choice(pieces) for _ in range(rng.choice([1, 2, 3, 7, 16, 40]))))
    for s in lens:
        vec = {"op": "len", "out": len(s)}
        vec.update(text_field(s))
        out.add(vec)
    for c in sorted({0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0xFFF, 0x1000, 0xD7FF,
                     0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
                     0x3FFFF, 0x40000, 0xFFFFF, 0x100000, 0x10FFFF} |
                    {rng.randrange(MAX_CP) for _ in range(300)}):
        out.add({"op": "wtf8", "cp": c, "hex": wtf8(chr(c)).hex()})


def main():
    if unicodedata.unidata_version != "14.0.0" or sys.version_info[:2] != (3, 11):
        raise SystemExit("vectors_pynum: run with the reference interpreter (/usr/bin/python3)")
    rng = random.Random(20240607)
    out = Out()
    int_str_vectors(out, rng)
    int_digits_vectors(out, rng)
    float_vectors(out, rng)
    float_parse_vectors(out, rng)
    eq_vectors(out, rng)
    str_vectors(out, rng)
    sys.stdout.write("\n".join(out.lines) + "\n")


if __name__ == "__main__":
    main()
