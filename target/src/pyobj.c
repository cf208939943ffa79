#define _GNU_SOURCE /* memmem: linear-time substring search */
#include "pyobj.h"

#include "pynum.h"

static bool is_number(const ovo_val *v)
{
    return v->type == OVO_INT || v->type == OVO_BOOL || v->type == OVO_FLOAT;
}

bool ovo_py_eq(const ovo_val *a, const ovo_val *b)
{
    if (a == b)
        return true;  /* identity first, as PyObject_RichCompare's callers do */
    if (is_number(a) && is_number(b))
        return ovo_py_num_eq(a, b);
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case OVO_NONE:
        return true;
    case OVO_STR:
        return a->u.s.len == b->u.s.len &&
               (a->u.s.len == 0 || memcmp(a->u.s.ptr, b->u.s.ptr, a->u.s.len) == 0);
    default:
        return false;
    }
}

int ovo_py_str(ovo_ctx *ctx, const ovo_val *v, ovo_str *out)
{
    switch (v->type) {
    case OVO_STR:
        *out = v->u.s;
        return 0;
    case OVO_NONE:
        *out = (ovo_str){"None", 4};
        return 0;
    case OVO_BOOL:
        *out = v->u.b ? (ovo_str){"True", 4} : (ovo_str){"False", 5};
        return 0;
    case OVO_INT:
        return ovo_py_int_str(ctx, v, out);
    case OVO_FLOAT: {
        char buf[OVO_FLOAT_REPR_MAX];
        size_t n = ovo_py_float_repr(v->u.f, buf);
        char *d = ovo_memdup(ctx, buf, n);
        if (!d)
            return -1;
        *out = (ovo_str){d, (uint32_t)n};
        return 0;
    }
    default:
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_OTHER);
    }
}

bool ovo_py_truth(const ovo_val *v)
{
    switch (v->type) {
    case OVO_NONE: return false;
    case OVO_BOOL: return v->u.b;
    case OVO_INT: return v->u.i.big != NULL || v->u.i.small != 0;
    case OVO_FLOAT: return v->u.f != 0.0;  /* NaN is true */
    case OVO_STR: return v->u.s.len != 0;
    case OVO_LIST:
    case OVO_TUPLE:
    case OVO_SET: return v->u.seq.n != 0;
    case OVO_DICT: return v->u.dict.n != 0;
    default: return true;
    }
}

int ovo_py_iterate(ovo_ctx *ctx, const ovo_val *v, ovo_rule crash_rule,
                   const ovo_val *const **items, uint32_t *n)
{
    switch (v->type) {
    case OVO_LIST:
    case OVO_TUPLE:
    case OVO_SET:
        *items = v->u.seq.items;
        *n = v->u.seq.n;
        return 0;
    case OVO_DICT: {
        uint32_t m = v->u.dict.n;
        const ovo_val **a = ovo_alloc(ctx, (m ? m : 1) * sizeof *a);
        ovo_val *keys = ovo_alloc(ctx, (m ? m : 1) * sizeof *keys);
        if (!a || !keys)
            return -1;
        for (uint32_t i = 0; i < m; i++) {
            keys[i].type = OVO_STR;
            keys[i].u.s = v->u.dict.entries[i].key;
            a[i] = &keys[i];
        }
        *items = a;
        *n = m;
        return 0;
    }
    case OVO_STR: {
        /* one str per code point */
        const char *p = v->u.s.ptr, *end = p + v->u.s.len;
        uint32_t m = 0;
        for (const char *q = p; q < end; q++)
            m += ((unsigned char)*q & 0xC0) != 0x80;
        const ovo_val **a = ovo_alloc(ctx, (m ? m : 1) * sizeof *a);
        ovo_val *chars = ovo_alloc(ctx, (m ? m : 1) * sizeof *chars);
        if (!a || !chars)
            return -1;
        for (uint32_t i = 0; i < m; i++) {
            const char *start = p;
            ovo_wtf8_next(&p, end);
            chars[i].type = OVO_STR;
            chars[i].u.s = (ovo_str){start, (uint32_t)(p - start)};
            a[i] = &chars[i];
        }
        *items = a;
        *n = m;
        return 0;
    }
    default:
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, crash_rule);
    }
}

const ovo_val *ovo_dict_get(const ovo_val *dict, const char *key, size_t n)
{
    const ovo_dict_entry *e = dict->u.dict.entries;
    for (uint32_t i = 0; i < dict->u.dict.n; i++)
        if (e[i].key.len == n && memcmp(e[i].key.ptr, key, n) == 0)
            return e[i].value;
    return NULL;
}

static bool has_substring(ovo_str hay, const char *s, size_t n)
{
    if (n == 0)
        return true;
    return hay.len >= n && memmem(hay.ptr, hay.len, s, n) != NULL;
}

int ovo_py_contains_str(ovo_ctx *ctx, const ovo_val *container, const char *s,
                        size_t n, ovo_rule crash_rule, bool *found)
{
    switch (container->type) {
    case OVO_DICT:
        *found = ovo_dict_get(container, s, n) != NULL;
        return 0;
    case OVO_STR:
        /* `name in "..."` is a substring test */
        *found = has_substring(container->u.s, s, n);
        return 0;
    case OVO_LIST:
        *found = false;
        for (uint32_t i = 0; i < container->u.seq.n; i++)
            if (ovo_py_eq_str(container->u.seq.items[i], s, n)) {
                *found = true;
                break;
            }
        return 0;
    default:
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, crash_rule);
    }
}

int ovo_py_repr_units(ovo_ctx *ctx, const ovo_val *v, int32_t cap, int32_t *out)
{
    bool seq = v->type == OVO_LIST || v->type == OVO_TUPLE || v->type == OVO_SET;
    if ((!seq && v->type != OVO_DICT) || cap <= 1) {
        *out = 1;
        return 0;
    }
    typedef struct walk {
        const ovo_val *v;
        uint32_t next;
    } walk;
    walk *stack = ovo_alloc(ctx, (size_t)cap * sizeof *stack);
    if (!stack)
        return -1;
    int32_t depth = 1, best = 1;
    stack[0] = (walk){v, 0};
    while (depth > 0 && best < cap) {
        walk *top = &stack[depth - 1];
        const ovo_val *c = top->v;
        const ovo_val *child;
        if (c->type == OVO_DICT) {
            if (top->next >= c->u.dict.n) {
                depth--;
                continue;
            }
            child = c->u.dict.entries[top->next++].value;
        } else {
            if (top->next >= c->u.seq.n) {
                depth--;
                continue;
            }
            child = c->u.seq.items[top->next++];
        }
        if (best < depth + 1)   /* the child's (and a key's) repr */
            best = depth + 1;
        if ((child->type == OVO_LIST || child->type == OVO_TUPLE ||
             child->type == OVO_SET || child->type == OVO_DICT) && depth + 1 < cap)
            stack[depth++] = (walk){child, 0};
    }
    *out = best < cap ? best : cap;
    return 0;
}

int ovo_frames_probe_repr(ovo_ctx *ctx, const ovo_val *v, int32_t offset)
{
    int32_t avail = ctx->frame_limit - ctx->frames - offset;
    if (avail < 1)
        return ovo_raise(ctx, OVO_EXC_RECURSION_ERROR, OVO_RULE_CRASH_RECURSION);
    int32_t r;
    if (ovo_py_repr_units(ctx, v, avail + 1, &r) < 0)
        return -1;
    return r > avail ? ovo_raise(ctx, OVO_EXC_RECURSION_ERROR, OVO_RULE_CRASH_RECURSION) : 0;
}

int ovo_frames_probe_str(ovo_ctx *ctx, const ovo_val *v, int32_t offset)
{
    if (v->type == OVO_STR)  /* PyObject_Str returns a str as it is */
        return ovo_frames_probe(ctx, offset);
    return ovo_frames_probe_repr(ctx, v, offset);
}

int ovo_frames_probe_fmt(ovo_ctx *ctx, const ovo_val *v, int32_t offset)
{
    if (v->type == OVO_INT)  /* PyUnicode_Format writes an int itself */
        return ovo_frames_probe(ctx, offset);
    return ovo_frames_probe_str(ctx, v, offset);
}
