/* Outcome lines (OUTCOME.md): one JSON object, keys sorted at every level,
 * compact separators, ASCII only, tagged values for what JSON cannot say. */
#include <stdlib.h>

#include "buf.h"
#include "object.h"
#include "ovo/isotime.h"
#include "ovo/netaddr.h"
#include "pynum.h"

#define PUT(x)         \
    do {               \
        if ((x) < 0)   \
            return -1; \
    } while (0)

static int render(const ovo_val *v, ovo_buf *b);

static int put_key(ovo_buf *b, const char *k)
{
    PUT(ovo_buf_put_json_str(b, k, strlen(k)));
    return ovo_buf_putc(b, ':');
}

/* Sets and tuples: elements sorted by their own rendering. */
typedef struct rendered {
    char *s;
    size_t n;
} rendered;

static int cmp_rendered(const void *a, const void *b)
{
    const rendered *x = a, *y = b;
    size_t n = x->n < y->n ? x->n : y->n;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

static int render_sorted(const char *tag, const ovo_val *v, ovo_buf *b)
{
    uint32_t n = v->u.seq.n;
    rendered *r = ovo_sys_malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return -1;
    int rc = 0;
    uint32_t done = 0;
    for (; done < n && rc == 0; done++) {
        ovo_buf e = {0};
        rc = render(v->u.seq.items[done], &e);
        r[done].s = e.data;
        r[done].n = e.len;
    }
    if (rc == 0) {
        qsort(r, n, sizeof *r, cmp_rendered);
        rc = ovo_buf_putc(b, '{');
        if (rc == 0)
            rc = put_key(b, tag);
        if (rc == 0)
            rc = ovo_buf_putc(b, '[');
        for (uint32_t i = 0; rc == 0 && i < n; i++) {
            if (i)
                rc = ovo_buf_putc(b, ',');
            if (rc == 0)
                rc = ovo_buf_put(b, r[i].s, r[i].n);
        }
        if (rc == 0)
            rc = ovo_buf_put(b, "]}", 2);
    }
    for (uint32_t i = 0; i < done; i++)
        ovo_sys_free(r[i].s);
    ovo_sys_free(r);
    return rc;
}

/* Dict keys as rendered: a key starting with '$' gets one more '$'. */
static int cmp_keys(const ovo_dict_entry *x, const ovo_dict_entry *y)
{
    /* compare "$"*dx + x.key with "$"*dy + y.key byte by byte */
    int dx = x->key.len && x->key.ptr[0] == '$';
    int dy = y->key.len && y->key.ptr[0] == '$';
    size_t nx = x->key.len + (size_t)dx, ny = y->key.len + (size_t)dy;
    for (size_t i = 0; i < nx && i < ny; i++) {
        unsigned char a = dx ? (i == 0 ? '$' : (unsigned char)x->key.ptr[i - 1]) : (unsigned char)x->key.ptr[i];
        unsigned char c = dy ? (i == 0 ? '$' : (unsigned char)y->key.ptr[i - 1]) : (unsigned char)y->key.ptr[i];
        if (a != c)
            return a < c ? -1 : 1;
    }
    return (nx > ny) - (nx < ny);
}

static int cmp_entry_ptrs(const void *a, const void *b)
{
    return cmp_keys(*(const ovo_dict_entry *const *)a, *(const ovo_dict_entry *const *)b);
}

static int render_dict(const ovo_val *v, ovo_buf *b)
{
    uint32_t n = v->u.dict.n;
    const ovo_dict_entry **order = ovo_sys_malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return -1;
    for (uint32_t i = 0; i < n; i++)
        order[i] = &v->u.dict.entries[i];
    qsort(order, n, sizeof *order, cmp_entry_ptrs);
    int rc = ovo_buf_putc(b, '{');
    for (uint32_t i = 0; rc == 0 && i < n; i++) {
        const ovo_dict_entry *e = order[i];
        if (i)
            rc = ovo_buf_putc(b, ',');
        if (rc == 0 && e->key.len && e->key.ptr[0] == '$') {
            /* the escaped key: '$' + key, as one JSON string */
            ovo_buf tmp = {0};
            rc = ovo_buf_putc(&tmp, '$');
            if (rc == 0)
                rc = ovo_buf_put(&tmp, e->key.ptr, e->key.len);
            if (rc == 0)
                rc = ovo_buf_put_json_str(b, tmp.data, tmp.len);
            ovo_buf_free(&tmp);
        } else if (rc == 0) {
            rc = ovo_buf_put_json_str(b, e->key.ptr, e->key.len);
        }
        if (rc == 0)
            rc = ovo_buf_putc(b, ':');
        if (rc == 0)
            rc = render(e->value, b);
    }
    if (rc == 0)
        rc = ovo_buf_putc(b, '}');
    ovo_sys_free(order);
    return rc;
}

static int render_int(const ovo_val *v, ovo_buf *b)
{
    if (!v->u.i.big)
        return ovo_buf_put_i64(b, v->u.i.small);
    const ovo_bigint *big = v->u.i.big;
    PUT(ovo_buf_puts(b, "{\"$int\":\""));
    if (big->sign < 0)
        PUT(ovo_buf_putc(b, '-'));
    PUT(ovo_buf_put(b, big->digits, big->ndigits));
    return ovo_buf_put(b, "\"}", 2);
}

static int render_ipaddr(const ovo_ipaddr *ip, ovo_buf *b)
{
    char tmp[64];
    size_t n = ovo_ipaddr_format(ip, tmp);
    return ovo_buf_put_json_str(b, tmp, n);
}

static int render_object_body(const ovo_object *obj, ovo_buf *b, const char *outcome,
                              const ovo_result *res);

static int render(const ovo_val *v, ovo_buf *b)
{
    char tmp[64];
    switch ((ovo_type)v->type) {
    case OVO_NONE: return ovo_buf_puts(b, "null");
    case OVO_BOOL: return ovo_buf_puts(b, v->u.b ? "true" : "false");
    case OVO_INT: return render_int(v, b);
    case OVO_FLOAT: {
        size_t n = ovo_py_float_repr(v->u.f, tmp);
        PUT(ovo_buf_puts(b, "{\"$float\":"));
        PUT(ovo_buf_put_json_str(b, tmp, n));
        return ovo_buf_putc(b, '}');
    }
    case OVO_STR: return ovo_buf_put_json_str(b, v->u.s.ptr, v->u.s.len);
    case OVO_LIST:
        PUT(ovo_buf_putc(b, '['));
        for (uint32_t i = 0; i < v->u.seq.n; i++) {
            if (i)
                PUT(ovo_buf_putc(b, ','));
            PUT(render(v->u.seq.items[i], b));
        }
        return ovo_buf_putc(b, ']');
    case OVO_TUPLE: return render_sorted("$tuple", v, b);
    case OVO_SET: return render_sorted("$set", v, b);
    case OVO_DICT: return render_dict(v, b);
    case OVO_DATETIME: {
        size_t n = ovo_datetime_isoformat(&v->u.dt, tmp);
        PUT(ovo_buf_puts(b, "{\"$datetime\":"));
        PUT(ovo_buf_put_json_str(b, tmp, n));
        return ovo_buf_putc(b, '}');
    }
    case OVO_IPADDR:
        PUT(ovo_buf_puts(b, "{\"$ip\":"));
        PUT(render_ipaddr(&v->u.ip, b));
        PUT(ovo_buf_puts(b, ",\"v\":"));
        PUT(ovo_buf_put_i64(b, v->u.ip.version));
        return ovo_buf_putc(b, '}');
    case OVO_IPNET:
        PUT(ovo_buf_puts(b, "{\"$ipnet\":"));
        PUT(ovo_buf_put_json_str(b, v->u.net.text.ptr, v->u.net.text.len));
        PUT(ovo_buf_puts(b, ",\"ip\":"));
        PUT(render_ipaddr(&v->u.net.ip, b));
        PUT(ovo_buf_puts(b, ",\"prefixlen\":"));
        PUT(ovo_buf_put_i64(b, v->u.net.prefixlen));
        PUT(ovo_buf_puts(b, ",\"v\":"));
        PUT(ovo_buf_put_i64(b, v->u.net.ip.version));
        return ovo_buf_putc(b, '}');
    case OVO_MAC:
        PUT(ovo_buf_puts(b, "{\"$mac\":"));
        PUT(ovo_buf_put_json_str(b, v->u.mac.text.ptr, v->u.mac.text.len));
        PUT(ovo_buf_puts(b, ",\"bits\":"));
        PUT(ovo_buf_put_i64(b, v->u.mac.bits));
        PUT(ovo_buf_puts(b, ",\"hex\":\""));
        PUT(ovo_buf_put_u64_hex(b, v->u.mac.value));
        return ovo_buf_put(b, "\"}", 2);
    case OVO_OBJECT:
        PUT(ovo_buf_puts(b, "{\"$obj\":"));
        PUT(render_object_body(v->u.obj, b, NULL, NULL));
        return ovo_buf_putc(b, '}');
    }
    return -1;
}

/* {"changes":[...],"fields":{...},"name":...,"off_type":{...}, [outcome
 * keys], "version":...}: keys in sorted order. */
static int render_object_body(const ovo_object *obj, ovo_buf *b, const char *outcome,
                              const ovo_result *res)
{
    const ovo_class *cls = obj->cls;
    uint64_t changed = ovo_obj_what_changed(obj);
    PUT(ovo_buf_puts(b, "{\"changes\":["));
    bool first = true;
    for (uint32_t k = 0; k < cls->nfields; k++) {
        uint32_t i = cls->fields_by_name[k];
        if (!((changed >> i) & 1))
            continue;
        if (!first)
            PUT(ovo_buf_putc(b, ','));
        first = false;
        PUT(ovo_buf_put_json_str(b, cls->fields[i].name, cls->fields[i].name_len));
    }
    PUT(ovo_buf_puts(b, "],\"fields\":{"));
    first = true;
    bool any_off = false;
    for (uint32_t k = 0; k < cls->nfields; k++) {
        uint32_t i = cls->fields_by_name[k];
        const ovo_val *v = obj->values[i];
        if (!v)
            continue;
        any_off |= ovo_obj_off_type(obj, i) != NULL;
        if (!first)
            PUT(ovo_buf_putc(b, ','));
        first = false;
        PUT(ovo_buf_put_json_str(b, cls->fields[i].name, cls->fields[i].name_len));
        PUT(ovo_buf_putc(b, ':'));
        PUT(render(v, b));
    }
    PUT(ovo_buf_puts(b, "},\"name\":"));
    PUT(ovo_buf_put_json_str(b, cls->name, cls->name_len));
    if (any_off) {
        PUT(ovo_buf_puts(b, ",\"off_type\":{"));
        first = true;
        for (uint32_t k = 0; k < cls->nfields; k++) {
            uint32_t i = cls->fields_by_name[k];
            const char *t = ovo_obj_off_type(obj, i);
            if (!t)
                continue;
            if (!first)
                PUT(ovo_buf_putc(b, ','));
            first = false;
            PUT(ovo_buf_put_json_str(b, cls->fields[i].name, cls->fields[i].name_len));
            PUT(ovo_buf_putc(b, ':'));
            PUT(ovo_buf_put_json_str(b, t, strlen(t)));
        }
        PUT(ovo_buf_putc(b, '}'));
    }
    if (outcome) {
        PUT(ovo_buf_puts(b, ",\"outcome\":"));
        PUT(ovo_buf_put_json_str(b, outcome, strlen(outcome)));
        if (res->primitive) {
            PUT(ovo_buf_puts(b, ",\"primitive\":"));
            PUT(render(res->primitive, b));
        } else if (res->to_primitive_error != OVO_EXC_NONE) {
            PUT(ovo_buf_puts(b, ",\"to_primitive_error\":"));
            const char *e = ovo_exc_name(res->to_primitive_error);
            PUT(ovo_buf_put_json_str(b, e, strlen(e)));
        }
    }
    PUT(ovo_buf_puts(b, ",\"version\":"));
    PUT(ovo_buf_put_json_str(b, obj->version.ptr, obj->version.len));
    return ovo_buf_putc(b, '}');
}

static int render_reject(ovo_buf *b, const char *error, bool expected)
{
    PUT(ovo_buf_puts(b, "{\"error\":"));
    PUT(ovo_buf_put_json_str(b, error, strlen(error)));
    PUT(ovo_buf_puts(b, expected ? ",\"expected\":true" : ",\"expected\":false"));
    return ovo_buf_puts(b, ",\"outcome\":\"reject\"}");
}

static int render_violations(ovo_buf *b, const ovo_rule *rules, size_t n)
{
    PUT(ovo_buf_puts(b, "{\"error\":\"StrictViolation\",\"expected\":true,"
                        "\"outcome\":\"reject\",\"violations\":["));
    for (size_t i = 0; i < n; i++) {
        if (i)
            PUT(ovo_buf_putc(b, ','));
        const char *id = ovo_rule_id(rules[i]);
        PUT(ovo_buf_put_json_str(b, id, strlen(id)));
    }
    return ovo_buf_puts(b, "]}");
}

int ovo_render_outcome(const ovo_result *res, ovo_mode mode, ovo_buf *out)
{
    switch (res->outcome) {
    case OVO_OUT_JSON_ERROR:
        PUT(ovo_buf_puts(out, "{\"outcome\":\"json_error\",\"reason\":"));
        PUT(ovo_buf_put_json_str(out, ovo_json_reason_name(res->json_reason),
                                 strlen(ovo_json_reason_name(res->json_reason))));
        return ovo_buf_putc(out, '}');
    case OVO_OUT_RESOURCE:
        /* libovo's own memory budget: what Python would raise */
        return render_reject(out, "MemoryError", false);
    case OVO_OUT_REJECT:
        if (mode == OVO_MODE_STRICT && !ovo_exc_expected(res->error))
            return render_violations(out, &res->crash_rule, 1);
        return render_reject(out, ovo_exc_name(res->error), ovo_exc_expected(res->error));
    case OVO_OUT_ACCEPT:
        if (mode == OVO_MODE_STRICT && res->nviolations)
            return render_violations(out, res->violations, res->nviolations);
        return render_object_body(res->object->u.obj, out, "accept", res);
    }
    return -1;
}

int ovo_render_value(const ovo_val *v, ovo_buf *out) { return render(v, out); }
