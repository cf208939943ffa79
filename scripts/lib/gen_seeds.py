"""Generate the seed corpora (corpus/seeds/<target>/) and the dictionaries
(dictionaries/<target>.dict, .options) from the real reference.

    gen-seeds [--target T]...        write the full seed sets and dictionaries
    gen-seeds --merge [--build DIR]  ... then keep only the seeds that add
                                     coverage (libFuzzer -merge=1 with the
                                     targets of a libFuzzer build)
    gen-seeds --dicts                write the dictionaries and options only
    gen-seeds --check                fail if the committed dictionaries are
                                     stale or a committed seed is not one the
                                     generator makes (merged sets are subsets)
    gen-seeds --verify [--build DIR] replay every seed through the targets of
                                     a replay build: none may record a bypass
                                     (ovo-check agrees for whole documents), and
                                     no dictionary token of a raw-text target
                                     may be one by itself

What the seeds are:
- Valid primitives of real objects: every one of the 103 registered objects
  in several variants (primitives.valid_primitives), and every object at
  every older version it still accepts, serialised by the reference itself
  with obj_to_primitive(target_version=...).
- Hand-written structural edge cases: empty data, nested objects, lists of
  objects, missing envelope keys, each JSON type at the top level, wrong
  names, namespaces and versions, wrong nested classes.
- For the value targets, canonical spellings (UUIDs, MAJOR.MINOR versions,
  addresses, networks, MACs, timestamps, JSON dict texts) and a few
  neighbours the reference rejects.

Each target gets its inputs in the format harnesses/README.md ("Input
formats") gives it: whole documents (fuzz_primitive, fuzz_roundtrip,
fuzz_json), a document and two tail bytes choosing the failing allocation
(fuzz_alloc_fail), Port data spliced into an envelope (fuzz_port), a data
dict or one field value and a tail byte choosing object and slot
(fuzz_port_binding), raw texts (fuzz_uuid, fuzz_netaddr, fuzz_datetime,
fuzz_misc_dict) and NUL-separated version texts (fuzz_version).

What the seeds are not: none of them is a validation bypass.  Non-canonical
UUIDs, PEP 440 spellings, inet_aton forms, DictOfMiscValues strings that
decode to lists or strings are what fuzzing has to find, from these seeds
and the dictionaries; the generator checks every value seed against the
reference (rejected, or canonical), and --verify checks every document with
libovo's strict mode.

File names are the SHA-1 of the content (libFuzzer's convention, which
-merge=1 keeps).  Output is deterministic: fixed RNG seeds, sorted sets.
Run with /usr/bin/python3 (the reference's interpreter).
"""
import collections
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import uuid as pyuuid

import gen_dicts
import primitives

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
SEEDS = os.path.join(TOP, "corpus", "seeds")
DICTS = os.path.join(TOP, "dictionaries")

KEY = "versioned_object."
NS = "versionedobjects"
U = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


# ---------------------------------------------------------------- helpers

def sha1(data):
    return hashlib.sha1(data).hexdigest()


def compact(value):
    return json.dumps(value, separators=(",", ":"))


def env(name, data, version=None, changes=None, ns=NS):
    if version is None:
        cls = primitives.registry().get(name)
        version = cls.VERSION if cls else "1.0"
    d = {KEY + "namespace": ns, KEY + "name": name, KEY + "version": version,
         KEY + "data": data}
    if changes is not None:
        d[KEY + "changes"] = changes
    return d


def doc(value):
    return json.dumps(value).encode()


_BASES = {}


def base_data(name):
    """Valid data of the named object with its required fields only."""
    if name not in _BASES:
        rng = random.Random("base:" + name)
        obj = primitives.Values(rng, max_depth=0).instance(name, 0, "minimal")
        _BASES[name] = primitives.normalise(obj.obj_to_primitive())[KEY + "data"]
    return dict(_BASES[name])


def prim(obj, target_version=None):
    p = obj.obj_to_primitive(target_version=target_version) if target_version \
        else obj.obj_to_primitive()
    return primitives.normalise(p)


# ---------------------------------------------------------------- documents

def valid_documents():
    """Valid primitives of every object (several variants each)."""
    return [(name, text.encode()) for name, text in primitives.valid_primitives(0)]


def version_documents(names=None, seed=1):
    """Every object at every version it accepts: obj_to_primitive with a
    target version backports the data the way an older peer sends it."""
    out = []
    for name, cls in primitives.registry().items():
        if names and name not in names:
            continue
        major, minor = (int(x) for x in cls.VERSION.split("."))
        rng = random.Random("%s:%s" % (seed, name))
        obj = primitives.Values(rng, max_depth=1).instance(name, 0, "full")
        for m in range(minor + 1):
            try:
                p = prim(obj, "%d.%d" % (major, m))
            except Exception:   # obj_make_compatible refuses some backports
                continue
            out.append((name, doc(p)))
    return out


def field_documents(names=None):
    """One small valid document per field: the object's required fields
    plus that field, with the value a full instance serialises.  Small
    inputs that reach one field type each are what -merge=1 keeps first
    and where a mutation most likely lands on the value."""
    out = []
    for name in primitives.registry():
        if names and name not in names:
            continue
        rng = random.Random("field:" + name)
        full = prim(primitives.Values(rng, max_depth=1).instance(name, 0, "full"))
        full_data = full[KEY + "data"]
        base = base_data(name)
        for fname, _field, _k in primitives.fields_of(name):
            if fname not in full_data or fname in base:
                continue
            d = dict(base)
            d[fname] = full_data[fname]
            out.append((name, doc(env(name, d))))
    return out


def top_level_documents():
    """Each JSON type at the top level, and a primitive inside a list or an
    object: all of them TypeError or KeyError in the reference."""
    small = env("NetworkPortSecurity", {"id": U, "port_security_enabled": True})
    return [b"null", b"true", b"false", b"0", b"-1", b"1.5", b'""', b'"x"', b"[]",
            b"{}", b"[{}]", b"[null]", doc([small]), doc({"versioned_object": small})]


def structural_documents():
    """Edge cases of the envelope's shape (most of them rejects)."""
    small = env("NetworkPortSecurity", {"id": U, "port_security_enabled": True})
    out = top_level_documents()
    # Each envelope key missing, or null; changes absent is valid.
    for k in ("namespace", "name", "version", "data", "changes"):
        d = dict(small, **{KEY + "changes": ["id"]})
        del d[KEY + k]
        out.append(doc(d))
        if k != "changes":
            out.append(doc(dict(small, **{KEY + k: None})))
    # Names, namespaces, versions the registry refuses.
    out += [doc(env("Nope", {})), doc(env("QosRule", {})), doc(env("NeutronObject", {})),
            doc(env("port", base_data("Port"))), doc(env("Port", base_data("Port"), ns="nova")),
            doc(env("Port", base_data("Port"), ns=""))]
    for name, cls in primitives.registry().items():
        major, minor = cls.VERSION.split(".")
        # empty data: the defaults only; changes naming every field
        out.append(doc(env(name, {})))
        fields = [f for f, _fld, _k in primitives.fields_of(name)]
        out.append(doc(env(name, base_data(name), changes=sorted(fields))))
        out.append(doc(env(name, base_data(name), changes=[])))
        # a newer minor and the next major are incompatible
        out.append(doc(env(name, base_data(name), version="%s.%d" % (major, int(minor) + 1))))
        out.append(doc(env(name, base_data(name), version="%d.0" % (int(major) + 1))))
    # Nested objects and lists of objects, right and wrong classes.
    def with_(outer, **fields):
        d = base_data(outer)
        d.update(fields)
        return env(outer, d)

    pdns = env("PortDNS", base_data("PortDNS"))
    out += [doc(with_("Port", dns=pdns)),
            doc(with_("Port", dns=env("PortDNS", base_data("PortDNS"), version="1.0"))),
            doc(with_("Port", dns=None)),
            doc(with_("Port", dns=env("Network", base_data("Network")))),
            doc(with_("Port", dns=env("Nope", {}))),
            doc(with_("Port", fixed_ips=[])),
            doc(with_("Port", binding_levels=[env("PortBindingLevel", dict(
                base_data("PortBindingLevel"),
                segment=env("NetworkSegment", base_data("NetworkSegment"))))]))]
    rules = [env(n, base_data(n)) for n in primitives.concrete_classes("QosRule", True)]
    out += [doc(with_("QosPolicy", rules=rules)), doc(with_("QosPolicy", rules=[])),
            doc(with_("QosPolicy", rules=[env("Port", base_data("Port"))])),
            doc(with_("QosPolicy", rules=[None]))]
    subports = [env("SubPort", base_data("SubPort")) for _ in range(3)]
    out += [doc(with_("Trunk", sub_ports=subports)), doc(with_("Trunk", sub_ports=[]))]
    # A DictOfMiscValues given as a JSON object instead of a JSON string
    # (coerce keeps a dict as it is).
    for name, field, value in [("PortBinding", "profile", {"migrating_to": "host-2"}),
                               ("Agent", "configurations", {"bridge_mappings": {"physnet1": "br-eth1"}}),
                               ("QosRuleTypeDriver", "supported_parameters", [{}, {"a": [1]}])]:
        out.append(doc(with_(name, **{field: value})))
    # Port.dns holding a Port (the wrong class) holding ..., a few levels deep.
    inner = env("PortDNS", base_data("PortDNS"))
    for _ in range(4):
        inner = with_("Port", dns=inner)
        out.append(doc(inner))
    return out


def port_documents():
    """Port primitives in every variant and version, with nested objects
    and lists of objects filled in, plus the Port edge cases."""
    out = [(n, t) for n, t in valid_documents() if n == "Port"]
    out += version_documents({"Port"}, seed=1) + version_documents({"Port"}, seed=2)
    out += field_documents({"Port"})
    for seed in range(12):
        rng = random.Random("port:%d" % seed)
        for variant in ("full", "sparse"):
            obj = primitives.Values(rng, max_depth=2).instance("Port", 0, variant)
            if seed % 3 == 0:
                obj.obj_reset_changes(recursive=True)
            out.append(("Port", doc(prim(obj))))
    return [t for _n, t in out] + [t for t in structural_documents()
                                   if t.startswith(b"{") and b'"versioned_object.name": "Port"' in t]


def data_payload(document):
    """A primitive's versioned_object.data as JSON text, followed by its
    changes as one more envelope key when it has them: the payload of the
    targets that splice it into an envelope (`{...}, "...changes": [...]`
    closes the data dict and adds the key)."""
    p = json.loads(document)
    text = json.dumps(p[KEY + "data"])
    if KEY + "changes" in p:
        text += ', "%schanges": %s' % (KEY, json.dumps(p[KEY + "changes"]))
    return text.encode()


def port_payloads():
    """fuzz_port: the data of Port primitives (the harness wraps them in a
    Port 1.7 envelope), and a few data edge cases."""
    out = []
    for d in port_documents():
        p = json.loads(d)
        if isinstance(p, dict) and p.get(KEY + "name") == "Port" and \
                isinstance(p.get(KEY + "data"), dict) and \
                p.get(KEY + "namespace") == NS and \
                p.get(KEY + "version") in [cls_version("Port", m) for m in range(8)]:
            out.append(data_payload(d))
    # data that is not a dict at all: null and numbers are TypeErrors
    # (reference crashes); strings and lists are bypasses, left to fuzzing.
    out += [b"{}", b"null", b"0", b'{"dns": null, "fixed_ips": [], "binding_levels": []}']
    return out


def cls_version(name, minor):
    major = primitives.registry()[name].VERSION.split(".")[0]
    return "%s.%d" % (major, minor)


BINDING_NAMES = ("PortBinding", "DistributedPortBinding", "PortBindingLevel")
BINDING_INDEX = {"PortBinding": 0, "DistributedPortBinding": 1, "PortBindingLevel": 2}


def binding_documents():
    """PortBinding, DistributedPortBinding and PortBindingLevel primitives."""
    from neutron_lib.api.definitions import portbindings as pb
    out = [t for n, t in valid_documents() if n in BINDING_NAMES]
    out += [t for _n, t in version_documents(set(BINDING_NAMES))]
    out += [t for _n, t in field_documents(set(BINDING_NAMES))]
    # Realistic bindings: the vif types, vnic types and details Neutron writes.
    rng = random.Random("binding")
    profiles = [{}, {"pci_slot": "0000:05:00.1", "pci_vendor_info": "15b3:1004",
                     "physical_network": "physnet1"},
                {"migrating_to": "compute-2"}, {"capabilities": ["switchdev"]},
                {"allocation": str(pyuuid.UUID(int=rng.getrandbits(128), version=4))}]
    details = [{}, {pb.CAP_PORT_FILTER: True, pb.OVS_HYBRID_PLUG: True,
                    pb.VIF_DETAILS_CONNECTIVITY: pb.CONNECTIVITY_L2,
                    pb.OVS_DATAPATH_TYPE: "system", pb.VIF_DETAILS_BRIDGE_NAME: "br-int"},
               {pb.VIF_DETAILS_VLAN: "100", pb.VIF_DETAILS_PHYSICAL_INTERFACE: "eth1"},
               {pb.VHOST_USER_MODE: pb.VHOST_USER_MODE_SERVER,
                pb.VHOST_USER_SOCKET: "/var/run/openvswitch/vhu0", pb.VHOST_USER_OVS_PLUG: True}]
    vif_types = [pb.VIF_TYPE_OVS, pb.VIF_TYPE_UNBOUND, pb.VIF_TYPE_BINDING_FAILED,
                 pb.VIF_TYPE_VHOST_USER, pb.VIF_TYPE_DISTRIBUTED, pb.VIF_TYPE_HW_VEB]
    vnic_types = [pb.VNIC_NORMAL, pb.VNIC_DIRECT, pb.VNIC_DIRECT_PHYSICAL,
                  pb.VNIC_BAREMETAL, pb.VNIC_SMARTNIC, pb.VNIC_VHOST_VDPA]
    cls = primitives.registry()
    for i in range(len(profiles) * 2):
        kw = dict(port_id=str(pyuuid.UUID(int=rng.getrandbits(128), version=4)),
                  host=rng.choice(["compute-1", "controller", "", "net-node.example.org"]),
                  profile=profiles[i % len(profiles)], vif_details=details[i % len(details)],
                  vif_type=vif_types[i % len(vif_types)], vnic_type=vnic_types[i % len(vnic_types)])
        out.append(doc(prim(cls["PortBinding"](status=["ACTIVE", "INACTIVE"][i % 2], **kw))))
        out.append(doc(prim(cls["DistributedPortBinding"](
            status=["ACTIVE", "DOWN", "BUILD"][i % 3],
            router_id=str(pyuuid.UUID(int=rng.getrandbits(128), version=4)), **kw))))
    return out


def binding_inputs():
    """fuzz_port_binding: PAYLOAD + tail byte T (harnesses/README.md).
    Slot 0 (T = object): whole data dicts; slot k (T = object | k << 2):
    each distinct value the documents hold in the k-th field."""
    out = []
    values = collections.defaultdict(set)
    for d in binding_documents():
        p = json.loads(d)
        name = p[KEY + "name"]
        t = BINDING_INDEX[name]
        out.append(data_payload(d) + bytes([t]))
        fields = [f for f, _fld, _k in primitives.fields_of(name)]
        for fname, value in p[KEY + "data"].items():
            values[(name, fields.index(fname) + 1)].add(json.dumps(value))
    for name in BINDING_NAMES:
        out.append(b"{}" + bytes([BINDING_INDEX[name]]))
    for (name, k), vals in sorted(values.items()):
        t = BINDING_INDEX[name] | (k << 2)
        for v in sorted(vals):
            out.append(v.encode() + bytes([t]))
    return out


def json_documents():
    """JSON text for the JSON layer: RFC 8259 documents of every shape (no
    NaN, no duplicate keys: those are for fuzzing to find)."""
    docs = [
        "null", "true", "false", "0", "-0", "1", "-1", "0.5", "-0.0", "1e10", "1E-10",
        "1.5e+300", "2.2250738585072014e-308", "9223372036854775807",
        "-9223372036854775808", "12345678901234567890123", '""', '"x"',
        '"\\" \\\\ \\/ \\b \\f \\n \\r \\t"', '"\\u0041\\u00e9\\u20ac\\ud83d\\ude00"',
        '"\\u0000"', '"caf\u00e9 \u20ac \U0001f600"', "[]", "{}", "[[]]", "[{}]", '{"":{}}',
        '[1,"a",null,true,false,1.5,[],{}]', '{"a":1,"b":[2,3],"c":{"d":null}}',
        ' \t\r\n[ 1 , 2 ] \n', '{ "k" : "v" }', "[" * 20 + "]" * 20,
        '{"a":' * 10 + "0" + "}" * 10, '{"\\u00e9":"\\ud83d\\ude00"}',
        '[0.1,0.2,0.30000000000000004,1e-7,1e16,123.456e-5]',
    ]
    out = [d.encode() for d in docs]
    # Real documents: one small primitive of each of a few objects.
    for name in ("Port", "Network", "QosPolicy", "Agent", "SecurityGroupRule", "Subnet"):
        out.append(compact(env(name, base_data(name))).encode())
    return out


# ---------------------------------------------------------------- values

def canonical_uuid(s):
    try:
        return str(pyuuid.UUID(s)) == s
    except Exception:
        return None      # rejected


def uuid_values():
    """(canonical UUIDs, neighbours uuid.UUID rejects).  fuzz_uuid gets the
    canonical ones only: it also tries the text as an oslo UUID (no check
    at all), where every other text is a bypass."""
    rng = random.Random("uuid")
    canon = [U, "00000000-0000-0000-0000-000000000000",
             "ffffffff-ffff-ffff-ffff-ffffffffffff",
             str(pyuuid.NAMESPACE_DNS), str(pyuuid.uuid3(pyuuid.NAMESPACE_DNS, "example.org")),
             str(pyuuid.uuid5(pyuuid.NAMESPACE_URL, "http://example.org/")),
             "6ba7b811-9dad-11d1-80b4-00c04fd430c8"]
    canon += [str(pyuuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(4)]
    # Neighbours uuid.UUID rejects: a digit short or long, a non-hex
    # character, one group, nothing.
    rejected = [U[:-1], U + "0", U[:9] + "g" + U[10:], U[:8], "", "-", U.replace("-", ":")]
    return canon, rejected


def version_values():
    real = gen_dicts.class_versions()
    canon = sorted({"%d.%d" % (M, m) for M in (1, 2) for m in range(11)} | set(real)
                   | {"0.1", "3.0", "1.99", "10.0"},
                   key=lambda v: tuple(int(p) for p in v.split(".")))
    rejected = ["", ".", "1.", ".1", "x", "1..0", "1.x", "1,0"]
    return real, canon, rejected


def pep440_canonical(s):
    from packaging.version import Version, InvalidVersion
    try:
        Version(s)
    except InvalidVersion:
        return None
    return re.fullmatch(r"[0-9]+\.[0-9]+", s) is not None


def netaddr_values():
    """(IPv6 addresses, networks, MACs, texts every parser rejects).

    fuzz_netaddr tries every text as an address, a network and a MAC, and
    EUI accepts a dotted quad (and one-digit IPv6 groups) as an EUI-64, so
    a bare IPv4 text is a MAC bypass there: IPv4 comes as networks and as
    IPv4-mapped IPv6."""
    v6 = ["::1", "::", "2001:db8::1", "fe80::1", "fd00:1:2::3", "::ffff:10.0.0.1",
          "2001:db8:0:1:1:1:1:1", "ff02::1:ff00:1", "2001:db8:85a3::8a2e:370:7334"]
    nets = ["10.0.0.0/24", "0.0.0.0/0", "10.1.2.3/32", "172.16.0.0/12", "192.168.0.0/16",
            "203.0.113.7/32", "2001:db8::/64", "::/0", "fd00:1::/48", "::1/128", "fe80::/10"]
    macs = ["fa:16:3e:00:00:01", "fa:16:3e:ab:cd:ef", "00:00:00:00:00:00",
            "ff:ff:ff:ff:ff:ff", "52:54:00:12:34:56", "02:00:00:00:00:00"]
    rejected = ["", "1.2.3.4.5", "::g", "10.0.0.0/33", "1:2:3:4:5:6:7:8:9", ":::",
                "gg:16:3e:00:00:01", "fa:16:3e:00:00:01:02:03:04"]
    return v6, nets, macs, rejected


def netaddr_canonical(kind, s):
    import netaddr
    try:
        if kind == "ip":
            return str(netaddr.IPAddress(s)) == s
        if kind == "net":
            net = netaddr.IPNetwork(s)
            return str(net) == s or ("/" not in s and str(net.ip) == s)
        netaddr.EUI(s)
        return re.fullmatch(r"[0-9a-f]{2}(:[0-9a-f]{2}){5}", s) is not None
    except Exception:
        return None


def datetime_values():
    rng = random.Random("datetime")
    fixed = [(2024, 1, 2, 3, 4, 5), (1970, 1, 1, 0, 0, 0), (2000, 2, 29, 23, 59, 59),
             (2038, 1, 19, 3, 14, 7), (9999, 12, 31, 23, 59, 59), (1000, 1, 1, 0, 0, 0),
             (2016, 12, 31, 12, 0, 0)]
    dts = [datetime.datetime(*t) for t in fixed]
    dts += [datetime.datetime(rng.randint(1990, 2040), rng.randint(1, 12), rng.randint(1, 28),
                              rng.randrange(24), rng.randrange(60), rng.randrange(60))
            for _ in range(5)]
    # Exactly what DateTimeField.to_primitive writes.
    canon = [d.strftime("%Y-%m-%dT%H:%M:%S") + "Z" for d in dts]
    # Also canonical for strict mode: microseconds, +00:00.
    canon += ["2024-01-02T03:04:05.123456Z", "2024-01-02T03:04:05+00:00",
              "2024-01-02T03:04:05.000001+00:00"]
    rejected = ["", "2024-13-01T00:00:00Z", "2024-01-02T25:00:00Z", "now", "2024-02-30T00:00:00Z"]
    return canon, rejected


def datetime_canonical(s):
    from oslo_utils import timeutils
    try:
        timeutils.parse_isotime(s)
    except Exception:
        return None
    return re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?(Z|\+00:00)", s) is not None


MISC_DICTS = [
    {}, {"a": 1}, {"key": "value"}, {"n": [1, 2.5, None, True, False, "s"]},
    {"nested": {"deep": {"deeper": {"x": False}}}}, {"list": ["a", {"b": 1}, [2, [3]]]},
    {"": ""}, {"unicode": "\u00e9\u20ac\U0001f600", "esc": "\"quoted\" \\ /\n\t"},
    {"int": -9223372036854775808, "big": 12345678901234567890, "float": 1.5e-07,
     "zero": -0.0, "exp": 1e16},
    {"bandwidth": 1000, "tunneling_ip": "192.0.2.1", "enabled": True},
    {"bridge_mappings": {"physnet1": "br-eth1"}, "tunnel_types": ["vxlan", "gre"],
     "l2_population": False, "devices": 3, "resource_versions": {"Port": "1.7", "Network": "1.1"}},
    {"pci_slot": "0000:05:00.1", "pci_vendor_info": "15b3:1004", "physical_network": "physnet1"},
    {"port_filter": True, "ovs_hybrid_plug": False, "datapath_type": "system",
     "bridge_name": "br-int", "connectivity": "l2"},
    {"migrating_to": "host-2", "capabilities": ["trusted", "switchdev"]},
    {"min_kbps": 1000, "direction": "egress", "max_burst_kbps": 0},
]


def misc_dict_texts():
    out = []
    for d in MISC_DICTS:
        out.append(json.dumps(d))                        # jsonutils.dumps, as Neutron writes
        out.append(json.dumps(d, separators=(",", ":")))
    out.append(json.dumps(MISC_DICTS[10], indent=2, sort_keys=True))
    out.append(" { } ")
    rejected = ["", "{", '{"a":}', "{'a': 1}", '{"a":1} x']
    return out, rejected


# ---------------------------------------------------------------- targets

# target -> function returning its inputs ([bytes]), each in the format
# harnesses/README.md ("Input formats") gives the target.
def seed_sets():
    def valid():
        return [t for _n, t in valid_documents() + version_documents() + field_documents()]

    def primitive():
        return valid() + structural_documents()

    def roundtrip():
        return valid()

    def alloc_fail():
        # One document per object and the top-level edge cases, each with
        # two tail bytes (little-endian: bits 0-14 pick the allocation
        # that fails, bit 15 fails every later one too).
        seen, docs = set(), []
        for name, text in valid_documents():
            if name not in seen:
                seen.add(name)
                docs.append(text)
        docs += top_level_documents()
        rng = random.Random("alloc_fail")
        out = []
        for d in docs:
            for n in (0, rng.randrange(1, 64)):
                persist = rng.random() < 0.5
                out.append(d + (n | (persist << 15)).to_bytes(2, "little"))
        return out

    def uuid():
        canon, _rejected = uuid_values()
        return [s.encode() for s in canon]

    def version():
        # One, two or three NUL-separated texts: the first is also the
        # envelope version of PortBindingLevel (1.1).
        real, canon, rejected = version_values()
        out = [v.encode() for v in canon + rejected]
        out += [("%s\0%s" % (a, b)).encode() for a in real for b in real]
        rng = random.Random("version")
        for _ in range(24):
            out.append("\0".join(rng.choice(canon) for _ in range(3)).encode())
        return out

    def netaddr():
        v6, nets, macs, rejected = netaddr_values()
        return [s.encode() for s in v6 + nets + macs + rejected]

    def dt():
        canon, rejected = datetime_values()
        return [s.encode() for s in canon + rejected]

    def misc():
        texts, rejected = misc_dict_texts()
        return [s.encode() for s in texts + rejected]

    return {
        "fuzz_primitive": primitive,
        "fuzz_roundtrip": roundtrip,
        "fuzz_port": port_payloads,
        "fuzz_port_binding": binding_inputs,
        "fuzz_alloc_fail": alloc_fail,
        "fuzz_json": json_documents,
        "fuzz_uuid": uuid,
        "fuzz_version": version,
        "fuzz_netaddr": netaddr,
        "fuzz_datetime": dt,
        "fuzz_misc_dict": misc,
    }


# Targets whose input is exactly one JSON document (ovo-check takes it as is).
JSON_TARGETS = ("fuzz_primitive", "fuzz_roundtrip", "fuzz_json")


# ---------------------------------------------------------------- checks

def check_values():
    """Every value seed is rejected by the reference or canonical: none is a
    bypass spelling.  Returns a list of problems."""
    bad = []
    canon, rejected = uuid_values()
    for s in canon:
        if canonical_uuid(s) is not True:
            bad.append("uuid seed %r is not canonical" % s)
    for s in rejected:
        if canonical_uuid(s) is not None:
            bad.append("uuid neighbour %r is accepted by uuid.UUID" % s)
    _real, canon, rejected = version_values()
    for s in canon:
        if pep440_canonical(s) is not True:
            bad.append("version seed %r is not MAJOR.MINOR" % s)
    for s in rejected:
        if pep440_canonical(s) is not None:
            bad.append("version neighbour %r is valid PEP 440" % s)
    # fuzz_netaddr tries every text with every parser: each one must
    # reject a seed or hold it in canonical form.
    v6, nets, macs, rejected = netaddr_values()
    for kind, vals in (("ip", v6), ("net", nets), ("mac", macs)):
        for s in vals:
            if netaddr_canonical(kind, s) is not True:
                bad.append("%s seed %r is not canonical" % (kind, s))
            for other in ("ip", "net", "mac"):
                if netaddr_canonical(other, s) is False:
                    bad.append("%s seed %r is a non-canonical %s" % (kind, s, other))
    for s in rejected:
        for kind in ("ip", "net", "mac"):
            if netaddr_canonical(kind, s) is not None:
                bad.append("address neighbour %r is accepted as %s" % (s, kind))
    canon, rejected = datetime_values()
    for s in canon:
        if datetime_canonical(s) is not True:
            bad.append("datetime seed %r is not canonical" % s)
    for s in rejected:
        if datetime_canonical(s) is not None:
            bad.append("datetime neighbour %r is accepted" % s)
    texts, rejected = misc_dict_texts()
    for s in texts:
        if not isinstance(json.loads(s), dict):
            bad.append("misc dict seed %r is not a dict" % s)
    for s in rejected:
        try:
            json.loads(s)
            bad.append("misc dict neighbour %r decodes" % s)
        except ValueError:
            pass
    return bad


def outcome_summary(inputs):
    """{summary: count} of the reference's outcomes for JSON documents."""
    import oracle
    counts = collections.Counter()
    for data in inputs:
        line = json.loads(oracle.line_for(data))
        if line["outcome"] == "reject":
            key = "reject %s" % line["error"]
        elif line["outcome"] == "json_error":
            key = "json_error %s" % line["reason"]
        elif "to_primitive_error" in line:
            key = "accept, to_primitive %s" % line["to_primitive_error"]
        else:
            key = line["outcome"]
        counts[key] += 1
    return counts


# ---------------------------------------------------------------- writing

def generate(target):
    """The full seed set of a target: {sha1: bytes}."""
    return {sha1(b): b for b in seed_sets()[target]()}


def write_dir(path, seeds):
    """Make path hold exactly the given seeds."""
    os.makedirs(path, exist_ok=True)
    for f in os.listdir(path):
        if f not in seeds:
            os.remove(os.path.join(path, f))
    for name, data in sorted(seeds.items()):
        p = os.path.join(path, name)
        if not os.path.exists(p):
            with open(p, "wb") as fh:
                fh.write(data)


def dir_stats(path):
    files = [os.path.join(path, f) for f in os.listdir(path)] if os.path.isdir(path) else []
    return len(files), sum(os.path.getsize(f) for f in files)


def human(n):
    return "%.1f KB" % (n / 1024.0) if n >= 1024 else "%d B" % n


# ---------------------------------------------------------------- merge

def target_binary(build, target):
    for p in (os.path.join(build, "harnesses", target), os.path.join(build, target)):
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    return None


def ensure_build(build, preset, targets):
    """Configure and build the preset when a target binary is missing."""
    missing = [t for t in targets if not target_binary(build, t)]
    if not missing:
        return
    if os.path.normpath(build) != os.path.join(TOP, "build", preset):
        sys.exit("gen-seeds: %s has no %s; build it first" % (build, ", ".join(missing)))
    for cmd in (["cmake", "--preset", preset],
                ["cmake", "--build", "--preset", preset, "--target"] + missing):
        print("+ " + " ".join(cmd), flush=True)
        if subprocess.call(cmd, cwd=TOP, stdout=subprocess.DEVNULL) != 0:
            sys.exit("gen-seeds: %s failed" % " ".join(cmd))
    still = [t for t in targets if not target_binary(build, t)]
    if still:
        sys.exit("gen-seeds: the %s build has no %s" % (preset, ", ".join(still)))


def harness_env():
    e = dict(os.environ)
    for k in ("OVO_ABORT_ON", "OVO_FINDINGS_DIR", "OVO_FUZZ_VERBOSE"):
        e.pop(k, None)
    return e


def merge(build, target, seeds):
    """libFuzzer -merge=1 of the seeds into a fresh directory: the subset
    that covers everything the whole set covers.  Returns {sha1: bytes}."""
    binary = target_binary(build, target)
    tmp = tempfile.mkdtemp(prefix="gen-seeds.")
    try:
        src, dst = os.path.join(tmp, "in"), os.path.join(tmp, "out")
        write_dir(src, seeds)
        os.makedirs(dst)
        cmd = [binary, "-merge=1", "-timeout=25", "-rss_limit_mb=2560",
               "-max_len=%d" % max(len(b) for b in seeds.values()), dst, src]
        print("+ " + " ".join(os.path.relpath(c, TOP) if c.startswith(TOP) else c
                              for c in cmd[:-2]) + " OUT IN", flush=True)
        res = subprocess.run(cmd, env=harness_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, cwd=tmp)
        if res.returncode != 0:
            sys.stderr.write(res.stdout.decode("utf-8", "replace")[-4000:])
            sys.exit("gen-seeds: merge of %s failed (exit %d)" % (target, res.returncode))
        kept = {}
        for f in os.listdir(dst):
            with open(os.path.join(dst, f), "rb") as fh:
                data = fh.read()
            if sha1(data) not in seeds:
                sys.exit("gen-seeds: merge of %s produced an input that is not a seed" % target)
            kept[sha1(data)] = data
        return kept
    finally:
        shutil.rmtree(tmp)


# ---------------------------------------------------------------- verify

# Targets whose input is one raw text: a dictionary token is an input there
# by itself, and must not be a bypass spelling on its own.
TEXT_TARGETS = ("fuzz_uuid", "fuzz_version", "fuzz_netaddr", "fuzz_datetime", "fuzz_misc_dict")
# What any text but a canonical UUID is in fuzz_uuid, which also tries the
# text as an oslo UUID (no check at all).
INHERENT = {"fuzz_uuid": {"bypass:bypass.uuid.unchecked",
                          "bypass:bypass.string.nul+bypass.uuid.unchecked"}}


def verify_tokens(build, targets):
    """Every dictionary token of a raw-text target, run as the whole input:
    only single characters (digits, separators: pieces no dictionary can
    do without) may be a bypass by themselves."""
    problems = []
    for t in targets:
        binary = target_binary(build, t)
        if t not in TEXT_TARGETS or binary is None:
            continue
        with open(os.path.join(DICTS, t + ".dict")) as fh:
            tokens = gen_dicts.parse_dict(fh.read())
        tmp = tempfile.mkdtemp(prefix="gen-seeds.")
        try:
            for i, tok in enumerate(tokens):
                with open(os.path.join(tmp, "%04d" % i), "wb") as fh:
                    fh.write(tok)
            res = subprocess.run([binary, "-print_findings", tmp], env=harness_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        finally:
            shutil.rmtree(tmp)
        bad = 0
        for line in res.stdout.decode("utf-8", "replace").splitlines():
            path, _tab, found = line.partition("\t")
            tok = tokens[int(os.path.basename(path))]
            sigs = {x for x in found.split() if x.startswith("bypass:")} - INHERENT.get(t, set())
            if sigs and len(tok.decode("utf-8", "replace")) > 1:
                problems.append("%s.dict: token %r alone records %s" % (t, tok, " ".join(sorted(sigs))))
                bad += 1
        print("%-18s %4d dictionary tokens: %s" % (
            t, len(tokens), "none is a bypass by itself" if not bad else "%d bypasses" % bad),
            flush=True)
    return problems


def verify(build, targets, ovo_check):
    """Replay every committed seed through the targets of a replay build
    with -print_findings: every seed must run cleanly and none may record a
    bypass (crash.* findings of the structural edge cases are expected).
    The whole-document seeds also go through ovo-check --mode strict."""
    problems = []
    for t in targets:
        d = os.path.join(SEEDS, t)
        binary = target_binary(build, t)
        if binary is None:
            problems.append("%s: no binary in %s" % (t, build))
            continue
        res = subprocess.run([binary, "-print_findings", d], env=harness_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sigs = collections.Counter()
        for line in res.stdout.decode("utf-8", "replace").splitlines():
            path, _tab, found = line.partition("\t")
            for sig in found.split():
                if sig == "-":
                    continue
                sigs[sig] += 1
                if sig.startswith("bypass:"):
                    problems.append("%s/%s records %s" % (t, os.path.basename(path), sig))
        n = len(os.listdir(d))
        print("%-18s %5d seeds replayed: %s; findings: %s" % (
            t, n, "ok" if res.returncode == 0 else "exit %d" % res.returncode,
            ", ".join("%s %d" % kv for kv in sorted(sigs.items())) or "none"), flush=True)
        if res.returncode != 0:
            problems.append("%s: replay failed (exit %d):\n%s" % (
                t, res.returncode, res.stderr.decode("utf-8", "replace")[-3000:]))
    problems += verify_tokens(build, targets)
    if ovo_check:
        for t in targets:
            if t not in JSON_TARGETS:
                continue
            d = os.path.join(SEEDS, t)
            files = sorted(os.listdir(d))
            out = subprocess.run([ovo_check, "--mode", "strict", d],
                                 stdout=subprocess.PIPE, check=True).stdout.decode()
            bypasses = collections.Counter()
            for name, line in zip(files, out.splitlines()):
                v = json.loads(line).get("violations", [])
                if any(r.startswith("bypass.") for r in v):
                    bypasses["+".join(v)] += 1
                    problems.append("%s/%s is a bypass: %s" % (t, name, "+".join(v)))
            print("%-18s ovo-check --mode strict: %s" % (
                t, "no bypass" if not bypasses else dict(bypasses)), flush=True)
    return problems


# ---------------------------------------------------------------- main

USAGE = """usage: gen-seeds [--target T]... [--merge | --dicts | --check | --verify] [--build DIR]
  (no option)  write corpus/seeds/<target>/ (the full sets) and dictionaries/
  --dicts      write dictionaries/<target>.dict and .options only
  --merge      write, then keep only coverage-increasing seeds (libFuzzer
               -merge=1; --build defaults to build/libfuzzer, built when missing)
  --check      fail if dictionaries/ is stale or a committed seed is not one
               the generator makes
  --verify     replay the committed seeds through a build's targets (--build
               defaults to build/default): no seed, and no dictionary token of
               a raw-text target, may record a bypass; ovo-check agrees
  --no-report  skip the reference's outcome summary"""


def main(argv):
    targets, mode, build, report = [], "write", None, True
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(USAGE)
            return 0
        if a == "--target" and i + 1 < len(argv):
            targets.append(argv[i + 1])
            i += 1
        elif a == "--build" and i + 1 < len(argv):
            build = os.path.abspath(argv[i + 1])
            i += 1
        elif a in ("--merge", "--check", "--verify", "--dicts"):
            mode = a[2:]
        elif a == "--no-report":
            report = False
        else:
            sys.exit(USAGE)
        i += 1
    known = sorted(seed_sets())
    unknown = set(targets) - set(known)
    if unknown:
        sys.exit("gen-seeds: unknown target %s (targets: %s)" % (
            ", ".join(sorted(unknown)), " ".join(known)))
    targets = sorted(targets) or known

    if mode == "verify":
        build = build or os.path.join(TOP, "build", "default")
        ensure_build(build, os.path.basename(build), targets)
        ovo_check = os.path.join(build, "ovo-check")
        problems = verify(build, targets, ovo_check if os.path.exists(ovo_check) else None)
        for p in problems:
            print("gen-seeds: " + p, file=sys.stderr)
        return 1 if problems else 0

    bad = check_values()
    if bad:
        for b in bad:
            print("gen-seeds: " + b, file=sys.stderr)
        return 1

    if mode == "check":
        problems = []
        tmp = tempfile.mkdtemp(prefix="gen-dicts.")
        try:
            gen_dicts.generate(tmp, targets)
            for t in targets:
                for ext in (".dict", ".options"):
                    mine = os.path.join(DICTS, t + ext)
                    with open(os.path.join(tmp, t + ext), "rb") as a:
                        new = a.read()
                    if not os.path.exists(mine) or open(mine, "rb").read() != new:
                        problems.append("dictionaries/%s%s is stale" % (t, ext))
        finally:
            shutil.rmtree(tmp)
        limits = gen_dicts.max_lens()
        for t in targets:
            full = generate(t)
            d = os.path.join(SEEDS, t)
            if not os.path.isdir(d) or not os.listdir(d):
                problems.append("corpus/seeds/%s is empty" % t)
                continue
            for f in sorted(os.listdir(d)):
                with open(os.path.join(d, f), "rb") as fh:
                    data = fh.read()
                if sha1(data) != f:
                    problems.append("corpus/seeds/%s/%s: name is not the SHA-1 of the content" % (t, f))
                elif f not in full:
                    problems.append("corpus/seeds/%s/%s: not a seed the generator makes" % (t, f))
                if len(data) > limits[t]:
                    problems.append("corpus/seeds/%s/%s: %d bytes, over max_len %d"
                                    % (t, f, len(data), limits[t]))
        for p in problems:
            print("gen-seeds: " + p, file=sys.stderr)
        if not problems:
            print("gen-seeds: seeds and dictionaries are current (%s)" % " ".join(targets))
        return 1 if problems else 0

    if mode == "dicts":
        for t, (count, size, max_len) in sorted(gen_dicts.generate(DICTS, targets).items()):
            print("%-18s %4d tokens %7s  max_len %d" % (t, count, human(size), max_len))
        return 0

    # write (and merge)
    if mode == "merge":
        build = build or os.path.join(TOP, "build", "libfuzzer")
        ensure_build(build, os.path.basename(build), targets)
    rep = gen_dicts.generate(DICTS, targets)
    print("%-18s %6s %9s %6s %9s  %s" % ("target", "seeds", "bytes", "kept", "bytes",
                                          "dictionary"))
    for t in targets:
        seeds = generate(t)
        n_all, b_all = len(seeds), sum(len(b) for b in seeds.values())
        if mode == "merge":
            seeds = merge(build, t, seeds)
        write_dir(os.path.join(SEEDS, t), seeds)
        n, b = dir_stats(os.path.join(SEEDS, t))
        print("%-18s %6d %9s %6s %9s  %d tokens, max_len %d" % (
            t, n_all, human(b_all), n if mode == "merge" else "-",
            human(b) if mode == "merge" else "-", rep[t][0], rep[t][2]), flush=True)
    if report:
        import oracle
        oracle.setup()
        print("\nreference outcomes of the document seeds:")
        for t in targets:
            if t in JSON_TARGETS:
                d = os.path.join(SEEDS, t)
                data = [open(os.path.join(d, f), "rb").read() for f in sorted(os.listdir(d))]
                counts = outcome_summary(data)
                print("  %-18s %s" % (t, ", ".join("%s %d" % kv for kv in sorted(
                    counts.items(), key=lambda kv: (-kv[1], kv[0])))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
