/* obj_from_primitive over Neutron's registry (oslo_versionedobjects/base.py
 * VersionedObject.obj_from_primitive and _obj_from_primitive,
 * neutron/objects/base.py NeutronObject.obj_class_from_name). */
#include "object.h"

#include "fields.h"
#include "frames.h"
#include "ovo/pep440.h"
#include "pyobj.h"
#include "strict.h"

#define KEY_NAMESPACE "versioned_object.namespace"
#define KEY_NAME "versioned_object.name"
#define KEY_VERSION "versioned_object.version"
#define KEY_DATA "versioned_object.data"
#define KEY_CHANGES "versioned_object.changes"
#define NAMESPACE "versionedobjects"

#define LIT(s) s, sizeof(s) - 1

/* primitive[key] (_obj_primitive_field): TypeError unless primitive is a
 * dict, KeyError when the key is missing. */
static int subscript(ovo_ctx *ctx, const ovo_val *prim, const char *key, size_t n,
                     bool nested, const ovo_val **out)
{
    if (ovo_frames_probe(ctx, OVO_FR_PRIMITIVE_FIELD) < 0)
        return -1;
    if (prim->type != OVO_DICT)
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR,
                         nested ? OVO_RULE_CRASH_OBJECT_TYPE : OVO_RULE_CRASH_ENVELOPE_TYPE);
    *out = ovo_dict_get(prim, key, n);
    if (!*out)
        return ovo_raise(ctx, OVO_EXC_KEY_ERROR,
                         nested ? OVO_RULE_CRASH_OBJECT_TYPE : OVO_RULE_CRASH_ENVELOPE_KEY);
    return 0;
}

/* obj_class_from_name(objname, objver), in its own frame */
static int class_from_name(ovo_ctx *ctx, const ovo_val *name, const ovo_val *version,
                           const ovo_class **out)
{
    /* `objname not in NeutronObjectRegistry.obj_classes()` */
    if (ovo_frames_probe(ctx, OVO_FR_REGISTRY) < 0)
        return -1;
    if (!ovo_py_hashable(name))
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_NAME_UNHASHABLE);
    const ovo_class *cls = NULL;
    if (name->type == OVO_STR)
        cls = ovo_class_find(name->u.s.ptr, name->u.s.len);
    if (!cls)  /* LOG.error(...) (logging is off), then the exception */
        return ovo_raise(ctx, OVO_EXC_UNSUPPORTED_OBJECT_ERROR, OVO_RULE_NONE);
    /* one registered class per name in Neutron 21: an exact VERSION match,
     * else versionutils.is_compatible (same major, current >= requested) */
    if (version->type == OVO_STR && ovo_str_eq(version->u.s, cls->version, strlen(cls->version))) {
        *out = cls;
        return 0;
    }
    if (ovo_frames_enter(ctx, 1) < 0)  /* is_compatible */
        return -1;
    bool ok = false;
    int rc = ovo_is_compatible(ctx, version, cls->version, &ok);
    ovo_frames_leave(ctx, 1);
    if (rc < 0)
        return -1;
    if (!ok)
        return ovo_raise(ctx, OVO_EXC_INCOMPATIBLE_OBJECT_VERSION, OVO_RULE_NONE);
    *out = cls;
    return 0;
}

static bool plain_major_minor(ovo_str v)
{
    /* digits '.' digits, no sign, no leading zeros, nothing else */
    uint32_t i = 0, parts = 0;
    for (;;) {
        uint32_t start = i;
        while (i < v.len && v.ptr[i] >= '0' && v.ptr[i] <= '9')
            i++;
        if (i == start || (i - start > 1 && v.ptr[start] == '0'))
            return false;
        parts++;
        if (i == v.len)
            return parts == 2;
        if (v.ptr[i] != '.' || parts == 2)
            return false;
        i++;
    }
}

/* cls(): the __init__ chain, whose obj_set_defaults sets a coerced deep
 * copy of every default.  How deep that goes depends on the class
 * (init_units, measured); the defaults coerce to themselves (checked by
 * scripts/export-schema), so they are stored as they are. */
static int init_object(ovo_ctx *ctx, ovo_object *obj)
{
    const ovo_class *cls = obj->cls;
    if (ovo_frames_probe(ctx, (int32_t)cls->init_units) < 0)
        return -1;
    for (uint32_t i = 0; i < cls->nfields; i++)
        obj->values[i] = cls->fields[i].default_value;
    return 0;
}

/* _changed_fields = set([x for x in changes if x in self.fields]) */
static int read_changes(ovo_ctx *ctx, ovo_object *obj, const ovo_val *changes)
{
    if (ovo_frames_enter(ctx, 1) < 0)  /* the list comprehension */
        return -1;
    const ovo_val *const *items;
    uint32_t n;
    int rc = ovo_py_iterate(ctx, changes, OVO_RULE_CRASH_CHANGES_TYPE, &items, &n);
    ovo_frames_leave(ctx, 1);
    if (rc < 0)
        return -1;
    if (ovo_strict(ctx) && changes->type != OVO_LIST)
        ovo_note(ctx, OVO_RULE_CHANGES_NOT_A_LIST);
    uint64_t changed = 0;
    for (uint32_t i = 0; i < n; i++) {
        const ovo_val *x = items[i];
        if (!ovo_py_hashable(x))  /* `x in self.fields` hashes */
            return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_CHANGES_TYPE);
        int f = x->type == OVO_STR ? ovo_field_index(obj->cls, x->u.s.ptr, x->u.s.len) : -1;
        if (f >= 0) {
            changed |= (uint64_t)1 << f;
        } else if (ovo_strict(ctx)) {
            ovo_note(ctx, x->type == OVO_STR ? OVO_RULE_CHANGES_UNKNOWN_FIELD
                                             : OVO_RULE_CHANGES_NOT_A_LIST);
        }
    }
    obj->changed = changed;
    return 0;
}

static void note_unknown_keys(ovo_ctx *ctx, const ovo_class *cls, const ovo_val *prim,
                              const ovo_val *data)
{
    static const char *const envelope[] = {KEY_NAMESPACE, KEY_NAME, KEY_VERSION, KEY_DATA,
                                           KEY_CHANGES};
    for (uint32_t i = 0; i < prim->u.dict.n; i++) {
        ovo_str k = prim->u.dict.entries[i].key;
        bool known = false;
        for (size_t j = 0; j < sizeof envelope / sizeof envelope[0]; j++)
            known |= ovo_str_eq(k, envelope[j], strlen(envelope[j]));
        if (!known)
            ovo_note(ctx, OVO_RULE_ENVELOPE_UNKNOWN_KEY);
    }
    if (data->type != OVO_DICT) {
        ovo_note(ctx, OVO_RULE_DATA_NOT_A_DICT);
        return;
    }
    for (uint32_t i = 0; i < data->u.dict.n; i++) {
        ovo_str k = data->u.dict.entries[i].key;
        if (ovo_field_index(cls, k.ptr, k.len) < 0)
            ovo_note(ctx, OVO_RULE_DATA_UNKNOWN_KEY);
    }
}

/* One field: `if name in objdata: setattr(self, name,
 * field.from_primitive(self, name, objdata[name]))` */
static int load_field(ovo_ctx *ctx, ovo_object *obj, uint32_t i, const ovo_val *data)
{
    const ovo_field_desc *fd = &obj->cls->fields[i];
    bool present;
    if (ovo_py_contains_str(ctx, data, fd->name, fd->name_len, OVO_RULE_CRASH_DATA_TYPE,
                            &present) < 0)
        return -1;
    if (!present)
        return 0;
    if (data->type != OVO_DICT)  /* "..."[name] or [...][name] */
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_DATA_TYPE);
    const ovo_val *raw = ovo_dict_get(data, fd->name, fd->name_len);
    const ovo_val *v1, *v2;
    if (ovo_field_from_primitive(ctx, fd, raw, &v1) < 0)
        return -1;
    /* setattr -> the property setter -> Field.coerce */
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = ovo_field_coerce(ctx, fd, v1, &v2);
    ovo_frames_leave(ctx, 1);
    if (rc < 0)
        return -1;
    if (ovo_strict(ctx))
        ovo_strict_note_field(ctx, fd, v2);
    obj->values[i] = v2;
    return 0;
}

/* _obj_from_primitive(context, objver, primitive) */
static int build(ovo_ctx *ctx, const ovo_class *cls, const ovo_val *version,
                 const ovo_val *prim, bool nested, const ovo_val **out)
{
    ovo_object *obj = ovo_alloc(ctx, sizeof *obj);
    const ovo_val **values = ovo_alloc(ctx, (cls->nfields ? cls->nfields : 1) * sizeof *values);
    ovo_val *v = ovo_new_val(ctx, OVO_OBJECT);
    if (!obj || !values || !v)
        return -1;
    memset(values, 0, (cls->nfields ? cls->nfields : 1) * sizeof *values);
    obj->cls = cls;
    obj->values = values;
    obj->changed = 0;
    obj->version = version->u.s;  /* self.VERSION = objver, verbatim */
    if (init_object(ctx, obj) < 0)
        return -1;
    const ovo_val *data;
    if (subscript(ctx, prim, LIT(KEY_DATA), nested, &data) < 0)
        return -1;
    const ovo_val *changes = ovo_dict_get(prim, LIT(KEY_CHANGES));
    for (uint32_t i = 0; i < cls->nfields; i++)
        if (load_field(ctx, obj, i, data) < 0)
            return -1;
    if (changes && read_changes(ctx, obj, changes) < 0)
        return -1;
    /* obj_what_changed: obj_attr_is_set of each field, one frame down, or
     * the nested object's own obj_what_changed */
    uint32_t wc = 1 + OVO_FR_ATTR_IS_SET;
    for (uint32_t i = 0; i < cls->nfields; i++) {
        const ovo_val *fv = obj->values[i];
        if (fv && fv->type == OVO_OBJECT && 1 + fv->u.obj->what_changed_units > wc)
            wc = 1 + fv->u.obj->what_changed_units;
    }
    obj->what_changed_units = wc;
    if (ovo_strict(ctx)) {
        note_unknown_keys(ctx, cls, prim, data);
        if (!plain_major_minor(obj->version))
            ovo_note(ctx, OVO_RULE_VERSION_NOT_MAJOR_MINOR);
    }
    v->u.obj = obj;
    *out = v;
    return 0;
}

int ovo_obj_from_primitive(ovo_ctx *ctx, const ovo_val *prim, bool nested,
                           const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)  /* obj_from_primitive */
        return -1;
    const ovo_val *ns, *name, *version;
    const ovo_class *cls = NULL;
    int rc = -1;
    if (subscript(ctx, prim, LIT(KEY_NAMESPACE), nested, &ns) < 0 ||
        subscript(ctx, prim, LIT(KEY_NAME), nested, &name) < 0 ||
        subscript(ctx, prim, LIT(KEY_VERSION), nested, &version) < 0)
        goto done;
    if (!ovo_py_eq_str(ns, LIT(NAMESPACE))) {
        /* UnsupportedObjectError(objtype='%s.%s' % (objns, objname)) */
        if (ovo_frames_probe_fmt(ctx, ns, 0) == 0 && ovo_frames_probe_fmt(ctx, name, 0) == 0 &&
            ovo_frames_probe(ctx, OVO_FR_OVO_EXCEPTION) == 0)
            ovo_raise(ctx, OVO_EXC_UNSUPPORTED_OBJECT_ERROR, OVO_RULE_NONE);
        goto done;
    }
    if (ovo_frames_enter(ctx, 1) < 0)  /* obj_class_from_name */
        goto done;
    rc = class_from_name(ctx, name, version, &cls);
    ovo_frames_leave(ctx, 1);
    if (rc < 0)
        goto done;
    if (ovo_frames_enter(ctx, 1) < 0) {  /* _obj_from_primitive */
        rc = -1;
        goto done;
    }
    rc = build(ctx, cls, version, prim, nested, out);
    ovo_frames_leave(ctx, 1);
done:
    ovo_frames_leave(ctx, 1);
    return rc;
}

/* ------------------------------------------------------------ queries */

uint64_t ovo_obj_what_changed(const ovo_object *obj)
{
    uint64_t changes = obj->changed;
    for (uint32_t i = 0; i < obj->cls->nfields; i++) {
        const ovo_val *v = obj->values[i];
        if (v && v->type == OVO_OBJECT && ovo_obj_what_changed(v->u.obj))
            changes |= (uint64_t)1 << i;
    }
    return changes;
}

bool ovo_class_has_name(const ovo_class *cls, const char *name)
{
    for (uint32_t i = 0; i < cls->nmro; i++)
        if (strcmp(cls->mro[i], name) == 0)
            return true;
    return false;
}

const char *ovo_obj_off_type(const ovo_object *obj, uint32_t field)
{
    const ovo_val *v = obj->values[field];
    if (!v || v->type == OVO_NONE)
        return NULL;
    const ovo_type_desc *td = &obj->cls->fields[field].type;
    bool ok;
    switch ((ovo_kind)td->kind) {
    case OVO_K_STRING:
    case OVO_K_UUID:
    case OVO_K_OSLO_UUID:
    case OVO_K_ENUM:
    case OVO_K_DOMAIN_NAME: ok = v->type == OVO_STR; break;
    case OVO_K_INTEGER:
    case OVO_K_INT_RANGE:
    case OVO_K_INT_ENUM: ok = v->type == OVO_INT; break;
    case OVO_K_PORT_RANGES: ok = v->type == OVO_INT || v->type == OVO_STR; break;
    case OVO_K_BOOLEAN: ok = v->type == OVO_BOOL; break;
    case OVO_K_DATETIME: ok = v->type == OVO_DATETIME; break;
    case OVO_K_IP_ADDRESS: ok = v->type == OVO_IPADDR; break;
    case OVO_K_OSLO_IP_NETWORK:
    case OVO_K_IP_NETWORK: ok = v->type == OVO_IPNET; break;
    case OVO_K_MAC_ADDRESS: ok = v->type == OVO_MAC; break;
    case OVO_K_MISC_DICT: ok = v->type == OVO_DICT; break;
    case OVO_K_LIST: ok = v->type == OVO_LIST; break;
    case OVO_K_SET: ok = v->type == OVO_SET; break;
    case OVO_K_OBJECT:
        if (v->type != OVO_OBJECT)
            return ovo_type_name(v);
        ok = td->subclasses ? ovo_class_has_name(v->u.obj->cls, td->obj_name)
                            : strcmp(v->u.obj->cls->name, td->obj_name) == 0;
        if (!ok)
            return v->u.obj->cls->name;
        break;
    default: ok = true;
    }
    return ok ? NULL : ovo_type_name(v);
}
