/* netaddr.EUI() as netaddr 0.8.0 builds it (netaddr/eui/__init__.py
 * EUI.__init__ and EUI._set_value) and its str().
 *
 * A str is tried, in this order, against the EUI-48 regexes
 * (strategy/eui48.py RE_MAC_FORMATS), as Python int(str) below 2**48, the
 * EUI-64 regexes (strategy/eui64.py RE_EUI64_FORMATS), and int(str) below
 * 2**64.  So "1" and " +1_0 " are MACs (decimal!), a 15-digit number is a
 * decimal EUI-48, and a 16-digit one matches the bare EUI-64 pattern as
 * hex.  The regexes are anchored with '^' and '$', and Python's '$' also
 * matches before one final newline: "00:11:22:33:44:55\n" is accepted.
 * Their [0-9A-F] with re.IGNORECASE matches ASCII hex digits only.
 */
#include "ovo/netaddr.h"

#include "internal.h"
#include "pynum.h"

/* One regex of the form ^(HEX{min,max})(SEP(HEX{min,max})){n-1}$ (sep 0:
 * no separator, a single group).  Each group is a word of word_bits bits
 * (str_to_int formats each as '%.2x', '%.4x', '%.6x' and joins them). */
typedef struct mac_format {
    char sep;
    uint8_t ngroups, minlen, maxlen, word_bits;
} mac_format;

/* strategy/eui48.py RE_MAC_FORMATS, in order */
static const mac_format eui48_formats[] = {
    {':', 6, 1, 2, 8},  {'-', 6, 1, 2, 8},                      /* 2 x 6 */
    {':', 3, 1, 4, 16}, {'-', 3, 1, 4, 16}, {'.', 3, 1, 4, 16}, /* cisco */
    {'-', 2, 5, 6, 24}, {':', 2, 5, 6, 24},                     /* pgsql */
    {0, 1, 12, 12, 48}, {0, 1, 11, 11, 48},                     /* bare */
};

/* strategy/eui64.py RE_EUI64_FORMATS, in order */
static const mac_format eui64_formats[] = {
    {':', 8, 1, 2, 8},  {'-', 8, 1, 2, 8},
    {':', 4, 1, 4, 16}, {'-', 4, 1, 4, 16}, {'.', 4, 1, 4, 16},
    {0, 1, 16, 16, 64},
};

static bool match_format(const mac_format *f, const char *p, const char *end, uint64_t *out)
{
    uint64_t value = 0;
    for (unsigned g = 0; g < f->ngroups; g++) {
        if (g) {
            if (p == end || *p != f->sep)
                return false;
            p++;
        }
        uint64_t word = 0;
        unsigned len = 0;
        while (p < end && len < f->maxlen && ovo_hex_value((unsigned char)*p) >= 0) {
            word = word << 4 | (unsigned)ovo_hex_value((unsigned char)*p);
            p++;
            len++;
        }
        if (len < f->minlen)
            return false;
        value = f->word_bits == 64 ? word : value << f->word_bits | word;
    }
    if (p != end)
        return false;
    *out = value;
    return true;
}

/* The first regex of the list that matches, as str_to_int computes it. */
static bool match_any(const mac_format *fs, size_t n, ovo_str s, uint64_t *out)
{
    const char *end = s.ptr + s.len;
    if (s.len && end[-1] == '\n')   /* '$' before a final newline */
        end--;
    for (size_t i = 0; i < n; i++)
        if (match_format(&fs[i], s.ptr, end, out))
            return true;
    return false;
}

/* `0 <= int(value) <= max_int` for a str, as _set_value tries it: 1 in
 * range, 0 not (ValueError from int() included: it is caught), -1 on
 * MemoryError. */
static int int_in_range(ovo_ctx *ctx, ovo_str s, uint64_t max, uint64_t *out)
{
    const ovo_val *v;
    if (ovo_py_int_from_str(ctx, s, 10, &v) < 0) {
        if (ctx->exc != OVO_EXC_VALUE_ERROR)
            return -1;
        ovo_clear_exc(ctx);
        return 0;
    }
    uint64_t hi, lo;
    if (ovo_py_int_to_u128(v, &hi, &lo) < 0 || hi != 0 || lo > max)
        return 0;
    *out = lo;
    return 1;
}

static ovo_exc set_canonical_text(ovo_ctx *ctx, ovo_mac *mac)
{
    char buf[OVO_NETADDR_STR_MAX];
    size_t n = ovo_eui_format(mac, buf);
    char *t = ovo_memdup(ctx, buf, n);
    if (!t)
        return ctx->exc;
    mac->text = (ovo_str){t, (uint32_t)n};
    return OVO_EXC_NONE;
}

static ovo_exc eui_from_str(ovo_ctx *ctx, ovo_str s, ovo_mac *out)
{
    static const uint64_t max48 = (UINT64_C(1) << 48) - 1;
    int rc;
    if (match_any(eui48_formats, sizeof eui48_formats / sizeof eui48_formats[0], s,
                  &out->value)) {
        out->bits = 48;
        return OVO_EXC_NONE;
    }
    if ((rc = int_in_range(ctx, s, max48, &out->value)) != 0) {
        if (rc < 0)
            return ctx->exc;
        out->bits = 48;
        return OVO_EXC_NONE;
    }
    if (match_any(eui64_formats, sizeof eui64_formats / sizeof eui64_formats[0], s,
                  &out->value)) {
        out->bits = 64;
        return OVO_EXC_NONE;
    }
    if ((rc = int_in_range(ctx, s, UINT64_MAX, &out->value)) != 0) {
        if (rc < 0)
            return ctx->exc;
        out->bits = 64;
        return OVO_EXC_NONE;
    }
    /* "failed to detect EUI version" */
    ovo_raise(ctx, OVO_EXC_ADDR_FORMAT_ERROR, OVO_RULE_CRASH_IP_FORMAT);
    return OVO_EXC_ADDR_FORMAT_ERROR;
}

ovo_exc ovo_netaddr_eui(ovo_ctx *ctx, const ovo_val *addr, ovo_mac *out)
{
    memset(out, 0, sizeof *out);
    ovo_exc e;
    switch ((ovo_type)addr->type) {
    case OVO_MAC:                   /* copy constructor */
        out->value = addr->u.mac.value;
        out->bits = addr->u.mac.bits;
        break;
    case OVO_STR:
        e = eui_from_str(ctx, addr->u.s, out);
        if (e != OVO_EXC_NONE) {
            memset(out, 0, sizeof *out);
            return e;
        }
        break;
    case OVO_INT:
    case OVO_BOOL: {
        /* _is_int(addr) picks the version from the range; outside
         * 0..2**64-1 _set_value calls eui48.str_to_int(addr), whose
         * "not str() or unicode()" TypeError is not the AddrFormatError
         * it catches */
        uint64_t hi, lo;
        if (ovo_py_int_to_u128(addr, &hi, &lo) < 0 || hi != 0) {
            ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_IP_TYPE);
            return OVO_EXC_TYPE_ERROR;
        }
        out->value = lo;
        out->bits = lo >> 48 ? 64 : 48;
        break;
    }
    default:
        /* floats (even 1.0), lists, dicts, None: the same TypeError from
         * eui48.str_to_int; no int() truncation happens */
        ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_IP_TYPE);
        return OVO_EXC_TYPE_ERROR;
    }
    out->from_str = addr->type == OVO_STR;
    return set_canonical_text(ctx, out);
}

size_t ovo_eui_format(const ovo_mac *mac, char *buf)
{
    static const char digits[] = "0123456789ABCDEF";
    int nbytes = mac->bits == 64 ? 8 : 6;
    size_t n = 0;
    for (int i = nbytes - 1; i >= 0; i--) {
        unsigned b = (unsigned)(mac->value >> (8 * i)) & 0xFF;
        buf[n++] = digits[b >> 4];
        buf[n++] = digits[b & 15];
        if (i)
            buf[n++] = '-';
    }
    buf[n] = 0;
    return n;
}
