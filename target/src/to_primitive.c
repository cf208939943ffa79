/* obj_to_primitive (oslo_versionedobjects/base.py VersionedObject.
 * obj_to_primitive) for an accepted object. */
#include "fields.h"
#include "frames.h"
#include "object.h"
#include "pynum.h"

#define LIT(s) s, sizeof(s) - 1

/* versionutils.convert_version_to_tuple(VERSION):
 * tuple(int(part) for part in version_str.split('.')); any part int()
 * rejects raises ValueError, so every accepted non-numeric PEP 440
 * spelling ('v1', '1.0a1', '1!1.0') fails here. */
static int version_to_tuple_ok(ovo_ctx *ctx, ovo_str v)
{
    if (ovo_frames_enter(ctx, 2) < 0)  /* convert_version_to_tuple, genexpr */
        return -1;
    const char *p = v.ptr, *end = v.ptr + v.len;
    int rc = ovo_frames_probe(ctx, OVO_FR_INT);  /* int(part) */
    while (rc == 0) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        const char *stop = dot ? dot : end;
        const ovo_val *part;
        rc = ovo_py_int_from_str(ctx, (ovo_str){p, (uint32_t)(stop - p)}, 10, &part);
        if (rc < 0 || !dot)
            break;
        p = dot + 1;
    }
    ovo_frames_leave(ctx, 2);
    return rc;
}

static ovo_dict_entry entry(const char *key, size_t n, const ovo_val *v)
{
    return (ovo_dict_entry){{key, (uint32_t)n}, v};
}

int ovo_obj_to_primitive(ovo_ctx *ctx, const ovo_object *obj, const ovo_val **out)
{
    const ovo_class *cls = obj->cls;
    if (ovo_frames_enter(ctx, 1) < 0)  /* obj_to_primitive */
        return -1;
    int rc = -1;
    /* target_version defaults to VERSION; the comparison converts both */
    if (version_to_tuple_ok(ctx, obj->version) < 0)
        goto done;
    uint32_t nset = 0;
    for (uint32_t i = 0; i < cls->nfields; i++)
        nset += obj->values[i] != NULL;
    ovo_dict_entry *data = ovo_alloc(ctx, (nset ? nset : 1) * sizeof *data);
    ovo_val *datav = ovo_new_val(ctx, OVO_DICT);
    if (!data || !datav)
        goto done;
    uint32_t k = 0;
    for (uint32_t i = 0; i < cls->nfields; i++) {
        const ovo_val *v = obj->values[i];
        if (ovo_frames_probe(ctx, OVO_FR_ATTR_IS_SET) < 0)
            goto done;
        if (!v)
            continue;
        const ovo_val *p;
        if (ovo_field_to_primitive(ctx, &cls->fields[i], v, &p) < 0)
            goto done;
        data[k++] = entry(cls->fields[i].name, cls->fields[i].name_len, p);
    }
    datav->u.dict.entries = data;
    datav->u.dict.n = k;

    ovo_dict_entry *e = ovo_alloc(ctx, 5 * sizeof *e);
    ovo_val *prim = ovo_new_val(ctx, OVO_DICT);
    const ovo_val *name = ovo_mk_str(ctx, cls->name, cls->name_len);
    const ovo_val *ns = ovo_mk_str(ctx, LIT("versionedobjects"));
    const ovo_val *ver = ovo_mk_str(ctx, obj->version.ptr, obj->version.len);
    if (!e || !prim || !name || !ns || !ver)
        goto done;
    uint32_t n = 0;
    e[n++] = entry(LIT("versioned_object.name"), name);
    e[n++] = entry(LIT("versioned_object.namespace"), ns);
    e[n++] = entry(LIT("versioned_object.version"), ver);
    e[n++] = entry(LIT("versioned_object.data"), datav);
    if (ovo_frames_probe(ctx, (int32_t)obj->what_changed_units) < 0)
        goto done;
    /* changes = [f for f in obj_what_changed() if f in primitive]; the
     * reference lists a set, in string-hash order, so outcome lines (and
     * this list) sort it by name */
    uint64_t changed = ovo_obj_what_changed(obj);
    if (changed) {
        uint32_t nc = 0;
        for (uint32_t i = 0; i < cls->nfields; i++)
            nc += (changed >> i) & 1;
        const ovo_val **items = ovo_alloc(ctx, nc * sizeof *items);
        ovo_val *list = ovo_new_val(ctx, OVO_LIST);
        if (!items || !list)
            goto done;
        uint32_t j = 0;
        for (uint32_t s = 0; s < cls->nfields; s++) {
            uint32_t i = cls->fields_by_name[s];
            if (!((changed >> i) & 1) || !obj->values[i])
                continue;  /* only fields in the primitive */
            items[j] = ovo_mk_str(ctx, cls->fields[i].name, cls->fields[i].name_len);
            if (!items[j++])
                goto done;
        }
        list->u.seq.items = items;
        list->u.seq.n = j;
        if (j)
            e[n++] = entry(LIT("versioned_object.changes"), list);
    }
    prim->u.dict.entries = e;
    prim->u.dict.n = n;
    *out = prim;
    rc = 0;
done:
    ovo_frames_leave(ctx, 1);
    return rc;
}
