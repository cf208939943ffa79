"""Write dictionaries/<target>.dict and dictionaries/<target>.options.

Tokens that name something of the catalogue (object names, field names,
enum values, class versions) are read from the reference's own registry,
and the port binding vocabulary from neutron-lib's constants, so the
dictionaries cannot drift from the schema libovo embeds.  The pieces of
the spellings the field types are lax about (UUID, PEP 440, inet_aton,
netaddr, ISO 8601, JSON text inside JSON strings) are listed below, one
family each.  They are *pieces*: a fuzzer has to put them in the right
place of a seed to build a bypass; no complete bypass spelling is listed
(`gen-seeds --verify` runs every token of the raw-text targets as a whole
input: only single characters may be a bypass by themselves).

The .dict format is the one libFuzzer (-dict) and AFL++ (-x) share:
    # comment
    name="value"
with names of [A-Za-z0-9_], values of printable ASCII and the escapes \\\\,
\\" and \\xNN.  libFuzzer silently drops words longer than 64 bytes, so no
token is longer.

The .options file is what OSS-Fuzz's run_fuzzer reads next to a target:
    [libfuzzer]
    dict = <target>.dict
    max_len = N

Used by gen_seeds.py (scripts/gen-seeds writes seeds and dictionaries
together).  Run with /usr/bin/python3.
"""
import os
import re

import primitives

KEY = "versioned_object."
MAX_TOKEN = 64

# ---------------------------------------------------------------- families
# Each family is a list of tokens (str, encoded as UTF-8, or bytes).

JSON_SYNTAX = [
    "{", "}", "[", "]", ":", ",", '"', '""', "{}", "[]", '":"', '","', '": ', ", ",
    '":{', '":[', "},{", "],[", '{"', '"}', "true", "false", "null",
    " ", "\t", "\n", "\r\n",
]

JSON_NUMBERS = [
    "0", "-0", "-0.0", "0.0", "1", "-1", "1.5", "0.1", "1e5", "1E-5", "1e+16",
    "1.5e-07", "e+", "E-", ".5", "9007199254740993", "2147483648",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "340282366920938463463374607431768211456",
    "1e308", "1e400", "-1e400", "5e-324", "NaN", "Infinity", "-Infinity",
]

JSON_STRINGS = [
    '\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u", "\\u0000",
    "\\u001f", "\\u007f", "\\u00e9", "\\u2028", "\\ufeff", "\\uffff",
    "\\ud800", "\\udc00", "\\udbff\\udfff", "\\ud83d\\ude00",
    b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xef\xbb\xbf",
    b"\xed\xa0\x80", b"\xc0\x80", b"\xf4\x90\x80\x80", b"\xff", b"\x00",
    b"\x7f", b"\xc2\x85",
]

# JSON text inside a JSON string (DictOfMiscValues is decoded twice).
MISC_IN_STRING = [
    '"[', ']"', '"{', '}"', '\\"', '\\\\\\"', '"\\"', '\\""', '""',
    '\\"a\\": ', '{\\"', '\\"}', '[\\"', '\\"]', "\\\\u0000", "\\\\ud800",
]

# uuid.UUID(): urn: and uuid: removed, {} stripped, every - deleted, then
# int(hex, 16), which takes a 0x prefix, _ separators, whitespace, a sign
# and any Unicode decimal digit.
UUID_PIECES = [
    "urn:uuid:", "urn:", "uuid:", "{", "}", "-", "0x", "0X", "_", "+",
    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "abcdef", "ABCDEF", "0000",
    b"\xd9\xa0", b"\xd9\xa1", b"\xef\xbc\x90", b"\xf0\x9d\x9f\x8e",
]

# packaging 23.0: surrounding whitespace, v, epochs, pre/post/dev spellings
# and separators, local versions, IGNORECASE (U+0130, U+0131, U+017F,
# U+212A), Unicode digits in int().
VERSION_PIECES = [
    "v", "V", ".", "..", ".0", "0", "00", "-", "_", "+", "!", "0!", "1!",
    "a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "a1", "rc1",
    ".post", "post", "-post", "_post", ".post1", "rev", "r", "-1",
    ".dev", "dev", ".dev0", "+local", "+1.x", "+a-b_c",
    " ", "\t", "\n", "\x0b", "\x0c", "\r",
    b"\xc2\xa0", b"\xe3\x80\x80", b"\xe2\x80\xa8", b"\xc4\xb0", b"\xc4\xb1",
    b"\xc5\xbf", b"\xe2\x84\xaa", b"\xd9\xa1", b"\xef\xbc\x91",
]

# netaddr 0.8.0 with default flags: inet_aton (octal, hex, 1-3 parts,
# trailing whitespace), integers, IPv6 with embedded IPv4, networks with
# netmask/hostmask suffixes and odd prefix lengths, MAC dialects.
ADDRESS_PIECES = [
    "0x", "0X", "0", "010.", "0x7f.", "127.", ".1", ".0", ".", "..", "255.",
    ".255", "10.0.0.0/8", "127.0.0.0/8",
    ":", "::", "::1", "::ffff:", "fe80::", "2001:db8::", "ffff", "FFFF", "%",
    "%25", "%eth0", "[", "]",
    "/", "/0", "/8", "/08", "/24", "/+24", "/32", "/64", "/128", "/129",
    "/255.255.255.0", "/0.0.0.255", "/ffff:ffff::",
    "fa:16:3e:", "fa-16-3e-", "fa16.3e", "fa163e", ":00", ".0000",
    "00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", " ", "\t", "\n",
]

ISO8601_PIECES = [
    "T", "t", " ", "Z", "z", "+00:00", "-00:00", "+0000", "+00", "+05:30",
    "-08:00", "-0800", "+05", "+23:59", "+24:00", "+05:60", ".", ",", ":",
    "-", ".000000", ".123456", ".1234567", "-01-02", "T03:04:05",
    "T030405", "T00:00:00Z", "00:00:00", "23:59:59", "24:00:00", "23:59:60",
    "-02-29", "-02-30", "-13-", "-00-", "-W01-1", "-001", "\n",
]

# Python int(): whitespace, sign, _ separators, Unicode digits (IntegerField
# and port range strings).
PYINT_PIECES = [
    " ", "+", "-", "_", "1_0", "0_0", b"\xd9\xa1", b"\xd9\xa0", b"\xef\xbc\x91",
    b"\xe0\xa5\xa7", b"\xc2\xb2", b"\xe2\x85\xa7", ":", "65535", "65536",
]

ENVELOPE = [
    '"%s%s"' % (KEY, k) for k in ("namespace", "name", "version", "data", "changes")
] + ['"versionedobjects"', KEY, '"versioned_object.data":{', '"versioned_object.changes":[']


# ---------------------------------------------------------------- catalogue

def objects():
    return list(primitives.registry())


def class_versions():
    vs = {cls.VERSION for cls in primitives.registry().values()}
    return sorted(vs, key=lambda v: tuple(int(p) for p in v.split(".")))


def _walk_kinds(k):
    yield k
    if "element" in k:
        yield from _walk_kinds(k["element"]["type"])
    if "field" in k:
        yield from _walk_kinds(k["field"]["type"])


def catalogue_tokens(names):
    """(object names, field names, enum values, nested object names) of the
    named objects, each sorted."""
    fields, enums, nested = set(), set(), set()
    for name in names:
        for fname, _field, k in primitives.fields_of(name):
            fields.add(fname)
            for sub in _walk_kinds(k):
                if sub["kind"] == "enum":
                    for v in sub["values"]:
                        # IpProtocolEnum's '0'..'255': digits need no token.
                        if not v.isdigit():
                            enums.add(v)
                if sub["kind"] == "object":
                    nested.update(primitives.concrete_classes(sub["obj_name"], sub["subclasses"]))
    return sorted(names), sorted(fields), sorted(enums), sorted(nested)


def closure(root):
    """root and every object it can hold, transitively."""
    seen, todo = set(), [root]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo += catalogue_tokens([n])[3]
    return sorted(seen)


def binding_vocabulary():
    """Port binding values Neutron uses: VIF and VNIC types, vif_details and
    profile keys, device owners."""
    from neutron_lib.api.definitions import portbindings as pb
    from neutron_lib import constants as c
    out = set()
    for k, v in vars(pb).items():
        if k.startswith(("VIF_TYPE_", "VNIC_", "VIF_DETAILS_", "CAP_", "OVS_",
                         "VHOST_USER_")) and isinstance(v, str):
            out.add(v)
    for k, v in vars(c).items():
        if k.startswith("DEVICE_OWNER_") and isinstance(v, str):
            out.add(v)
    out.update(["pci_slot", "pci_vendor_info", "physical_network", "migrating_to",
                "capabilities", "trusted", "allocation", "br-int", "system",
                "netdev", "l2", "l3", "legacy"])
    return sorted(out)


# ---------------------------------------------------------------- targets

def _q(items):
    return ['"%s"' % s for s in items]


def primitive_sections(names):
    objs, fields, enums, _nested = catalogue_tokens(names)
    versions = class_versions()
    return [
        ("JSON syntax", JSON_SYNTAX),
        ("JSON numbers and literals (Python's json accepts NaN, Infinity, any integer)", JSON_NUMBERS),
        ("JSON string escapes and raw UTF-8", JSON_STRINGS),
        ("envelope keys", ENVELOPE),
        ("object names", _q(objs)),
        ("field names", _q(fields)),
        ("enum values", _q(enums)),
        ("class versions", versions + _q(versions)),
        ("UUID pieces (uuid.UUID strips urn:/uuid:, braces and dashes; int(x, 16))", UUID_PIECES),
        ("PEP 440 pieces (packaging 23.0)", VERSION_PIECES),
        ("address pieces (netaddr 0.8.0, inet_aton, CIDR, MAC)", ADDRESS_PIECES),
        ("ISO 8601 pieces (iso8601 1.0.2)", ISO8601_PIECES),
        ("integer strings (Python int())", PYINT_PIECES),
        ("JSON text inside a JSON string (DictOfMiscValues, decoded twice)", MISC_IN_STRING),
    ]


def port_binding_sections():
    names = ["PortBinding", "DistributedPortBinding", "PortBindingLevel"]
    secs = primitive_sections(closure("PortBindingLevel") + names[:2])
    secs.append(("port binding vocabulary (neutron-lib constants)",
                 _q(binding_vocabulary())))
    return secs


def port_sections():
    secs = primitive_sections(closure("Port"))
    secs.append(("port binding vocabulary (neutron-lib constants)",
                 _q(binding_vocabulary())))
    return secs


def alloc_fail_sections():
    # Allocation failure is about sizes and shapes, not spellings.
    objs = objects()
    return [
        ("JSON syntax", JSON_SYNTAX),
        ("JSON numbers and literals", JSON_NUMBERS),
        ("JSON string escapes and raw UTF-8", JSON_STRINGS),
        ("envelope keys", ENVELOPE),
        ("object names", _q(objs)),
        ("class versions", class_versions()),
        ("JSON text inside a JSON string", MISC_IN_STRING),
    ]


def json_sections():
    return [
        ("JSON syntax", JSON_SYNTAX),
        ("JSON numbers and literals (Python's json accepts NaN, Infinity, any integer)", JSON_NUMBERS),
        ("JSON string escapes and raw UTF-8", JSON_STRINGS),
        ("deep nesting", ["[[[[[[[[", "]]]]]]]]", '{"a":{"a":{"a":', "}}}"]),
    ]


def misc_dict_sections():
    return [
        ("JSON syntax", JSON_SYNTAX),
        ("JSON numbers and literals (Python's json accepts NaN, Infinity, any integer)", JSON_NUMBERS),
        ("JSON string escapes and raw UTF-8", JSON_STRINGS),
        ("JSON text inside a JSON string (the text is decoded, then a string result again)",
         MISC_IN_STRING),
        ("binding profile and vif_details vocabulary", _q(binding_vocabulary())),
    ]


def uuid_sections():
    return [("UUID pieces (uuid.UUID strips urn:/uuid:, braces and dashes; int(x, 16))",
             UUID_PIECES + [" ", "\t", "\n", "\\", b"\x00"])]


def version_sections():
    versions = class_versions()
    return [("class versions", versions),
            ("PEP 440 pieces (packaging 23.0)", VERSION_PIECES)]


def netaddr_sections():
    return [("address pieces (netaddr 0.8.0, inet_aton, CIDR, MAC)", ADDRESS_PIECES),
            ("digits and hex", ["1", "9", "a", "f", "A", "F", b"\xd9\xa1"])]


def datetime_sections():
    return [("ISO 8601 pieces (iso8601 1.0.2)", ISO8601_PIECES),
            ("digits", [b"\xd9\xa1", b"\xef\xbc\x91"])]


# target -> (sections, libFuzzer max_len)
def targets():
    all_objs = objects()
    return {
        "fuzz_primitive": (lambda: primitive_sections(all_objs), 16384),
        "fuzz_roundtrip": (lambda: primitive_sections(all_objs), 16384),
        "fuzz_port": (port_sections, 32768),
        "fuzz_port_binding": (port_binding_sections, 8192),
        "fuzz_alloc_fail": (alloc_fail_sections, 8192),
        "fuzz_json": (json_sections, 4096),
        "fuzz_misc_dict": (misc_dict_sections, 4096),
        "fuzz_uuid": (uuid_sections, 256),
        "fuzz_version": (version_sections, 256),
        "fuzz_netaddr": (netaddr_sections, 256),
        "fuzz_datetime": (datetime_sections, 256),
    }


# ---------------------------------------------------------------- writing

def escape(token):
    """A token (bytes) as the inside of a dictionary value."""
    out = []
    for b in token:
        if b == 0x5C:
            out.append("\\\\")
        elif b == 0x22:
            out.append('\\"')
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\x%02x" % b)
    return "".join(out)


def _label(prefix, token):
    word = re.sub(r"[^A-Za-z0-9]+", "_", token.decode("ascii", "replace")).strip("_")
    return ("%s_%s" % (prefix, word[:24])).rstrip("_") if word else prefix


def render_dict(target, sections):
    """The .dict text: sections in order, each token once (first section
    wins), names unique."""
    lines = ["# %s: generated by scripts/gen-seeds from the reference's registry;" % target,
             "# do not edit.  libFuzzer -dict / AFL++ -x syntax."]
    seen, names = set(), set()
    for title, tokens in sections:
        body = []
        prefix = re.sub(r"[^a-z0-9]+", "_", title.split("(")[0].strip().lower()).strip("_")
        prefix = "_".join(prefix.split("_")[:2])
        for t in tokens:
            b = t.encode("utf-8") if isinstance(t, str) else bytes(t)
            if not b or len(b) > MAX_TOKEN:
                raise SystemExit("gen-dicts: token %r is empty or longer than %d bytes"
                                 % (b, MAX_TOKEN))
            if b in seen:
                continue
            seen.add(b)
            name = base = _label(prefix, b)
            n = 1
            while name in names:
                n += 1
                name = "%s_%d" % (base, n)
            names.add(name)
            body.append('%s="%s"' % (name, escape(b)))
        if body:
            lines += ["", "# " + title] + body
    return "\n".join(lines) + "\n", len(seen)


def render_options(target, max_len):
    return "[libfuzzer]\ndict = %s.dict\nmax_len = %d\n" % (target, max_len)


def parse_dict(text):
    """Tokens of a .dict text, parsed the way libFuzzer and AFL++ parse it
    (used by the checks)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r'^([A-Za-z0-9_]*)="(.*)"$', line)
        if not m:
            raise ValueError("line %d: not name=\"value\"" % n)
        v, i, buf = m.group(2), 0, bytearray()
        while i < len(v):
            c = v[i]
            if c == "\\":
                if v[i + 1] in '\\"':
                    buf.append(ord(v[i + 1]))
                    i += 2
                elif v[i + 1] == "x" and re.match(r"[0-9a-fA-F]{2}", v[i + 2:i + 4]):
                    buf.append(int(v[i + 2:i + 4], 16))
                    i += 4
                else:
                    raise ValueError("line %d: bad escape" % n)
            elif c == '"' or not (" " <= c <= "~"):
                raise ValueError("line %d: unescaped %r" % (n, c))
            else:
                buf.append(ord(c))
                i += 1
        if not buf or len(buf) > MAX_TOKEN:
            raise ValueError("line %d: token length %d" % (n, len(buf)))
        out.append(bytes(buf))
    return out


def generate(outdir, only=None):
    """Write every target's .dict and .options into outdir; returns
    {target: (token count, dict bytes, max_len)}."""
    os.makedirs(outdir, exist_ok=True)
    report = {}
    for target, (sections, max_len) in sorted(targets().items()):
        if only and target not in only:
            continue
        text, count = render_dict(target, sections())
        assert len(parse_dict(text)) == count
        with open(os.path.join(outdir, target + ".dict"), "w") as fh:
            fh.write(text)
        with open(os.path.join(outdir, target + ".options"), "w") as fh:
            fh.write(render_options(target, max_len))
        report[target] = (count, len(text.encode()), max_len)
    return report


def max_lens():
    return {t: m for t, (_s, m) in targets().items()}
