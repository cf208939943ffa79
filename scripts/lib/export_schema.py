"""Write the reference's Neutron catalogue as JSON on stdout.

Every registered object, every field in `cls.fields` order (the order
`_obj_from_primitive` walks), the field class, the type with its parameters,
nullability, the default, the enum values and the container that holds them
(tuple, list or set: `value in valid_values` behaves differently), and the
MRO names an ObjectField(subclasses=True) accepts.  Unknown field types abort
the export: libovo must model every type the catalogue uses.

Per class it also records `init_units`: the recursion units `cls()` takes
above the frame that calls it (_obj_from_primitive).  The __init__ chain
differs per class (NeutronObject, NeutronDbObject, Subnet's own __init__)
and obj_set_defaults deep-copies and coerces every default, so the depth is
measured, not derived: cls() runs under recursion limits set at a known
depth (docs/recursion.md).
"""
import copy
import json
import sys

import reference

from oslo_versionedobjects import fields as F
from neutron_lib.objects import common_types as CT
from neutron_lib.objects.logapi import event_types as ET


def _scalar(v):
    """A default or enum value as JSON, with its Python type kept."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {"int": v}
    if isinstance(v, (list, tuple, set, dict, float)):
        raise SystemExit("unexpected default value %r" % (v,))
    raise SystemExit("unexpected value %r" % (v,))


def _values(vals):
    return {"container": type(vals).__name__,
            "values": [_scalar(v) for v in vals]}


def type_desc(t):
    """Describe a FieldType instance (or DictOfMiscValues, a class)."""
    if t is CT.DictOfMiscValues:
        return {"kind": "misc_dict"}
    if isinstance(t, F.Field):
        # ListOfDictOfMiscValuesField is List(DictOfMiscValuesField()): the
        # element's "type" is itself a Field, so null handling runs twice.
        return {"kind": "field", "field": field_desc(t)}
    # Order matters: subclasses before their bases.
    if isinstance(t, CT.UUID):
        return {"kind": "uuid"}
    if isinstance(t, F.UUID):
        return {"kind": "oslo_uuid"}
    if isinstance(t, CT.DomainName):
        return {"kind": "domain_name", "max_len": 255}
    if isinstance(t, ET.SecurityEvent):
        return dict(kind="enum", **_values(t._valid_values))
    if isinstance(t, F.Enum):
        return dict(kind="enum", **_values(t._valid_values))
    if isinstance(t, F.String) and type(t) is F.String:
        return {"kind": "string"}
    if isinstance(t, CT.IntegerEnum):
        return dict(kind="int_enum", **_values(t._valid_values))
    if isinstance(t, CT.RangeConstrainedInteger):
        return {"kind": "int_range", "min": t._start, "max": t._end}
    if type(t) is F.Integer:
        return {"kind": "integer"}
    if type(t) is F.Boolean:
        return {"kind": "boolean"}
    if type(t) is F.DateTime:
        return {"kind": "datetime", "tzinfo_aware": bool(t.tzinfo_aware)}
    if type(t) is F.IPAddress:
        return {"kind": "ip_address", "version": 0}
    if type(t) is F.IPV4Address:
        return {"kind": "ip_address", "version": 4}
    if type(t) is F.IPV6Address:
        return {"kind": "ip_address", "version": 6}
    if type(t) is F.IPNetwork:
        return {"kind": "oslo_ip_network"}
    if isinstance(t, CT.IPNetwork):
        return {"kind": "ip_network"}
    if isinstance(t, CT.MACAddress):
        return {"kind": "mac_address"}
    if isinstance(t, CT.PortRanges):
        return {"kind": "port_ranges", "min": 1, "max": 65535}
    if type(t) is F.List:
        return {"kind": "list", "element": field_desc(t._element_type)}
    if type(t) is F.Set:
        return {"kind": "set", "element": field_desc(t._element_type)}
    if type(t) is F.Object:
        return {"kind": "object", "obj_name": t._obj_name,
                "subclasses": bool(t._subclasses)}
    raise SystemExit("unmodelled field type %r" % (t,))


def field_desc(field, name=None):
    d = {}
    if name is not None:
        d["name"] = name
    d["class"] = type(field).__name__
    d["nullable"] = bool(field.nullable)
    if field._default is not F.UnspecifiedDefault:
        d["default"] = {"value": _scalar(field._default)}
    if field.read_only:
        raise SystemExit("read_only fields are not modelled: %s" % name)
    d["type"] = type_desc(field._type)
    return d


def _stack_depth():
    f, n = sys._getframe(1), 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


def _call(fn):
    return fn()


def units_needed(fn, warm=20, most=64):
    """The recursion units fn() takes above its caller's frame: the
    smallest k such that fn() completes when the limit leaves k units above
    the frame calling it.  Every failure below k must be RecursionError
    (libovo models such a call by its depth alone)."""
    for _ in range(warm):  # specialize the call sites, as a warm process has
        fn()
    for k in range(1, most):
        base = _stack_depth()      # this frame; _call runs at base + 1
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(base + 1 + k)
        try:
            _call(fn)
            done = True
        except RecursionError:
            done = False
        finally:
            sys.setrecursionlimit(old)
        if done:
            return k
    raise SystemExit("%r needs more than %d units" % (fn, most))


def check_defaults(cls):
    """libovo stores defaults as exported: coercing a copy of each one
    (what obj_set_defaults sets) must give back an equal value of the same
    type."""
    obj = cls()
    for name, field in cls.fields.items():
        if field._default is F.UnspecifiedDefault:
            continue
        v = field.coerce(obj, name, copy.deepcopy(field._default))
        if type(v) is not type(field._default) or v != field._default:
            raise SystemExit("%s.%s: the default coerces to %r" % (cls.__name__, name, v))


def mro_names(cls):
    # oslo_versionedobjects/fields.py Object._get_all_obj_names
    return [p.obj_name() for p in cls.mro() if hasattr(p, "obj_name")]


def main():
    reference.check_pins()
    base, registry = reference.load_registry()
    objects = []
    for name in sorted(registry):
        classes = registry[name]
        if len(classes) != 1:
            raise SystemExit("%s: %d registered versions" % (name, len(classes)))
        cls = classes[0]
        check_defaults(cls)
        objects.append({
            "name": name,
            "version": cls.VERSION,
            "init_units": units_needed(cls),
            "mro": mro_names(cls),
            "fields": [field_desc(f, n) for n, f in cls.fields.items()],
        })
    doc = {
        "reference": reference.PINS,
        "namespace": base.OBJ_PROJECT_NAMESPACE,
        "serial_namespace": base.OBJ_SERIAL_NAMESPACE,
        "objects": objects,
    }
    json.dump(doc, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
