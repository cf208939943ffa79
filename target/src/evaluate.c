/* One input, start to end: strict UTF-8 decode, json.loads,
 * obj_from_primitive, obj_to_primitive, strict verdict (OUTCOME.md). */
#include "evaluate.h"
#include "frames.h"
#include "ovo/json.h"
#include "json.h"
#include "object.h"
#include "strict.h"

const char *ovo_json_reason_name(ovo_json_reason r)
{
    switch (r) {
    case OVO_JSON_UTF8: return "utf8";
    case OVO_JSON_SYNTAX: return "syntax";
    case OVO_JSON_DEPTH: return "depth";
    case OVO_JSON_INT_DIGITS: return "int_digits";
    }
    return "?";
}

void ovo_begin(ovo_ctx *ctx, unsigned flags, ovo_result *res)
{
    memset(res, 0, sizeof *res);
    ctx->flags = flags;
    ctx->frames = 0;
    ctx->frame_limit = (int32_t)ctx->limits.stack_budget;
    ovo_clear_exc(ctx);
    memset(ctx->notes, 0, sizeof ctx->notes);
}

int ovo_resource(ovo_result *res)
{
    res->outcome = OVO_OUT_RESOURCE;
    return -1;
}

/* Everything after json.loads: obj_from_primitive, obj_to_primitive and
 * the strict verdict. */
int ovo_evaluate_tree(ovo_ctx *ctx, const ovo_val *prim, unsigned flags, ovo_result *res)
{
    const ovo_val *obj;
    if (ovo_obj_from_primitive(ctx, prim, false, &obj) < 0) {
        if (ctx->exc == OVO_EXC_MEMORY_ERROR)
            return ovo_resource(res);
        res->outcome = OVO_OUT_REJECT;
        res->error = ctx->exc;
        res->crash_rule = ovo_exc_expected(ctx->exc) ? OVO_RULE_NONE : ctx->exc_rule;
        if (res->crash_rule == OVO_RULE_NONE && !ovo_exc_expected(ctx->exc))
            res->crash_rule = OVO_RULE_CRASH_OTHER;
        return 0;
    }
    res->outcome = OVO_OUT_ACCEPT;
    res->object = obj;
    if (flags & OVO_EVAL_PRIMITIVE) {
        const ovo_val *p;
        if (ovo_obj_to_primitive(ctx, obj->u.obj, &p) < 0) {
            if (ctx->exc == OVO_EXC_MEMORY_ERROR)
                return ovo_resource(res);
            res->to_primitive_error = ctx->exc;
            ovo_clear_exc(ctx);
        } else {
            res->primitive = p;
        }
    }
    if (flags & OVO_EVAL_STRICT)
        ovo_strict_collect(ctx, &res->violations, &res->nviolations);
    return 0;
}

/* The JSON layer at the top: the recursion units left for the C scanner. */
uint32_t ovo_top_json_units(const ovo_ctx *ctx)
{
    /* json.loads -> decode -> raw_decode -> scanner, then one unit per
     * container: 997 containers with the reference's budget */
    int32_t units = ctx->frame_limit - OVO_FR_JSON_LOADS;
    return units < 0 ? 0 : (uint32_t)units;
}

int ovo_json_loads(ovo_ctx *ctx, const void *data, size_t size, const ovo_val **out,
                   ovo_json_reason *reason)
{
    ctx->frame_limit = (int32_t)ctx->limits.stack_budget;
    ctx->frames = 0;
    ovo_clear_exc(ctx);
    if (size > UINT32_MAX / 2) {
        *reason = OVO_JSON_SYNTAX;
        return ovo_nomem(ctx);
    }
    if (!ovo_utf8_valid(data, size)) {
        *reason = OVO_JSON_UTF8;
        return -1;
    }
    if (ctx->frame_limit < OVO_FR_JSON_LOADS) {
        *reason = OVO_JSON_DEPTH;  /* the scanner's call itself fails */
        return -1;
    }
    return ovo_json_parse(ctx, data, size, ovo_top_json_units(ctx), out, reason);
}

bool ovo_json_loads_nomem(const ovo_ctx *ctx) { return ctx->exc == OVO_EXC_MEMORY_ERROR; }

int ovo_evaluate(ovo_ctx *ctx, const void *data, size_t size, unsigned flags,
                 ovo_result *res)
{
    ovo_begin(ctx, flags, res);
    const ovo_val *prim;
    ovo_json_reason reason;
    if (ovo_json_loads(ctx, data, size, &prim, &reason) < 0) {
        if (ovo_failed(ctx))
            return ovo_resource(res);
        res->outcome = OVO_OUT_JSON_ERROR;
        res->json_reason = reason;
        return 0;
    }
    return ovo_evaluate_tree(ctx, prim, flags, res);
}

bool ovo_strict_accepts(const ovo_result *res)
{
    return res->outcome == OVO_OUT_ACCEPT && res->nviolations == 0;
}

const ovo_val *ovo_object_field(const ovo_object *obj, uint32_t index)
{
    return index < obj->cls->nfields ? obj->values[index] : NULL;
}

const ovo_class *ovo_object_class(const ovo_object *obj) { return obj->cls; }

ovo_str ovo_object_version(const ovo_object *obj) { return obj->version; }
