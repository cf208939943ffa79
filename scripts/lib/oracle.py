"""The reference oracle: outcome lines (OUTCOME.md) from the real reference.

Each input's bytes go through strict UTF-8 decoding, Python's json.loads and
NeutronObject.obj_from_primitive; an accepted object is rendered together with
obj_to_primitive().  Run with /usr/bin/python3 (Debian's python3-neutron).

Three normalisations, documented in docs/outcome.md:
- The stack budget.  CPython raises RecursionError when the frames in use
  reach the recursion limit (1000), so a threshold depends on how deep the
  caller already is.  The oracle gives every input the same budget: the
  limit is set so that the JSON layer accepts exactly 997 levels of nesting,
  and obj_from_primitive and obj_to_primitive start from that same depth.
- `versioned_object.changes` in a primitive is list(set): its order follows
  the per-process string hash, so the oracle sorts it.
- Warm-up.  CPython 3.11 charges a recursion unit for a C function call on
  the generic call path but not once the call site is specialized, so near
  a RecursionError threshold the first evaluations in a process can differ
  from later ones.  setup() evaluates the valid primitives of every object
  a few times first, as a long-running service would have.
"""
import json
import signal
import sys

import reference

OBJ_CLASSES = None
NEUTRON_OBJECT = None
EXPECTED_BASES = ()
TYPE_KINDS = {}

# The frames an evaluation may use, counted from the frame that calls
# json.loads and obj_from_primitive: with json.loads -> decode -> raw_decode
# above it, the JSON layer accepts exactly 997 nested containers and fails
# at 998 (OUTCOME.md).  A smaller budget moves every RecursionError
# threshold; scripts/calibrate-frames uses that to check libovo's model.
DEFAULT_BUDGET = 1001


class Timeout(BaseException):
    """Raised by the alarm; a BaseException so `except Exception` in the
    reference (DictOfMiscValues.coerce) cannot swallow it."""


def _on_alarm(signum, frame):
    raise Timeout()


def setup():
    global OBJ_CLASSES, NEUTRON_OBJECT, EXPECTED_BASES
    reference.check_pins()
    NEUTRON_OBJECT, OBJ_CLASSES = reference.load_registry()
    from oslo_versionedobjects import exception as ovo_exc
    from neutron_lib import exceptions as nl_exc
    EXPECTED_BASES = (ValueError, ovo_exc.VersionedObjectsException,
                      nl_exc.NeutronException)
    import export_schema
    for name, classes in OBJ_CLASSES.items():
        for fname, field in classes[0].fields.items():
            TYPE_KINDS[(name, fname)] = export_schema.type_desc(field._type)
    signal.signal(signal.SIGALRM, _on_alarm)
    _warm_up()


WARM_UP_ROUNDS = 3


def _warm_up():
    import primitives
    texts = [t.encode() for _name, t in primitives.valid_primitives(0)]
    for _ in range(WARM_UP_ROUNDS):
        for t in texts:
            line_for(t)


def _stack_depth():
    f, n = sys._getframe(1), 0
    while f is not None:
        n += 1
        f = f.f_back
    return n


# ---------------------------------------------------------------- rendering

def dumps(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=True, allow_nan=False)


def render(v):
    import datetime
    import netaddr
    from oslo_versionedobjects import base as ovo_base
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        if -2**63 <= v < 2**63:
            return v
        return {"$int": str(v)}
    if isinstance(v, float):
        return {"$float": repr(v)}
    if isinstance(v, ovo_base.VersionedObject):
        return {"$obj": render_object(v)}
    if isinstance(v, datetime.datetime):
        return {"$datetime": v.isoformat()}
    if isinstance(v, netaddr.IPNetwork):
        return {"$ipnet": str(v), "ip": str(v.ip), "prefixlen": v.prefixlen,
                "v": v.version}
    if isinstance(v, netaddr.IPAddress):
        return {"$ip": str(v), "v": v.version}
    if isinstance(v, netaddr.EUI):
        return {"$mac": str(v), "hex": "%x" % int(v), "bits": v.version}
    if isinstance(v, (set, frozenset)):
        return {"$set": sorted((render(x) for x in v), key=dumps)}
    if isinstance(v, tuple):
        return {"$tuple": sorted((render(x) for x in v), key=dumps)}
    if isinstance(v, list):
        return [render(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError("non-str key %r" % (k,))
            out["$" + k if k.startswith("$") else k] = render(x)
        return out
    raise TypeError("oracle cannot render %s" % type(v).__name__)


def _holds_promised_type(kind, value, obj_names=None):
    import datetime
    import netaddr
    k = kind["kind"]
    if k in ("uuid", "string", "enum", "domain_name"):
        return isinstance(value, str)
    if k in ("integer", "int_range", "int_enum"):
        return isinstance(value, int) and not isinstance(value, bool)
    if k == "port_ranges":
        return isinstance(value, (int, str)) and not isinstance(value, bool)
    if k == "boolean":
        return isinstance(value, bool)
    if k == "datetime":
        return isinstance(value, datetime.datetime)
    if k == "ip_address":
        return isinstance(value, netaddr.IPAddress)
    if k == "ip_network":
        return isinstance(value, netaddr.IPNetwork)
    if k == "mac_address":
        return isinstance(value, netaddr.EUI)
    if k == "misc_dict":
        return isinstance(value, dict)
    if k == "list":
        return isinstance(value, list)
    if k == "set":
        return isinstance(value, set)
    if k == "object":
        return kind["obj_name"] in (obj_names or ())
    raise TypeError("no promise for kind %s" % k)


def off_type(obj):
    """field -> type name, for set non-null values the field type does not
    promise (OUTCOME.md)."""
    from oslo_versionedobjects import base as ovo_base
    out = {}
    name = obj.obj_name()
    for fname in obj.fields:
        if not obj.obj_attr_is_set(fname):
            continue
        value = getattr(obj, fname)
        if value is None:
            continue
        kind = TYPE_KINDS[(name, fname)]
        names = None
        if kind["kind"] == "object" and isinstance(value, ovo_base.VersionedObject):
            if kind.get("subclasses"):
                names = [p.obj_name() for p in type(value).mro()
                         if hasattr(p, "obj_name")]
            else:
                names = [value.obj_name()]
        if not _holds_promised_type(kind, value, names):
            if isinstance(value, ovo_base.VersionedObject):
                out[fname] = value.obj_name()
            else:
                out[fname] = type(value).__name__
    return out


def render_object(obj):
    d = {
        "name": obj.obj_name(),
        "version": obj.VERSION,
        "changes": sorted(obj.obj_what_changed()),
        "fields": {f: render(getattr(obj, f)) for f in obj.fields
                   if obj.obj_attr_is_set(f)},
    }
    ot = off_type(obj)
    if ot:
        d["off_type"] = ot
    return d


def _sort_changes(prim):
    """Sort every `versioned_object.changes` list (a list(set) in the
    reference's obj_to_primitive).  Only object primitives are dicts here:
    DictOfMiscValues fields serialise to strings."""
    if isinstance(prim, dict):
        for k, v in prim.items():
            if k == "versioned_object.changes" and isinstance(v, list):
                prim[k] = sorted(v)
            else:
                _sort_changes(v)
    elif isinstance(prim, (list, tuple)):
        for v in prim:
            _sort_changes(v)


# ---------------------------------------------------------------- evaluation

def _classify(exc):
    return {"outcome": "reject", "error": type(exc).__name__,
            "expected": isinstance(exc, EXPECTED_BASES)}


def _run_reference(text):
    """Everything the reference does, at one fixed stack depth.  Returns
    ("json_error", reason) | ("reject", exc) | ("accept", obj, prim, exc)."""
    try:
        prim = json.loads(text)
    except RecursionError:
        return ("json_error", "depth")
    except json.JSONDecodeError:
        return ("json_error", "syntax")
    except ValueError:
        # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        return ("json_error", "int_digits")
    try:
        obj = NEUTRON_OBJECT.obj_from_primitive(prim)
    except Exception as e:
        return ("reject", e)
    try:
        primitive = obj.obj_to_primitive()
    except Exception as e:
        return ("accept", obj, None, e)
    return ("accept", obj, primitive, None)


def evaluate(data, timeout, budget=DEFAULT_BUDGET):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return {"outcome": "json_error", "reason": "utf8"}
    old_limit = sys.getrecursionlimit()
    # _run_reference runs one frame below this one; RecursionError comes
    # when the frames in use reach depth + budget.
    depth = _stack_depth() + 1
    sys.setrecursionlimit(depth + budget)
    if timeout:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        try:
            result = _run_reference(text)
        finally:
            sys.setrecursionlimit(old_limit)
        # Rendering is ours, not the reference's: give it room.
        sys.setrecursionlimit(100000)
        try:
            line = _render_result(result)
        finally:
            sys.setrecursionlimit(old_limit)
    except Timeout:
        return {"outcome": "timeout"}
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return line


def _render_result(result):
    if result[0] == "json_error":
        return {"outcome": "json_error", "reason": result[1]}
    if result[0] == "reject":
        return _classify(result[1])
    _, obj, primitive, exc = result
    line = render_object(obj)
    line["outcome"] = "accept"
    if exc is not None:
        line["to_primitive_error"] = type(exc).__name__
    else:
        _sort_changes(primitive)
        line["primitive"] = render(primitive)
    return line


def line_for(data, timeout=10.0, budget=DEFAULT_BUDGET):
    line = evaluate(data, timeout, budget)
    # A deep object renders several JSON levels per nesting level: print it
    # with room to spare (the reference is done by now).
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(100000)
    try:
        return dumps(line)
    finally:
        sys.setrecursionlimit(old_limit)
