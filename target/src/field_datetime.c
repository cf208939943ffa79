/* The DateTime field type (oslo_versionedobjects/fields.py DateTime).
 *
 *   from_primitive(v) = coerce(timeutils.parse_isotime(v))
 *   coerce(v):  str -> parse_isotime; not a datetime -> ValueError;
 *               naive and tzinfo_aware -> replace(tzinfo=UTC);
 *               not tzinfo_aware -> replace(tzinfo=None)
 *   to_primitive(v) = _utils.isotime(v)
 *
 * parse_isotime (oslo_utils/timeutils.py) turns every failure of
 * iso8601.parse_date into ValueError, including the TypeError re.match
 * raises for a value that is not a str, so from_primitive refuses every
 * non-string with ValueError.  parse_date attaches UTC when no zone is
 * given, so a parsed value is always aware; a field with tzinfo_aware
 * False (all of Neutron's) then drops the zone and keeps the wall-clock
 * time, unconverted.  Field.coerce runs coerce once more on the result,
 * which changes nothing.
 */
#include "fields.h"
#include "ovo/isotime.h"

/* DateTime.coerce's zone handling on a datetime. */
static void apply_tz_policy(const ovo_type_desc *td, ovo_datetime *dt)
{
    if (td->tzinfo_aware) {
        if (!dt->has_tz) {          /* replace(tzinfo=iso8601.UTC) */
            dt->has_tz = true;
            dt->utcoffset_s = 0;
        }
    } else {                        /* replace(tzinfo=None) */
        dt->has_tz = false;
        dt->utcoffset_s = 0;
    }
}

static int make_datetime(ovo_ctx *ctx, const ovo_datetime *dt, const ovo_val **out)
{
    ovo_val *v = ovo_new_val(ctx, OVO_DATETIME);
    if (!v)
        return -1;
    v->u.dt = *dt;
    *out = v;
    return 0;
}

/* timeutils.parse_isotime on a value known to be a str. */
static int parse_str(ovo_ctx *ctx, ovo_str s, ovo_isotime *it)
{
    if (ovo_isotime_parse(s.ptr, s.len, it) != OVO_ISOTIME_OK)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    return 0;
}

int ovo_datetime_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                const ovo_val **out)
{
    if (in->type != OVO_STR)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    ovo_isotime it;
    if (parse_str(ctx, in->u.s, &it) < 0)
        return -1;
    if (ovo_strict(ctx)) {
        if (!ovo_isotime_canonical(in->u.s.ptr, in->u.s.len))
            ovo_note(ctx, OVO_RULE_DATETIME_NONCANONICAL);
        if (!td->tzinfo_aware && it.dt.utcoffset_s != 0)
            ovo_note(ctx, OVO_RULE_DATETIME_OFFSET_DROPPED);
    }
    apply_tz_policy(td, &it.dt);
    return make_datetime(ctx, &it.dt, out);
}

int ovo_datetime_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                        const ovo_val **out)
{
    ovo_datetime dt;
    if (in->type == OVO_STR) {
        ovo_isotime it;
        if (parse_str(ctx, in->u.s, &it) < 0)
            return -1;
        dt = it.dt;
    } else if (in->type == OVO_DATETIME) {
        dt = in->u.dt;
    } else {
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    }
    apply_tz_policy(td, &dt);
    if (in->type == OVO_DATETIME && dt.has_tz == in->u.dt.has_tz &&
        dt.utcoffset_s == in->u.dt.utcoffset_s) {
        *out = in;                  /* the zone was already right */
        return 0;
    }
    return make_datetime(ctx, &dt, out);
}

int ovo_datetime_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                              const ovo_val **out)
{
    /* _utils.isotime calls at.strftime: anything but a datetime has no
     * such attribute.  Unreachable after coerce, kept for safety. */
    if (in->type != OVO_DATETIME)
        return ovo_raise(ctx, OVO_EXC_ATTRIBUTE_ERROR, OVO_RULE_CRASH_OTHER);
    /* The zone's name is appended verbatim; ovo_datetime keeps only the
     * offset, so an aware value's name is derived from it (exact for Z,
     * no zone, and non-zero offsets with minutes below 60). */
    char buf[64];
    size_t n = ovo_datetime_isotime(&in->u.dt, NULL, buf);
    const ovo_val *s = ovo_mk_str_copy(ctx, buf, n);
    if (!s)
        return -1;
    *out = s;
    return 0;
}
