/* json.dumps(value) with Python's defaults, for DictOfMiscValues.to_primitive
 * (jsonutils.dumps): ensure_ascii, ", " and ": " separators, insertion
 * order, float repr, NaN/Infinity/-Infinity literals (allow_nan=True);
 * tuples (and, for ovo_json_dumps, sets) are arrays.
 * The C encoder (Modules/_json.c encoder_listencode_obj) takes one
 * recursion unit per list or dict; past max_depth it raises RecursionError. */
#include "buf.h"
#include "json.h"
#include "ovo/json.h"
#include "pynum.h"

typedef struct dumper {
    ovo_ctx *ctx;
    ovo_buf b;
    uint32_t max_depth;
} dumper;

/* An explicit stack keeps C recursion flat whatever the depth. */
typedef struct dframe {
    const ovo_val *v;
    uint32_t next;
} dframe;

static int put_scalar(dumper *d, const ovo_val *v)
{
    ovo_buf *b = &d->b;
    switch (v->type) {
    case OVO_NONE: return ovo_buf_puts(b, "null");
    case OVO_BOOL: return ovo_buf_puts(b, v->u.b ? "true" : "false");
    case OVO_INT: {
        if (!v->u.i.big)
            return ovo_buf_put_i64(b, v->u.i.small);
        ovo_str s;
        if (ovo_py_int_str(d->ctx, v, &s) < 0)
            return -1;
        return ovo_buf_put(b, s.ptr, s.len);
    }
    case OVO_FLOAT: {
        double f = v->u.f;
        if (f != f)
            return ovo_buf_puts(b, "NaN");
        if (f - f != 0)
            return ovo_buf_puts(b, f > 0 ? "Infinity" : "-Infinity");
        char tmp[OVO_FLOAT_REPR_MAX];
        size_t n = ovo_py_float_repr(f, tmp);
        return ovo_buf_put(b, tmp, n);
    }
    case OVO_STR: return ovo_buf_put_json_str(b, v->u.s.ptr, v->u.s.len);
    default:
        /* JSON-shaped values only reach here (they came from json.loads) */
        return ovo_raise(d->ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_OTHER);
    }
}

static bool is_container(const ovo_val *v)
{
    return v->type == OVO_LIST || v->type == OVO_TUPLE || v->type == OVO_SET ||
           v->type == OVO_DICT;
}

static bool is_seq(const ovo_val *v) { return v->type != OVO_DICT; }

static int dump(dumper *d, const ovo_val *root)
{
    ovo_ctx *ctx = d->ctx;
    if (!is_container(root))
        return put_scalar(d, root);
    dframe *stack = NULL;
    uint32_t depth = 0, cap = 0;
    const ovo_val *v = root;
    for (;;) {
        if (is_container(v)) {
            if (depth >= d->max_depth)
                return ovo_raise(ctx, OVO_EXC_RECURSION_ERROR, OVO_RULE_CRASH_RECURSION);
            if (depth == cap) {
                uint32_t ncap = cap ? cap * 2 : 16;
                dframe *ns = ovo_alloc(ctx, ncap * sizeof *ns);
                if (!ns)
                    return -1;
                if (depth)
                    memcpy(ns, stack, depth * sizeof *ns);
                stack = ns;
                cap = ncap;
            }
            stack[depth].v = v;
            stack[depth].next = 0;
            depth++;
            if (ovo_buf_putc(&d->b, is_seq(v) ? '[' : '{') < 0)
                return ovo_nomem(ctx);
        } else if (put_scalar(d, v) < 0) {
            return ovo_failed(ctx) ? -1 : ovo_nomem(ctx);
        }
        /* advance to the next value, closing finished containers */
        for (;;) {
            if (depth == 0)
                return 0;
            dframe *f = &stack[depth - 1];
            uint32_t n = is_seq(f->v) ? f->v->u.seq.n : f->v->u.dict.n;
            if (f->next == n) {
                if (ovo_buf_putc(&d->b, is_seq(f->v) ? ']' : '}') < 0)
                    return ovo_nomem(ctx);
                depth--;
                continue;
            }
            if (f->next > 0 && ovo_buf_put(&d->b, ", ", 2) < 0)
                return ovo_nomem(ctx);
            if (is_seq(f->v)) {
                v = f->v->u.seq.items[f->next++];
            } else {
                const ovo_dict_entry *e = &f->v->u.dict.entries[f->next++];
                if (ovo_buf_put_json_str(&d->b, e->key.ptr, e->key.len) < 0 ||
                    ovo_buf_put(&d->b, ": ", 2) < 0)
                    return ovo_nomem(ctx);
                v = e->value;
            }
            break;
        }
    }
}

int ovo_json_dumps_py(ovo_ctx *ctx, const ovo_val *v, uint32_t max_depth, ovo_str *out)
{
    dumper d = {.ctx = ctx, .max_depth = max_depth};
    int rc = dump(&d, v);
    if (rc == 0) {
        char *s = ovo_memdup(ctx, d.b.data, d.b.len);
        if (s)
            *out = (ovo_str){s, (uint32_t)d.b.len};
        else
            rc = -1;
    } else if (!ovo_failed(ctx)) {
        rc = ovo_nomem(ctx);
    }
    ovo_buf_free(&d.b);
    return rc;
}

int ovo_json_dumps(ovo_ctx *ctx, const ovo_val *v, ovo_str *out)
{
    return ovo_json_dumps_py(ctx, v, UINT32_MAX, out);
}
