/* DictOfMiscValues (neutron_lib/objects/common_types.py): a dict, or a str
 * holding JSON.  from_primitive is coerce, and setattr coerces again, so a
 * JSON string that decodes to a string is decoded twice and the field can
 * end up holding anything JSON can say: a list, a number, a str, None. */
#include "fields.h"
#include "frames.h"
#include "json.h"

/* jsonutils.loads(s) -> json.loads(encodeutils.safe_decode(s)); the
 * reference wraps every exception, RecursionError included, in ValueError
 * (DictOfMiscValues.coerce). */
static int loads(ovo_ctx *ctx, ovo_str s, const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)  /* jsonutils.loads */
        goto wrapped;
    if (ovo_frames_probe(ctx, 1) < 0) {  /* encodeutils.safe_decode */
        ovo_frames_leave(ctx, 1);
        goto wrapped;
    }
    /* json.loads -> decode -> raw_decode -> scanner, then one unit per
     * container */
    int32_t room = ctx->frame_limit - ctx->frames - OVO_FR_JSON_LOADS;
    ovo_frames_leave(ctx, 1);
    if (room < 0)
        goto wrapped;
    ovo_json_reason reason;
    if (ovo_json_parse(ctx, s.ptr, s.len, (uint32_t)room, out, &reason) == 0)
        return 0;
    if (ovo_failed(ctx))
        return -1;  /* our own MemoryError */
wrapped:
    if (ctx->exc == OVO_EXC_MEMORY_ERROR)
        return -1;
    ovo_clear_exc(ctx);
    return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
}

int ovo_misc_dict_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                         const ovo_val **out)
{
    if (in->type == OVO_DICT) {
        *out = in;
        return 0;
    }
    if (in->type != OVO_STR)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (loads(ctx, in->u.s, out) < 0)
        return -1;
    if (ovo_strict(ctx) && (*out)->type == OVO_STR)
        ovo_note(ctx, OVO_RULE_MISCDICT_DOUBLE_ENCODED);
    return 0;
}

/* from_primitive is a staticmethod calling coerce: one more frame */
int ovo_misc_dict_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                 const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = ovo_misc_dict_coerce(ctx, td, in, out);
    ovo_frames_leave(ctx, 1);
    return rc;
}

/* to_primitive: jsonutils.dumps(value) -> json.dumps(value, default=...)
 * -> JSONEncoder.encode -> iterencode -> the C encoder, which takes one
 * recursion unit per container. */
int ovo_misc_dict_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                               const ovo_val **out)
{
    int32_t room = ctx->frame_limit - ctx->frames - OVO_FR_JSON_DUMPS - 1;
    if (ovo_frames_probe(ctx, OVO_FR_JSON_DUMPS) < 0)
        return -1;
    ovo_str s;
    if (ovo_json_dumps_py(ctx, in, room < 0 ? 0 : (uint32_t)room, &s) < 0)
        return -1;
    const ovo_val *v = ovo_mk_str(ctx, s.ptr, s.len);
    if (!v)
        return -1;
    *out = v;
    return 0;
}
