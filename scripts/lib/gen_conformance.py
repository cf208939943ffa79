"""Generate corpus/conformance/: inputs with the reference's outcome lines.

For every family, <family>.jsonl holds one input per line (the raw bytes of
one JSON document, never containing a newline byte) and <family>.expected
the reference oracle's outcome line for each, in the same order.

    gen-conformance [--out DIR]    write the files (default corpus/conformance)
    gen-conformance --check        regenerate into a temporary directory and
                                   fail if the committed files differ

Everything is deterministic: fixed seeds, stable order, sorted sets.  Run
with /usr/bin/python3 (the reference's interpreter).
"""
import collections
import filecmp
import json
import os
import random
import shutil
import sys
import tempfile

import oracle
import primitives

NS = "versionedobjects"
U = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"      # the uuid spellings start from
KEY = "versioned_object."


# ---------------------------------------------------------------- JSON text

class Raw(str):
    """JSON text spliced verbatim into a document (numbers json.dumps cannot
    write, such as 1e400 or a 4301-digit integer)."""


def dumps(value, ascii=True):
    """Compact json.dumps with Raw fragments spliced in."""
    raws = []

    def mark(v):
        if isinstance(v, Raw):
            raws.append(str(v))
            return "\x00raw%d\x00" % (len(raws) - 1)
        if isinstance(v, dict):
            return {k: mark(x) for k, x in v.items()}
        if isinstance(v, list):
            return [mark(x) for x in v]
        return v

    text = json.dumps(mark(value), ensure_ascii=ascii, separators=(",", ":"))
    for i, r in enumerate(raws):
        text = text.replace('"\\u0000raw%d\\u0000"' % i, r)
    return text


def enc(text):
    # surrogatepass: a lone surrogate written raw becomes ED A0 80 and the
    # like, which strict UTF-8 decoding rejects.
    return text.encode("utf-8", "surrogatepass")


CURRENT = object()


def env(name, data, version=CURRENT, changes=CURRENT, ns=NS):
    """An object primitive, by default at the registered VERSION (1.0 for
    names that are not registered) and without a changes key."""
    if version is CURRENT:
        cls = primitives.registry().get(name)
        version = cls.VERSION if cls else "1.0"
    d = {KEY + "name": name, KEY + "namespace": ns, KEY + "version": version,
         KEY + "data": data}
    if changes is not CURRENT:
        d[KEY + "changes"] = changes
    return d


def doc(name, data, **kw):
    return enc(dumps(env(name, data, **kw)))


BIG_DIGITS = Raw("9" * 4300)        # the longest literal int() accepts
TOO_MANY_DIGITS = Raw("9" * 4301)   # json_error/int_digits


def _small_object():
    return env("NetworkPortSecurity", {"id": U, "port_security_enabled": True})


def json_values():
    """One value of every JSON type, for the `types` family."""
    return [None, True, False, 0, -1, 1, 1.5, Raw("1e400"), -0.0, Raw("NaN"),
            Raw("Infinity"), Raw("-Infinity"), 2**64, -2**63 - 1, 2**63, "", "x",
            "\u0661\u0662\u0663", " 7 ", [], [1], [None], {}, {"a": 1},
            _small_object()]


# ---------------------------------------------------------------- helpers

_BASES = {}


def base_data(name):
    """Valid data of the named object with only its required fields."""
    if name not in _BASES:
        rng = random.Random("base:" + name)
        obj = primitives.Values(rng, max_depth=0).instance(name, 0, "minimal")
        prim = primitives.normalise(obj.obj_to_primitive())
        _BASES[name] = prim[KEY + "data"]
    return dict(_BASES[name])


def with_field(name, field, value, base=True):
    data = base_data(name) if base else {}
    data[field] = value
    return doc(name, data)


def spelled(name, field, value):
    """with_field, plus the same document with non-ASCII characters written
    as raw UTF-8 instead of \\u escapes (when that is a different, valid
    UTF-8 text: a lone surrogate cannot be written raw)."""
    out = [with_field(name, field, value)]
    data = base_data(name)
    data[field] = value
    text = dumps(env(name, data), ascii=False)
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return out
    if raw != out[0]:
        out.append(raw)
    return out


def fields_of_kind(*kinds):
    """[(object, field, Field)] of every field whose type kind is in kinds."""
    return [(name, fname, field)
            for name in primitives.registry()
            for fname, field, k in primitives.fields_of(name)
            if k["kind"] in kinds]


def rotate(items, i, n):
    """n items of a list, starting at a rotating offset."""
    return [items[(i * n + j) % len(items)] for j in range(min(n, len(items)))]


# ---------------------------------------------------------------- families

def fam_valid():
    out = [enc(text) for _name, text in primitives.valid_primitives(0)]
    # The same objects on the wire from a newer peer: minor version + 1 is
    # incompatible, an older minor of the same major is accepted.
    for name, cls in primitives.registry().items():
        major, minor = cls.VERSION.split(".")
        data = base_data(name)
        out.append(doc(name, data, version="%s.%d" % (major, int(minor) + 1)))
        out.append(doc(name, data, version="%s.0" % major))
    return out


def uuid_spellings():
    u = U
    h = u.replace("-", "")
    arabic = "".join("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"[int(c)]
                     if c.isdigit() else c for c in h)
    return [
        u, u.upper(), u[:9] + u[9:].upper(), "{%s}" % u, "{{%s}}" % u,
        "{%s" % u, "%s}" % u, "}%s{" % u, "{%s}" % h, "urn:uuid:" + u,
        "URN:UUID:" + u, "uuid:" + u, "urn:" + u, "urn:uuid:{%s}" % u,
        u[:9] + "urn:" + u[9:], u[:9] + "uuid:uuid:" + u[9:], h, h.upper(),
        "-".join(h[i:i + 4] for i in range(0, 32, 4)), "--" + u + "--",
        u.replace("-", "---"), "+" + h[1:], "-" + h[1:], "+" + h,
        "0x" + h[2:], "0X" + h[2:], "0x" + h, " " + h[1:], h[1:] + "\t",
        " " + u, u + " ", u + "\n", h[:4] + "_" + h[5:], h[:31], h + "0",
        u[:-1], u + "0", arabic, "\uff11" + h[1:], "\U0001d7cf" + h[1:],
        "\u00b9" + h[1:], "g" + h[1:], "", "-", "{}", "urn:uuid:",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
        h[:16] + "\x00" + h[17:], "\ud800" + h[1:],
        int("1" * 32), -int("1" * 31), int("9" * 32), int("1" * 33), 2**64, 0,
        1.5, 1e31, True, False, None, [], [u], {}, {u: 1},
    ]


def fam_uuid():
    out = []
    spellings = uuid_spellings()
    # Every spelling on a few representative fields (required, nullable,
    # nullable with a default) ...
    for name, field in [("Port", "id"), ("Port", "network_id"),
                        ("FloatingIP", "router_id"), ("Network", "qos_policy_id"),
                        ("QosBandwidthLimitRule", "qos_policy_id"), ("Log", "target_id")]:
        for v in spellings:
            out += spelled(name, field, v)
    # ... and a rotating handful on every UUID field of every object.
    for i, (name, field, _f) in enumerate(fields_of_kind("uuid")):
        for v in rotate(spellings, i, 5):
            out += spelled(name, field, v)
    # Sets of oslo UUIDs: no check at all, Python set semantics (1, 1.0 and
    # true are one element), unhashable elements raise TypeError.
    sets = [[U], [U, U], [U, U.upper()], ["x", 1, 1.0, True], [True, 1],
            [1.0, 1, True], [0, False, 0.0, -0.0], [None], [None, U], [],
            ["urn:uuid:" + U, "{%s}" % U], [[U]], [{}], [U, [1]], "abc",
            "", {U: 1, "b": 2}, {}, 1, True, None, 1.5, Raw("[NaN, NaN]"),
            Raw("[1e400, Infinity]"), [2**64, 2**64], [BIG_DIGITS]]
    for name, field, _f in fields_of_kind("set"):
        for v in sets:
            out += spelled(name, field, v)
    return out


def version_spellings(current):
    major, minor = (int(x) for x in current.split("."))
    M, N = str(major), str(minor)
    return [
        current, M, M + "." + N + ".0", M + ".0", M + ".0.0.0.0", "v" + current,
        "V" + current, " " + current + " ", current + "\n", "\t" + current,
        current + "a1", current + "b2", current + "rc1", current + "c1",
        current + ".post1", current + "-1", current + ".dev0", current + "+local",
        current + "+local.1-x", "0!" + current, "1!" + current,
        "0" + M + ".0" + N, M + ".%02d" % minor, "%s.%d" % (M, minor + 1),
        "%d.0" % (major + 1), "%d.99" % (major - 1), "0.9", "0", "0.0",
        M + "." + N + ".1", M + "." + N + "-post1", M + "." + N + "_1",
        M + "." + N + " a1", M + "." + N + "pre1", M + "." + N + "alpha1",
        M + "." + N + ".a1", "v " + current, current + ".", "." + current,
        M + ".." + N, M + "." + N + "." + "9" * 40, M + "." + "0" * 40 + N,
        "9" * 40 + ".0", M + ".1" + "0" * 30, "\u0661." + N,
        M + ".\uff10", "", " ", "latest", M + "," + N, M + ".*",
        1, float(current), major, True, None, [current], {current: 1},
        Raw("1e400"), Raw("NaN"),
    ]


def fam_version():
    out = []
    for name in ["Port", "QosPolicy", "MeteringLabelRule", "Network",
                 "AddressAssociation", "FloatingIP", "SubnetPool"]:
        data = base_data(name)
        for v in version_spellings(primitives.registry()[name].VERSION):
            out.append(doc(name, data, version=v))
    # Every object at "v" + VERSION: accepted, re-serialisation fails.
    for name, cls in primitives.registry().items():
        out.append(doc(name, base_data(name), version="v" + cls.VERSION))
    return out


def fam_types():
    out = []
    values = json_values()
    seen_kinds = set()
    for name in primitives.registry():
        for fname, field, k in primitives.fields_of(name):
            for v in values:
                out.append(with_field(name, fname, v, base=False))
            # The biggest values once per field kind: they are large.
            if k["kind"] not in seen_kinds:
                seen_kinds.add(k["kind"])
                for v in (BIG_DIGITS, Raw("-" + "1" * 4300), Raw("1e308"),
                          Raw("1" + "0" * 400), Raw("1" + "0" * 400 + ".5")):
                    out.append(with_field(name, fname, v, base=False))
            if k["kind"] == "object":
                for target in primitives.concrete_classes(k["obj_name"], k["subclasses"]):
                    out.append(with_field(name, fname, env(target, base_data(target)), base=False))
    # A literal longer than 4300 digits fails in the JSON layer.
    out.append(with_field("Port", "revision_number", TOO_MANY_DIGITS, base=False))
    return out


def misc_strings():
    s = json.dumps
    deep = "[" * 50 + "]" * 50
    return [
        "{}", '{"a":1}', "[]", "[1]", '"x"', "null", "1", "1.5", "-0.0",
        "true", "false", "NaN", "Infinity", "-Infinity", '{"a":NaN}',
        "[Infinity,-Infinity]", "1e400", "1" * 30, "1" * 4300, "1" * 4301,
        '"null"', '"[1]"', '"\\"x\\""', '"{\\"a\\":1}"', '"NaN"', '""',
        s(s(s({"a": 1}))), s(s(s(s([1])))), s(s(s(s(s("x"))))),
        "{", '{"a":}', "{'a':1}", "", " ", '{"a":1} x', '{"a":1}\n',
        " \t{}\r\n", "[1,]", '{"a":1,}', "/* c */ {}", "01", "+1", ".5", "1.",
        '"\\ud800"', '{"\\ud800":1}', '"\\udc00\\ud800"', '"\\ud83d\\ude00"',
        '"\ud800"', '"\u00e9\u0000"', '"\\u0000"', '{"a":1,"a":2}',
        '{"$set":[1],"$int":"5","$$x":0}', '{"\u043a\u043b\u044e\u0447":"\u5024"}',
        '{"":""}', deep, "[" * 2000, "[" * 2000 + "]" * 2000, '{"a":' * 100 + "1" + "}" * 100,
        "\ufeff{}", "{}\x00", "\x00",
    ] + [s(x) for x in [  # a JSON string of a JSON string: decoded twice
        "[]", "[1,[2]]", "1", "-0.0", "NaN", "-Infinity", "1e400", "true", "null",
        '"x"', "[Infinity]", '{"a":NaN}', '"\\ud800"', '"\\udfff\\ud800"', "1" * 40,
        "1" * 4301, "[" * 2000, "{", "", '{"a":1}{', '{"a":1} ']]


def fam_jsonstr():
    out = []
    strings = misc_strings()
    for name, field, _f in fields_of_kind("misc_dict"):
        for v in strings:
            out += spelled(name, field, v)
        # The dict itself, with values the round trip has to keep.
        for v in [{"a": Raw("NaN")}, {"$obj": {"$int": 1}}, {"a": [2**64, -0.0]},
                  {"a": BIG_DIGITS}, {"\ud800": "\udfff"}, {"n": None}]:
            out += spelled(name, field, v)
    # A list of misc dicts: every element is decoded; a string is a list of
    # characters and a dict a list of keys.
    for v in [["{}", '"x"', "null"], ['"null"'], [{}, "[1]"], "123", "{}", "",
              {"{}": 1, "[2]": 2}, ["NaN"], [None], [[]], ["\ud800"], [1]]:
        out.append(with_field("QosRuleTypeDriver", "supported_parameters", v))
    return out


def ipv4_spellings():
    return [
        "10.0.0.1", "0.0.0.0", "255.255.255.255", "010.1", "0x7f.1", "127.1",
        "127.0.1", "1", "0", "4294967295", "4294967296", "0x7F000001", "0x7f000001",
        "017700000001", "0177.0.0.1", "08.0.0.1", "09.1", "0x.1", "0xg.1",
        "127.0.0.256", "256.0.0.1", "127.0.0.1.1", "1..1", ".1", "1.", "1.2.3.4.",
        "127.0.0.1 ", " 127.0.0.1", "127.0.0.1\n", "127.0.0.1\t", "127.0.0.1 x",
        "127.0.0.1/32", "127.0.0.1%eth0", "\u0661\u0662\u0667.0.0.1", "1e3",
        "-1", "+1", "0x100000000", "4294967295.1", "0.0.0.0377", "0.0.0377",
        "", " ", "1.2.3.04", "10.0.0.01",
    ]


def ipv6_spellings():
    return [
        "::1", "::", "FE80::1", "fe80::1%eth0", "fe80::1%25eth0", "2001:db8::1/64",
        "::ffff:1.2.3.4", "::1.2.3.4", "::ffff:010.1.1.1", "::ffff:127.1",
        "2001:0db8:0000:0000:0000:0000:0000:0001", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":::", "1::2::3", "[::1]", " ::1",
        "::1 ", "::1\n", "0:0:0:0:0:0:0:1", "::00001", "2001:DB8::ABCD", "::g",
        "1:2:3:4:5:6:1.2.3.4", "::ffff:0:0",
    ]


def ip_ints():
    return [0, 1, 2**32 - 1, 2**32, 2**64, 2**128 - 1, 2**128, -1, True,
            False, 1.5, 1e10, Raw("1e400"), None, [], {}, [1, 2]]


def network_spellings():
    return [
        "10.0.0.0/8", "10/8", "127.1/8", "10.0.0.0/255.0.0.0", "10.0.0.0/0.255.255.255",
        "10.0.0.0/255.255.0.255", "10.0.0.1/24", "10.0.0.0/33", "10.0.0.0/-1",
        "10.0.0.0/08", "10.0.0.0/+24", "10.0.0.0/ 24", "10.0.0.0 /24",
        " 10.0.0.0/24 ", "10.0.0.0/24\n", "10.0.0.0/24\t", "2001:db8::/64",
        "2001:DB8::/64", "::/0", "::/128", "::/129", "0.0.0.0/0", "10.0.0.0",
        "10.0.0.0/", "/24", "10.0.0.0/24/24", "fe80::1%eth0/64",
        "10.0.0.0/\u0662\u0664", "10.0.0.0/0x18", "010.0.0.0/8", "0x0a.0.0.0/8",
        "::ffff:10.0.0.0/104", "2001:db8::/ffff:ffff::", "1", "10", "",
        "10.0.0.0/24,10.1.0.0/24", 167772160, 0, True, None, 1.5, [], {},
        ["10.0.0.0/8"],
    ]


def mac_spellings():
    return [
        "fa:16:3e:00:00:01", "FA:16:3E:00:00:01", "Fa:16:3e:0A:0b:01",
        "fa-16-3e-00-00-01", "fa163e000001", "FA163E000001", "fa16.3e00.0001",
        "f:a:1:2:3:4", "fa:16:3e:0:0:1", "00:11:22:33:44:55:66:77",
        "00-11-22-33-44-55-66-77", "0011.2233.4455.6677", "0011223344556677",
        "1", "0", "281474976710655", "0xfa163e000001", " fa:16:3e:00:00:01",
        "fa:16:3e:00:00:01 ", "fa:16:3e:00:00:01\n", "fa:16-3e:00:00:01",
        "fa:16:3e:00:00", "fa:16:3e:00:00:01:02", "gg:16:3e:00:00:01",
        "fa:16:3e:00:00:001", "fa16:3e00:0001", "fa163e:000001", "", "-1",
        "\u0661", "fa:16:3e:00:00:01/48", 0, 1, 2**48 - 1, 2**48, 2**64 - 1,
        2**64, -1, True, False, 1.5, None, [], {},
    ]


def fam_netaddr():
    out = []
    v4, v6, ints = ipv4_spellings(), ipv6_spellings(), ip_ints()
    # IPAddressField with version 0, 4 and 6, nullable and not.
    for name, field in [("FloatingIP", "floating_ip_address"),
                        ("FloatingIP", "fixed_ip_address"),
                        ("PortForwarding", "internal_ip_address"),
                        ("NDPProxy", "ip_address")]:
        for v in v4 + v6 + ints:
            out += spelled(name, field, v)
    for i, (name, field, _f) in enumerate(fields_of_kind("ip_address")):
        for v in rotate(v4 + v6, i, 4):
            out += spelled(name, field, v)
    nets = network_spellings()
    for name, field in [("Subnet", "cidr"), ("SecurityGroupRule", "remote_ip_prefix"),
                        ("AllowedAddressPair", "ip_address")]:
        for v in nets:
            out += spelled(name, field, v)
    for i, (name, field, _f) in enumerate(fields_of_kind("ip_network")):
        for v in rotate(nets, i, 4):
            out += spelled(name, field, v)
    # oslo IPNetwork elements (SubnetPool.prefixes): non-str raises TypeError.
    for v in nets:
        out.append(with_field("SubnetPool", "prefixes", [v]))
    for v in ["10.0.0.0/8", ["10/8", "::/0"], [], None, {"10.0.0.0/8": 1}]:
        out.append(with_field("SubnetPool", "prefixes", v))
    macs = mac_spellings()
    for name, field, _f in fields_of_kind("mac_address"):
        for v in macs:
            out += spelled(name, field, v)
    return out


def datetime_spellings():
    return [
        "2024-01-02T03:04:05Z", "2024-01-02T03:04:05", "2024-01-02T03:04:05+00:00",
        "2024-01-02T03:04:05.123456Z", "2024-01-02T03:04:05.1234567890Z",
        "2024-01-02T03:04:05,5Z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04Z",
        "2024-01-02T03Z", "2024-01-02", "2024-01", "2024", "20240102",
        "20240102T030405Z", "2024-01-02T030405Z", "2024-01-02T0304",
        "2024-01-02 03:04:05", "2024-01-02t03:04:05Z", "2024-01-02T03:04:05z",
        "2024-01-02T03:04:05+05:30", "2024-01-02T03:04:05-0800",
        "2024-01-02T03:04:05+05", "2024-01-02T03:04:05+23:59",
        "2024-01-02T03:04:05+24:00", "2024-01-02T03:04:05+05:60",
        "2024-01-02T03:04:05+05:61", "2024-01-02T03:04:05 +05:00",
        "2024-01-02T24:00:00Z", "2024-01-02T23:59:60Z", "2024-02-29T00:00:00Z",
        "2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-00-01", "0000-01-01", "0001-01-01T00:00:00Z", "0999-12-31",
        "9999-12-31T23:59:59.999999Z", "10000-01-01", "2024-W01-1", "2024-001",
        "2024-1-2", "24-01-02", "2024-01-02T03:04:05Z\n", "2024-01-02\n",
        " 2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z ", "2024-01-02T",
        "2024-01-02TZ", "2024-01-02T03:04:05ZZ", "\u0662\u0660\u0662\u0664-01-02",
        "2024-01-02T03:04:05.000000+00:00", "2024-01-02T03:04:05-00:00",
        "", "now", 0, 1704164645, 1.5, True, None, [], {},
    ]


def fam_datetime():
    out = []
    values = datetime_spellings()
    for name, field in [("Agent", "started_at"), ("Port", "created_at"),
                        ("Reservation", "expiration")]:
        for v in values:
            out += spelled(name, field, v)
    for i, (name, field, _f) in enumerate(fields_of_kind("datetime")):
        for v in rotate(values, i, 3):
            out += spelled(name, field, v)
    return out


def fam_enum():
    out = []
    common = [None, True, False, 0, 1, 1.5, "", " ", [], {}, ["x"]]
    proto = ["tcp", "TCP", " tcp", "tcp ", "Tcp", "6", 6, "06", "+6", " 6",
             "6.0", 6.0, "0", "255", "256", "-1", "\u0666", "icmpv6", "ipv6-icmp",
             "any", 17, "17"]
    for name, field in [("SecurityGroupRule", "protocol"), ("PortForwarding", "protocol"),
                        ("ConntrackHelper", "protocol")]:
        for v in proto + common:
            out += spelled(name, field, v)
    # Plain enums: every valid value, case and whitespace variants.
    for name, field, _f in fields_of_kind("enum"):
        for v in primitives.kind(name, field)["values"][:6]:
            out += [with_field(name, field, v), with_field(name, field, v.upper()),
                    with_field(name, field, v.lower()), with_field(name, field, v + " ")]
        for v in common:
            out += spelled(name, field, v)
    # Integer enums: isinstance(int) lets bool through and `in` uses ==.
    ienum = [0, 4, 6, 8, 10, 46, 56, 57, 7, -0, False, True, "4", "6", "8",
             4.0, 8.0, 2**64, -4, None, [], {}, "", [4]]
    for name, field, _f in fields_of_kind("int_enum"):
        for v in ienum:
            out += spelled(name, field, v)
    ranges = [0, 1, 80, 65535, 65536, -1, 4094, 4095, 128, 129, True, False,
              "80", " 80", 80.0, 1.5, 2**64, None, [], {}, "\u0668\u0660"]
    for name, field, _f in fields_of_kind("int_range"):
        for v in ranges:
            out += spelled(name, field, v)
    pr = ["80", "80:90", " 80", "80 ", "80:70", "0", "0:80", "80:80", "1:65535",
          "65535:65536", "65536", "\u0668\u0660", "\u0668\u0660:\u0669\u0660",
          "8_0", "8_0:9_0", "+80:+90", "-1:80", " 80 : 90 ", "80:90:100", "80-90",
          ":", "80:", ":90", "", "\u00b2", "\u2167", "0x50", 80, 0, 65535, 65536,
          -1, True, False, 80.0, 1.5, None, [], {}, [80, 90]]
    for name, field, _f in fields_of_kind("port_ranges"):
        for v in pr:
            out += spelled(name, field, v)
    # DSCP marks, once more on their own: false == 0 is a valid mark.
    for v in [False, True, 0, 8, 2**64, 2**64 + 8, -8, "8", 8.0, Raw("8e0")]:
        out.append(with_field("QosDscpMarkingRule", "dscp_mark", v))
    # Domain names: str only, at most 255 code points.
    for v in ["a" * 255, "a" * 256, "\u00e9" * 255, "\U0001f600" * 255,
              "\U0001f600" * 256, "", " ", 1, None, True, ["a"]]:
        out += spelled("PortDNS", "dns_name", v)
    return out


def fam_changes():
    out = []
    values = [
        [], ["id"], ["id", "id"], ["nope"], ["ID"], "id", "name", "idnetwork_id",
        "", {"id": 1, "name": 2}, {}, 0, 1, 1.5, True, False, None, [1, 2.5],
        [None], [True], [["id"]], [{"id": 1}], ["id", ["x"]], [[]],
        ["id", "mac_address", "dns", "security_group_ids", "unknown"],
        ["\ud800"], ["id\u0000"], ["i" "d"], Raw("[NaN]"), [2**64], Raw("1e400"),
        Raw("[\"id\"" + ",\"id\"" * 200 + "]"),
    ]
    for name in ["Port", "Network", "QosPolicy", "Agent", "Tag"]:
        data = base_data(name)
        for v in values:
            out.append(doc(name, data, changes=v))
    # Changes naming a field that is not set, and nested objects' changes
    # (obj_what_changed reports an object field whose child changed).
    pdns = env("PortDNS", base_data("PortDNS"), changes=["dns_name"])
    data = base_data("Port")
    data["dns"] = pdns
    for v in [[], ["dns"], ["name"], None, "dns", [["dns"]]]:
        out.append(doc("Port", data, changes=v))
    rule = env("QosDscpMarkingRule", base_data("QosDscpMarkingRule"), changes=["id", 1])
    data = base_data("QosPolicy")
    data["rules"] = [rule]
    for v in [[], ["rules"]]:
        out.append(doc("QosPolicy", data, changes=v))
    rule = env("QosDscpMarkingRule", base_data("QosDscpMarkingRule"), changes=[[1]])
    data["rules"] = [rule]
    out.append(doc("QosPolicy", data, changes=[]))
    return out


def fam_envelope():
    out = []
    good = env("Port", base_data("Port"))

    def edit(**kw):
        d = dict(good)
        for k, v in kw.items():
            k = KEY + k
            if v is DROP:
                d.pop(k, None)
            else:
                d[k] = v
        return enc(dumps(d))

    DROP = object()
    out += [b"{}", b"[]", b'"x"', b"1", b"null", b"true", b"1.5", b'""', b"[{}]",
            b"NaN", b"-Infinity", b" {} ", enc(dumps([good]))]
    for k in ["namespace", "name", "version", "data"]:
        out.append(edit(**{k: DROP}))
        out.append(edit(**{k: None}))
    out.append(edit(name="Nope", data=DROP))
    out.append(edit(version="x", data=DROP))
    out.append(edit(changes=DROP))
    out.append(edit(extra=1))
    d = {"versioned_object.data": good[KEY + "data"], "x": [1],
         "versioned_object.version": "1.7", "versioned_object.name": "Port",
         "versioned_object.namespace": NS}
    out.append(enc(dumps(d)))
    for k in ["Versioned_object.name", "versioned_object.Name", " versioned_object.name",
              "versioned_object.name ", "versioned_object_name", "name"]:
        d = dict(good)
        d[k] = d.pop(KEY + "name")
        out.append(enc(dumps(d)))
    for ns in ["VersionedObjects", "versionedobjects ", " versionedobjects", "neutron",
               "", "nova", 1, True, ["versionedobjects"], {"versionedobjects": 1},
               "versionedobjects\u0000", "versioned\u00f6bjects"]:
        out.append(edit(namespace=ns))
    for name in ["Foo", "QosRule", "NeutronObject", "NeutronDbObject", "VersionedObject",
                 "NeutronPecanObject", "port", "PORT", " Port", "Port ", "Port\u0000",
                 "Port\n", "P\u043ert", "", "Ports", ["Port"], {"Port": 1}, 1, 1.5,
                 True, None, Raw("NaN")]:
        out.append(edit(name=name))
    for data in [[], ["id"], ["nope"], "", "id", "mac", "nope", 1, 0, 1.5, True,
                 False, None, {}, {"unknown": 1}, {"": None}, {"ID": "x"}]:
        out.append(edit(data=data))
    # Every object with empty data: defaults only.
    for name in primitives.registry():
        out.append(doc(name, {}))
    # Nested objects: wrong class, subclass fields, their own versions.
    def nested(outer, field, inner, listy=False, **kw):
        data = base_data(outer)
        data[field] = [inner] if listy else inner
        return doc(outer, data, **kw)

    pdns = base_data("PortDNS")
    for name, version in [("PortDNS", CURRENT), ("PortDNS", "1.0"), ("PortDNS", "1.1.0"),
                          ("PortDNS", "1.2"), ("PortDNS", "2.0"), ("PortDNS", "0.9"),
                          ("PortDNS", "v1.1"), ("PortDNS", "1.0rc1"), ("PortDNS", "x"),
                          ("PortDNS", 1.1), ("PortDNS", None), ("Network", CURRENT),
                          ("Port", CURRENT), ("FloatingIPDNS", CURRENT), ("Nope", CURRENT),
                          ("QosRule", CURRENT)]:
        data = base_data(name) if name in primitives.registry() else {}
        out.append(nested("Port", "dns", env(name, data, version=version)))
    inner = env("PortDNS", pdns)
    for v in [dict(inner, **{KEY + "namespace": "x"}),
              {k: v for k, v in inner.items() if k != KEY + "data"},
              {k: v for k, v in inner.items() if k != KEY + "version"},
              "x", "", 1, None, [], [inner], {}, True]:
        out.append(nested("Port", "dns", v))
    for target in primitives.concrete_classes("QosRule", True) + ["QosPolicy", "QosRuleType",
                                                                 "QosPolicyDefault"]:
        out.append(nested("QosPolicy", "rules", env(target, base_data(target)), listy=True))
        out.append(nested("QosPolicy", "rules", env(target, base_data(target), version="1.0"),
                          listy=True))
    for v in [[], {}, "", "x", {"a": 1}, None, 1, [None], [[]], [{}], ["x"]]:
        out.append(nested("Trunk", "sub_ports", v))
        out.append(nested("QosPolicy", "rules", v))
    # Two levels: Port.binding_levels -> PortBindingLevel.segment.
    seg = env("NetworkSegment", base_data("NetworkSegment"), version="1.0")
    lvl = base_data("PortBindingLevel")
    for s in [seg, env("Network", base_data("Network")), None, dict(seg, **{KEY + "version": "9.0"})]:
        out.append(nested("Port", "binding_levels", env("PortBindingLevel", dict(lvl, segment=s)),
                          listy=True))
    # Keys duplicated in the text: the last one wins.
    g = dumps(good)
    out.append(enc(g[:-1] + ',"versioned_object.name":"Network"}'))
    out.append(enc(g[:-1] + ',"versioned_object.name":"Nope"}'))
    out.append(enc('{"versioned_object.name":"Nope",' + g[1:]))
    out.append(enc(g[:-1] + ',"versioned_object.data":{}}'))
    out.append(enc(g[:-1] + ',"versioned_object.data":null}'))
    return out


# ---------------------------------------------------------------- depth

def chain(path, n, leaf):
    """n nested objects: n-1 of path's outer class, each holding the next in
    path's field (inside a one-element list for list fields), then leaf."""
    outer, field, listy = path
    head = dumps(env(outer, {field: Raw("\x01")}))
    pre, post = head.split("\x01")
    if listy:
        pre, post = pre + "[", "]" + post
    return enc(pre * (n - 1) + dumps(leaf) + post * (n - 1))


CHAIN_PATHS = [
    ("Port", "dns", False), ("Trunk", "sub_ports", True),
    ("QosPolicy", "rules", True), ("Network", "segments", True),
    ("Network", "security", False), ("Router", "extra_attributes", False),
    ("FloatingIP", "dns", False), ("PortBindingLevel", "segment", False),
    ("Subnet", "host_routes", True),
]


def chain_leaves():
    misc = "[" * 40 + "]" * 40
    return [
        ("empty", env("Tag", {})),
        ("portdns", env("PortDNS", base_data("PortDNS"))),
        ("datetime", env("Agent", {"started_at": "2024-01-02T03:04:05.5+05:30"})),
        ("miscdict", env("Agent", {"configurations": misc})),
        ("mac", env("Port", {"mac_address": "fa16.3e00.0001", "security_group_ids": [U]})),
        ("version", env("Tag", {}, version="1.0.post1")),
    ]


def outcome_key(data):
    line = json.loads(oracle.line_for(data))
    return (line["outcome"], line.get("error") or line.get("reason"))


def first_true(lo, hi, pred):
    """Smallest n in [lo, hi] with pred(n), pred monotonic; hi+1 if none."""
    while lo <= hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid - 1
        else:
            lo = mid + 1
    return lo


THRESHOLDS = []   # (description, threshold) for the report


def misc_deep(k, wraps):
    text = '{"a":' * k + "1" + "}" * k
    for _ in range(wraps):
        text = json.dumps(text)
    return text


def fam_depth():
    out = []
    # JSON nesting around the json module's limit (997 accepted).
    for n in range(994, 1000):
        out.append(b"[" * n + b"]" * n)
        out.append(b'{"a":' * n + b"1" + b"}" * n)
    for n in (996, 997, 998):
        out.append(b"[" * n + b"1" + b"]" * n)
        out.append(b"[" * n)
    # Inside the envelope (2 levels) and inside a list field (3 levels).
    for n in range(993, 998):
        out.append(with_field("Agent", "configurations", Raw('{"a":' * n + "1" + "}" * n),
                              base=False))
        out.append(with_field("Agent", "configurations", Raw("[" * n + "]" * n), base=False))
        out.append(with_field("Port", "unknown_key", Raw("[" * n + "]" * n), base=False))
        out.append(with_field("Network", "availability_zone_hints",
                              Raw("[" * n + "]" * n), base=False))
    for n in (994, 995, 996):
        out.append(doc("Tag", {}, changes=Raw("[" * n + "]" * n)))
    # Object chains around the RecursionError threshold, per path and leaf.
    # Every leaf on the first two paths, one leaf (in turn) on the others.
    leaves = chain_leaves()
    for p, path in enumerate(CHAIN_PATHS):
        for label, leaf in leaves if p < 2 else [leaves[p % len(leaves)]]:
            def recursion(n):
                return outcome_key(chain(path, n, leaf)) == ("reject", "RecursionError")
            t = first_true(2, 320 if path[2] else 490, recursion)
            THRESHOLDS.append(("%s.%s, leaf %s" % (path[0], path[1], label), t))
            for n in range(t - 2, t + 3):
                out.append(chain(path, n, leaf))
    for path in CHAIN_PATHS[:3]:
        for n in (1, 2, 3, 50):
            out.append(chain(path, n, env("PortDNS", base_data("PortDNS"))))
    # DictOfMiscValues strings nested deep at various object depths: the
    # inner json.loads hits RecursionError, which coerce turns into a
    # ValueError; a string of a string is decoded twice, at two stack depths.
    places = [
        ("Agent.configurations", lambda s: with_field("Agent", "configurations", s)),
        ("Port.bindings[].profile", lambda s: with_field(
            "Port", "bindings", [env("PortBinding", dict(base_data("PortBinding"), profile=s))])),
        ("QosRuleType.drivers[].supported_parameters[]", lambda s: with_field(
            "QosRuleType", "drivers", [env("QosRuleTypeDriver", {"name": "x",
                                                                 "supported_parameters": [s]})])),
    ]
    for label, make in places:
        for wraps in (0, 1):
            def fails(k):
                return outcome_key(make(misc_deep(k, wraps))) != ("accept", None)
            t = first_true(1, 1000, fails)
            THRESHOLDS.append(("misc string in %s, %s" % (label, "encoded twice" if wraps else
                                                          "encoded once"), t))
            for k in range(t - 2, t + 3):
                out.append(make(misc_deep(k, wraps)))
    # Deeper in a chain the types mismatch anyway (ValueError), but the deep
    # string is still decoded first, near the object recursion limit too.
    for path, n in [(("Port", "dns", False), 20), (("Port", "dns", False), 247),
                    (("Trunk", "sub_ports", True), 60), (("Trunk", "sub_ports", True), 141)]:
        for k in (500, 2000):
            for wraps in (0, 1):
                out.append(chain(path, n, env("PortBinding", {"profile": misc_deep(k, wraps)})))
    return out


# ---------------------------------------------------------------- damage

def _damage(rng, text):
    """One byte-level mutation of a valid primitive."""
    b = bytearray(text)
    n = len(b)
    i = rng.randrange(n)
    strings = [m for m in range(n) if b[m] == 0x22]     # positions of quotes
    q = rng.choice(strings) + 1 if strings else i
    op = rng.randrange(23)
    if op == 0:
        return bytes(b[:i])
    if op == 1:
        b[i] ^= 1 << rng.randrange(8)
        return bytes(b)
    if op == 2:
        return bytes(b[:i] + bytes([rng.randrange(256)]) + b[i:])
    if op == 3:
        return bytes(b[:i] + b[i + rng.randrange(1, 4):])
    if op == 4:
        bad = rng.choice([b"\xff", b"\xfe", b"\x80", b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\xaf",
                          b"\xf0\x80\x80\xaf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
                          b"\xed\xa0\xbd\xed\xb8\x80", b"\xf4\x90\x80\x80", b"\xe2\x82",
                          b"\xf8\x88\x80\x80\x80", b"\xc3"])
        return bytes(b[:q] + bad + b[q:])
    if op == 5:
        good = rng.choice(["\u00e9", "\u20ac", "\U0001f600", "\u0000", "\ufeff", "\u2028"])
        return bytes(b[:q] + good.encode() + b[q:])
    if op == 6:
        return bytes(b[:q] + rng.choice([b"\x00", b"\x01", b"\x1f", b"\t", b"\x7f"]) + b[q:])
    if op == 7:
        return rng.choice([b"\xef\xbb\xbf", b" ", b"\t\r ", b"\x00"]) + bytes(b)
    if op == 8:
        return bytes(b) + rng.choice([b" ", b"\x00", b"x", b"{}", b",", b"\r\t", b"//"])
    if op == 9:
        j = b.rfind(b"}")
        return bytes(b[:j] + b"," + b[j:])
    if op == 10:
        j = b.find(b"[")
        if j < 0 or b[j + 1:j + 2] == b"]":
            j = b.rfind(b"}", 0, n - 1)
            return bytes(b[:j] + b"," + b[j:])
        k = b.find(b"]", j)
        return bytes(b[:k] + b"," + b[k:])
    if op == 11:
        return bytes(b).replace(b'"', b"'", rng.randrange(1, 6))
    if op == 12:
        return bytes(b).replace(b'"', b"'")
    if op == 13:
        num = rng.choice([b"1e999", b"-1e999", b"9" * 4300, b"9" * 4301, b"-" + b"1" * 4300,
                          b"1" * 4301 + b".0", b"0." + b"1" * 5000, b"1e-999", b"NaN",
                          b"-Infinity", b"00", b"-", b"1.", b".1", b"+1", b"0x10"])
        data = b.find(b'"versioned_object.data"')
        j = b.find(b":", data) if data >= 0 and rng.random() < 0.5 else -1
        if j >= 0:
            k = b.find(b":", j + 1)
            end = b.find(b",", k)
            if k >= 0 and end >= 0:
                return bytes(b[:k + 1] + num + b[end:])
        return num
    if op == 14:
        esc = rng.choice([b"\\ud800", b"\\udfff", b"\\udc00\\ud800", b"\\ud83d\\ude00",
                          b"\\u0000", b"\\ud800\\u0041", b"\\uD800", b"\\u00", b"\\x41",
                          b"\\/", b"\\'"])
        return bytes(b[:q] + esc + b[q:])
    if op == 15:
        # A key that repeats with another value (the last one wins).
        j = b.find(b'"versioned_object.data": {')
        if j >= 0:
            j = b.find(b"{", j) + 1
            k = b.find(b":", j)
            key = b[j:k]
            return bytes(b[:j] + key + b': "dup", ' + b[j:])
        return bytes(b[:1] + b'"versioned_object.name": "Network", ' + b[1:])
    if op == 16:
        return bytes(b).replace(b'"versioned_object.name": "', b'"versioned_object.name": "\\ud800', 1)
    if op == 17:
        return bytes(b).replace(b'"versioned_object.data"', b'"versioned_object.data\\udfff"', 1)
    if op == 18:
        return bytes(b).replace(b", ", b",\t", rng.randrange(1, 20))
    if op == 19:
        j, k = rng.randrange(n), rng.randrange(n)
        j, k = min(j, k), max(j, k)
        return bytes(b[:j] + b[k:])
    if op == 20:
        j = rng.randrange(n)
        return bytes(b[:i] + b[j:j + rng.randrange(1, 40)] + b[i:])
    if op == 21:
        j = b.find(b", ", i)
        j = j + 1 if j >= 0 else 1
        return bytes(b[:j] + rng.choice([b"/* c */", b"// c\r", b"#", b"/**/"]) + b[j:])
    return bytes(b[:i] + b"\x00" + b[i:])


def fam_damage():
    rng = random.Random(20240102)
    prims = [enc(t) for _n, t in primitives.valid_primitives(1)]
    out = []
    for k in range(2400):
        out.append(_damage(rng, prims[k % len(prims)]))
    # Fixed damage every run has.
    p = min(prims, key=len)
    out += [b"", b" ", b"\xef\xbb\xbf" + p, p + b"\x00", p[:-1], p + p, b"\xc0\x80",
            b"\xed\xa0\x80", b"9" * 4300, b"9" * 4301, b"-" + b"9" * 4300, b"1e999",
            b"[" + b"9" * 4300 + b"]", b"[" + b"9" * 4301 + b"]"]
    return out


def findings_examples():
    """One small, readable input per validation bypass, reference crash and
    round-trip failure (docs/findings.md cites them by line).  Each pair is
    (what it shows, the input)."""
    pb = lambda **f: dict({"port_id": U, "host": "h"}, **f)
    chain = env("PortDNS", {"port_id": U})
    for _ in range(249):
        chain = env("Port", {"dns": chain})
    return [
        ("bypass.uuid.noncanonical: a URN in braces, uppercase, kept verbatim",
         doc("PortBinding", pb(port_id="urn:uuid:{3F2504E0-4F89-41D3-9A0C-0305E82C3301}}"))),
        ("bypass.uuid.noncanonical: a negative 32-digit integer passes uuid.UUID(str(value))",
         doc("PortBinding", pb(port_id=Raw("-" + "1" * 32)))),
        ("bypass.uuid.noncanonical: '+', '0x' and '_' are int(hex, 16) syntax",
         doc("PortBinding", pb(port_id="+0x3f25_04e04f8941d39a0c0305e82c"))),
        ("bypass.uuid.unchecked: SetOfUUIDsField elements are not checked at all",
         doc("Port", {"security_group_ids": ["not a uuid", ""]})),
        ("bypass.version.not-major-minor: 'v1' matches 1.x and is kept verbatim",
         doc("Tag", {"tag": "t"}, version="v1")),
        ("bypass.version.not-major-minor: surrounding whitespace and a pre-release",
         doc("Tag", {"tag": "t"}, version=" 1.0rc1 ")),
        ("bypass.miscdict.not-a-dict: a JSON string of a JSON list is decoded twice",
         doc("PortBinding", pb(profile=json.dumps(json.dumps([1, 2]))))),
        ("bypass.miscdict.not-a-dict: ... of a JSON string: the field holds a str",
         doc("PortBinding", pb(profile=json.dumps(json.dumps("x"))))),
        ("bypass.null.non-nullable: '\"null\"' leaves None in a non-nullable field",
         doc("PortBinding", pb(profile=json.dumps("null")))),
        ("bypass.json.nonfinite: NaN inside a DictOfMiscValues string",
         doc("PortBinding", pb(profile='{"rate": NaN, "burst": Infinity}'))),
        ("bypass.json.duplicate-key: the last value wins silently",
         enc('{"versioned_object.name":"Tag","versioned_object.namespace":"versionedobjects",'
             '"versioned_object.version":"1.0","versioned_object.data":{"tag":"a","tag":"b"}}')),
        ("bypass.string.from-non-string: str(1e16) and str(True)",
         doc("Tag", {"tag": 1e16})),
        ("bypass.string.nul and bypass.string.lone-surrogate",
         doc("Tag", {"tag": "a\u0000b\ud800"})),
        ("bypass.int.coerced: int() takes spaces, '_' and Arabic-Indic digits",
         doc("Agent", {"load": " \u0661_2 "})),
        ("bypass.int.coerced: a float is truncated",
         doc("Agent", {"load": 1.99})),
        ("bypass.int.out-of-range: an int beyond 64 bits is kept",
         doc("Agent", {"load": 2 ** 70})),
        ("bypass.int.bool: false == 0 is a valid DSCP mark",
         doc("QosDscpMarkingRule", {"dscp_mark": False})),
        ("bypass.bool.from-non-bool: the string 'false' is true",
         doc("Log", {"enabled": "false"})),
        ("bypass.portrange.noncanonical: Arabic-Indic digits and spaces pass int()",
         doc("PortForwarding", {"external_port_range": "\u0668\u0660:\u0669\u0660",
                                "internal_port_range": " 80 : 90 "})),
        ("bypass.portrange.bool: true is port 1 and stays a bool",
         doc("PortForwarding", {"external_port_range": True})),
        ("bypass.ip.ambiguous: inet_aton octal, short forms and trailing junk",
         doc("IPAllocation", {"ip_address": "010.1"})),
        ("bypass.ip.ambiguous: anything after a space is ignored",
         doc("IPAllocation", {"ip_address": "127.0.0.1 trailing words"})),
        ("bypass.ip.ambiguous: an integer is an address",
         doc("IPAllocation", {"ip_address": 16909060})),
        ("bypass.ipnet.noncanonical: '10/8' and a netmask are kept verbatim",
         doc("Subnet", {"cidr": " 10/255.0.0.0"})),
        ("bypass.mac.ambiguous: '1' is a MAC address, kept verbatim",
         doc("Port", {"mac_address": "1"})),
        ("bypass.datetime.noncanonical and offset-dropped: +05:30 discarded, wall clock kept",
         doc("Reservation", {"expiration": "2024-01-02 03:04:05,5+05:30"})),
        ("bypass.domain.invalid: no syntax check at all",
         doc("PortDNS", {"port_id": U, "dns_name": "-- not a name! --"})),
        ("bypass.list.from-non-list: a string is iterated per character",
         doc("Network", {"availability_zone_hints": "az1"})),
        ("bypass.set.merged: 1, 1.0 and true are one element, then '1'",
         doc("Port", {"security_group_ids": [1, 1.0, True, "1"]})),
        ("bypass.data.not-a-dict: a string data tests field names by substring",
         doc("Tag", "no field name in here")),
        ("bypass.data.unknown-key and bypass.envelope.unknown-key: ignored",
         enc(dumps(dict(env("Tag", {"tag": "t", "admin": True}), extra=1)))),
        ("bypass.changes.not-a-list: a string is iterated per character",
         doc("Tag", {"tag": "t"}, changes="tag")),
        ("bypass.changes.unknown-field: unknown names are dropped silently",
         doc("Tag", {"tag": "t"}, changes=["tag", "no_such_field"])),
        ("crash.envelope.type: the top level is not an object", b"[]"),
        ("crash.envelope.missing-key: KeyError", b"{}"),
        ("crash.envelope.name-unhashable: a list as the name",
         doc("Tag", {}).replace(b'"Tag"', b'["Tag"]')),
        ("crash.envelope.version-type: a number as the version",
         doc("Tag", {}, version=1.0)),
        ("crash.data.type: data is a number",
         doc("Tag", 7)),
        ("crash.data.type: a string data that contains a field name",
         doc("Tag", "the tag")),
        ("crash.changes.type: changes is a number",
         doc("Tag", {"tag": "t"}, changes=0)),
        ("crash.changes.type: an unhashable change",
         doc("Tag", {"tag": "t"}, changes=[["tag"]])),
        ("crash.int.type: int() of a list",
         doc("Agent", {"load": []})),
        ("crash.int.overflow: int() of infinity",
         doc("Agent", {"load": Raw("1e400")})),
        ("crash.list.not-iterable: a number where a list of objects belongs",
         doc("Port", {"bindings": 0})),
        ("crash.set.unhashable: a list inside a set field",
         doc("Port", {"security_group_ids": [[]]})),
        ("crash.ip.type: oslo's IPNetwork raises TypeError for an int",
         doc("SubnetPool", {"prefixes": [1]})),
        ("crash.object.type: a nested object that is not an object",
         doc("Port", {"dns": 0})),
        ("crash.object.type: a nested object without an envelope (KeyError)",
         doc("Port", {"dns": {}})),
        ("crash.recursion: 250 objects nested through Port.dns",
         enc(dumps(chain))),
        ("bypass.datetime.short-year: a year before 1000 is written unpadded and cannot be read back",
         doc("Reservation", {"expiration": "0999-01-01T00:00:00Z"})),
        ("round trip: a double-encoded string is encoded once on the way out",
         doc("PortBinding", pb(vif_details=json.dumps(json.dumps("x"))))),
    ]


def fam_findings():
    return [text for _what, text in findings_examples()]


FAMILIES = [
    ("valid", fam_valid), ("uuid", fam_uuid), ("version", fam_version),
    ("types", fam_types), ("jsonstr", fam_jsonstr), ("netaddr", fam_netaddr),
    ("datetime", fam_datetime), ("enum", fam_enum), ("changes", fam_changes),
    ("envelope", fam_envelope), ("depth", fam_depth), ("damage", fam_damage),
    ("findings", fam_findings),
]


# ---------------------------------------------------------------- driver

def clean(inputs):
    """No newline bytes (one input per line), no duplicates, order kept."""
    seen, out = set(), []
    for data in inputs:
        data = data.replace(b"\n", b"\r")
        if data not in seen:
            seen.add(data)
            out.append(data)
    return out


def summary_key(line):
    d = json.loads(line)
    if d["outcome"] == "reject":
        return "reject %s" % d["error"]
    if d["outcome"] == "json_error":
        return "json_error %s" % d["reason"]
    if d["outcome"] == "accept" and "to_primitive_error" in d:
        return "accept (to_primitive_error %s)" % d["to_primitive_error"]
    return d["outcome"]


def generate(outdir, only=None):
    oracle.setup()
    # evaluate() gives each input its own fixed recursion budget, but
    # line_for() serialises the outcome at the caller's limit, and the line of
    # an accepted ~995-level document is deeper than the default allows.
    sys.setrecursionlimit(20000)
    os.makedirs(outdir, exist_ok=True)
    report = []
    for family, make in FAMILIES:
        if only and family not in only:
            continue
        inputs = clean(make())
        counts = collections.Counter()
        with open(os.path.join(outdir, family + ".jsonl"), "wb") as fin, \
                open(os.path.join(outdir, family + ".expected"), "w") as fexp:
            for data in inputs:
                line = oracle.line_for(data)
                fin.write(data + b"\n")
                fexp.write(line + "\n")
                counts[summary_key(line)] += 1
        report.append((family, len(inputs), counts))
    return report


def print_report(report):
    total = 0
    for family, n, counts in report:
        total += n
        print("%-9s %6d  " % (family, n) + ", ".join(
            "%s %d" % (k, v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
    print("%-9s %6d" % ("total", total))
    if THRESHOLDS:
        print("recursion thresholds (smallest failing depth):")
        for what, t in THRESHOLDS:
            print("  %-60s %d" % (what, t))


def first_difference(a, b):
    n = 0
    with open(a, "rb") as fa, open(b, "rb") as fb:
        for n, (x, y) in enumerate(zip(fa, fb), 1):
            if x != y:
                return n
    return n + 1


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.join(here, "..", "..", "corpus", "conformance")
    check, only = False, []
    i = 0
    while i < len(argv):
        if argv[i] == "--check":
            check = True
        elif argv[i] == "--out" and i + 1 < len(argv):
            outdir = argv[i + 1]
            i += 1
        elif argv[i] == "--family" and i + 1 < len(argv):
            only.append(argv[i + 1])
            i += 1
        else:
            sys.exit("usage: gen-conformance [--out DIR] [--family NAME]... [--check]")
        i += 1
    unknown = set(only) - {f for f, _ in FAMILIES}
    if unknown:
        sys.exit("gen-conformance: unknown family %s (families: %s)"
                 % (", ".join(sorted(unknown)), " ".join(f for f, _ in FAMILIES)))
    outdir = os.path.normpath(outdir)
    if not check:
        print_report(generate(outdir, only))
        return 0
    tmp = tempfile.mkdtemp(prefix="gen-conformance.")
    try:
        report = generate(tmp, only)
        bad = []
        for family, _n, _c in report:
            for ext in (".jsonl", ".expected"):
                name = family + ext
                mine = os.path.join(outdir, name)
                if not os.path.exists(mine):
                    bad.append("%s (missing)" % name)
                elif not filecmp.cmp(os.path.join(tmp, name), mine, shallow=False):
                    bad.append("%s (line %d)" % (name, first_difference(
                        os.path.join(tmp, name), mine)))
        if bad:
            print("gen-conformance: stale files in %s: %s" % (outdir, ", ".join(bad)),
                  file=sys.stderr)
            return 1
        print("gen-conformance: %s is current" % outdir)
        return 0
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
