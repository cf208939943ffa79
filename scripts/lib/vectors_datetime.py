"""Write tests/data/datetime.jsonl: what the reference's DateTime field does
with each input, for tests/unit/test_datetime.c.

Run with /usr/bin/python3 (the pinned reference):

    /usr/bin/python3 scripts/lib/vectors_datetime.py tests/data/datetime.jsonl

Every expected value comes from running the reference: ISO8601_REGEX.match
for the groups, iso8601.parse_date for the failure kind, and
oslo_versionedobjects.fields.DateTime (tzinfo_aware False, as all of
Neutron's DateTimeFields, and True) for the field pipeline: from_primitive,
then coerce as setattr does, then isoformat() and to_primitive().

One JSON object per line:
  in | in_hex | gen | json | special   the input: an ASCII str; a str as hex
        of its WTF-8 bytes; a str built as pre + rep * count + post (too big
        to store); a non-str JSON value; "nan", "inf", "-inf" or a big int
        as {"bigint": "<decimal>"}
  match   {group: [start, end]} of ISO8601_REGEX.match, or null
  status  parse_date: "ok", or why it raised ParseError: "nomatch",
          "offset" (datetime.timezone), "date" (datetime())
  naive   [isoformat, to_primitive] for DateTime(tzinfo_aware=False)
  aware   [isoformat, to_primitive, tzname] for DateTime(tzinfo_aware=True)
  err     the exception class from_primitive raised (both fields)
  cerr    the exception class DateTime.coerce raised on the value itself
  strict  the bypass.datetime.* rules a tzinfo_aware=False field notes
          (libovo's own promise, see ovo_isotime_canonical); a
          tzinfo_aware=True field notes the same minus "offset-dropped"
Vectors with "dt" instead check coerce() of a datetime value:
  dt      [y, mo, d, h, mi, s, us, offset_seconds or null]
  naive, aware as above, after coerce.
"""
import datetime
import json
import random
import re
import sys

import reference

reference.check_pins()
reference._quiet()

import iso8601  # noqa: E402
from oslo_versionedobjects import fields  # noqa: E402

REGEX = iso8601.iso8601.ISO8601_REGEX
NAIVE = fields.DateTime(tzinfo_aware=False)
AWARE = fields.DateTime(tzinfo_aware=True)
CANONICAL = re.compile(
    r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
    r"(\.[0-9]{1,6})?(Z|\+00:00)\Z")
GROUPS = ("year", "monthdash", "month", "daydash", "day", "separator", "hour",
          "minute", "second", "second_fraction", "timezone", "tz_sign",
          "tz_hour", "tz_minute")


def field_run(ftype, value):
    """from_primitive then coerce (Field.from_primitive + setattr)."""
    v = ftype.from_primitive(None, "f", value)
    v2 = ftype.coerce(None, "f", v)
    assert v2 == v and v2.tzinfo == v.tzinfo, (value, v, v2)
    return v2


def rendered(ftype, v):
    out = [v.isoformat(), ftype.to_primitive(None, "f", v)]
    if ftype is AWARE:
        out.append(v.tzinfo.tzname(None))
    return out


def parse_status(s):
    try:
        iso8601.parse_date(s)
        return "ok"
    except iso8601.ParseError as e:
        msg = str(e)
        if msg.startswith("Unable to parse date string"):
            return "nomatch"
        if msg.startswith("offset must be a timedelta"):
            return "offset"
        return "date"


def exc_name(fn):
    try:
        fn()
        return None
    except Exception as e:  # the class is the outcome
        return type(e).__name__


def str_vector(s, gen=None):
    vec = {}
    if gen is not None:
        vec["gen"] = gen
    elif s.isascii() and "\x00" not in s:
        vec["in"] = s
    else:
        vec["in_hex"] = s.encode("utf-8", "surrogatepass").hex()
    m = REGEX.match(s)
    vec["match"] = None if m is None else {
        g: list(m.span(g)) for g in GROUPS if m.group(g) is not None}
    vec["status"] = parse_status(s)
    err = exc_name(lambda: field_run(NAIVE, s))
    assert err == exc_name(lambda: field_run(AWARE, s))
    assert (err is None) == (vec["status"] == "ok"), s
    cerr = exc_name(lambda: AWARE.coerce(None, "f", s))
    assert cerr == err
    if err:
        vec["err"] = err
    else:
        n = field_run(NAIVE, s)
        a = field_run(AWARE, s)
        vec["naive"] = rendered(NAIVE, n)
        vec["aware"] = rendered(AWARE, a)
        strict = []
        if not CANONICAL.match(s):
            strict.append("noncanonical")
        if a.utcoffset() != datetime.timedelta(0):
            strict.append("offset-dropped")
        if n.year < 1000:
            # _utils.isotime writes the year unpadded; parse_isotime then
            # cannot read the primitive back
            strict.append("short-year")
        vec["strict"] = strict
    return vec


def other_vector(value, key, tag):
    vec = {key: tag}
    err = exc_name(lambda: field_run(NAIVE, value))
    assert err == exc_name(lambda: field_run(AWARE, value))
    vec["err"] = err
    vec["cerr"] = exc_name(lambda: AWARE.coerce(None, "f", value))
    assert vec["cerr"] == exc_name(lambda: NAIVE.coerce(None, "f", value))
    return vec


def dt_vector(parts):
    y, mo, d, h, mi, s, us, off = parts
    # The zones libovo meets come from parse_date: UTC or a FixedOffset
    # named "+hh:mm" (ovo_datetime_tzname derives that name).
    if off is None:
        tz = None
    elif off == 0:
        tz = iso8601.UTC
    else:
        a = abs(off)
        tz = iso8601.FixedOffset(0, off // 60, "%s%02d:%02d" % (
            "-" if off < 0 else "+", a // 3600, a % 3600 // 60))
    value = datetime.datetime(y, mo, d, h, mi, s, us, tzinfo=tz)
    n = NAIVE.coerce(None, "f", value)
    a = AWARE.coerce(None, "f", value)
    out = {"dt": list(parts), "naive": rendered(NAIVE, n),
           "aware": rendered(AWARE, a)}
    return out


# ------------------------------------------------------------ inputs

FORMS = [
    "2024", "2024-01", "2024-1", "2024-01-02", "2024-1-2", "20240102",
    "202401", "2024-0102", "202401-02", "2024-123", "2024-1234",
    "2024-01-02T03", "2024-01-02 03", "2024-01-02T0304", "2024-01-02T03:04",
    "2024-01-02T03:04:05", "2024-01-02T030405", "2024-01-02T03045",
    "2024-01-02T033", "2024-01-02T03:4", "2024-01-02T03:04:5",
    "2024-01-02T0304.5", "2024-01-02T03:04.5", "2024-01-02T03.5",
    "2024-01-02T03:04:05.1", "2024-01-02T03:04:05,1", "2024-01-02T03:04:05.",
    "2024-01-02T03:04:05.123456", "2024-01-02T03:04:05.1234567",
    "2024-01-02T03:04:05.000001", "2024-01-02T03:04:05.0000001",
    "2024-01-02T03:04:05Z", "2024-01-02T03:04:05+00:00",
    "2024-01-02T03:04:05-00:00", "2024-01-02T03:04:05+05",
    "2024-01-02T03:04:05+0530", "2024-01-02T03:04:05+05:30",
    "2024-01-02T03:04:05+05:", "2024-01-02T03:04:05+5", "2024-01-02T03:04:05+05:3",
    "2024-01-02T03:04:05+05:300", "2024-01-02T03:04:05-23:59",
    "2024-01-02T03:04:05+23:60", "2024-01-02T03:04:05+24:00",
    "2024-01-02T03:04:05+00:60", "2024-01-02T03:04:05+00:99",
    "2024-01-02T03:04:05+99", "2024-01-02T03:04:05.5Z",
    "2024-01-02T03:04:05.123456+00:00", "2024-01-02T03:04:05.123456Z",
    "2024-01-02T03Z", "2024-01-02T03+01", "2024-01-02Z", "2024Z",
    "2024-01-02T03:04:05z", "2024-01-02t03:04:05", "2024-01-02T03:04:05 Z",
    "2024-01-02T03:04:05\n", "2024-01-02T03:04:05Z\n", "2024\n", "2024\n\n",
    "202401\n", "2024-01-02T03:04:05\r\n", "2024-01-02T03:04:05\r",
    " 2024-01-02", "2024-01-02 ", "\n2024", "2024-W01", "2024-W01-1",
    "2024-001", "2024-366", "2024-01-02T24:00", "2024-01-02T24:00:00",
    "2024-01-02T23:59:60", "2024-01-02T23:60", "2024-02-29", "2023-02-29",
    "2024-02-30", "2100-02-29", "2000-02-29", "0000-01-01", "0001-01-01",
    "0999-12-31T23:59:59", "9999-12-31T23:59:59.999999",
    "9999-12-31T23:59:59.999999-23:59", "2024-13-01", "2024-00-01",
    "2024-01-00", "2024-01-32", "2024-04-31", "1970-01-01T00:00:00Z",
    "", "Z", "T", "2", "20", "202", "20240", "2024-", "2024-01-", "2024-01-02T",
    "2024-01-02T0", "2024-01-02T03:", "2024-01-02T03:04:", "2024-01-02T03:04:05+",
    "2024-01-02T03:04:05-", "2024--01", "2024-01--02", "2024-01-02TT03",
    "2024-01-02  03", "2024/01/02", "2024.01.02", "2024-01-02T03:04:05.+00:00",
    "2024-01-02T03:04:05.,5", "2024-01-02T03:04:05..5",
    "2024-01-02T03:04:05.5.5", "2024-01-02T03:04:05Z+00:00",
    "2024-01-02T03:04:05+00:00Z", "2024-01-02T03:04:05UTC",
    "2024-01-02T03:04:05 +00:00", "2024-01-02T03:04:05+00:00:00",
    "2024-01-02T03:04:05\x00", "\x002024", "2024\x00-01",
    "2024-01-02T03:04:05\ud800", "\ud8002024", "2024-01-02T03:04:05\udfff",
    "\u0662\u0660\u0662\u0664", "2024-\u0660\u0661-02", "\uff12\uff10\uff12\uff14",
    "2024-01-02T03:04:05\u2003", "2024-01-02\u200bT03", "2024-01-02T03:04:05\t",
    "\u00b2\u00b0\u00b2\u2074", "2024-01-02T03:04:05\x85", "2024-01-02T03:04:05\u2028",
    "2024\u0301", "2024-01-02T03:04:05\U0001d7ce",
]

ALPHABET = "0123456789-:T Z+.,\n"
MUTATION_CHARS = [
    "0", "1", "2", "3", "5", "6", "9", "-", ":", "T", " ", "Z", "+", ".",
    ",", "t", "z", "W", "\n", "\t", "\x00", "\ud800", "\u0663", "\uff13",
    "\u00e9", "\u2003",
]
BASES = [
    "2024-01-02T03:04:05.123456+05:30",
    "2024-01-02T03:04:05Z",
    "20240102T030405,5-0130",
    "2024-01-02 03:04",
]


def mutations():
    for base in BASES:
        for i in range(len(base) + 1):
            for c in MUTATION_CHARS:
                if i < len(base):
                    yield base[:i] + c + base[i + 1:]
                yield base[:i] + c + base[i:]
            if i < len(base):
                yield base[:i] + base[i + 1:]


def two(rng, lo, hi):
    return "%02d" % rng.randint(lo, hi)


def grammar_string(rng):
    """A random string the pattern is likely to (nearly) match."""
    s = "%04d" % rng.choice([rng.randint(0, 9999), 1, 2024, 9999, 0])
    if rng.random() < 0.85:
        sep = rng.random() < 0.7
        s += ("-" + (two(rng, 0, 13) if rng.random() < 0.8 else str(rng.randint(0, 9)))
              if sep else two(rng, 0, 13))
        if rng.random() < 0.85:
            if rng.random() < 0.7:
                s += "-" + (two(rng, 0, 32) if rng.random() < 0.8 else str(rng.randint(0, 9)))
            else:
                s += two(rng, 0, 32)
            if rng.random() < 0.8:
                s += rng.choice("T T T ") + two(rng, 0, 25)
                if rng.random() < 0.7:
                    s += rng.choice([":", ":", ""]) + two(rng, 0, 61)
                if rng.random() < 0.7:
                    s += rng.choice([":", ":", ""])
                    s += two(rng, 0, 61) if rng.random() < 0.8 else str(rng.randint(0, 9))
                    if rng.random() < 0.5:
                        s += rng.choice(".,") + "".join(
                            rng.choice("0123456789") for _ in range(rng.randint(1, 12)))
                r = rng.random()
                if r < 0.3:
                    s += "Z"
                elif r < 0.7:
                    s += rng.choice("+-") + two(rng, 0, 25)
                    s += rng.choice([":", ":", ""])
                    if rng.random() < 0.7:
                        s += two(rng, 0, 99)
    if rng.random() < 0.05:
        s += "\n"
    if rng.random() < 0.3:               # one small random edit
        i = rng.randint(0, len(s))
        c = rng.choice(ALPHABET)
        op = rng.randint(0, 2)
        if op == 0:
            s = s[:i] + c + s[i:]
        elif op == 1 and i < len(s):
            s = s[:i] + c + s[i + 1:]
        elif i < len(s):
            s = s[:i] + s[i + 1:]
    return s


def sweeps():
    for y in ("0000", "0001", "0099", "0999", "1000", "1900", "2000", "2023", "2024", "9999"):
        for mo in ("00", "01", "02", "04", "12", "13", "99"):
            for d in ("00", "01", "28", "29", "30", "31", "32"):
                yield "%s-%s-%s" % (y, mo, d)
    for h in ("00", "23", "24", "99"):
        for mi in ("00", "59", "60", "99"):
            for sec in ("00", "59", "60", "61", "99", "9"):
                yield "2024-06-30T%s:%s:%s" % (h, mi, sec)
    for sign in "+-":
        for th in ("00", "01", "12", "23", "24", "99"):
            for tm in ("00", "30", "59", "60", "99"):
                for form in ("%s%s", "%s%s:", "%s%s%s", "%s%s:%s"):
                    tz = form % ((sign, th) if form.count("%s") == 2 else (sign, th, tm))
                    yield "2024-06-30T12:00:00" + tz
                    yield "2024-06-30T12" + tz
    for k in range(1, 36):
        for digit in "0159":
            yield "2024-06-30T12:00:00." + digit * k
        yield "2024-06-30T12:00:00." + "1" + "9" * k
        yield "2024-06-30T12:00:00." + "0" * (k % 8) + "9" * k
        yield "2024-06-30T12:00:00." + "1" + "9" * 26 + "5" + "0" * k
        yield "2024-06-30T12:00:00." + "1" + "9" * 25 + "85" + "0" * k
        yield "2024-06-30T12:00:00." + "1" + "9" * 25 + "85" + "0" * k + "1"
        yield "2024-06-30T12:00:00." + "0" * k + "123456789" * 4


def random_strings(rng, count):
    for _ in range(count):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))


def gens():
    """Inputs too big to store: (pre, rep, count, post)."""
    head = "2024-06-30T12:00:00."
    return [
        (head, "9", 100000, ""),
        (head, "9", 100000, "Z"),
        (head, "0", 1000001, "1"),
        (head, "0", 5, "9" * 60 + "8" * 200000),
        (head + "123", "0", 300000, "5+05:30"),
        ("", "2", 1 << 20, ""),
        ("2024-01-02T03:04:05", "\n", 300000, ""),
        ("2024", "-01", 100000, ""),
        (head, "5", 500000, "x"),
    ]


def json_values():
    return [
        ("json", 0), ("json", 1), ("json", -1), ("json", 20240102),
        ("json", 1704164645), ("json", 1.5), ("json", -0.0), ("json", 1e300),
        ("json", True), ("json", False), ("json", None), ("json", []),
        ("json", ["2024-01-02"]), ("json", {}), ("json", {"a": "2024"}),
        ("json", [[]]), ("special", "nan"), ("special", "inf"),
        ("special", "-inf"),
    ]


def datetimes(rng):
    fixed = [
        (2024, 1, 2, 3, 4, 5, 0, None), (2024, 1, 2, 3, 4, 5, 6, None),
        (1, 1, 1, 0, 0, 0, 0, None), (999, 12, 31, 23, 59, 59, 999999, None),
        (2024, 1, 2, 3, 4, 5, 0, 0), (2024, 1, 2, 3, 4, 5, 120, 19800),
        (2024, 1, 2, 3, 4, 5, 0, -19800), (9999, 12, 31, 23, 59, 59, 1, 86340),
        (5, 6, 7, 8, 9, 10, 11, -86340),
    ]
    for parts in fixed:
        yield parts
    for _ in range(200):
        y = rng.randint(1, 9999)
        mo = rng.randint(1, 12)
        d = rng.randint(1, 28)
        off = rng.choice([None, 0, rng.randint(-1439, 1439) * 60])
        yield (y, mo, d, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
               rng.choice([0, rng.randint(0, 999999)]), off)


def main():
    rng = random.Random(20240102)
    out = open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout
    seen = set()
    count = 0

    def emit(vec):
        nonlocal count
        out.write(json.dumps(vec, separators=(",", ":"), sort_keys=True) + "\n")
        count += 1

    def emit_str(s):
        if s in seen:
            return
        seen.add(s)
        emit(str_vector(s))

    for s in FORMS:
        emit_str(s)
    for s in sweeps():
        emit_str(s)
    for s in mutations():
        emit_str(s)
    for _ in range(3500):
        emit_str(grammar_string(rng))
    for s in random_strings(rng, 1200):
        emit_str(s)
    for pre, rep, n, post in gens():
        emit(str_vector(pre + rep * n + post,
                        gen={"pre": pre, "rep": rep, "count": n, "post": post}))
    for key, value in json_values():
        if key == "special":
            emit(other_vector(float(value), "special", value))
        else:
            emit(other_vector(value, "json", value))
    big = 10 ** 30 + 7
    emit(other_vector(big, "special", {"bigint": str(big)}))
    for parts in datetimes(rng):
        emit(dt_vector(parts))
    if out is not sys.stdout:
        out.close()
    print("vectors_datetime: %d vectors" % count, file=sys.stderr)


if __name__ == "__main__":
    main()
