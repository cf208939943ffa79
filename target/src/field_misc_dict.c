/* DictOfMiscValues (neutron_lib/objects/common_types.py): a dict, or a str
 * holding JSON.  from_primitive is coerce, and setattr coerces again, so a
 * JSON string that decodes to a string is decoded twice and the field can
 * end up holding anything JSON can say: a list, a number, a str, None. */
#include "fields.h"
#include "frames.h"
#include "json.h"

/* try: jsonutils.loads(value) -> json.loads(encodeutils.safe_decode(s))
 * except Exception: raise ValueError(_(...) % value).  Whatever fails
 * inside, RecursionError included, becomes the ValueError, provided the
 * handler's message fits (the value is a str: only _() takes units). */
static int loads(ovo_ctx *ctx, ovo_str s, const ovo_val **out)
{
    int rc = ovo_frames_enter(ctx, 1);  /* jsonutils.loads */
    if (rc == 0) {
        rc = ovo_frames_probe(ctx, OVO_FR_SAFE_DECODE);
        /* json.loads runs beside safe_decode: its scanner sits
         * OVO_FR_JSON_LOADS above jsonutils.loads */
        int32_t room = ctx->frame_limit - ctx->frames - OVO_FR_JSON_LOADS;
        ovo_frames_leave(ctx, 1);
        if (rc == 0 && room >= 0) {
            ovo_json_reason reason;
            rc = ovo_json_parse(ctx, s.ptr, s.len, (uint32_t)room, out, &reason);
            if (rc == 0)
                return 0;
        }
    }
    if (ctx->exc == OVO_EXC_MEMORY_ERROR)
        return -1;  /* our own */
    ovo_clear_exc(ctx);
    return ovo_value_error(ctx, NULL);
}

int ovo_misc_dict_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                         const ovo_val **out)
{
    if (in->type == OVO_DICT) {
        *out = in;
        return 0;
    }
    if (in->type != OVO_STR)  /* "... not type of dict or stringified JSON" */
        return ovo_value_error(ctx, in);
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
 * recursion unit per container; RecursionError passes through. */
int ovo_misc_dict_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                               const ovo_val **out)
{
    int32_t room = ctx->frame_limit - ctx->frames - OVO_FR_JSON_DUMPS;
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
