"""Valid primitives of real Neutron objects, built by the reference itself.

Each object is constructed in Python with values of the right type for every
field (netaddr values for address fields, datetimes, real instances of the
target class for object fields) and serialised with obj_to_primitive(), so a
primitive here is exactly what Neutron puts on the wire.  Shared by the
conformance vector generator and the seed generator:

    valid_primitives(seed) -> [(object_name, json_text), ...]

Deterministic for a given seed, whatever PYTHONHASHSEED is: the two places
where obj_to_primitive follows set iteration order (`versioned_object.changes`
and set fields) are sorted.  Run with /usr/bin/python3.
"""
import datetime
import json
import random
import uuid

import reference

_REGISTRY = None
_KINDS = {}          # (object name, field name) -> type_desc


def registry():
    """{name: class} of every registered Neutron object (one class each)."""
    global _REGISTRY
    if _REGISTRY is None:
        import export_schema
        _base, reg = reference.load_registry()
        _REGISTRY = {}
        for name in sorted(reg):
            cls = reg[name][0]
            _REGISTRY[name] = cls
            for fname, field in cls.fields.items():
                _KINDS[(name, fname)] = export_schema.type_desc(field._type)
    return _REGISTRY


def kind(obj_name, field_name):
    registry()
    return _KINDS[(obj_name, field_name)]


def fields_of(obj_name):
    """[(field name, Field, type_desc)] in cls.fields order."""
    cls = registry()[obj_name]
    return [(n, f, _KINDS[(obj_name, n)]) for n, f in cls.fields.items()]


def has_default(field):
    from oslo_versionedobjects import fields as F
    return field._default is not F.UnspecifiedDefault


def concrete_classes(obj_name, subclasses):
    """Names of registered classes an ObjectField(obj_name) accepts."""
    if not subclasses:
        return [obj_name]
    return [n for n, c in registry().items()
            if obj_name in [p.obj_name() for p in c.mro()
                            if hasattr(p, "obj_name")]]


# ---------------------------------------------------------------- values

_WORDS = ["net0", "private", "public-net", "router1", "tenant-a", "compute-1",
          "ovs", "linuxbridge", "physnet1", "default", "ext", "web-sg",
          "Ünïcödé", "with space", "x" * 40, "dhcp_agent", "", "a"]
_DOMAINS = ["example.org.", "host-1.example.com.", "vm1", "a.b.c.d.e.", "",
            "my-port.openstack.internal."]
_MISC = [{}, {"a": 1}, {"key": "value", "n": [1, 2.5, None, True]},
         {"nested": {"deep": {"x": False}}, "list": ["a", {"b": 1}]},
         {"bandwidth": 1000, "tunneling_ip": "192.0.2.1", "enabled": True},
         {"migrating_to": "host-2", "capabilities": ["trusted"]},
         {"ovs_hybrid_plug": False, "port_filter": True, "datapath_type": "system"}]


class Values:
    """Field values of the right Python type, drawn from one Random."""

    def __init__(self, rng, max_depth=2):
        self.rng = rng
        self.max_depth = max_depth

    def uuid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def string(self):
        r = self.rng.random()
        if r < 0.3:
            return self.uuid().replace("-", "")
        if r < 0.4:
            return "%s-%d" % (self.rng.choice(_WORDS), self.rng.randrange(100))
        return self.rng.choice(_WORDS)

    def datetime(self):
        r = self.rng
        return datetime.datetime(r.randint(2000, 2030), r.randint(1, 12),
                                 r.randint(1, 28), r.randrange(24),
                                 r.randrange(60), r.randrange(60))

    def ip(self, version):
        import netaddr
        if version == 0:
            version = self.rng.choice((4, 6))
        if version == 4:
            return netaddr.IPAddress(self.rng.choice(
                ["10.0.0.%d" % self.rng.randrange(1, 255),
                 "192.168.%d.1" % self.rng.randrange(256),
                 "172.24.4.%d" % self.rng.randrange(256), "203.0.113.7"]))
        return netaddr.IPAddress(self.rng.choice(
            ["2001:db8::%x" % self.rng.randrange(1, 65536), "fe80::1",
             "fd00:1:2::%x" % self.rng.randrange(65536), "::ffff:10.0.0.1"]))

    def network(self):
        import netaddr
        return netaddr.IPNetwork(self.rng.choice(
            ["10.0.0.0/24", "192.168.%d.0/24" % self.rng.randrange(256),
             "0.0.0.0/0", "2001:db8::/64", "fd00:%x::/48" % self.rng.randrange(65536),
             "172.16.0.0/12", "::/0", "10.1.2.3/32"]))

    def mac(self):
        import netaddr
        return netaddr.EUI("fa:16:3e:%02x:%02x:%02x" % tuple(
            self.rng.randrange(256) for _ in range(3)))

    def value(self, k, depth):
        """A value for a field of type_desc k."""
        r = self.rng
        t = k["kind"]
        if t in ("uuid", "oslo_uuid"):
            return self.uuid()
        if t == "string":
            return self.string()
        if t == "domain_name":
            return r.choice(_DOMAINS)
        if t == "integer":
            return r.choice([0, 1, r.randrange(10000), r.randrange(2**31),
                             -r.randrange(1, 100)])
        if t == "boolean":
            return r.random() < 0.5
        if t == "datetime":
            return self.datetime()
        if t in ("enum", "int_enum"):
            vals = k["values"]
            v = r.choice(vals)
            return v["int"] if isinstance(v, dict) else v
        if t == "int_range":
            return r.choice([k["min"], k["max"], r.randint(k["min"], k["max"])])
        if t == "ip_address":
            return self.ip(k["version"])
        if t in ("ip_network", "oslo_ip_network"):
            return self.network()
        if t == "mac_address":
            return self.mac()
        if t == "misc_dict":
            return json.loads(json.dumps(r.choice(_MISC)))
        if t == "port_ranges":
            a = r.randint(1, 65000)
            return r.choice([a, str(a), "%d:%d" % (a, a + r.randrange(500))])
        if t == "field":
            return self.value(k["field"]["type"], depth)
        if t == "list":
            n = r.randrange(1, 4) if k["element"]["type"]["kind"] != "object" \
                else r.randrange(1, 3)
            return [self.value(k["element"]["type"], depth) for _ in range(n)]
        if t == "set":
            return {self.uuid() for _ in range(r.randrange(1, 4))}
        if t == "object":
            name = r.choice(concrete_classes(k["obj_name"], k["subclasses"]))
            return self.instance(name, depth + 1, "full")
        raise ValueError("no value for kind %s" % t)

    def instance(self, name, depth=0, variant="full"):
        """A real instance of the named class.

        variant: "minimal" sets only non-nullable fields without a default;
        "full" sets every field; "nulls" is full with every nullable field
        None.  Object-valued fields are filled up to max_depth, else left
        unset (or None when nullable and the variant asks for nulls)."""
        cls = registry()[name]
        kw = {}
        for fname, field, k in fields_of(name):
            required = not field.nullable and not has_default(field)
            if variant == "minimal" and not required:
                continue
            if variant == "nulls" and field.nullable:
                kw[fname] = None
                continue
            nested = k["kind"] == "object" or (
                k["kind"] == "list" and k["element"]["type"]["kind"] == "object")
            if nested and depth >= self.max_depth:
                if k["kind"] == "list" and not field.nullable:
                    kw[fname] = []
                continue
            if variant == "sparse" and self.rng.random() < 0.5:
                continue
            kw[fname] = self.value(k, depth)
        return cls(**kw)


# ---------------------------------------------------------------- primitives

def normalise(prim):
    """Sort what obj_to_primitive emits in set iteration order."""
    if not isinstance(prim, dict) or "versioned_object.name" not in prim:
        return prim
    if "versioned_object.changes" in prim:
        prim["versioned_object.changes"] = sorted(prim["versioned_object.changes"])
    name = prim["versioned_object.name"]
    data = prim["versioned_object.data"]
    for fname, value in data.items():
        k = kind(name, fname)
        if k["kind"] == "set" and value is not None:
            data[fname] = sorted(value)
        elif k["kind"] == "object":
            normalise(value)
        elif k["kind"] == "list" and value is not None:
            for x in value:
                normalise(x)
    return prim


def to_json(obj):
    return json.dumps(normalise(obj.obj_to_primitive()))


def _set_changes(obj, rng, how):
    """how: "all" keeps every constructor assignment as a change, "none"
    resets them, "some" keeps a random subset."""
    if how == "none":
        obj.obj_reset_changes(recursive=True)
    elif how == "some":
        keep = [f for f in sorted(obj.obj_what_changed()) if rng.random() < 0.5]
        obj.obj_reset_changes(recursive=True)
        for f in keep:
            obj._changed_fields.add(f)


VARIANTS = [  # (instance variant, nested depth, changes)
    ("minimal", 0, "none"),
    ("minimal", 0, "all"),
    ("full", 0, "none"),
    ("full", 2, "all"),
    ("nulls", 1, "some"),
    ("sparse", 1, "some"),
    ("full", 1, "some"),
]


def instances(seed):
    """[(variant label, object)] for every registered class and variant."""
    rng = random.Random(seed)
    out = []
    for name in registry():
        for variant, depth, changes in VARIANTS:
            vals = Values(rng, max_depth=depth)
            obj = vals.instance(name, 0, variant)
            _set_changes(obj, rng, changes)
            out.append(("%s/%d/%s" % (variant, depth, changes), obj))
    return out


def valid_primitives(seed=0):
    """[(object name, json text)]: several valid primitives per registered
    object, each distinct."""
    out, seen = [], set()
    for _label, obj in instances(seed):
        text = to_json(obj)
        if text not in seen:
            seen.add(text)
            out.append((obj.obj_name(), text))
    return out


if __name__ == "__main__":
    import sys
    for name, text in valid_primitives(int(sys.argv[1]) if len(sys.argv) > 1 else 0):
        print(text)
