/* IP addresses: the socket-level parsers netaddr 0.8.0 delegates to,
 * netaddr.IPAddress() and its str().
 *
 * netaddr/strategy/ipv4.py str_to_int calls socket.inet_aton (default
 * flags) or socket.inet_pton(AF_INET) (INET_PTON, used by IPNetwork);
 * strategy/ipv6.py calls socket.inet_pton(AF_INET6) and formats with
 * socket.inet_ntop.  CPython hands the str to glibc as a C string, so the
 * algorithms below are glibc 2.36's (resolv/inet_addr.c, inet_pton.c,
 * inet_ntop.c), preceded by what Python's "s" argument converter refuses.
 */
#include "ovo/netaddr.h"

#include "internal.h"
#include "pynum.h"

/* ------------------------------------------------------------ C strings */

/* Python's "s"/"is" converters encode the str as UTF-8 and refuse an
 * embedded NUL (ValueError) and a lone surrogate (UnicodeEncodeError); in
 * WTF-8 a surrogate is ED A0..BF xx.  netaddr catches both as a failed
 * parse, so only "is it a C string" matters. */
static bool py_c_string_ok(ovo_str s)
{
    const unsigned char *p = (const unsigned char *)s.ptr;
    for (uint32_t i = 0; i < s.len; i++) {
        if (p[i] == 0)
            return false;
        if (p[i] == 0xED && i + 1 < s.len && p[i + 1] >= 0xA0)
            return false;
    }
    return true;
}

static bool c_isdigit(int c) { return c >= '0' && c <= '9'; }

/* ------------------------------------------------------------ inet_aton */

/* strtoul(p, &end, 0) as glibc runs it on text that starts with a digit,
 * bounded by end of string: "0x" + hex digits, "0" + octal digits, or
 * decimal.  "0x" not followed by a hex digit parses the "0" alone.  Returns
 * false when the value exceeds 32 bits (inet_aton rejects that, and
 * strtoul's own ERANGE case too). */
static bool aton_number(const char **pp, const char *end, uint32_t *out)
{
    const char *p = *pp;
    unsigned base = 10;
    if (*p == '0') {
        if (end - p > 2 && (p[1] == 'x' || p[1] == 'X') && ovo_hex_value(p[2]) >= 0) {
            base = 16;
            p += 2;
        } else {
            base = 8;   /* also "0x" without a hex digit: the "0" alone */
        }
    }
    uint64_t v = 0;
    while (p < end) {
        int d = base == 16 ? ovo_hex_value(*p) : (c_isdigit(*p) ? *p - '0' : -1);
        if (d < 0 || (unsigned)d >= base)
            break;
        v = v * base + (unsigned)d;
        if (v > 0xFFFFFFFFu)
            return false;
        p++;
    }
    *pp = p;
    *out = (uint32_t)v;
    return true;
}

/* glibc resolv/inet_addr.c inet_aton_end: parts separated by '.', at most
 * four; a.b.c.d, a.b.c (c 16 bits), a.b (b 24 bits), a (32 bits); the text
 * may go on after an ASCII whitespace character, which ends the parse. */
bool ovo_socket_inet_aton(ovo_str s, uint32_t *out)
{
    if (!py_c_string_ok(s))
        return false;
    static const uint32_t max[4] = {0xFFFFFFFFu, 0xFFFFFFu, 0xFFFFu, 0xFFu};
    const char *p = s.ptr, *end = s.ptr + s.len;
    uint8_t parts[4];
    int nparts = 0;
    uint32_t val;
    int c = p < end ? (unsigned char)*p : 0;
    for (;;) {
        if (!c_isdigit(c))
            return false;
        if (!aton_number(&p, end, &val))
            return false;
        c = p < end ? (unsigned char)*p : 0;
        if (c != '.')
            break;
        if (nparts > 2 || val > 0xFF)
            return false;
        parts[nparts++] = (uint8_t)val;
        p++;
        c = p < end ? (unsigned char)*p : 0;
    }
    /* "Check for trailing characters": NUL (the end) or isascii && isspace */
    if (c != 0 && !(c == ' ' || (c >= '\t' && c <= '\r')))
        return false;
    if (val > max[nparts])
        return false;
    uint32_t word = 0;
    for (int i = 0; i < nparts; i++)
        word |= (uint32_t)parts[i] << (24 - 8 * i);
    *out = word | val;
    return true;
}

/* ------------------------------------------------------------ inet_pton */

/* glibc resolv/inet_pton.c inet_pton4 over [p, end): four decimal octets,
 * a leading zero only as the whole octet. */
static bool pton4(const char *p, const char *end, uint8_t dst[4])
{
    uint8_t tmp[4] = {0, 0, 0, 0};
    int octets = 0;
    bool saw_digit = false;
    uint8_t *tp = tmp;
    while (p < end) {
        int ch = (unsigned char)*p++;
        if (c_isdigit(ch)) {
            unsigned nv = *tp * 10u + (unsigned)(ch - '0');
            if (saw_digit && *tp == 0)
                return false;
            if (nv > 255)
                return false;
            *tp = (uint8_t)nv;
            if (!saw_digit) {
                if (++octets > 4)
                    return false;
                saw_digit = true;
            }
        } else if (ch == '.' && saw_digit) {
            if (octets == 4)
                return false;
            *++tp = 0;
            saw_digit = false;
        } else {
            return false;
        }
    }
    if (octets < 4)
        return false;
    memcpy(dst, tmp, 4);
    return true;
}

bool ovo_socket_inet_pton4(ovo_str s, uint32_t *out)
{
    uint8_t b[4];
    if (!py_c_string_ok(s) || !pton4(s.ptr, s.ptr + s.len, b))
        return false;
    *out = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return true;
}

/* glibc resolv/inet_pton.c inet_pton6.  Quirks kept: "::" may stand for a
 * single zero group only when fewer than eight groups are written
 * ("1:2:3:4:5:6:7::" is valid, "1::2:3:4:5:6:7:8" is not), and the
 * dotted tail is parsed from the start of the current group. */
static bool pton6(const char *src, const char *end, uint8_t dst[16])
{
    uint8_t tmp[16];
    memset(tmp, 0, sizeof tmp);
    uint8_t *tp = tmp, *endp = tmp + 16, *colonp = NULL;
    if (src == end)
        return false;
    if (*src == ':') {
        ++src;
        if (src == end || *src != ':')
            return false;
    }
    const char *curtok = src;
    size_t xdigits = 0;
    unsigned val = 0;
    while (src < end) {
        int ch = (unsigned char)*src++;
        int digit = ovo_hex_value(ch);
        if (digit >= 0) {
            if (xdigits == 4)
                return false;
            val = (val << 4) | (unsigned)digit;
            ++xdigits;
            continue;
        }
        if (ch == ':') {
            curtok = src;
            if (xdigits == 0) {
                if (colonp)
                    return false;
                colonp = tp;
                continue;
            } else if (src == end) {
                return false;
            }
            if (tp + 2 > endp)
                return false;
            *tp++ = (uint8_t)(val >> 8);
            *tp++ = (uint8_t)val;
            xdigits = 0;
            val = 0;
            continue;
        }
        if (ch == '.' && tp + 4 <= endp && pton4(curtok, end, tp)) {
            tp += 4;
            xdigits = 0;
            break;
        }
        return false;
    }
    if (xdigits > 0) {
        if (tp + 2 > endp)
            return false;
        *tp++ = (uint8_t)(val >> 8);
        *tp++ = (uint8_t)val;
    }
    if (colonp) {
        if (tp == endp)
            return false;
        size_t n = (size_t)(tp - colonp);
        memmove(endp - n, colonp, n);
        memset(colonp, 0, (size_t)(endp - n - colonp));
        tp = endp;
    }
    if (tp != endp)
        return false;
    memcpy(dst, tmp, 16);
    return true;
}

bool ovo_socket_inet_pton6(ovo_str s, uint64_t *hi, uint64_t *lo)
{
    uint8_t b[16];
    if (!py_c_string_ok(s) || !pton6(s.ptr, s.ptr + s.len, b))
        return false;
    uint64_t h = 0, l = 0;
    for (int i = 0; i < 8; i++) {
        h = h << 8 | b[i];
        l = l << 8 | b[i + 8];
    }
    *hi = h;
    *lo = l;
    return true;
}

/* ------------------------------------------------------------ IPAddress */

static bool str_has_byte(ovo_str s, char c)
{
    return s.len && memchr(s.ptr, c, s.len) != NULL;
}

/* netaddr/ip/__init__.py IPAddress.__init__, version=None, flags=0. */
ovo_exc ovo_netaddr_ip_address(ovo_ctx *ctx, const ovo_val *addr, ovo_ipaddr *out)
{
    memset(out, 0, sizeof *out);
    switch ((ovo_type)addr->type) {
    case OVO_IPADDR:                /* copy constructor */
        *out = addr->u.ip;
        return OVO_EXC_NONE;
    case OVO_IPNET:                 /* an IPNetwork is a BaseIP too */
        *out = addr->u.net.ip;
        return OVO_EXC_NONE;
    case OVO_STR: {
        ovo_str s = addr->u.s;
        /* checked before any parsing: a plain ValueError, not
         * AddrFormatError, so oslo's IPAddress.coerce does not wrap it */
        if (str_has_byte(s, '/')) {
            ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
            return OVO_EXC_VALUE_ERROR;
        }
        uint32_t v4;
        if (ovo_socket_inet_aton(s, &v4)) {
            out->version = 4;
            out->lo = v4;
            return OVO_EXC_NONE;
        }
        if (ovo_socket_inet_pton6(s, &out->hi, &out->lo)) {
            out->version = 6;
            return OVO_EXC_NONE;
        }
        break;
    }
    case OVO_INT:
    case OVO_BOOL: {                /* isinstance(addr, int): bool too */
        uint64_t hi, lo;
        if (ovo_py_int_to_u128(addr, &hi, &lo) == 0) {
            out->version = (hi == 0 && lo <= 0xFFFFFFFFu) ? 4 : 6;
            out->hi = hi;
            out->lo = lo;
            return OVO_EXC_NONE;
        }
        break;
    }
    default:
        /* str_to_int(float/list/dict/...) raises TypeError inside
         * socket.inet_aton; IPAddress.__init__'s bare except turns every
         * failure into "failed to detect a valid IP address" */
        break;
    }
    ovo_raise(ctx, OVO_EXC_ADDR_FORMAT_ERROR, OVO_RULE_CRASH_IP_FORMAT);
    return OVO_EXC_ADDR_FORMAT_ERROR;
}

/* ------------------------------------------------------------ str() */

static size_t put_dec(char *buf, unsigned v)
{
    char tmp[10];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

static size_t put_hex(char *buf, unsigned v)
{
    static const char digits[] = "0123456789abcdef";
    char tmp[8];
    size_t n = 0;
    do {
        tmp[n++] = digits[v & 15];
        v >>= 4;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

static size_t format_v4(uint32_t v, char *buf)
{
    size_t n = 0;
    for (int i = 3; i >= 0; i--) {
        n += put_dec(buf + n, (v >> (8 * i)) & 0xFF);
        if (i)
            buf[n++] = '.';
    }
    buf[n] = 0;
    return n;
}

/* glibc resolv/inet_ntop.c inet_ntop6 (via socket.inet_ntop in
 * netaddr/strategy/ipv6.py int_to_str): the first longest run of at least
 * two zero groups becomes "::"; when that run starts the address and is
 * six groups long, or five followed by ffff, the last 32 bits print as a
 * dotted quad ("::1.2.3.4", "::ffff:1.2.3.4", but "::1", "::ffff:0:0"
 * prints "::ffff:0.0.0.0"). */
static size_t format_v6(uint64_t hi, uint64_t lo, char *buf)
{
    unsigned w[8];
    for (int i = 0; i < 4; i++) {
        w[i] = (unsigned)(hi >> (48 - 16 * i)) & 0xFFFF;
        w[i + 4] = (unsigned)(lo >> (48 - 16 * i)) & 0xFFFF;
    }
    int best_base = -1, best_len = 0, cur_base = -1, cur_len = 0;
    for (int i = 0; i < 8; i++) {
        if (w[i] == 0) {
            if (cur_base == -1) {
                cur_base = i;
                cur_len = 1;
            } else {
                cur_len++;
            }
        } else if (cur_base != -1) {
            if (best_base == -1 || cur_len > best_len) {
                best_base = cur_base;
                best_len = cur_len;
            }
            cur_base = -1;
        }
    }
    if (cur_base != -1 && (best_base == -1 || cur_len > best_len)) {
        best_base = cur_base;
        best_len = cur_len;
    }
    if (best_base != -1 && best_len < 2)
        best_base = -1;

    size_t n = 0;
    for (int i = 0; i < 8; i++) {
        if (best_base != -1 && i >= best_base && i < best_base + best_len) {
            if (i == best_base)
                buf[n++] = ':';
            continue;
        }
        if (i != 0)
            buf[n++] = ':';
        if (i == 6 && best_base == 0 &&
            (best_len == 6 || (best_len == 5 && w[5] == 0xFFFF))) {
            n += format_v4((uint32_t)lo, buf + n);
            return n;
        }
        n += put_hex(buf + n, w[i]);
    }
    if (best_base != -1 && best_base + best_len == 8)
        buf[n++] = ':';
    buf[n] = 0;
    return n;
}

size_t ovo_ipaddr_format(const ovo_ipaddr *ip, char *buf)
{
    if (ip->version == 4)
        return format_v4((uint32_t)ip->lo, buf);
    return format_v6(ip->hi, ip->lo, buf);
}
