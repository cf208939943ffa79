/* Versioned objects: obj_from_primitive, obj_to_primitive and the queries
 * rendering and strict mode make of a built object. */
#ifndef OVO_OBJECT_H
#define OVO_OBJECT_H

#include "internal.h"

/* VersionedObject.obj_from_primitive(prim) through Neutron's registry
 * (oslo_versionedobjects/base.py; neutron/objects/base.py
 * obj_class_from_name).  nested: called from Object.from_primitive (only
 * changes which crash.* rule a TypeError is filed under).  *out is an
 * OVO_OBJECT value. */
int ovo_obj_from_primitive(ovo_ctx *ctx, const ovo_val *prim, bool nested,
                           const ovo_val **out);

/* obj_to_primitive() of an object: a dict value, or -1 with the exception
 * pending (ValueError for a version that is not dotted integers). */
int ovo_obj_to_primitive(ovo_ctx *ctx, const ovo_object *obj, const ovo_val **out);

/* obj_what_changed() as a bit set over field indexes. */
uint64_t ovo_obj_what_changed(const ovo_object *obj);

/* The Python type name of a field's value when it is not of the type the
 * field promises (OUTCOME.md off_type), else NULL. */
const char *ovo_obj_off_type(const ovo_object *obj, uint32_t field);

/* The object's names by MRO (Object._get_all_obj_names). */
bool ovo_class_has_name(const ovo_class *cls, const char *name);

#endif
