/* netaddr.IPNetwork() as netaddr 0.8.0 builds it from a str
 * (netaddr/ip/__init__.py IPNetwork.__init__ and parse_ip_network, with
 * implicit_prefix=False and flags=0), and its str().
 *
 * The text is split at the first '/'.  IPv4 is tried first, IPv6 only when
 * IPv4 raised AddrFormatError:
 *   address  IPAddress(val1, version, flags=INET_PTON): a strict dotted
 *            quad, or for IPv4 a partial address (expand_partial_address:
 *            Python int() of each '.'-separated part, 1-4 parts, missing
 *            ones zero), so " 10 . 1" is 10.1.0.0
 *   prefix   none: the full width; else Python int(val2) (whitespace, sign,
 *            '_', any Unicode digit), else a strict netmask or hostmask
 *            address (a '/' in it raises ValueError out of everything)
 * Host bits are kept (no NOHOST flag).
 */
#include "ovo/netaddr.h"

#include "internal.h"
#include "pynum.h"

/* Python int(s) in base 10: 1 parsed, 0 ValueError (cleared: the
 * reference catches it), -1 another failure (MemoryError) pending. */
static int py_int(ovo_ctx *ctx, ovo_str s, const ovo_val **out)
{
    if (ovo_py_int_from_str(ctx, s, 10, out) == 0)
        return 1;
    if (ctx->exc != OVO_EXC_VALUE_ERROR)
        return -1;
    ovo_clear_exc(ctx);
    return 0;
}

static bool str_has_byte(ovo_str s, char c)
{
    return s.len && memchr(s.ptr, c, s.len) != NULL;
}

/* The outcome of one parse_ip_network(module, addr) attempt. */
typedef enum attempt {
    ATTEMPT_OK,
    ATTEMPT_FORMAT,                 /* AddrFormatError: try the next module */
    ATTEMPT_VALUE,                  /* ValueError: propagates */
    ATTEMPT_FAIL                    /* MemoryError pending */
} attempt;

/* strategy/ipv4.py expand_partial_address followed by the strict parse of
 * its '%d.%d.%d.%d' result: every part must be an int() in 0..255. */
static attempt expand_partial_v4(ovo_ctx *ctx, ovo_str s, uint32_t *out)
{
    if (str_has_byte(s, ':'))
        return ATTEMPT_FORMAT;
    uint32_t word = 0;
    int nparts = 0;
    const char *p = s.ptr, *end = s.ptr + s.len;
    for (;;) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        const char *stop = dot ? dot : end;
        if (++nparts > 4)
            return ATTEMPT_FORMAT;
        const ovo_val *v;
        int rc = py_int(ctx, (ovo_str){p, (uint32_t)(stop - p)}, &v);
        if (rc < 0)
            return ATTEMPT_FAIL;
        int64_t octet;
        /* '%d' of a negative int or of a big one fails the strict parse */
        if (rc == 0 || !ovo_py_int_fits_i64(v, &octet) || octet < 0 || octet > 255)
            return ATTEMPT_FORMAT;
        word |= (uint32_t)octet << (24 - 8 * (nparts - 1));
        if (!dot)
            break;
        p = dot + 1;
    }
    *out = word;
    return ATTEMPT_OK;
}

/* k when hi:lo is 2**k - 1 (k ones in the low bits, 0 <= k <= 128), else
 * -1. */
static int low_ones(uint64_t hi, uint64_t lo)
{
    if (hi == 0)
        return (lo & (lo + 1)) == 0 ? __builtin_popcountll(lo) : -1;
    if (lo != UINT64_MAX || (hi & (hi + 1)) != 0)
        return -1;
    return 64 + __builtin_popcountll(hi);
}

/* The prefix a mask address stands for (parse_ip_network): a netmask
 * first (IPAddress.is_netmask: ones then zeros; 0.0.0.0 is /0 and
 * 255.255.255.255 is /32), else a hostmask (is_hostmask: zeros then
 * ones, 0.0.0.255 is /24); -1 for neither. */
static int mask_prefix(uint64_t hi, uint64_t lo, int width)
{
    uint64_t ihi = ~hi, ilo = ~lo;
    if (width == 32) {
        ihi = 0;
        ilo &= 0xFFFFFFFFu;
    }
    int k = low_ones(ihi, ilo);
    if (k < 0)
        k = low_ones(hi, lo);
    return k < 0 ? -1 : width - k;
}

static attempt parse_network(ovo_ctx *ctx, ovo_str s, int version, ovo_ipnet *out)
{
    const int width = version == 4 ? 32 : 128;
    const char *slash = s.len ? memchr(s.ptr, '/', s.len) : NULL;
    ovo_str val1 = s, val2 = {NULL, 0};
    if (slash) {
        val1.len = (uint32_t)(slash - s.ptr);
        val2.ptr = slash + 1;
        val2.len = (uint32_t)(s.ptr + s.len - val2.ptr);
    }

    ovo_ipaddr ip = {.version = (uint8_t)version};
    if (version == 4) {
        uint32_t v;
        if (!ovo_socket_inet_pton4(val1, &v)) {
            attempt a = expand_partial_v4(ctx, val1, &v);
            if (a != ATTEMPT_OK)
                return a;
        }
        ip.lo = v;
    } else if (!ovo_socket_inet_pton6(val1, &ip.hi, &ip.lo)) {
        return ATTEMPT_FORMAT;
    }

    int64_t prefixlen = width;
    if (slash) {
        const ovo_val *n;
        int rc = py_int(ctx, val2, &n);
        if (rc < 0)
            return ATTEMPT_FAIL;
        if (rc == 1) {
            if (!ovo_py_int_fits_i64(n, &prefixlen))
                return ATTEMPT_FORMAT;
        } else {
            /* IPAddress(val2, version, flags=INET_PTON) */
            if (str_has_byte(val2, '/'))
                return ATTEMPT_VALUE;
            uint64_t mhi = 0, mlo = 0;
            if (version == 4) {
                uint32_t m;
                if (!ovo_socket_inet_pton4(val2, &m))
                    return ATTEMPT_FORMAT;
                mlo = m;
            } else if (!ovo_socket_inet_pton6(val2, &mhi, &mlo)) {
                return ATTEMPT_FORMAT;
            }
            prefixlen = mask_prefix(mhi, mlo, width);
            if (prefixlen < 0)
                return ATTEMPT_FORMAT;
        }
    }
    if (prefixlen < 0 || prefixlen > width)
        return ATTEMPT_FORMAT;
    out->ip = ip;
    out->prefixlen = (uint8_t)prefixlen;
    return ATTEMPT_OK;
}

static ovo_exc fail(ovo_ctx *ctx, ovo_exc e, ovo_rule r)
{
    ovo_raise(ctx, e, r);
    return e;
}

/* The canonical str() into the arena. */
static ovo_exc set_canonical_text(ovo_ctx *ctx, ovo_ipnet *net)
{
    char buf[OVO_NETADDR_STR_MAX];
    size_t n = ovo_ipnet_format(net, buf);
    char *t = ovo_memdup(ctx, buf, n);
    if (!t)
        return ctx->exc;
    net->text = (ovo_str){t, (uint32_t)n};
    return OVO_EXC_NONE;
}

ovo_exc ovo_netaddr_ip_network(ovo_ctx *ctx, const ovo_val *addr, ovo_ipnet *out)
{
    memset(out, 0, sizeof *out);
    switch ((ovo_type)addr->type) {
    case OVO_IPNET:                 /* copy constructor */
        out->ip = addr->u.net.ip;
        out->prefixlen = addr->u.net.prefixlen;
        return set_canonical_text(ctx, out);
    case OVO_IPADDR:                /* an IPAddress: the full width */
        out->ip = addr->u.ip;
        out->prefixlen = addr->u.ip.version == 4 ? 32 : 128;
        return set_canonical_text(ctx, out);
    case OVO_STR:
        break;
    default:
        /* parse_ip_network: "unexpected type %s for addr arg", not caught
         * by IPNetwork.__init__ (it only catches AddrFormatError) */
        return fail(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_IP_TYPE);
    }
    for (int version = 4; version <= 6; version += 2) {
        switch (parse_network(ctx, addr->u.s, version, out)) {
        case ATTEMPT_OK:
            return set_canonical_text(ctx, out);
        case ATTEMPT_VALUE:
            return fail(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
        case ATTEMPT_FAIL:
            return ctx->exc;
        case ATTEMPT_FORMAT:
            break;
        }
    }
    memset(out, 0, sizeof *out);
    return fail(ctx, OVO_EXC_ADDR_FORMAT_ERROR, OVO_RULE_CRASH_IP_FORMAT);
}

size_t ovo_ipnet_format(const ovo_ipnet *net, char *buf)
{
    size_t n = ovo_ipaddr_format(&net->ip, buf);
    buf[n++] = '/';
    unsigned p = net->prefixlen;
    if (p >= 100)
        buf[n++] = (char)('0' + p / 100);
    if (p >= 10)
        buf[n++] = (char)('0' + p / 10 % 10);
    buf[n++] = (char)('0' + p % 10);
    buf[n] = 0;
    return n;
}
