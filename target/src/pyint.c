/* Python ints: int() of text and floats, str(), exact comparisons.
 *
 * Small ints are int64; larger ones are ovo_bigint decimal digits.  The
 * arithmetic that needs (exact double -> decimal, hex text -> decimal,
 * 128-bit words <-> decimal) is a few multiply-and-add loops over base-1e9
 * limbs, written here: GMP is not an allowed dependency, and nothing here
 * needs more than schoolbook multiplication by a small factor.
 */
#include <math.h>

#include "pynum.h"

#define LIMB_BASE 1000000000u       /* base-1e9 limbs, least significant first */
#define LIMB_DIGITS 9

/* ------------------------------------------------------------ limbs */

typedef struct limbs {
    uint32_t *l;
    size_t n;                       /* used; capacity is the caller's */
} limbs;

/* x = x * m + add */
static void limbs_mul_add(limbs *x, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < x->n; i++) {
        uint64_t t = (uint64_t)x->l[i] * m + carry;
        x->l[i] = (uint32_t)(t % LIMB_BASE);
        carry = t / LIMB_BASE;
    }
    while (carry) {
        x->l[x->n++] = (uint32_t)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
}

/* Decimal digits of x (no leading zeros; "0" never produced: x > 0). */
static size_t limbs_to_digits(const limbs *x, char *out)
{
    size_t n = x->n;
    while (n > 1 && x->l[n - 1] == 0)
        n--;
    char tmp[LIMB_DIGITS];
    uint32_t top = x->l[n - 1];
    size_t k = 0;
    do {
        tmp[k++] = (char)('0' + top % 10);
        top /= 10;
    } while (top);
    size_t o = 0;
    while (k)
        out[o++] = tmp[--k];
    for (size_t i = n - 1; i-- > 0;) {
        uint32_t v = x->l[i];
        for (int j = LIMB_DIGITS - 1; j >= 0; j--) {
            out[o + (size_t)j] = (char)('0' + v % 10);
            v /= 10;
        }
        o += LIMB_DIGITS;
    }
    return o;
}

/* ------------------------------------------------------------ values */

/* An int as a small or big view (bools are ints). */
typedef struct int_view {
    const ovo_bigint *big;          /* NULL: small */
    int64_t small;
} int_view;

static int_view view_of(const ovo_val *v)
{
    int_view w = {NULL, 0};
    if (v->type == OVO_BOOL)
        w.small = v->u.b;
    else if (v->u.i.big)
        w.big = v->u.i.big;
    else
        w.small = v->u.i.small;
    return w;
}

/* A big int value over digits already in the arena (no leading zeros; the
 * value must not fit int64). */
static const ovo_val *mk_big(ovo_ctx *ctx, bool neg, const char *digits, size_t n)
{
    ovo_bigint *b = ovo_alloc(ctx, sizeof *b);
    ovo_val *v = b ? ovo_new_val(ctx, OVO_INT) : NULL;
    if (!v)
        return NULL;
    b->sign = neg ? -1 : 1;
    b->ndigits = (uint32_t)n;
    b->digits = digits;
    v->u.i.big = b;
    return v;
}

/* magnitude (<= 2**64 - 1) with a sign: small when it fits int64. */
static bool u64_fits(uint64_t mag, bool neg, int64_t *out)
{
    if (!neg) {
        if (mag > (uint64_t)INT64_MAX)
            return false;
        *out = (int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX + 1)
            return false;
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    }
    return true;
}

/* Digits of a magnitude that did not fit: copy into the arena. */
static const ovo_val *mk_from_u64(ovo_ctx *ctx, uint64_t mag, bool neg)
{
    int64_t s;
    if (u64_fits(mag, neg, &s))
        return ovo_mk_int(ctx, s);
    char tmp[20];
    size_t k = 0;
    do {
        tmp[k++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    char *d = ovo_alloc(ctx, k);
    if (!d)
        return NULL;
    for (size_t i = 0; i < k; i++)
        d[i] = tmp[k - 1 - i];
    return mk_big(ctx, neg, d, k);
}

const ovo_val *ovo_py_int_from_digits(ovo_ctx *ctx, const char *digits, size_t n,
                                      bool neg)
{
    while (n > 1 && digits[0] == '0') {
        digits++;
        n--;
    }
    if (OVO_LIKELY(n <= 19)) {
        /* 19 digits can exceed int64 but not uint64 */
        uint64_t mag = 0;
        for (size_t i = 0; i < n; i++)
            mag = mag * 10 + (uint64_t)(digits[i] - '0');
        return mk_from_u64(ctx, mag, neg);
    }
    char *d = ovo_memdup(ctx, digits, n);
    return d ? mk_big(ctx, neg, d, n) : NULL;
}

const ovo_val *ovo_py_int_from_u128(ovo_ctx *ctx, uint64_t hi, uint64_t lo)
{
    if (hi == 0)
        return mk_from_u64(ctx, lo, false);
    uint32_t buf[6];
    limbs x = {buf, 0};
    /* x = hi * 2**64 + lo, 32 bits at a time */
    uint32_t words[4] = {(uint32_t)(hi >> 32), (uint32_t)hi, (uint32_t)(lo >> 32),
                         (uint32_t)lo};
    for (int i = 0; i < 4; i++) {
        limbs_mul_add(&x, 1u << 16, 0);
        limbs_mul_add(&x, 1u << 16, words[i]);
    }
    char tmp[6 * LIMB_DIGITS];
    size_t n = limbs_to_digits(&x, tmp);
    char *d = ovo_memdup(ctx, tmp, n);
    return d ? mk_big(ctx, false, d, n) : NULL;
}

/* ------------------------------------------------------------ int(float) */

size_t ovo_py_double_int_digits(double a, char *buf)
{
    /* a = m * 2**e exactly, m < 2**53 */
    int e2;
    double fr = frexp(a, &e2);
    uint64_t m = (uint64_t)ldexp(fr, 53);
    int e = e2 - 53;
    if (e < 0) {                    /* a < 2**53: exact in uint64 */
        m = -e < 64 ? m >> -e : 0;
        e = 0;
    }
    uint32_t buf_l[40];             /* 2**1024 < 10**309: 35 limbs */
    limbs x = {buf_l, 0};
    x.l[0] = (uint32_t)(m % LIMB_BASE);
    x.l[1] = (uint32_t)(m / LIMB_BASE % LIMB_BASE);
    x.l[2] = (uint32_t)(m / LIMB_BASE / LIMB_BASE);
    x.n = x.l[2] ? 3 : x.l[1] ? 2 : 1;
    for (; e >= 29; e -= 29)
        limbs_mul_add(&x, 1u << 29, 0);
    if (e)
        limbs_mul_add(&x, 1u << e, 0);
    if (x.n == 1 && x.l[0] == 0) {
        buf[0] = '0';
        return 1;
    }
    return limbs_to_digits(&x, buf);
}

int ovo_py_int_from_double(ovo_ctx *ctx, double d, const ovo_val **out)
{
    /* Objects/floatobject.c float___trunc___impl -> PyLong_FromDouble */
    if (isnan(d))
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (isinf(d))
        return ovo_raise(ctx, OVO_EXC_OVERFLOW_ERROR, OVO_RULE_CRASH_INT_OVERFLOW);
    const ovo_val *v;
    if (d >= -0x1p63 && d < 0x1p63) {
        v = ovo_mk_int(ctx, (int64_t)d);       /* the cast truncates */
    } else {
        char tmp[OVO_DOUBLE_INT_DIGITS_MAX];
        size_t n = ovo_py_double_int_digits(fabs(d), tmp);
        char *dg = ovo_memdup(ctx, tmp, n);
        v = dg ? mk_big(ctx, d < 0, dg, n) : NULL;
    }
    if (!v)
        return -1;
    *out = v;
    return 0;
}

/* ------------------------------------------------------------ int(str) */

/* CPython (Objects/longobject.c PyLong_FromUnicodeObject) first maps the
 * text to ASCII with _PyUnicode_TransformDecimalAndSpaceToASCII: code
 * points below 127 stay, other whitespace becomes ' ', other decimal
 * digits become '0'..'9', anything else ends the text with '?'.  Then
 * PyLong_FromString parses the ASCII with C isspace() -- so U+001C..U+001F,
 * which str.isspace() calls whitespace, are not stripped, while U+0085 and
 * U+00A0 are.  A NUL ends PyLong_FromString early and the length check
 * after it fails: any NUL is a ValueError. */
typedef struct cursor {
    const char *p, *end;
} cursor;

enum { END = -1 };

static inline int next_char(cursor *c)
{
    if (c->p >= c->end)
        return END;
    unsigned char b = (unsigned char)*c->p;
    if (OVO_LIKELY(b < 0x80)) {
        c->p++;
        return b;
    }
    uint32_t cp = ovo_wtf8_next(&c->p, c->end);
    if (ovo_py_isspace(cp))
        return ' ';
    int dv = ovo_py_decimal_value(cp);
    return dv >= 0 ? '0' + dv : '?';
}

static inline bool c_isspace(int ch)  /* Py_ISSPACE */
{
    return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static inline int digit_value(int ch, int base)
{
    int v;
    if (ch >= '0' && ch <= '9')
        v = ch - '0';
    else if (ch >= 'a' && ch <= 'z')
        v = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'Z')
        v = ch - 'A' + 10;
    else
        return -1;
    return v < base ? v : -1;
}

/* Digit values of the ndigits digits from c (underscores skipped). */
static void collect_digits(cursor c, int base, unsigned char *out, size_t ndigits)
{
    size_t k = 0;
    while (k < ndigits) {
        int v = digit_value(next_char(&c), base);
        if (v >= 0)
            out[k++] = (unsigned char)v;
    }
}

static const ovo_val *big_from_decimal(ovo_ctx *ctx, cursor start, size_t ndigits,
                                       bool neg)
{
    unsigned char *vals = ovo_alloc(ctx, ndigits);
    if (!vals)
        return NULL;
    collect_digits(start, 10, vals, ndigits);
    size_t z = 0;
    while (z + 1 < ndigits && vals[z] == 0)
        z++;
    char *d = (char *)vals;         /* in place: digit values -> ASCII */
    for (size_t i = z; i < ndigits; i++)
        d[i - z] = (char)('0' + vals[i]);
    return mk_big(ctx, neg, d, ndigits - z);
}

/* Hex digits to decimal: quadratic, but every caller in the reference
 * bounds the text first (uuid.UUID: 32 digits, netaddr: regex groups). */
static const ovo_val *big_from_hex(ovo_ctx *ctx, cursor start, size_t ndigits, bool neg)
{
    unsigned char *vals = ovo_alloc(ctx, ndigits);
    if (!vals)
        return NULL;
    collect_digits(start, 16, vals, ndigits);
    size_t z = 0;
    while (z + 1 < ndigits && vals[z] == 0)
        z++;
    size_t nh = ndigits - z;
    /* 16**nh < 2**(4 nh) and a limb holds more than 29 bits */
    size_t cap = nh / 7 + 3;
    limbs x = {ovo_alloc(ctx, cap * sizeof(uint32_t)), 0};
    char *d = x.l ? ovo_alloc(ctx, cap * LIMB_DIGITS) : NULL;
    if (!d)
        return NULL;
    x.l[0] = 0;
    x.n = 1;
    size_t i = z;
    while (i < ndigits) {
        /* up to 7 hex digits at a time: 16**7 = 2**28 */
        uint32_t chunk = 0, mul = 1;
        for (int k = 0; k < 7 && i < ndigits; k++, i++) {
            chunk = chunk * 16 + vals[i];
            mul *= 16;
        }
        limbs_mul_add(&x, mul, chunk);
    }
    size_t n = limbs_to_digits(&x, d);
    return mk_big(ctx, neg, d, n);
}

int ovo_py_int_from_str(ovo_ctx *ctx, ovo_str s, int base, const ovo_val **out)
{
    cursor c = {s.ptr, s.ptr + s.len};
    cursor at;                      /* where ch was read */
    int ch;
#define ADVANCE() (at = c, ch = next_char(&c))
    ADVANCE();
    while (c_isspace(ch))
        ADVANCE();
    bool neg = false;
    if (ch == '+' || ch == '-') {
        neg = ch == '-';
        ADVANCE();
    }
    if (base == 16 && ch == '0') {
        cursor peek = c;
        int x = next_char(&peek);
        if (x == 'x' || x == 'X') {
            c = peek;
            ADVANCE();
            if (ch == '_')          /* "One underscore allowed here." */
                ADVANCE();
        }
    }
    if (ch == '_')                  /* "May not start with underscores." */
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);

    /* The digits, single underscores between them. */
    const cursor first = at;
    size_t ndigits = 0;
    uint64_t mag = 0;
    bool overflow = false;
    int prev = 0;
    const uint64_t limit = base == 16 ? UINT64_MAX >> 4 : (UINT64_MAX - 9) / 10;
    for (;;) {
        int v = digit_value(ch, base);
        if (v >= 0) {
            if (mag > limit)
                overflow = true;
            else
                mag = mag * (uint64_t)base + (uint64_t)v;
            ndigits++;
        } else if (ch == '_') {
            if (prev == '_')
                return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
        } else {
            break;
        }
        prev = ch;
        ADVANCE();
    }
    if (prev == '_' || ndigits == 0)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    /* The 4300-digit limit counts leading zeros too; power-of-two bases
     * are exempt ("binary bases are not limited by int_max_str_digits"). */
    if (base == 10 && ndigits > OVO_PY_MAX_STR_DIGITS)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    while (c_isspace(ch))
        ADVANCE();
#undef ADVANCE
    if (ch != END)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);

    const ovo_val *v;
    if (OVO_LIKELY(!overflow))
        v = mk_from_u64(ctx, mag, neg);
    else if (base == 10)
        v = big_from_decimal(ctx, first, ndigits, neg);
    else
        v = big_from_hex(ctx, first, ndigits, neg);
    if (!v)
        return -1;
    *out = v;
    return 0;
}

/* ------------------------------------------------------------ str(int) */

int ovo_py_int_str(ovo_ctx *ctx, const ovo_val *v, ovo_str *out)
{
    int_view w = view_of(v);
    char *d;
    size_t n;
    if (w.big) {
        /* Python refuses str() beyond the digit limit too (ValueError) */
        if (w.big->ndigits > OVO_PY_MAX_STR_DIGITS)
            return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
        bool neg = w.big->sign < 0;
        n = w.big->ndigits + neg;
        d = ovo_alloc(ctx, n);
        if (!d)
            return -1;
        d[0] = '-';
        memcpy(d + neg, w.big->digits, w.big->ndigits);
    } else {
        char tmp[20];
        uint64_t mag = w.small < 0 ? (uint64_t)0 - (uint64_t)w.small : (uint64_t)w.small;
        size_t k = 0;
        do {
            tmp[k++] = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag);
        bool neg = w.small < 0;
        n = k + neg;
        d = ovo_alloc(ctx, n);
        if (!d)
            return -1;
        d[0] = '-';
        for (size_t i = 0; i < k; i++)
            d[neg + i] = tmp[k - 1 - i];
    }
    out->ptr = d;
    out->len = (uint32_t)n;
    return 0;
}

/* ------------------------------------------------------------ compare */

static int cmp_mag(const ovo_bigint *a, const ovo_bigint *b)
{
    if (a->ndigits != b->ndigits)
        return a->ndigits < b->ndigits ? -1 : 1;
    int r = memcmp(a->digits, b->digits, a->ndigits);
    return (r > 0) - (r < 0);
}

static int cmp_view(int_view a, int_view b)
{
    /* a big int never fits int64: its sign alone orders it against a small */
    if (!a.big && !b.big)
        return (a.small > b.small) - (a.small < b.small);
    if (a.big && !b.big)
        return a.big->sign;
    if (!a.big)
        return -b.big->sign;
    if (a.big->sign != b.big->sign)
        return a.big->sign;
    return a.big->sign * cmp_mag(a.big, b.big);
}

int ovo_py_int_cmp(const ovo_val *a, const ovo_val *b)
{
    return cmp_view(view_of(a), view_of(b));
}

int ovo_py_int_cmp_i64(const ovo_val *a, int64_t b)
{
    int_view w = {NULL, b};
    return cmp_view(view_of(a), w);
}

bool ovo_py_int_fits_i64(const ovo_val *v, int64_t *out)
{
    int_view w = view_of(v);
    if (w.big)
        return false;
    if (out)
        *out = w.small;
    return true;
}

int ovo_py_int_to_u128(const ovo_val *v, uint64_t *hi, uint64_t *lo)
{
    int_view w = view_of(v);
    if (!w.big) {
        if (w.small < 0)
            return -1;
        *hi = 0;
        *lo = (uint64_t)w.small;
        return 0;
    }
    if (w.big->sign < 0 || w.big->ndigits > 39)  /* 2**128 has 39 digits */
        return -1;
    uint64_t h = 0, l = 0;
    for (uint32_t i = 0; i < w.big->ndigits; i++) {
        /* (h, l) = (h, l) * 10 + digit, failing on overflow */
        uint64_t dg = (uint64_t)(w.big->digits[i] - '0');
        uint64_t l_lo = (l & 0xFFFFFFFFu) * 10;
        uint64_t l_hi = (l >> 32) * 10 + (l_lo >> 32);
        uint64_t carry = l_hi >> 32;
        uint64_t nl = (l_hi << 32) | (l_lo & 0xFFFFFFFFu);
        if (h > (UINT64_MAX - carry) / 10)
            return -1;
        uint64_t nh = h * 10 + carry;
        nl += dg;
        if (nl < dg) {
            if (nh == UINT64_MAX)
                return -1;
            nh++;
        }
        h = nh;
        l = nl;
    }
    *hi = h;
    *lo = l;
    return 0;
}
