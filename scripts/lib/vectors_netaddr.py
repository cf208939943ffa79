"""Write tests/data/netaddr.jsonl: what netaddr 0.8.0 and the four address
field kinds do with each input, for tests/unit/test_netaddr.c.

Run with /usr/bin/python3 (the pinned reference):

    /usr/bin/python3 scripts/lib/vectors_netaddr.py tests/data/netaddr.jsonl

Every expected value comes from running the reference: socket.inet_aton
and inet_pton, netaddr.IPAddress, IPNetwork and EUI, and the field types
(ip0, ip4, ip6: oslo_versionedobjects.fields IPAddress, IPV4Address,
IPV6Address; onet: its IPNetwork; nnet, mac: neutron_lib.objects.
common_types IPNetwork, MACAddress) run as setattr runs them:
from_primitive, then coerce of its result, then to_primitive.

Values are tagged (the "v" key and inside lists and dicts):
  {"s": text} | {"s_hex": WTF-8 hex} | {"g": [pre, rep, count, post]}  str
  {"i": decimal}  int        {"b": bool}  bool       {"f": repr}  float
  {"n": null}     None       {"l": [v...]}  list     {"d": [[key, v]...]}
  {"nest": [levels, leaf v or null, dict?]}  a list (or {"k": ...} dict)
                             nested `levels` deep around leaf (or [])
Strings in results are JSON strings when printable ASCII, else {"hex": h}.

Value vectors ("v"):
  aton, pton4, pton6   socket.inet_aton / inet_pton(AF_INET) /
                       inet_pton(AF_INET6) of a str: hex of the packed
                       bytes, or null when it raised
  ip    netaddr.IPAddress(v): [str, version] or the exception class
  net   netaddr.IPNetwork(v): [str, str(ip), prefixlen, version] or class
  eui   netaddr.EUI(v): [str, hex, version] or class
  strict  the rules an accepted value breaks: "i" bypass.ip.ambiguous (as
        IPAddress), "n" bypass.ipnet.noncanonical (as IPNetwork), "m"
        bypass.mac.ambiguous (as EUI)
  The field kinds follow from these three, and check_fields() asserts so
  against the field types for every vector: ip0 (IPAddress) is
  netaddr.IPAddress with every failure a ValueError, ip4 / ip6 also
  ValueError for the other version; onet (oslo IPNetwork) is
  netaddr.IPNetwork with AddrFormatError made ValueError; nnet
  (neutron-lib IPNetwork) accepts what IPNetwork accepts from a str,
  keeping the str, else ValueError; mac accepts what EUI accepts, keeping
  a str, else ValueError.  Their coerce() of a raw value is their
  from_primitive for ip0-ip6 and onet, ValueError for nnet and mac; the
  coerce after from_primitive keeps the value; to_primitive is str().
Budget vectors ("budget": kind, "op": fp | c | c2 | tp, "v", "from",
"at"): the method run with its frame `room` frames below the recursion
limit (libovo: ctx->frames = frame_limit - 1 - room), for room = from,
from + 1, ...: one letter per room in "at", o ok, R RecursionError, V
ValueError, T TypeError.  fp is from_primitive(v), c coerce(v), c2
coerce(from_primitive(v)), tp to_primitive(coerce(from_primitive(v))).
"""
import json
import random
import re
import socket
import sys

import reference

reference.check_pins()
reference._quiet()

import netaddr  # noqa: E402
from neutron_lib.objects import common_types  # noqa: E402
from oslo_versionedobjects import fields  # noqa: E402

KINDS = {
    "ip0": fields.IPAddress(),
    "ip4": fields.IPV4Address(),
    "ip6": fields.IPV6Address(),
    "onet": fields.IPNetwork(),
    "nnet": common_types.IPNetwork(),
    "mac": common_types.MACAddress(),
}
RULES = {"ip0": "ip", "ip4": "ip", "ip6": "ip", "onet": "net", "nnet": "net", "mac": "mac"}
MAC_CANONICAL = re.compile(
    r"[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?:(?:\1[0-9A-Fa-f]{2}){2})?")


# ------------------------------------------------------------ encoding

def text(s):
    if s.isascii() and s.isprintable():
        return s
    return {"hex": s.encode("utf-8", "surrogatepass").hex()}


def tag(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": repr(v)}
    if v is None:
        return {"n": None}
    if isinstance(v, str):
        if len(v) > 2000:
            raise ValueError("use gen() for long strings")
        if v.isascii() and "\x00" not in v:
            return {"s": v}
        return {"s_hex": v.encode("utf-8", "surrogatepass").hex()}
    if isinstance(v, list):
        return {"l": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"d": [[k, tag(x)] for k, x in v.items()]}
    raise TypeError(v)


class Gen:
    """A long str given as pre + rep * count + post."""
    def __init__(self, pre, rep, count, post):
        self.parts = (pre, rep, count, post)
        self.value = pre + rep * count + post


class Nest:
    """A value nested `levels` deep: [[...[leaf]...]] or {"k": {...}}."""
    def __init__(self, levels, leaf=None, as_dict=False):
        self.spec = (levels, leaf, as_dict)
        v = [] if leaf is None else [leaf]
        for _ in range(levels - 1):
            v = {"k": v} if as_dict else [v]
        self.value = v


def tag_input(x):
    if isinstance(x, Gen):
        return {"g": list(x.parts)}
    if isinstance(x, Nest):
        levels, leaf, as_dict = x.spec
        return {"nest": [levels, None if leaf is None else tag(leaf), as_dict]}
    return tag(x)


def value_of(x):
    return x.value if isinstance(x, (Gen, Nest)) else x


# ------------------------------------------------------------ reference

def exc_name(fn):
    try:
        fn()
        return None
    except Exception as e:  # the class is the outcome
        return type(e).__name__


def packed(fn, *args):
    try:
        return fn(*args).hex()
    except Exception:
        return None


def render(v):
    if isinstance(v, netaddr.IPNetwork):
        return [text(str(v)), text(str(v.ip)), v.prefixlen, v.version]
    if isinstance(v, netaddr.IPAddress):
        return [text(str(v)), v.version]
    if isinstance(v, netaddr.EUI):
        return [text(str(v)), "%x" % int(v), v.version]
    raise TypeError(v)


def strict_breaks(kind, value, result):
    rule = RULES[kind]
    if not isinstance(value, str):
        return True
    if rule == "ip":
        return str(netaddr.IPAddress(result)) != value
    if rule == "net":
        ip = str(result.ip)
        return value not in (ip, "%s/%d" % (ip, result.prefixlen))
    return MAC_CANONICAL.fullmatch(value) is None


def field_run(kind, value):
    """from_primitive, coerce of its result, to_primitive: (result, None)
    or (None, exception class)."""
    t = KINDS[kind]
    try:
        v = t.from_primitive(None, "f", value)
    except Exception as e:
        return None, type(e).__name__
    v2 = t.coerce(None, "f", v)
    assert str(v2) == str(v) and t.to_primitive(None, "f", v2) == str(v2)
    return v2, None


def ctor(fn, value):
    try:
        return fn(value), None
    except Exception as e:
        return None, type(e).__name__


def check_fields(value, ip, net, eui):
    """The field kinds are the netaddr constructors plus the rules
    test_netaddr.c applies: assert them against the reference."""
    ip_ok, ip_err = ip
    net_ok, net_err = net
    eui_ok, eui_err = eui
    wrap = {"AddrFormatError": "ValueError"}
    for kind in ("ip0", "ip4", "ip6"):
        r, err = field_run(kind, value)
        want = {"ip0": None, "ip4": 4, "ip6": 6}[kind]
        if ip_ok is not None and (want is None or ip_ok.version == want):
            assert err is None and render(r) == render(ip_ok), (kind, value)
        else:
            assert err == "ValueError", (kind, value, err)
        assert exc_name(lambda: KINDS[kind].coerce(None, "f", value)) == err
    r, err = field_run("onet", value)
    if net_ok is not None:
        assert err is None and render(r) == render(net_ok), value
    else:
        assert err == wrap.get(net_err, net_err), (value, err, net_err)
    assert exc_name(lambda: KINDS["onet"].coerce(None, "f", value)) == err
    r, err = field_run("nnet", value)
    if net_ok is not None and isinstance(value, str):
        assert err is None and render(r) == [text(value)] + render(net_ok)[1:], value
    else:
        assert err == "ValueError", (value, err)
    r, err = field_run("mac", value)
    if eui_ok is not None:
        first = text(value) if isinstance(value, str) else render(eui_ok)[0]
        assert err is None and render(r) == [first] + render(eui_ok)[1:], value
    else:
        assert err == "ValueError", (value, err)
    for kind in ("nnet", "mac"):
        assert exc_name(lambda: KINDS[kind].coerce(None, "f", value)) == "ValueError"


def value_vector(x):
    value = value_of(x)
    vec = {"v": tag_input(x)}
    if isinstance(value, str):
        vec["aton"] = packed(socket.inet_aton, value)
        vec["pton4"] = packed(socket.inet_pton, socket.AF_INET, value)
        vec["pton6"] = packed(socket.inet_pton, socket.AF_INET6, value)
    ip = ctor(netaddr.IPAddress, value)
    net = ctor(netaddr.IPNetwork, value)
    eui = ctor(netaddr.EUI, value)
    for key, (r, err) in (("ip", ip), ("net", net), ("eui", eui)):
        vec[key] = err if err else render(r)
    check_fields(value, ip, net, eui)
    strict = ""
    if ip[0] is not None and strict_breaks("ip0", value, ip[0]):
        strict += "i"
    if net[0] is not None and strict_breaks("onet", value, net[0]):
        strict += "n"
    if eui[0] is not None and strict_breaks("mac", value, eui[0]):
        strict += "m"
    if strict:
        vec["strict"] = strict
    return vec


# ------------------------------------------------------------ the stack

LIMIT = 600


def _depth():
    f, n = sys._getframe(1), 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


def _descend(n, thunk):
    if n == 0:
        return thunk()
    return _descend(n - 1, thunk)


def at_room(room, method, *args):
    """Outcome of method(*args) run with its own frame `room` frames below
    the recursion limit.  The call is a plain one, as Field's methods make
    it: f(*args) would enter a bound method through C, one unit deeper."""
    target = LIMIT - room
    base = _depth() + 1
    n = target - base - 2  # _descend(0) at base + n, thunk + 1, method + 2
    if len(args) == 3:
        a, b, c = args
        thunk = lambda: method(a, b, c)  # noqa: E731
    else:
        (a,) = args
        thunk = lambda: method(a)  # noqa: E731
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(LIMIT)
    try:
        _descend(n, thunk)
        return "ok"
    except RecursionError:
        return "RecursionError"
    except Exception as e:
        return type(e).__name__
    finally:
        sys.setrecursionlimit(old)


def _calls(k):
    if k:
        _calls(k - 1)


def _check_room():
    """A method that makes k nested Python calls completes exactly when
    room >= k.  A frame that C code enters (f(*args), a generator resumed
    by str.join, a class's __init__) takes one more unit of the budget
    than its depth shows, so at_room's callers must be plain calls."""
    for k in (0, 1, 3):
        assert at_room(k, _calls, k) == "ok", k
        if k:
            assert at_room(k - 1, _calls, k) == "RecursionError", k


OUTCOME_CODES = {"ok": "o", "RecursionError": "R", "ValueError": "V", "TypeError": "T"}


def budget_vector(kind, op, x, rooms):
    t = KINDS[kind]
    value = value_of(x)
    if op == "fp":
        method, arg = t.from_primitive, value
    elif op == "c":
        method, arg = t.coerce, value
    else:
        arg = t.coerce(None, "f", t.from_primitive(None, "f", value))
        method = t.coerce if op == "c2" else t.to_primitive
    # the interpreter specialises code as it warms up, and a cold path can
    # take a frame more: measure in the steady state the oracle runs in
    for _ in range(40):
        at_room(400, method, None, "f", arg)
    _check_room()  # from this very call chain
    at, again = "", ""
    for r in rooms:
        at += OUTCOME_CODES[at_room(r, method, None, "f", arg)]
    for r in rooms:
        again += OUTCOME_CODES[at_room(r, method, None, "f", arg)]
    assert at == again, (kind, op, value)
    assert rooms == list(range(rooms[0], rooms[0] + len(rooms)))
    return {"budget": kind, "op": op, "v": tag_input(x), "from": rooms[0], "at": at}


# ------------------------------------------------------------ inputs

V4_FORMS = [
    "1.2.3.4", "0.0.0.0", "255.255.255.255", "256.0.0.0", "1.2.3.256", "01.2.3.4",
    "1.02.3.4", "010.0.0.1", "0x7f.1", "0x7F.0.0.1", "0X7f.0.0.1", "0x.1", "0x",
    "0xg", "0x1g", "1", "0", "00", "08", "09", "0.8", "01.08", "127.1", "127.0.1",
    "1.2.3", "1.2", "1.16777215", "1.16777216", "1.2.65535", "1.2.65536",
    "4294967295", "4294967296", "037777777777", "040000000000", "0xffffffff",
    "0x100000000", "0xFFFFFFFF", "99999999999999999999", "0x00000000000000000001",
    "00000000000000000000001", "1.2.3.4.", "1.2.3.4.5", ".1.2.3", "1..2.3", "1.2.3.",
    "1.", "", " ", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\t", "1.2.3.4\n", "1.2.3.4\r",
    "1.2.3.4\x0b", "1.2.3.4\x0c", "1.2.3.4 junk", "1.2.3.4 \u00e9", "1.2.3.4\u00a0",
    "1.2.3.4\u3000", "1.2.3.4\x85", "1.2.3.4\x00", "1.2.3.4 \x00", "\x001.2.3.4",
    "1.2.3.4 \ud800", "1.2.3.4\ud800", "\ud8001.2.3.4", "1.2.3.4/32", "1.2.3.4 /x",
    "+1.2.3.4", "-1.2.3.4", "1.-2.3.4", "1.+2.3.4", "1 .2.3.4", "1. 2.3.4",
    "\u0661.2.3.4", "\uff11.2.3.4", "1.2.3.4x", "1.2.3.4:80", "0b1", "0b1.2.3.4",
    "0o7", "1e3", "1_2.3.4", "0x7f.0x0.0x0.0x1", "0377.0377.0377.0377",
    "0400.0.0.0", "0xff.0xff.0xffff", "255.255.255.255.", "1.2.3.4\n\n",
    "1.2.3.4 \n", "1.2.3.04", "01", "0.0", "0.0.0", "1.0.0", "12345", "1.2.3.4%eth0",
]

V6_FORMS = [
    "::", "::1", "::2", "1::", "1::1", "::ffff:1.2.3.4", "::FFFF:1.2.3.4",
    "::ffff:0:1.2.3.4", "::1.2.3.4", "::0.0.0.1", "::0.1.0.0", "::0.0.1.0",
    "::ffff:0.0.0.0", "::ffff:0:0", "::fffe:1.2.3.4", "0:0:0:0:0:ffff:102:304",
    "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:1.2.3.4",
    "1:2:3:4:5:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4.5", "::1.2.3",
    "::01.2.3.4", "::1.2.3.04", "::256.1.1.1", "::ab.1.2.3", "::12345",
    "::1234", "::01234", "1:::2", ":::", ":", ":1", "1:", "1::2::3", "::1:",
    ":1::", "fe80::1", "FE80::1", "fe80::1%eth0", "fe80::1%1", "[::1]",
    "::1/128", " ::1", "::1 ", "::1\n", "::1\x00", "::\ud800", "0::0",
    "0:0:0:0:0:0:0:0", "0000:0000:0000:0000:0000:0000:0000:0001",
    "2001:db8::", "2001:db8:0:0:1:0:0:1", "2001:0:0:1:0:0:0:1",
    "2001:db8:0:1:1:1:1:1", "1:0:0:1:0:0:1:1", "0:1:0:0:1:0:0:0",
    "1:0:1:0:1:0:1:0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "::ffff:255.255.255.255",
    "1::1.2.3.4", "::1:1.2.3.4", "::1:2:3:4:5:6:7", "::g", "g::", "::\u0661",
    "1::ffff:1.2.3.4", "::ffff:1.2.3.4:1", "::1.2.3.4:1", "::ffff:1.2.3.4.5",
]

NET_FORMS = [
    "10/8", "127.1/8", "10.0.0.0/255.0.0.0", "10.0.0.0/0.0.0.255", "10.0.0.0/08",
    "10.0.0.0/+24", "10.0.0.0/ 24", " 10.0.0.0/24", "10.0.0.0/24 ", "10.0.0.0/-0",
    "1.2.3.4/1/2", "::1/1/2", "1.2.3.4/", "/24", "/", "1.2.3.4//24", "10",
    "10.1", "10.1.2", "-0.1/8", " 1 . 2 /8", "\u0661.2/8", "1.2.3.4/\u0662",
    "1.2.3.4/\uff12\uff14", "1.2.3.4/2_4", "1.2.3.4/24\u3000", "1.2.3.4/33",
    "1.2.3.4/32", "1.2.3.4/0", "1.2.3.4/00", "1.2.3.4/0x18", "1.2.3.4/1e1",
    "1.2.3.4/0.0.0.0", "1.2.3.4/255.255.255.255", "1.2.3.4/255.255.255.254",
    "1.2.3.4/255.0.255.0", "1.2.3.4/0.255.255.255", "1.2.3.4/0.0.0.1",
    "1.2.3.4/128.0.0.0", "1.2.3.4/127.255.255.255", "1.2.3.4/255.255.0",
    "1.2.3.4/255.255.0.00", "1.2.3.4/::", "::/0", "::/::", "::1/64", "::1/128",
    "::1/129", "::1/-1", "::1/ffff::", "::1/ffff:ffff::", "::1/::ffff",
    "::1/0:ffff::", "::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    "::1/255.255.255.0", "::ffff:1.2.3.4/120", "::ffff:1.2.3.4/96",
    "fe80::/10", "FE80::/10", "fe80::1%eth0/64", "1.2.3.4/24/", "1.2.3.256/24",
    "256/8", "1.2.3.4.5/8", "1.2.3.4 /24", "1.2.3.4/ 24 ", "1.2.3.4/\t24\n",
    "1.2.3.4/24\n", "1.2.3.4/024", "1.2.3.4/0024", "1.2.3.4/+0", "010.0.0.1/8",
    "0x7f.1/8", "127.1", "1.2.3.4\n", " 1.2.3.4", "10.0/8", "1.2.3.4/8\x00",
    "1.2.3.4/\x008", "1\x00/8", "1.2.3.4/\ud800", "\ud800/8", "1.2.3.4/ ",
    "1.2.3.4/_24", "1.2.3.4/24_", "1.2.3.4/2__4", "1.2.3.4/99999999999999999999",
    Gen("1.", "0", 5000, "1/8"),
    "0.0.0.0/0", "0.0.0.0/0.0.0.0", "::/128", "1.2.3.4/32/", "1:2::3/64",
    "1.2.3.4/255.255.255.255/1", "1/2/3", ":1/8", "1.2.3.4:5/8", ".1/8", "1./8",
    "1.2.3.4/3 2", "1.2.3.4/+ 24", "1.2.3.4/\u00b2", "1.2.3.4/\u0664\u0662",
]

MAC_FORMS = [
    "00:11:22:33:44:55", "00-11-22-33-44-55", "001122334455", "0011.2233.4455",
    "0:1:2:3:4:5", "001122:334455", "001122-334455", "00112:33445", "0011:2233:4455",
    "0011-2233-4455", "00:11:22:33:44:55\n", " 00:11:22:33:44:55",
    "00:11:22:33:44:55 ", "00:11-22:33:44:55", "00:11:22:33:44:55\n\n",
    "00:11:22:33:44:55\r", "00:11:22:33:44", "00:11:22:33:44:55:66",
    "00:11:22:33:44:55:66:77", "00-11-22-33-44-55-66-77", "0011:2233:4455:6677",
    "0011.2233.4455.6677", "0011-2233-4455-6677", "0011223344556677",
    "001122334455667", "00112233445566778", "00112233445", "0011223344",
    "1", "  1 ", "-0", "+5", "1_000", "\u0663", "12345678901", "123456789012345",
    "1234567890123456", "281474976710655", "281474976710656",
    "18446744073709551615", "18446744073709551616", Gen("", "0", 4300, "1"),
    Gen("", "0", 4301, "1"), "aa:bb:cc:dd:ee:ff", "AA:BB:CC:DD:EE:FF", "aA:bB:cC:dD:eE:fF",
    "1:2:3", "1-2-3", "1.2.3", "1.2.3.4", "1:2:3:4", "1-2-3-4", "1.2.3.4.5",
    "00:11:22:33:44:5g", "gg:11:22:33:44:55", "000:11:22:33:44:55",
    "00:11:22:33:44:555", "00.11.22.33.44.55", "00 11 22 33 44 55",
    "00:11:22:33:44:55:", ":00:11:22:33:44:55", "0:0:0:0:0:0", "f:f:f:f:f:f",
    "fffff:fffff", "ffffff:ffffff", "fffffff:ffffff", "ffff:fffff",
    "12345-67890", "0x001122334455", "00:11:22:33:44:\u0665\u0665",
    "\uff10\uff10:11:22:33:44:55", "00:11:22:33:44:55\x00", "00:11:22:33:44:55\ud800",
    "", " ", "\n", "0", "00", "1\n", "1\n\n", "\t1\t", "1 000",
]

JSON_VALUES = [
    0, 1, -1, 5, 255, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 48 - 1, 2 ** 48,
    2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64, 2 ** 127, 2 ** 128 - 1, 2 ** 128,
    2 ** 200, -2 ** 64, -2 ** 128, 10 ** 100, True, False, 0.0, -0.0, 1.0, 1.5,
    3232235777.0, 1e300, float("nan"), float("inf"), float("-inf"), None, [],
    ["1.2.3.4"], [1, 2, 3, 4], [[]], {}, {"a": 1}, {"1.2.3.4": "x"}, [None], ["::1"],
]

V4_ALPHABET = "0123456789.......xXabcdefABCDEF  \t\n/+-_"
V6_ALPHABET = "0123456789abcdefABCDEF::::::...%/ g"
NET_ALPHABET = "0123456789...///:::abcdef +-_\n"
MAC_ALPHABET = "0123456789abcdefABCDEF:::---...\n g"
EXOTIC = ["\x00", "\ud800", "\udfff", "\u0661", "\uff11", "\u3000", "\u00a0",
          "\u00e9", "\u2028", "\U0001d7ce", "\x85", "\x0b"]


def rand_from(rng, alphabet, lo, hi):
    s = "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))
    if rng.random() < 0.05:
        i = rng.randint(0, len(s))
        s = s[:i] + rng.choice(EXOTIC) + s[i:]
    return s


def rand_v4(rng):
    parts = []
    for _ in range(rng.choice([1, 2, 3, 4, 4, 4, 4, 5])):
        r = rng.random()
        if r < 0.5:
            parts.append(str(rng.choice([0, 1, 10, 127, 255, 256, rng.randint(0, 300)])))
        elif r < 0.65:
            parts.append("0%o" % rng.randint(0, 300))
        elif r < 0.8:
            parts.append(rng.choice(["0x", "0X"]) + "%x" % rng.randint(0, 300))
        elif r < 0.9:
            parts.append(str(rng.randint(0, 2 ** 33)))
        else:
            parts.append(rng.choice(["", "08", "0x", "-1", " 1", "1 "]))
    s = ".".join(parts)
    if rng.random() < 0.15:
        s += rng.choice([" ", "\n", "\t", " x", "x", ".", "/24", "\x00"])
    return s


def rand_v6(rng):
    n = rng.randint(0, 9)
    groups = []
    for _ in range(n):
        r = rng.random()
        if r < 0.4:
            groups.append("0")
        elif r < 0.8:
            groups.append("%x" % rng.randint(0, 0xffff))
        elif r < 0.9:
            groups.append("%X" % rng.randint(0, 0xffff))
        else:
            groups.append(rng.choice(["", "00000", "12345", "g", "0000"]))
    if groups and rng.random() < 0.5:
        i = rng.randint(0, len(groups))
        groups.insert(i, "")
    s = ":".join(groups)
    if s.startswith(":") and not s.startswith("::"):
        s = ":" + s
    if s.endswith(":") and not s.endswith("::"):
        s += ":"
    if rng.random() < 0.2:
        s = (s + ":" if s and not s.endswith(":") else s) + "%d.%d.%d.%d" % tuple(
            rng.randint(0, 256) for _ in range(4))
    if rng.random() < 0.05:
        s += rng.choice(["%eth0", " ", "\n", "/64", "x"])
    return s


def rand_net(rng):
    r = rng.random()
    addr = rand_v4(rng) if r < 0.55 else rand_v6(rng)
    if rng.random() < 0.85:
        addr += "/"
        r = rng.random()
        if r < 0.55:
            addr += str(rng.randint(0, 130))
        elif r < 0.7:
            if rng.random() < 0.5:
                addr += str(netaddr.IPAddress(
                    (2 ** 32 - 1) ^ (2 ** rng.randint(0, 32) - 1)))
            else:
                addr += str(netaddr.IPAddress(2 ** rng.randint(0, 32) - 1))
        elif r < 0.8:
            k = rng.randint(0, 128)
            addr += str(netaddr.IPAddress(
                (2 ** 128 - 1) ^ (2 ** k - 1) if rng.random() < 0.5 else 2 ** k - 1, 6))
        elif r < 0.9:
            addr += rng.choice(["08", "+24", " 24", "24 ", "2_4", "-0", "x", "", "1/2",
                                "0x10", "\u0662\u0664", "255.255.0.255", "0.0.255.255"])
        else:
            addr += rand_v4(rng)
    if rng.random() < 0.05:
        addr = rng.choice([" ", "\n", "\t"]) + addr
    return addr


def rand_mac(rng):
    r = rng.random()
    if r < 0.4:
        n = rng.choice([6, 6, 6, 8, 5, 7])
        sep = rng.choice([":", ":", "-", "-", ".", ""])
        groups = []
        for _ in range(n):
            w = rng.choice([1, 2, 2, 2, 3])
            groups.append("".join(rng.choice("0123456789abcdefABCDEF") for _ in range(w)))
        s = sep.join(groups)
        if rng.random() < 0.1:
            i = rng.randint(0, len(s))
            s = s[:i] + rng.choice(":-.") + s[i + 1:]
    elif r < 0.6:
        n = rng.choice([3, 4])
        sep = rng.choice([":", "-", "."])
        s = sep.join("%x" % rng.randint(0, 0xffff) for _ in range(n))
    elif r < 0.7:
        s = ":".join("%0*x" % (rng.choice([5, 6]), rng.randint(0, 0xffffff)) for _ in range(2))
    elif r < 0.85:
        s = "".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(9, 18)))
    else:
        s = str(rng.choice([rng.randint(0, 2 ** 48), rng.randint(0, 2 ** 65),
                            rng.randint(0, 1000)]))
    if rng.random() < 0.08:
        s += rng.choice(["\n", " ", "\n\n"])
    return s


def rand_int(rng):
    return rng.choice([rng.randint(0, 2 ** 32), rng.randint(2 ** 32, 2 ** 128),
                       rng.randint(0, 2 ** 130), -rng.randint(1, 2 ** 40),
                       rng.randint(0, 2 ** 64)])


def format_ints(rng):
    """Addresses chosen to reach every branch of the IPv6 formatting."""
    out = []
    for _ in range(600):
        words = [rng.choice([0, 0, 0, 1, 0xffff, rng.randint(0, 0xffff)]) for _ in range(8)]
        v = 0
        for w in words:
            v = v << 16 | w
        out.append(v)
    for run_start in range(8):
        for run_len in range(0, 9 - run_start):
            words = [0x1234] * 8
            for i in range(run_start, run_start + run_len):
                words[i] = 0
            v = 0
            for w in words:
                v = v << 16 | w
            out.append(v)
    for w5 in (0, 0xffff, 0xfffe, 1):
        for low in (0, 1, 2, 0x10000, 0x01020304, 0xffffffff):
            out.append(w5 << 32 | low)
    return out


def gens():
    return [
        Gen("", "1", 100000, ""),
        Gen("1.2.3.4 ", "x", 100000, ""),
        Gen("", "0", 100000, "1"),
        Gen("", "0", 4299, "1"),
        Gen("", "0", 4300, "1"),
        Gen("::", "0", 10000, "1"),
        Gen("", "1:", 50000, ":1"),
        Gen("1.2.3.4/", "0", 5000, "8"),
        Gen("1.2.3.4/", " ", 50000, "8"),
        Gen("", "0", 100000, "1.2.3.4"),
        Gen("00:11:22:33:44:55", "\n", 2, ""),
        Gen("", "f", 100000, ""),
        Gen("", "\u0661", 5000, ""),
        Gen("", "\u0661", 4301, ""),
    ]


def budget_inputs():
    return [
        ("1.2.3.4", "ip net mac"), ("::1", "ip net"), ("::ffff:1.2.3.4", "ip net"),
        ("1.2.3.4/8", "ip net"), ("zzz", "ip net mac"), ("1", "ip net mac"),
        (5, "ip net mac"), (2 ** 40, "ip net mac"), (2 ** 70, "ip mac"), (-1, "ip mac"),
        (1.5, "ip net mac"), (True, "ip net mac"), (None, "ip net mac"),
        ("10/8", "net"), ("::1/64", "net"), ("1.2.3.4/255.0.0.0", "net"),
        ("1.2.3.4/0.0.0.255", "net"), ("::1/::ff", "net"), ("::1/ffff::", "net"),
        ("1.2.3.4/1/2", "net ip"), ("::1/1/2", "net"), ("1.2.3.4/x", "net"),
        ("::1/x", "net"), ("1.2.3.4/33", "net"), ("::1/129", "net"), ("1.2.3.256/8", "net"),
        (" 1 . 2 /8", "net"), ("\u0661.2/8", "net"), ("1.2.3.4/\u0662", "net"),
        ("1.2.3.4.5/8", "net"), ("1.2.3.4 junk", "ip"), ("010.0.0.1", "ip"),
        ("1.2.3.4/", "net"), ("", "ip net mac"), ("1.2.3.4\x00", "ip net"),
        ("00:11:22:33:44:55", "mac ip"), ("001122334455", "mac ip"),
        ("0011.2233.4455", "mac"), ("001122:334455", "mac"), ("0011223344556677", "mac"),
        ("00:11:22:33:44:55:66:77", "mac"), ("0011:2233:4455:6677", "mac"),
        ("18446744073709551615", "mac"), ("18446744073709551616", "mac"),
        ("1_0", "mac net"), ("00:11:22:33:44:55\n", "mac"), (2 ** 50, "mac"),
        (2 ** 64 - 1, "mac"), ([1], "ip net mac"), ({}, "ip net mac"),
        (["1.2.3.4"], "ip net mac"), ({"a": [1, [2]]}, "ip net mac"),
    ]


def nests():
    out = []
    for levels in (1, 2, 3, 4, 7, 20):
        for leaf in (None, 1, "x"):
            for as_dict in (False, True):
                out.append(Nest(levels, leaf, as_dict))
    return out


def main():
    _check_room()
    rng = random.Random(20240608)
    out = open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout
    count = 0
    seen = set()

    def emit(vec):
        nonlocal count
        out.write(json.dumps(vec, separators=(",", ":"), sort_keys=True) + "\n")
        count += 1

    def emit_value(x):
        key = repr(tag_input(x))
        if key in seen:
            return
        seen.add(key)
        emit(value_vector(x))

    for s in V4_FORMS + V6_FORMS + NET_FORMS + MAC_FORMS:
        emit_value(s)
    for base in ("1.2.3.4", "::ffff:1.2.3.4", "10.0.0.0/24", "00:11:22:33:44:55"):
        for i in range(len(base) + 1):
            for c in ["0", "1", "9", "a", "F", "x", ".", ":", "-", "/", " ", "\n", "\x00",
                      "\ud800", "\u0661", "%"]:
                emit_value(base[:i] + c + base[i:])
                if i < len(base):
                    emit_value(base[:i] + c + base[i + 1:])
            if i < len(base):
                emit_value(base[:i] + base[i + 1:])
    for v in JSON_VALUES:
        emit_value(v)
    for v in format_ints(rng):
        emit_value(v)
    for _ in range(900):
        emit_value(rand_v4(rng))
    for _ in range(900):
        emit_value(rand_v6(rng))
    for _ in range(1200):
        emit_value(rand_net(rng))
    for _ in range(1000):
        emit_value(rand_mac(rng))
    for _ in range(300):
        emit_value(rand_int(rng))
    for alphabet in (V4_ALPHABET, V6_ALPHABET, NET_ALPHABET, MAC_ALPHABET):
        for _ in range(400):
            emit_value(rand_from(rng, alphabet, 0, 24))
    for g in gens():
        emit_value(g)

    rooms = list(range(1, 13))
    groups = {"ip": ("ip0", "ip4", "ip6"), "net": ("onet", "nnet"), "mac": ("mac",)}
    for value, which in budget_inputs():
        for group in which.split():
            for kind in groups[group]:
                emit(budget_vector(kind, "fp", value, rooms))
                emit(budget_vector(kind, "c", value, rooms))
                if field_run(kind, value)[0] is not None:
                    emit(budget_vector(kind, "c2", value, rooms))
                    emit(budget_vector(kind, "tp", value, rooms))
    makers = [rand_v4, rand_v6, rand_net, rand_mac, rand_int]
    for i in range(60):
        value = makers[i % len(makers)](rng)
        for kind in KINDS:
            for op in ("fp", "c", "c2", "tp"):
                if op in ("c2", "tp") and field_run(kind, value)[0] is None:
                    continue
                emit(budget_vector(kind, op, value, rooms))
    for nest in nests():
        levels = nest.spec[0] + (nest.spec[1] is not None)
        r = list(range(max(1, levels - 1), levels + 7))
        for kind in KINDS:
            emit(budget_vector(kind, "fp", nest, r))
            if kind in ("ip0", "nnet"):
                emit(budget_vector(kind, "c", nest, r))
    for levels in (100, 495):
        nest = Nest(levels, 1)
        r = [levels - 1, levels, levels + 1, levels + 2, levels + 3, levels + 4, levels + 5]
        for kind in ("ip0", "ip6", "nnet", "mac"):
            emit(budget_vector(kind, "fp", nest, r))
    if out is not sys.stdout:
        out.close()
    print("vectors_netaddr: %d vectors" % count, file=sys.stderr)


if __name__ == "__main__":
    main()
