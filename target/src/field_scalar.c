/* Scalar field types: String, UUID (neutron-lib and oslo), Enum,
 * DomainName, Integer and its range/enum variants, PortRanges, Boolean.
 * (oslo_versionedobjects/fields.py, neutron_lib/objects/common_types.py,
 * neutron_lib/objects/logapi/event_types.py) */
#include "fields.h"
#include "ovo/uuid.h"
#include "pynum.h"
#include "pyobj.h"
#include "frames.h"

/* ---------------------------------------------------------------- String */

/* String.coerce: isinstance(value, (int, float, str, datetime)) -> str(),
 * else ValueError (naming the value's type, not the value) */
static int string_coerce(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out)
{
    if (ovo_frames_probe(ctx, OVO_FR_ISINSTANCE_TUPLE) < 0)
        return -1;
    switch (in->type) {
    case OVO_STR:
        *out = in;
        return 0;
    case OVO_BOOL:  /* bool is an int: str(True) == "True" */
    case OVO_INT:
    case OVO_FLOAT: {
        if (ovo_strict(ctx))
            ovo_note(ctx, OVO_RULE_STRING_FROM_NON_STRING);
        ovo_str s;
        if (ovo_py_str(ctx, in, &s) < 0)
            return -1;
        const ovo_val *v = ovo_mk_str(ctx, s.ptr, s.len);
        if (!v)
            return -1;
        *out = v;
        return 0;
    }
    default:
        return ovo_value_error(ctx, NULL);
    }
}

/* super().coerce(obj, attr, value) from a String subclass: String.coerce
 * in a frame of its own. */
static int super_string_coerce(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = string_coerce(ctx, in, out);
    ovo_frames_leave(ctx, 1);
    return rc;
}

int ovo_string_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                      const ovo_val **out)
{
    return string_coerce(ctx, in, out);
}

/* ---------------------------------------------------------------- UUID */

/* Python's str.replace(old, "") into buf; returns the new length. */
static size_t remove_all(char *buf, size_t n, const char *old, size_t olen)
{
    size_t r = 0, w = 0;
    while (r < n) {
        if (n - r >= olen && memcmp(buf + r, old, olen) == 0) {
            r += olen;
            continue;
        }
        buf[w++] = buf[r++];
    }
    return w;
}

/* uuid.UUID(hex) accepts hex (Lib/uuid.py UUID.__init__):
 *   hex = hex.replace('urn:', '').replace('uuid:', '')
 *   hex = hex.strip('{}').replace('-', '')
 *   len(hex) == 32 code points, then int(hex, 16)
 * so braces anywhere at the ends, any number of dashes, a URN prefix in any
 * position, a '+' sign, a 0x prefix, whitespace and '_' all pass.
 * Returns 1 when valid, 0 when not, -1 on allocation failure. */
static bool all_hex(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (ovo_hex_value((unsigned char)c) < 0)
            return false;
    }
    return true;
}

int ovo_uuid_text_valid(ovo_ctx *ctx, ovo_str s)
{
    /* the common spellings: 36 characters with dashes at 8, 13, 18 and 23,
     * or 32 hex digits; int(hex, 16) of plain hex digits always succeeds */
    if (s.len == 36 && s.ptr[8] == '-' && s.ptr[13] == '-' && s.ptr[18] == '-' &&
        s.ptr[23] == '-' && all_hex(s.ptr, 8) && all_hex(s.ptr + 9, 4) &&
        all_hex(s.ptr + 14, 4) && all_hex(s.ptr + 19, 4) && all_hex(s.ptr + 24, 12))
        return 1;
    if (s.len == 32 && all_hex(s.ptr, 32))
        return 1;
    char small[128];
    char *buf = s.len <= sizeof small ? small : ovo_alloc(ctx, s.len);
    if (!buf)
        return -1;
    memcpy(buf, s.ptr, s.len);
    size_t n = remove_all(buf, s.len, "urn:", 4);
    n = remove_all(buf, n, "uuid:", 5);
    size_t a = 0, b = n;
    while (a < b && (buf[a] == '{' || buf[a] == '}'))
        a++;
    while (b > a && (buf[b - 1] == '{' || buf[b - 1] == '}'))
        b--;
    size_t m = remove_all(buf + a, b - a, "-", 1);
    ovo_str hex = {buf + a, (uint32_t)m};
    if (ovo_py_str_len(hex) != 32)
        return 0;
    const ovo_val *iv;
    if (ovo_py_int_from_str(ctx, hex, 16, &iv) < 0) {
        if (ctx->exc == OVO_EXC_MEMORY_ERROR)
            return -1;
        ovo_clear_exc(ctx);
        return 0;
    }
    /* 32 characters hold at most 32 hex digits: always below 2**128 */
    return 1;
}

bool ovo_uuid_is_canonical(ovo_str s)
{
    static const char dash_at[] = {8, 13, 18, 23};
    if (s.len != 36)
        return false;
    for (uint32_t i = 0, d = 0; i < 36; i++) {
        char c = s.ptr[i];
        if (d < 4 && i == (uint32_t)dash_at[d]) {
            if (c != '-')
                return false;
            d++;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

/* neutron_lib common_types.UUID.coerce: uuid.UUID(str(value)) as a check,
 * then str(value): the spelling given is stored, not the canonical one. */
int ovo_uuid_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                    const ovo_val **out)
{
    /* uuid.UUID(str(value)) */
    if (ovo_frames_probe_str(ctx, in, 0) < 0 || ovo_frames_probe(ctx, OVO_FR_UUID) < 0)
        return -1;
    if (in->type == OVO_LIST || in->type == OVO_DICT)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);  /* repr is never hex */
    ovo_str s;
    if (ovo_py_str(ctx, in, &s) < 0)
        return -1;
    int valid = ovo_uuid_text_valid(ctx, s);
    if (valid <= 0)
        return valid < 0 ? -1 : ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (ovo_strict(ctx) && (in->type != OVO_STR || !ovo_uuid_is_canonical(s)))
        ovo_note(ctx, OVO_RULE_UUID_NONCANONICAL);
    if (in->type == OVO_STR) {
        *out = in;
        return 0;
    }
    const ovo_val *v = ovo_mk_str(ctx, s.ptr, s.len);
    if (!v)
        return -1;
    *out = v;
    return 0;
}

/* oslo UUID.coerce: uuid.UUID('%s' % value) only warns; returns '%s' % value.
 * (SetOfUUIDsField elements) */
int ovo_oslo_uuid_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                         const ovo_val **out)
{
    /* "%s" % value, then catch_warnings, filterwarnings, uuid.UUID() */
    if (ovo_frames_probe(ctx, OVO_FR_UUID) < 0)
        return -1;
    ovo_str s;
    if (ovo_py_str(ctx, in, &s) < 0)
        return -1;
    if (ovo_strict(ctx) && (in->type != OVO_STR || !ovo_uuid_is_canonical(s)))
        ovo_note(ctx, OVO_RULE_UUID_UNCHECKED);
    if (in->type == OVO_STR) {
        *out = in;
        return 0;
    }
    const ovo_val *v = ovo_mk_str(ctx, s.ptr, s.len);
    if (!v)
        return -1;
    *out = v;
    return 0;
}

/* ---------------------------------------------------------------- Enum */

/* `value in valid_values`: a tuple or list compares with ==, a set hashes
 * first (TypeError for a list or dict). */
static int valid_value(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in, bool *found)
{
    if (td->container == OVO_C_SET && !ovo_py_hashable(in))
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_UNHASHABLE);
    *found = false;
    for (uint32_t i = 0; i < td->nvalues; i++)
        if (ovo_py_eq(in, td->values[i])) {
            *found = true;
            break;
        }
    return 0;
}

/* Enum.coerce (and SecurityEvent.coerce): membership (its comparisons
 * stay below String.coerce's depth), then super().coerce */
int ovo_enum_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                    const ovo_val **out)
{
    bool found;
    if (valid_value(ctx, td, in, &found) < 0)
        return -1;
    if (!found)
        return ovo_value_error(ctx, in);  /* "Field value %s is invalid" */
    return super_string_coerce(ctx, in, out);
}

/* ---------------------------------------------------------------- DomainName */

/* A DNS name: labels of 1-63 letters, digits and hyphens, not starting or
 * ending with a hyphen, an optional final dot, at most 253 characters; the
 * empty string means "no name". */
static bool dns_name_valid(ovo_str s)
{
    uint32_t n = s.len;
    if (n == 0)
        return true;
    if (s.ptr[n - 1] == '.')
        n--;
    if (n == 0 || n > 253)
        return false;
    uint32_t label = 0;
    for (uint32_t i = 0; i <= n; i++) {
        char c = i < n ? s.ptr[i] : '.';
        if (c == '.') {
            if (label == 0 || label > 63 || s.ptr[i - 1] == '-')
                return false;
            label = 0;
            continue;
        }
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !(c == '-' && label > 0))
            return false;
        label++;
    }
    return true;
}

/* DomainName.coerce: must be a str of at most 255 code points (FQDN_FIELD_SIZE);
 * no syntax check at all */
int ovo_domain_name_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                           const ovo_val **out)
{
    if (in->type != OVO_STR)
        return ovo_value_error(ctx, in);  /* "Field value %s is not a string" */
    if (in->u.s.len > 255 && ovo_py_str_len(in->u.s) > 255)
        return ovo_value_error(ctx, in);  /* "Domain name %s is too long" */
    if (super_string_coerce(ctx, in, out) < 0)
        return -1;
    if (ovo_strict(ctx) && !dns_name_valid(in->u.s))
        ovo_note(ctx, OVO_RULE_DOMAIN_INVALID);
    return 0;
}

/* ---------------------------------------------------------------- Integer */

/* int(value) for the values JSON gives */
static int py_int(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out)
{
    switch (in->type) {
    case OVO_INT:
        *out = in;
        return 0;
    case OVO_BOOL:
        *out = ovo_mk_int(ctx, in->u.b);
        return *out ? 0 : -1;
    case OVO_FLOAT:
        return ovo_py_int_from_double(ctx, in->u.f, out);
    case OVO_STR:
        return ovo_py_int_from_str(ctx, in->u.s, 10, out);
    default:
        /* int() argument must be a string, a bytes-like object or a real number */
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_INT_TYPE);
    }
}

static void note_int_result(ovo_ctx *ctx, const ovo_val *v)
{
    if (ovo_strict(ctx) && v->u.i.big)
        ovo_note(ctx, OVO_RULE_INT_OUT_OF_RANGE);
}

/* Integer.coerce: int(value) */
static int integer_coerce(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out)
{
    if (ovo_frames_probe(ctx, OVO_FR_INT) < 0)
        return -1;
    return py_int(ctx, in, out);
}

/* super().coerce(obj, attr, value) from an Integer subclass */
static int super_integer_coerce(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out)
{
    if (ovo_frames_enter(ctx, 1) < 0)
        return -1;
    int rc = integer_coerce(ctx, in, out);
    ovo_frames_leave(ctx, 1);
    return rc;
}

int ovo_integer_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                       const ovo_val **out)
{
    if (ovo_strict(ctx) && in->type != OVO_INT)
        ovo_note(ctx, OVO_RULE_INT_COERCED);
    if (integer_coerce(ctx, in, out) < 0)
        return -1;
    note_int_result(ctx, *out);
    return 0;
}

/* RangeConstrainedInteger.coerce: isinstance(value, int) (bool passes),
 * start <= value <= end, then Integer.coerce: int(value) */
int ovo_int_range_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                         const ovo_val **out)
{
    if (!ovo_isinstance_int(in))
        return ovo_value_error(ctx, in);  /* "Field value %s is not an integer" */
    if (ovo_py_int_cmp_i64(in, td->min) < 0 || ovo_py_int_cmp_i64(in, td->max) > 0)
        return ovo_value_error(ctx, in);  /* "Field value %s is invalid" */
    if (ovo_strict(ctx) && in->type == OVO_BOOL)
        ovo_note(ctx, OVO_RULE_INT_BOOL);
    return super_integer_coerce(ctx, in, out);
}

/* IntegerEnum.coerce: isinstance(value, int), value in valid_values (so
 * false == 0 is a DSCP mark), then int(value) */
int ovo_int_enum_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                        const ovo_val **out)
{
    if (!ovo_isinstance_int(in))
        return ovo_value_error(ctx, in);  /* "Field value %s is not an integer" */
    bool found;
    if (valid_value(ctx, td, in, &found) < 0)
        return -1;
    /* "Field value %(value)s is not in the list of valid values:
     * %(values)s": the tuple of ints prints two levels deep */
    if (!found)
        return ovo_value_error(ctx, in);
    if (ovo_strict(ctx) && in->type == OVO_BOOL)
        ovo_note(ctx, OVO_RULE_INT_BOOL);
    return super_integer_coerce(ctx, in, out);
}

/* ---------------------------------------------------------------- PortRanges */

static bool port_ok(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *v)
{
    return ovo_py_int_cmp_i64(v, td->min) >= 0 && ovo_py_int_cmp_i64(v, td->max) <= 0;
}

/* Plain ASCII digits without a leading zero. */
static bool ascii_port(const char *p, size_t n)
{
    if (n == 0 || n > 5 || p[0] == '0')
        return false;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

/* PortRanges._validate_port: the check runs in _is_port_acceptable and
 * the error's message in _validate_port's frame, no deeper. */
static int validate_port(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *v)
{
    if (ovo_frames_probe(ctx, OVO_FR_VALIDATE_PORT) < 0)
        return -1;
    if (!port_ok(ctx, td, v))
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    return 0;
}

/* PortRanges.coerce: an int (bool too, kept as given) in range; a str that
 * isnumeric() and int()s into range, kept verbatim; or a str that splits
 * on ':' into exactly two int()-able parts, ordered and in range. */
int ovo_port_ranges_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                           const ovo_val **out)
{
    if (ovo_isinstance_int(in)) {
        if (validate_port(ctx, td, in) < 0)
            return -1;
        if (ovo_strict(ctx) && in->type == OVO_BOOL)
            ovo_note(ctx, OVO_RULE_PORTRANGE_BOOL);
        *out = in;
        return 0;
    }
    if (in->type != OVO_STR)
        return ovo_value_error(ctx, in);  /* "... not a %(type)s" % value */
    ovo_str s = in->u.s;
    const ovo_val *a, *b;
    if (ovo_py_str_isnumeric(s)) {
        if (ovo_frames_probe(ctx, OVO_FR_INT) < 0 || ovo_py_int_from_str(ctx, s, 10, &a) < 0 ||
            validate_port(ctx, td, a) < 0)
            return -1;
        if (ovo_strict(ctx) && !ascii_port(s.ptr, s.len))
            ovo_note(ctx, OVO_RULE_PORTRANGE_NONCANONICAL);
        *out = in;
        return 0;
    }
    const char *colon = memchr(s.ptr, ':', s.len);
    if (!colon || memchr(colon + 1, ':', s.len - (size_t)(colon + 1 - s.ptr)))
        return ovo_value_error(ctx, NULL);
    ovo_str left = {s.ptr, (uint32_t)(colon - s.ptr)};
    ovo_str right = {colon + 1, (uint32_t)(s.len - left.len - 1)};
    /* list(map(int, values)): the first failure wins */
    if (ovo_frames_probe(ctx, OVO_FR_INT) < 0 || ovo_py_int_from_str(ctx, left, 10, &a) < 0 ||
        ovo_py_int_from_str(ctx, right, 10, &b) < 0)
        return -1;
    if (ovo_py_int_cmp(a, b) > 0)
        return ovo_value_error(ctx, NULL);
    if (validate_port(ctx, td, a) < 0 || validate_port(ctx, td, b) < 0)
        return -1;
    if (ovo_strict(ctx) && (!ascii_port(left.ptr, left.len) || !ascii_port(right.ptr, right.len)))
        ovo_note(ctx, OVO_RULE_PORTRANGE_NONCANONICAL);
    *out = in;
    return 0;
}

/* ---------------------------------------------------------------- Boolean */

/* Boolean.coerce: bool(value), Python truthiness */
int ovo_boolean_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                       const ovo_val **out)
{
    if (ovo_strict(ctx) && in->type != OVO_BOOL)
        ovo_note(ctx, OVO_RULE_BOOL_FROM_NON_BOOL);
    *out = ovo_mk_bool(ovo_py_truth(in));
    return 0;
}
