"""Load the pinned reference: Neutron's object registry as Debian ships it.

Shared by export_schema.py, oracle.py and the seed and vector generators so
that every script sees the same registry.  Run with /usr/bin/python3.
"""
import logging
import sys
import warnings

PINS = {
    "neutron": "21.0.0",
    "neutron-lib": "3.1.0",
    "oslo.versionedobjects": "3.0.1",
    "netaddr": "0.8.0",
    "iso8601": "1.0.2",
    "packaging": "23.0",
    "python": "3.11",
}


def _quiet():
    # obj_class_from_name logs an error for every unknown name and oslo's
    # UUID field warns on every non-UUID; neither is part of the outcome.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")


def load_registry():
    """Return (NeutronObject base class, {name: [class, ...]})."""
    _quiet()
    from neutron import objects
    from neutron.objects import base as neutron_base
    objects.register_objects()
    return neutron_base.NeutronObject, neutron_base.NeutronObjectRegistry.obj_classes()


def installed_versions():
    """The versions actually installed, to compare against PINS."""
    from importlib import metadata
    found = {}
    for dist in ("neutron", "neutron-lib", "oslo.versionedobjects", "netaddr",
                 "iso8601", "packaging"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = None
    found["python"] = "%d.%d" % sys.version_info[:2]
    return found


def check_pins():
    """Abort when the installed reference is not the pinned one."""
    found = installed_versions()
    bad = {k: (PINS[k], found[k]) for k in PINS if found[k] != PINS[k]}
    if bad:
        sys.exit("reference mismatch (pinned, installed): %r" % bad)
