/* Python floats: repr(), float() of JSON literals, == across numbers.
 *
 * libc does the correctly rounded work (glibc's printf and strtod are
 * exact), but both honour the C locale's decimal point, and libovo is a
 * library: the embedding program may have called setlocale.  So no text
 * with a decimal point ever goes through them: strtod is only given
 * "<digits>e<exponent>", and the digits of printf's "%.*e" are read back
 * skipping whatever separator the locale put after the first digit.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "pynum.h"

/* ------------------------------------------------------------ parsing */

/* More significant digits than any double's halfway point has (767):
 * beyond this a sticky digit keeps the rounding decision unchanged. */
#define SIG_DIGITS_KEPT 780
/* Exponents beyond this give 0 or infinity with SIG_DIGITS_KEPT digits. */
#define EXP_CLAMP 4000

/* Exact powers of ten as doubles (10**22 is the last one). */
static const double pow10_exact[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* strtod of "<digits>e<exp>" (digits ASCII, nd >= 1, nd <= SIG_DIGITS_KEPT + 1). */
static double digits_to_double(const char *digits, size_t nd, long exp)
{
#if FLT_EVAL_METHOD == 0
    /* Clinger's fast path: an integer below 2**53 times or divided by an
     * exact power of ten is one correctly rounded IEEE operation (not on
     * x87, where double rounding could differ: FLT_EVAL_METHOD != 0). */
    if (nd <= 15 && exp >= -22 && exp <= 22) {
        uint64_t m = 0;
        for (size_t i = 0; i < nd; i++)
            m = m * 10 + (uint64_t)(digits[i] - '0');
        return exp < 0 ? (double)m / pow10_exact[-exp] : (double)m * pow10_exact[exp];
    }
#endif
    char buf[SIG_DIGITS_KEPT + 1 + 16];
    memcpy(buf, digits, nd);
    char *o = buf + nd;
    *o++ = 'e';
    unsigned long m = exp < 0 ? 0UL - (unsigned long)exp : (unsigned long)exp;
    if (exp < 0)
        *o++ = '-';
    char tmp[24];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    while (k)
        *o++ = tmp[--k];
    *o = 0;
    return strtod(buf, NULL);
}

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

double ovo_py_float_from_ascii(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    bool neg = false;
    if (p < end && (*p == '-' || *p == '+')) {
        neg = *p == '-';
        p++;
    }
    /* Significant digits (leading zeros dropped) of int and fraction part. */
    char sig[SIG_DIGITS_KEPT + 1];
    size_t nsig = 0;
    bool sticky = false;
    int64_t scale = 0;              /* value = sig * 10**(scale + exp) */
    bool seen_dot = false;
    for (; p < end; p++) {
        char c = *p;
        if (c == '.' && !seen_dot) {
            seen_dot = true;
            continue;
        }
        if (!is_digit(c))
            break;
        if (nsig == 0 && c == '0') {
            if (seen_dot)
                scale--;
            continue;
        }
        if (nsig < SIG_DIGITS_KEPT) {
            sig[nsig++] = c;
            if (seen_dot)
                scale--;
        } else {
            if (c != '0')
                sticky = true;
            if (!seen_dot)
                scale++;
        }
    }
    int64_t exp = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        bool eneg = false;
        if (p < end && (*p == '-' || *p == '+')) {
            eneg = *p == '-';
            p++;
        }
        for (; p < end && is_digit(*p); p++)
            if (exp < 1000000000)   /* saturate: far beyond any double */
                exp = exp * 10 + (*p - '0');
        if (eneg)
            exp = -exp;
    }
    double r;
    if (nsig == 0) {
        r = 0.0;
    } else {
        if (sticky) {
            sig[nsig++] = '1';
            scale--;
        }
        int64_t e = scale + exp;
        if (e > EXP_CLAMP)
            e = EXP_CLAMP;
        if (e < -EXP_CLAMP)
            e = -EXP_CLAMP;
        r = digits_to_double(sig, nsig, (long)e);
    }
    return neg ? -r : r;
}

/* ------------------------------------------------------------ repr */

/* The p significant digits of |d| correctly rounded ("%.*e"), in digits
 * (NUL-terminated); returns the decimal exponent of the first digit. */
static int rounded_digits(double d, int p, char *digits)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", p - 1, d);
    const char *q = buf;
    int nd = 0;
    digits[nd++] = *q++;
    while (*q && *q != 'e' && !is_digit(*q))
        q++;                        /* the locale's decimal point */
    while (is_digit(*q))
        digits[nd++] = *q++;
    digits[nd] = 0;
    return (int)strtol(q + 1, NULL, 10);
}

/* Add delta (+1 or -1) to the last of nd digits; returns the new number of
 * digits and adjusts *exp when a carry or borrow changes the length. */
static int digits_step(char *digits, int nd, int delta, int *exp)
{
    int i = nd - 1;
    if (delta > 0) {
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i < 0) {                /* 99..9 + 1 = 100..0 */
            digits[0] = '1';
            digits[1] = 0;
            (*exp)++;
            return 1;
        }
        digits[i]++;
    } else {
        while (i >= 0 && digits[i] == '0')
            digits[i--] = '9';
        digits[i]--;
        if (digits[0] == '0') {     /* 10..0 - 1 = 9..9 */
            memmove(digits, digits + 1, (size_t)nd);
            nd--;
            (*exp)--;
        }
    }
    return nd;
}

/* The p-digit correctly rounded digits of |d| (p < 17) from its 17-digit
 * rounding d17 (exponent e17): rounding d17 again is exact unless the
 * dropped part is exactly a half, where double rounding could differ and
 * printf is asked directly.  Returns the number of digits. */
static int round_to(double d, const char *d17, int e17, int p, char *out, int *exp)
{
    const char *tail = d17 + p;
    int cmp_half = tail[0] < '5' ? -1 : tail[0] > '5' ? 1 : 0;
    for (const char *t = tail + 1; cmp_half == 0 && *t; t++)
        if (*t != '0')
            cmp_half = 1;
    if (cmp_half == 0) {
        *exp = rounded_digits(d, p, out);
        return p;
    }
    memcpy(out, d17, (size_t)p);
    out[p] = 0;
    *exp = e17;
    return cmp_half > 0 ? digits_step(out, p, 1, exp) : p;
}

/* The shortest digits that round-trip to d (finite, > 0), and the
 * exponent of the first digit: what CPython's repr gets from dtoa mode 0.
 * Among candidates of one length the correctly rounded one is nearest;
 * only when d is a power of two (its rounding interval is narrower below
 * than above) can the other neighbour round-trip when the nearest does
 * not (repr(-2.0**710) is -5.386379163185535e+213: the nearest 16 digits,
 * ...534e+213, do not round-trip).  Being
 * round-trippable is monotone in the length, so a binary search finds it. */
static int shortest_digits(double d, char *out, int *exp_out)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    bool pow2 = (bits & ((UINT64_C(1) << 52) - 1)) == 0 && (bits >> 52) > 1;
    char d17[24];
    int e17 = rounded_digits(d, 17, d17);   /* 17 digits always round-trip */
    char best[24];
    memcpy(best, d17, sizeof d17);
    int best_exp = e17, best_n = 17;
    int lo = 1, hi = 16;
    while (lo <= hi) {
        int p = (lo + hi) / 2;
        char digits[24];
        int exp;
        int nd = round_to(d, d17, e17, p, digits, &exp);
        double back = digits_to_double(digits, (size_t)nd, exp - nd + 1);
        bool ok = back == d;
        if (!ok && pow2) {
            nd = digits_step(digits, nd, back < d ? 1 : -1, &exp);
            ok = digits_to_double(digits, (size_t)nd, exp - nd + 1) == d;
        }
        if (ok) {
            memcpy(best, digits, (size_t)nd + 1);
            best_n = nd;
            best_exp = exp;
            hi = p - 1;
        } else {
            lo = p + 1;
        }
    }
    /* trailing zeros (a carry can leave some) are not significant */
    while (best_n > 1 && best[best_n - 1] == '0')
        best_n--;
    memcpy(out, best, (size_t)best_n);
    out[best_n] = 0;
    *exp_out = best_exp;
    return best_n;
}

size_t ovo_py_float_repr(double d, char *buf)
{
    char *o = buf;
    if (isnan(d)) {
        memcpy(buf, "nan", 4);      /* repr(-nan) is 'nan' too */
        return 3;
    }
    if (signbit(d)) {
        *o++ = '-';
        d = -d;
    }
    if (isinf(d)) {
        memcpy(o, "inf", 4);
        return (size_t)(o - buf) + 3;
    }
    if (d == 0) {
        memcpy(o, "0.0", 4);
        return (size_t)(o - buf) + 3;
    }
    char digits[24];
    int exp;
    int nd;
    if (d < 0x1p53 && d == trunc(d)) {
        /* an integer below 2**53: its own digits are the shortest (any
         * shorter candidate is off by at least 1, more than half an ulp) */
        uint64_t m = (uint64_t)d;
        char tmp[24];
        int k = 0;
        do {
            tmp[k++] = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        exp = k - 1;
        nd = 0;
        while (k)
            digits[nd++] = tmp[--k];
        while (nd > 1 && digits[nd - 1] == '0')
            nd--;
        digits[nd] = 0;
    } else {
        nd = shortest_digits(d, digits, &exp);
    }
    int decpt = exp + 1;            /* digits before the decimal point */
    /* Python/pystrtod.c format_float_short, mode 'r': exponent notation
     * when decpt <= -4 or decpt > 16. */
    if (decpt <= -4 || decpt > 16) {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)nd - 1);
            o += nd - 1;
        }
        int e = decpt - 1;
        *o++ = 'e';
        *o++ = e < 0 ? '-' : '+';
        if (e < 0)
            e = -e;
        if (e >= 100)
            *o++ = (char)('0' + e / 100);
        *o++ = (char)('0' + e / 10 % 10);
        *o++ = (char)('0' + e % 10);
    } else if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++)
            *o++ = '0';
        memcpy(o, digits, (size_t)nd);
        o += nd;
    } else if (decpt >= nd) {
        memcpy(o, digits, (size_t)nd);
        o += nd;
        for (int i = nd; i < decpt; i++)
            *o++ = '0';
        *o++ = '.';
        *o++ = '0';
    } else {
        memcpy(o, digits, (size_t)decpt);
        o += decpt;
        *o++ = '.';
        memcpy(o, digits + decpt, (size_t)(nd - decpt));
        o += nd - decpt;
    }
    *o = 0;
    return (size_t)(o - buf);
}

/* ------------------------------------------------------------ == */

static bool is_number(const ovo_val *v)
{
    return v->type == OVO_INT || v->type == OVO_BOOL || v->type == OVO_FLOAT;
}

/* int == float, exactly (Objects/floatobject.c float_richcompare): a
 * float equals an int only when it is finite, integral and the same
 * number; no rounding of the int to a double. */
static bool int_eq_double(const ovo_val *i, double f)
{
    if (!isfinite(f) || f != trunc(f))
        return false;
    int64_t s;
    if (ovo_py_int_fits_i64(i, &s))
        return f >= -0x1p63 && f < 0x1p63 && (int64_t)f == s;
    const ovo_bigint *b = i->u.i.big;
    if ((b->sign < 0) != (f < 0) || fabs(f) < 0x1p63)
        return false;
    char tmp[OVO_DOUBLE_INT_DIGITS_MAX];
    size_t n = ovo_py_double_int_digits(fabs(f), tmp);
    return n == b->ndigits && memcmp(tmp, b->digits, n) == 0;
}

bool ovo_py_num_eq(const ovo_val *a, const ovo_val *b)
{
    if (!is_number(a) || !is_number(b))
        return false;
    bool af = a->type == OVO_FLOAT, bf = b->type == OVO_FLOAT;
    if (af && bf)
        return a->u.f == b->u.f;
    if (!af && !bf)
        return ovo_py_int_cmp(a, b) == 0;
    return af ? int_eq_double(b, a->u.f) : int_eq_double(a, b->u.f);
}
