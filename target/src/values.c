/* Value constructors and Python type names. */
#include "internal.h"

const ovo_val ovo_none = {.type = OVO_NONE};
const ovo_val ovo_true = {.type = OVO_BOOL, .u.b = true};
const ovo_val ovo_false = {.type = OVO_BOOL, .u.b = false};

ovo_val *ovo_new_val(ovo_ctx *ctx, ovo_type t)
{
    ovo_val *v = ovo_alloc(ctx, sizeof *v);
    if (v) {
        memset(v, 0, sizeof *v);
        v->type = (uint8_t)t;
    }
    return v;
}

const ovo_val *ovo_mk_int(ovo_ctx *ctx, int64_t i)
{
    ovo_val *v = ovo_new_val(ctx, OVO_INT);
    if (v)
        v->u.i.small = i;
    return v;
}

const ovo_val *ovo_mk_float(ovo_ctx *ctx, double d)
{
    ovo_val *v = ovo_new_val(ctx, OVO_FLOAT);
    if (v)
        v->u.f = d;
    return v;
}

const ovo_val *ovo_mk_str(ovo_ctx *ctx, const char *p, size_t n)
{
    ovo_val *v = ovo_new_val(ctx, OVO_STR);
    if (v) {
        v->u.s.ptr = p;
        v->u.s.len = (uint32_t)n;
    }
    return v;
}

const ovo_val *ovo_mk_str_copy(ovo_ctx *ctx, const char *p, size_t n)
{
    char *d = ovo_memdup(ctx, p, n);
    return d ? ovo_mk_str(ctx, d, n) : NULL;
}

const char *ovo_type_name(const ovo_val *v)
{
    switch ((ovo_type)v->type) {
    case OVO_NONE: return "NoneType";
    case OVO_BOOL: return "bool";
    case OVO_INT: return "int";
    case OVO_FLOAT: return "float";
    case OVO_STR: return "str";
    case OVO_LIST: return "list";
    case OVO_TUPLE: return "tuple";
    case OVO_SET: return "set";
    case OVO_DICT: return "dict";
    case OVO_DATETIME: return "datetime";
    case OVO_IPADDR: return "IPAddress";
    case OVO_IPNET: return "IPNetwork";
    case OVO_MAC: return "EUI";
    case OVO_OBJECT: return "object";
    }
    return "?";
}
