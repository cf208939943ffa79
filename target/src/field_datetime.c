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
#include "frames.h"
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

/* timeutils.parse_isotime(v), called from the current frame: every
 * failure is a ValueError (the value's type does not matter). */
static int parse_isotime(ovo_ctx *ctx, const ovo_val *in, ovo_isotime *it)
{
    if (ovo_frames_probe(ctx, OVO_FR_PARSE_DATE) < 0)
        return -1;
    if (in->type != OVO_STR)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    ovo_isotime_status st = ovo_isotime_parse(in->u.s.ptr, in->u.s.len, it);
    if (st == OVO_ISOTIME_NO_MATCH)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    static const int32_t tz_units[] = {
        [OVO_ISO_ZONE_NONE] = OVO_FR_TZ_NONE,
        [OVO_ISO_ZONE_Z] = OVO_FR_TZ_Z,
        [OVO_ISO_ZONE_OFFSET] = OVO_FR_TZ_OFFSET,
    };
    if (ctx->frames + tz_units[it->zone] > ctx->frame_limit || st != OVO_ISOTIME_OK)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    return 0;
}

int ovo_datetime_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                const ovo_val **out)
{
    /* self.coerce(obj, attr, timeutils.parse_isotime(value)); coerce on a
     * datetime stays shallower */
    ovo_isotime it;
    if (parse_isotime(ctx, in, &it) < 0)
        return -1;
    if (ovo_strict(ctx)) {
        if (!ovo_isotime_canonical(in->u.s.ptr, in->u.s.len))
            ovo_note(ctx, OVO_RULE_DATETIME_NONCANONICAL);
        if (!td->tzinfo_aware && it.dt.utcoffset_s != 0)
            ovo_note(ctx, OVO_RULE_DATETIME_OFFSET_DROPPED);
        /* _utils.isotime writes strftime('%Y'), unpadded below 1000, which
         * parse_isotime cannot read back */
        if (it.dt.year < 1000)
            ovo_note(ctx, OVO_RULE_DATETIME_SHORT_YEAR);
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
        if (parse_isotime(ctx, in, &it) < 0)
            return -1;
        dt = it.dt;
    } else if (in->type == OVO_DATETIME) {
        dt = in->u.dt;
    } else {
        /* "A datetime.datetime is required in field %(attr)s, not a
         * %(type)s" */
        return ovo_value_error(ctx, NULL);
    }
    /* value.utcoffset(), value.replace(...) */
    if (ovo_frames_probe(ctx, 1) < 0)
        return -1;
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
    if (ovo_frames_probe(ctx, OVO_FR_ISOTIME) < 0)
        return -1;
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
