/* Compound field types: List, Set and Object (oslo_versionedobjects/
 * fields.py List, Set, Object; CoercedList, CoercedSet). */
#include "fields.h"
#include "frames.h"
#include "object.h"
#include "pynum.h"
#include "pyobj.h"

static ovo_val *new_seq(ovo_ctx *ctx, ovo_type t, uint32_t n, const ovo_val ***items)
{
    ovo_val *v = ovo_new_val(ctx, t);
    const ovo_val **a = ovo_alloc(ctx, (n ? n : 1) * sizeof *a);
    if (!v || !a)
        return NULL;
    v->u.seq.items = a;
    v->u.seq.n = n;
    *items = a;
    return v;
}

/* [element.from_primitive(x) for x in value]: iterating a str gives its
 * characters, a dict its keys, a number TypeError. */
static int from_primitive_items(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                const ovo_val ***out, uint32_t *n)
{
    const ovo_val *const *items;
    if (ovo_frames_enter(ctx, 1) < 0)  /* the comprehension */
        return -1;
    int rc = ovo_py_iterate(ctx, in, OVO_RULE_CRASH_ITERATE, &items, n);
    if (rc == 0 && ovo_strict(ctx) && (in->type == OVO_STR || in->type == OVO_DICT))
        ovo_note(ctx, OVO_RULE_LIST_FROM_NON_LIST);
    const ovo_val **res = NULL;
    if (rc == 0) {
        res = ovo_alloc(ctx, (*n ? *n : 1) * sizeof *res);
        rc = res ? 0 : -1;
    }
    for (uint32_t i = 0; rc == 0 && i < *n; i++)
        rc = ovo_field_from_primitive(ctx, td->element, items[i], &res[i]);
    ovo_frames_leave(ctx, 1);
    *out = res;
    return rc;
}

/* ---------------------------------------------------------------- List */

int ovo_list_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                            const ovo_val **out)
{
    const ovo_val **items;
    uint32_t n;
    if (from_primitive_items(ctx, td, in, &items, &n) < 0)
        return -1;
    ovo_val *l = ovo_new_val(ctx, OVO_LIST);
    if (!l)
        return -1;
    l->u.seq.items = items;
    l->u.seq.n = n;
    *out = l;
    return 0;
}

/* List.coerce: an iterable that is not a str or mapping, into a
 * CoercedList whose extend() coerces every element:
 * extend -> [self._coerce_item(...) for ...] -> _coerce_item -> Field.coerce */
int ovo_list_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                    const ovo_val **out)
{
    if (ovo_frames_probe(ctx, OVO_FR_LIST_COERCE) < 0)
        return -1;
    if (in->type != OVO_LIST && in->type != OVO_TUPLE && in->type != OVO_SET)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    const ovo_val **items;
    uint32_t n = in->u.seq.n;
    ovo_val *l = new_seq(ctx, OVO_LIST, n, &items);
    if (!l)
        return -1;
    if (ovo_frames_enter(ctx, OVO_FR_COERCED_ITEM) < 0)
        return -1;
    int rc = 0;
    for (uint32_t i = 0; rc == 0 && i < n; i++)
        rc = ovo_field_coerce(ctx, td->element, in->u.seq.items[i], &items[i]);
    ovo_frames_leave(ctx, OVO_FR_COERCED_ITEM);
    if (rc < 0)
        return -1;
    *out = l;
    return 0;
}

/* [element.to_primitive(x) for x in value] */
int ovo_list_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                          const ovo_val **out)
{
    const ovo_val **items;
    uint32_t n = in->u.seq.n;
    ovo_val *l = new_seq(ctx, OVO_LIST, n, &items);
    if (!l || ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = 0;
    for (uint32_t i = 0; rc == 0 && i < n; i++)
        rc = ovo_field_to_primitive(ctx, td->element, in->u.seq.items[i], &items[i]);
    ovo_frames_leave(ctx, 1);
    if (rc < 0)
        return -1;
    *out = l;
    return 0;
}

/* ---------------------------------------------------------------- Set */

/* float(v) for an int: equal values give equal doubles (correct rounding) */
static double int_to_double(const ovo_val *v)
{
    if (!v->u.i.big)
        return (double)v->u.i.small;
    double d = ovo_py_float_from_ascii(v->u.i.big->digits, v->u.i.big->ndigits);
    return v->u.i.big->sign < 0 ? -d : d;
}

/* A hash consistent with Python equality for hashable JSON values: equal
 * numbers (1, 1.0, True; big ints and the doubles equal to them) hash
 * alike because they convert to the same double. */
static uint64_t py_hash(const ovo_val *v)
{
    switch (v->type) {
    case OVO_NONE: return 0x9e3779b97f4a7c15ULL;
    case OVO_BOOL:
    case OVO_INT:
    case OVO_FLOAT: {
        double d = v->type == OVO_FLOAT ? v->u.f
                   : v->type == OVO_BOOL ? (double)v->u.b
                                         : int_to_double(v);
        if (d != d)
            return 1;
        if (d == 0)
            d = 0;  /* -0.0 == 0.0 */
        uint64_t u;
        memcpy(&u, &d, sizeof u);
        return u * 0xff51afd7ed558ccdULL;
    }
    case OVO_STR: {
        uint64_t h = 1469598103934665603ULL;
        for (uint32_t i = 0; i < v->u.s.len; i++)
            h = (h ^ (unsigned char)v->u.s.ptr[i]) * 1099511628211ULL;
        return h;
    }
    default: return 2;
    }
}

/* Set membership as CPython's set does it: identity, then ==.  Every NaN
 * in a document is the one float json.loads returns for the literal
 * (json/decoder.py _CONSTANTS), so NaNs are one element. */
static bool set_eq(const ovo_val *a, const ovo_val *b)
{
    if (a->type == OVO_FLOAT && b->type == OVO_FLOAT && a->u.f != a->u.f && b->u.f != b->u.f)
        return true;
    return ovo_py_eq(a, b);
}

/* Add items to a set in order, keeping the first of equal elements. */
static int dedup(ovo_ctx *ctx, const ovo_val **items, uint32_t n, uint32_t *m_out)
{
    uint32_t m = 0;
    if (n <= 16) {
        for (uint32_t i = 0; i < n; i++) {
            uint32_t j;
            for (j = 0; j < m; j++)
                if (set_eq(items[j], items[i]))
                    break;
            if (j == m)
                items[m++] = items[i];
        }
    } else {
        size_t cap = 32;
        while (cap < (size_t)n * 2)
            cap *= 2;
        uint32_t *slots = ovo_alloc(ctx, cap * sizeof *slots);
        if (!slots)
            return -1;
        memset(slots, 0, cap * sizeof *slots);
        for (uint32_t i = 0; i < n; i++) {
            const ovo_val *x = items[i];
            size_t h = (size_t)py_hash(x) & (cap - 1);
            for (;;) {
                if (slots[h] == 0) {
                    items[m] = x;
                    slots[h] = ++m;
                    break;
                }
                if (set_eq(items[slots[h] - 1], x))
                    break;
                h = (h + 1) & (cap - 1);
            }
        }
    }
    *m_out = m;
    return 0;
}

/* set([element.from_primitive(x) for x in value]) */
int ovo_set_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                           const ovo_val **out)
{
    const ovo_val **items;
    uint32_t n, m;
    if (from_primitive_items(ctx, td, in, &items, &n) < 0)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        if (!ovo_py_hashable(items[i]))
            return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_UNHASHABLE);
    if (dedup(ctx, items, n, &m) < 0)
        return -1;
    if (ovo_strict(ctx) && m != n)
        ovo_note(ctx, OVO_RULE_SET_MERGED);
    ovo_val *s = ovo_new_val(ctx, OVO_SET);
    if (!s)
        return -1;
    s->u.seq.items = items;
    s->u.seq.n = m;
    *out = s;
    return 0;
}

/* Set.coerce: must be a set; CoercedSet.update coerces each element into a
 * new set, which de-duplicates again after coercion (1 and "1"). */
int ovo_set_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                   const ovo_val **out)
{
    if (in->type != OVO_SET)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (ovo_frames_probe(ctx, OVO_FR_SET_COERCE) < 0)
        return -1;
    const ovo_val **items;
    uint32_t n = in->u.seq.n, m;
    ovo_val *s = new_seq(ctx, OVO_SET, n, &items);
    if (!s || ovo_frames_enter(ctx, OVO_FR_COERCED_ELEMENT) < 0)
        return -1;
    /* CoercedSet._coerce_iterable walks the set in hash order.  None, the
     * one element Field.coerce rejects, hashes to a fixed slot while
     * strings land in random ones (the per-process hash seed), so the
     * other elements usually come first (docs/recursion.md): coerce them,
     * then any None. */
    int rc = 0;
    for (int pass = 0; rc == 0 && pass < 2; pass++) {
        for (uint32_t i = 0; rc == 0 && i < n; i++) {
            const ovo_val *x = in->u.seq.items[i];
            if ((x->type == OVO_NONE) != (pass == 1))
                continue;
            /* "%s[%s]" % (self._field, element), then Field.coerce */
            rc = ovo_frames_probe_fmt(ctx, x, 0);
            if (rc == 0)
                rc = ovo_field_coerce(ctx, td->element, x, &items[i]);
        }
    }
    ovo_frames_leave(ctx, OVO_FR_COERCED_ELEMENT);
    if (rc < 0)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        if (!ovo_py_hashable(items[i]))
            return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_UNHASHABLE);
    if (dedup(ctx, items, n, &m) < 0)
        return -1;
    if (ovo_strict(ctx) && m != n)
        ovo_note(ctx, OVO_RULE_SET_MERGED);
    s->u.seq.n = m;
    *out = s;
    return 0;
}

/* tuple(element.to_primitive(x) for x in value) */
int ovo_set_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                         const ovo_val **out)
{
    const ovo_val **items;
    uint32_t n = in->u.seq.n;
    ovo_val *t = new_seq(ctx, OVO_TUPLE, n, &items);
    if (!t || ovo_frames_enter(ctx, 1) < 0)  /* the generator */
        return -1;
    int rc = 0;
    for (uint32_t i = 0; rc == 0 && i < n; i++)
        rc = ovo_field_to_primitive(ctx, td->element, in->u.seq.items[i], &items[i]);
    ovo_frames_leave(ctx, 1);
    if (rc < 0)
        return -1;
    *out = t;
    return 0;
}

/* ---------------------------------------------------------------- Object */

/* Object.from_primitive: obj.obj_from_primitive(value), whatever object
 * name the nested primitive carries; the type is checked only by coerce. */
int ovo_object_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                              const ovo_val **out)
{
    if (in->type == OVO_OBJECT) {  /* already hydrated */
        *out = in;
        return 0;
    }
    return ovo_obj_from_primitive(ctx, in, true, out);
}

/* Object.coerce: the object's name (or, with subclasses=True, any name in
 * its MRO) must be the field's object name. */
int ovo_object_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                      const ovo_val **out)
{
    if (in->type != OVO_OBJECT)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    const ovo_class *cls = in->u.obj->cls;
    bool ok;
    /* value.obj_name(); with subclasses, _get_all_obj_names -> mro() and
     * obj_name() of each class */
    if (ovo_frames_probe(ctx, td->subclasses ? 2 : 1) < 0)
        return -1;
    if (td->subclasses)
        ok = ovo_class_has_name(cls, td->obj_name);
    else
        ok = strcmp(cls->name, td->obj_name) == 0;
    if (!ok)  /* the message names types, not values */
        return ovo_value_error(ctx, NULL);
    *out = in;
    return 0;
}

/* Object.to_primitive: value.obj_to_primitive() */
int ovo_object_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                            const ovo_val **out)
{
    return ovo_obj_to_primitive(ctx, in->u.obj, out);
}
