/* PEP 440 versions: packaging 23.0's Version (packaging/version.py) and
 * oslo_utils.versionutils.is_compatible.
 *
 * Version() matches
 *     ^\s* v? (N!)? N(.N)* PRE? POST? DEV? (+LOCAL)? \s*$
 * compiled with re.VERBOSE | re.IGNORECASE.  The regex backtracks, but
 * every choice it could revisit is decided locally here (a greedy choice
 * never loses a match the alternative would find), so one left-to-right
 * pass gives the same match and the same groups:
 *   - among letter alternatives the longest that matches wins ("alpha"
 *     over "a", "preview" over "pre", "rev" over "r"): after the shorter
 *     one no segment can go on;
 *   - a separator after a letter is taken by that segment, and digits
 *     after it are its number: the next segments start with their own
 *     optional separator, and none of them starts with a digit.
 *
 * Unicode, as CPython's re sees a str pattern:
 *   - \s is every character str.isspace() accepts (29 of them);
 *   - [0-9] is ASCII only;
 *   - IGNORECASE lets U+0130 and U+0131 match 'i', U+017F match 's' and
 *     U+212A (Kelvin sign) match 'k', in the keywords and in [a-z0-9];
 *   - the matched text is then put through str.lower(), which maps U+0130
 *     to "i\u0307", U+212A to 'k' and leaves U+0131 and U+017F alone.
 * Numbers go through int(), which raises ValueError beyond 4300 digits
 * (leading zeros count).
 */
#include "ovo/pep440.h"

#include <string.h>

#include "internal.h"
#include "frames.h"

#define INT_MAX_STR_DIGITS 4300 /* Python 3.11's default int() limit */

typedef const unsigned char *bytes;

/* ------------------------------------------------------------ characters */

static inline bool is_digit(unsigned c) { return c - '0' < 10u; }
static inline bool is_sep(unsigned c) { return c == '-' || c == '_' || c == '.'; }

/* Length of the \s character at s[i], or 0. */
static size_t space_len(bytes s, size_t i, size_t n)
{
    unsigned c = s[i];
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20))
        return 1;
    if (c < 0xC2 || n - i < 2)
        return 0;
    unsigned b1 = s[i + 1];
    if (c == 0xC2)                                  /* U+0085, U+00A0 */
        return (b1 == 0x85 || b1 == 0xA0) ? 2 : 0;
    if (n - i < 3)
        return 0;
    unsigned b2 = s[i + 2];
    if (c == 0xE1)                                  /* U+1680 */
        return (b1 == 0x9A && b2 == 0x80) ? 3 : 0;
    if (c == 0xE2) {
        if (b1 == 0x80)                 /* U+2000..200A, 2028, 2029, 202F */
            return ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 ||
                    b2 == 0xAF) ? 3 : 0;
        return (b1 == 0x81 && b2 == 0x9F) ? 3 : 0;  /* U+205F */
    }
    if (c == 0xE3)                                  /* U+3000 */
        return (b1 == 0x80 && b2 == 0x80) ? 3 : 0;
    return 0;
}

/* Non-ASCII characters IGNORECASE lets stand for an ASCII letter. */
enum fold {
    FOLD_NONE = 0,
    FOLD_DOTTED_I,      /* U+0130 for 'i' */
    FOLD_DOTLESS_I,     /* U+0131 for 'i' */
    FOLD_LONG_S,        /* U+017F for 's' */
    FOLD_KELVIN         /* U+212A for 'k' */
};

/* Length of the character at s[i] that matches the non-ASCII stand-in for
 * a letter (any letter when want is 0), or 0; *fold says which. */
static size_t fold_len(bytes s, size_t i, size_t n, char want, enum fold *fold)
{
    unsigned c = s[i];
    if (c == 0xC4 && n - i >= 2 && (want == 'i' || want == 0)) {
        if (s[i + 1] == 0xB0) {
            *fold = FOLD_DOTTED_I;
            return 2;
        }
        if (s[i + 1] == 0xB1) {
            *fold = FOLD_DOTLESS_I;
            return 2;
        }
    } else if (c == 0xC5 && n - i >= 2 && (want == 's' || want == 0)) {
        if (s[i + 1] == 0xBF) {
            *fold = FOLD_LONG_S;
            return 2;
        }
    } else if (c == 0xE2 && n - i >= 3 && (want == 'k' || want == 0)) {
        if (s[i + 1] == 0x84 && s[i + 2] == 0xAA) {
            *fold = FOLD_KELVIN;
            return 3;
        }
    }
    return 0;
}

/* Match the lowercase ASCII word at s[i] case-insensitively; returns the
 * bytes matched or 0.  *fold records a non-ASCII stand-in (the keywords
 * hold at most one 'i' or 's'). */
static size_t match_word(bytes s, size_t i, size_t n, const char *word, enum fold *fold)
{
    size_t at = i;
    *fold = FOLD_NONE;
    for (; *word; word++) {
        if (at >= n)
            return 0;
        if ((s[at] | 0x20u) == (unsigned char)*word) {
            at++;
            continue;
        }
        size_t k = fold_len(s, at, n, *word, fold);
        if (k == 0)
            return 0;
        at += k;
    }
    return at - i;
}

/* Length of one [a-z0-9] character (IGNORECASE) at s[i], or 0. */
static size_t alnum_len(bytes s, size_t i, size_t n, bool *digit)
{
    unsigned c = s[i];
    *digit = is_digit(c);
    if (*digit || (unsigned)((c | 0x20u) - 'a') < 26u)
        return 1;
    enum fold f;
    return fold_len(s, i, n, 0, &f);
}

/* ------------------------------------------------------------ numbers */

static size_t digit_run(bytes s, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && is_digit(s[j]))
        j++;
    return j - i;
}

/* The number written as s[i..i+d): leading zeros dropped. */
static ovo_pep440_num make_num(bytes s, size_t i, size_t d)
{
    while (d > 0 && s[i] == '0') {
        i++;
        d--;
    }
    ovo_pep440_num r = {(const char *)s + i, d};
    return r;
}

static int cmp_num(ovo_pep440_num a, ovo_pep440_num b)
{
    if (a.len != b.len)
        return a.len < b.len ? -1 : 1;
    /* equal lengths: the first differing digit decides */
    for (size_t i = 0; i < a.len; i++)
        if (a.digits[i] != b.digits[i])
            return a.digits[i] < b.digits[i] ? -1 : 1;
    return 0;
}

static int cmp_int(int a, int b) { return (a > b) - (a < b); }

/* ------------------------------------------------------------ parsing */

typedef struct parser {
    bytes s;
    size_t n, i;
    unsigned char seg;  /* the segment being parsed (ovo_pep440_seg) */
    unsigned char big;  /* the first whose int() exceeds the digit limit */
} parser;

/* Digits at the cursor, as a number (possibly none: the value 0). */
static ovo_pep440_num take_number(parser *p)
{
    size_t d = digit_run(p->s, p->i, p->n);
    if (d > INT_MAX_STR_DIGITS && !p->big)
        p->big = p->seg;
    ovo_pep440_num r = make_num(p->s, p->i, d);
    p->i += d;
    return r;
}

/* After a segment's letters: an optional separator, then its number. */
static ovo_pep440_num take_sep_number(parser *p)
{
    if (p->i < p->n && is_sep(p->s[p->i]))
        p->i++;
    return take_number(p);
}

/* [-_.]? (a|b|c|rc|alpha|beta|pre|preview) [-_.]? N? */
static void parse_pre(parser *p, ovo_pep440 *out)
{
    static const struct {
        const char *word;
        unsigned char kind;
    } words[] = {
        {"preview", OVO_PEP440_PRE_RC}, {"pre", OVO_PEP440_PRE_RC},
        {"alpha", OVO_PEP440_PRE_A},    {"a", OVO_PEP440_PRE_A},
        {"beta", OVO_PEP440_PRE_B},     {"b", OVO_PEP440_PRE_B},
        {"rc", OVO_PEP440_PRE_RC},      {"c", OVO_PEP440_PRE_RC},
    };
    size_t j = p->i;
    if (j < p->n && is_sep(p->s[j]))
        j++;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        enum fold fold;
        size_t k = match_word(p->s, j, p->n, words[w].word, &fold);
        if (k == 0)
            continue;
        /* letter.lower() in _parse_letter_version: "prevİew" becomes
         * "previ\u0307ew" and "prevıew" stays; neither is an alias of
         * "rc", so they stay letters of their own. */
        out->pre = fold == FOLD_DOTTED_I    ? OVO_PEP440_PRE_PREVIEW_DOTTED_I
                   : fold == FOLD_DOTLESS_I ? OVO_PEP440_PRE_PREVIEW_DOTLESS_I
                                            : words[w].kind;
        p->i = j + k;
        out->pre_n = take_sep_number(p);
        return;
    }
}

/* (-N) | ([-_.]? (post|rev|r) [-_.]? N?) */
static void parse_post(parser *p, ovo_pep440 *out)
{
    size_t j = p->i;
    if (j + 1 < p->n && p->s[j] == '-' && is_digit(p->s[j + 1])) {
        /* the implicit post release: "1.0-1" */
        p->i = j + 1;
        out->post = OVO_PEP440_POST_POST;
        out->post_n = take_number(p);
        return;
    }
    if (j < p->n && is_sep(p->s[j]))
        j++;
    static const char *const words[] = {"post", "rev", "r"};
    for (size_t w = 0; w < 3; w++) {
        enum fold fold;
        size_t k = match_word(p->s, j, p->n, words[w], &fold);
        if (k == 0)
            continue;
        /* "poſt" (U+017F) stays "poſt" under str.lower(): no alias of
         * "post", so it keeps its own letter in the sort key. */
        out->post = fold == FOLD_LONG_S ? OVO_PEP440_POST_LONG_S : OVO_PEP440_POST_POST;
        p->i = j + k;
        out->post_n = take_sep_number(p);
        return;
    }
}

/* [-_.]? dev [-_.]? N? */
static void parse_dev(parser *p, ovo_pep440 *out)
{
    size_t j = p->i;
    if (j < p->n && is_sep(p->s[j]))
        j++;
    enum fold fold;
    size_t k = match_word(p->s, j, p->n, "dev", &fold);
    if (k == 0)
        return;
    out->has_dev = true;
    p->i = j + k;
    out->dev_n = take_sep_number(p);
}

/* One local part [a-z0-9]+ at the cursor; false when there is none. */
static bool parse_local_part(parser *p)
{
    size_t start = p->i;
    bool all_digits = true, digit;
    size_t k;
    while (p->i < p->n && (k = alnum_len(p->s, p->i, p->n, &digit)) > 0) {
        all_digits = all_digits && digit;
        p->i += k;
    }
    if (p->i == start)
        return false;
    /* _parse_local_version: int(part) for digit-only parts */
    if (all_digits && p->i - start > INT_MAX_STR_DIGITS && !p->big)
        p->big = p->seg;
    return true;
}

/* \+ [a-z0-9]+ ([-_.][a-z0-9]+)* */
static bool parse_local(parser *p, ovo_pep440 *out)
{
    if (p->i >= p->n || p->s[p->i] != '+')
        return true;
    p->i++;
    size_t start = p->i;
    if (!parse_local_part(p))
        return false;
    size_t count = 1;
    while (p->i + 1 < p->n && is_sep(p->s[p->i])) {
        size_t save = p->i;
        p->i++;
        if (!parse_local_part(p)) {
            p->i = save;    /* the separator is left to fail the match */
            break;
        }
        count++;
    }
    out->local = (const char *)p->s + start;
    out->local_len = p->i - start;
    out->local_count = count;
    return true;
}

static void skip_space(parser *p)
{
    size_t k;
    while (p->i < p->n && (k = space_len(p->s, p->i, p->n)) > 0)
        p->i += k;
}

int ovo_pep440_parse(const char *s, size_t len, ovo_pep440 *out)
{
    static const ovo_pep440 empty;
    *out = empty;
    parser p = {(bytes)s, len, 0, OVO_PEP440_SEG_EPOCH, 0};
    if (len == 0)
        return OVO_PEP440_INVALID;

    skip_space(&p);
    if (p.i < p.n && (p.s[p.i] | 0x20u) == 'v')
        p.i++;

    /* epoch: digits followed by '!'; otherwise they start the release */
    size_t d = digit_run(p.s, p.i, p.n);
    if (d == 0)
        return OVO_PEP440_INVALID;
    if (p.i + d < p.n && p.s[p.i + d] == '!') {
        out->epoch = take_number(&p);
        p.i++;
        if (digit_run(p.s, p.i, p.n) == 0)
            return OVO_PEP440_INVALID;
    }

    /* release: N(.N)*, a '.' not followed by a digit belongs to what follows */
    p.seg = OVO_PEP440_SEG_RELEASE;
    out->release = (const char *)p.s + p.i;
    out->major = take_number(&p);
    out->release_count = 1;
    while (p.i + 1 < p.n && p.s[p.i] == '.' && is_digit(p.s[p.i + 1])) {
        p.i++;
        take_number(&p);
        out->release_count++;
    }
    out->release_len = (size_t)((const char *)p.s + p.i - out->release);
    out->big = p.big;
    if (OVO_LIKELY(p.i == p.n))     /* the common "1.10" */
        return p.big ? OVO_PEP440_INT_DIGITS : 0;

    p.seg = OVO_PEP440_SEG_LETTERED;
    parse_pre(&p, out);
    parse_post(&p, out);
    parse_dev(&p, out);
    p.seg = OVO_PEP440_SEG_LOCAL;
    if (!parse_local(&p, out))
        return OVO_PEP440_INVALID;

    /* \s*$ ($ also matches before a final '\n', which \s* took anyway) */
    skip_space(&p);
    if (p.i != p.n)
        return OVO_PEP440_INVALID;
    out->big = p.big;
    return p.big ? OVO_PEP440_INT_DIGITS : 0;
}

/* ------------------------------------------------------------ walking */

bool ovo_pep440_release_next(const ovo_pep440 *v, size_t *pos, ovo_pep440_num *out)
{
    size_t i = *pos;
    if (i >= v->release_len)
        return false;
    bytes s = (bytes)v->release;
    size_t d = digit_run(s, i, v->release_len);
    *out = make_num(s, i, d);
    *pos = i + d + 1;   /* past the '.' */
    return true;
}

/* One local part: where it is and whether int() took it. */
typedef struct local_part {
    bytes p;
    size_t len;
    bool numeric;
} local_part;

static bool local_next(const ovo_pep440 *v, size_t *pos, local_part *out)
{
    size_t i = *pos, n = v->local_len;
    if (v->local == NULL || i >= n)
        return false;
    bytes s = (bytes)v->local;
    size_t start = i, k;
    bool numeric = true, digit;
    while (i < n && !is_sep(s[i]) && (k = alnum_len(s, i, n, &digit)) > 0) {
        numeric = numeric && digit;
        i += k;
    }
    out->p = s + start;
    out->len = i - start;
    out->numeric = numeric;
    *pos = i + 1;       /* past the separator */
    return true;
}

/* A local part as str.lower() leaves it, one UTF-8 byte at a time (UTF-8
 * byte order is code point order, which is how Python compares str). */
typedef struct lower_iter {
    bytes p, end;
    unsigned char pend[3];
    int npend, at;
} lower_iter;

static void lower_init(lower_iter *it, const local_part *part)
{
    it->p = part->p;
    it->end = part->p + part->len;
    it->npend = it->at = 0;
}

/* The next byte, or -1 at the end. */
static int lower_next(lower_iter *it)
{
    if (it->at < it->npend)
        return it->pend[it->at++];
    if (it->p >= it->end)
        return -1;
    unsigned c = *it->p;
    if (c < 0x80) {
        it->p++;
        return (c >= 'A' && c <= 'Z') ? (int)(c | 0x20u) : (int)c;
    }
    enum fold f = FOLD_NONE;
    size_t k = fold_len(it->p, 0, (size_t)(it->end - it->p), 0, &f);
    it->npend = it->at = 0;
    switch (f) {
    case FOLD_DOTTED_I:     /* U+0130 -> "i\u0307" */
        it->pend[0] = 0xCC;
        it->pend[1] = 0x87;
        it->npend = 2;
        it->p += k;
        return 'i';
    case FOLD_KELVIN:       /* U+212A -> 'k' */
        it->p += k;
        return 'k';
    case FOLD_NONE:         /* not in a parsed local part */
        it->p++;
        return (int)c;
    default:                /* U+0131, U+017F are lowercase already */
        it->pend[0] = it->p[1];
        it->npend = 1;
        it->p += 2;
        return (int)c;
    }
}

/* ------------------------------------------------------------ ordering */

/* _cmpkey's sentinels: NegativeInfinity < any value < Infinity. */
enum { NEG_INF = 0, VALUE = 1, POS_INF = 2 };

static int cmp_release(const ovo_pep440 *a, const ovo_pep440 *b)
{
    /* Trailing zeros are stripped before comparing tuples; comparing with
     * zero padding is the same thing for non-negative components. */
    static const ovo_pep440_num zero = {NULL, 0};
    size_t pa = 0, pb = 0;
    for (;;) {
        ovo_pep440_num x, y;
        bool ha = ovo_pep440_release_next(a, &pa, &x);
        bool hb = ovo_pep440_release_next(b, &pb, &y);
        if (!ha && !hb)
            return 0;
        int c = cmp_num(ha ? x : zero, hb ? y : zero);
        if (c)
            return c;
    }
}

static int pre_rank(const ovo_pep440 *v)
{
    if (v->pre == OVO_PEP440_PRE_NONE)
        return (v->post == OVO_PEP440_POST_NONE && v->has_dev) ? NEG_INF : POS_INF;
    return VALUE;
}

static int cmp_local_part(const local_part *x, const local_part *y)
{
    /* (n, "") for numbers, (NegativeInfinity, s) for strings: strings
     * sort before numbers, numbers numerically, strings as str. */
    if (x->numeric != y->numeric)
        return x->numeric ? 1 : -1;
    if (x->numeric)
        return cmp_num(make_num(x->p, 0, x->len), make_num(y->p, 0, y->len));
    lower_iter ix, iy;
    lower_init(&ix, x);
    lower_init(&iy, y);
    for (;;) {
        int cx = lower_next(&ix), cy = lower_next(&iy);
        if (cx != cy)
            return cx < cy ? -1 : 1;
        if (cx < 0)
            return 0;
    }
}

static int cmp_local(const ovo_pep440 *a, const ovo_pep440 *b)
{
    int c = cmp_int(a->local != NULL, b->local != NULL);
    if (c || a->local == NULL)
        return c;
    size_t pa = 0, pb = 0;
    for (;;) {
        local_part x, y;
        bool ha = local_next(a, &pa, &x), hb = local_next(b, &pb, &y);
        if (!ha || !hb)
            return cmp_int(ha, hb);     /* the shorter tuple sorts first */
        c = cmp_local_part(&x, &y);
        if (c)
            return c;
    }
}

int ovo_pep440_cmp(const ovo_pep440 *a, const ovo_pep440 *b)
{
    int c = cmp_num(a->epoch, b->epoch);
    if (c)
        return c;
    if ((c = cmp_release(a, b)))
        return c;

    /* pre: NegativeInfinity for a bare dev release ("1.0.dev0" sorts before
     * "1.0a0"), Infinity without pre, else (letter, n) */
    int ra = pre_rank(a), rb = pre_rank(b);
    if ((c = cmp_int(ra, rb)))
        return c;
    if (ra == VALUE) {
        if ((c = cmp_int(a->pre, b->pre)) || (c = cmp_num(a->pre_n, b->pre_n)))
            return c;
    }

    /* post: NegativeInfinity when absent, else (letter, n) */
    if ((c = cmp_int(a->post, b->post)))
        return c;
    if (a->post != OVO_PEP440_POST_NONE && (c = cmp_num(a->post_n, b->post_n)))
        return c;

    /* dev: Infinity when absent, else ("dev", n) */
    if ((c = cmp_int(!a->has_dev, !b->has_dev)))
        return c;
    if (a->has_dev && (c = cmp_num(a->dev_n, b->dev_n)))
        return c;

    return cmp_local(a, b);
}

bool ovo_pep440_same_major(const ovo_pep440 *a, const ovo_pep440 *b)
{
    return cmp_num(a->major, b->major) == 0;
}

/* ------------------------------------------------------------ str() */

typedef struct writer {
    char *buf;
    size_t cap, len;
} writer;

static void put(writer *w, const char *p, size_t n)
{
    if (w->len < w->cap) {
        size_t room = w->cap - w->len;
        memcpy(w->buf + w->len, p, n < room ? n : room);
    }
    w->len += n;
}

static void put_num(writer *w, ovo_pep440_num v)
{
    if (v.len == 0)
        put(w, "0", 1);
    else
        put(w, v.digits, v.len);
}

size_t ovo_pep440_normalize(const ovo_pep440 *v, char *buf, size_t cap)
{
    /* Bytes go to buf[0..cap-1) so the NUL always fits. */
    writer w = {buf, cap ? cap - 1 : 0, 0};

    if (v->epoch.len) {
        put_num(&w, v->epoch);
        put(&w, "!", 1);
    }
    size_t pos = 0;
    ovo_pep440_num x;
    for (bool first = true; ovo_pep440_release_next(v, &pos, &x); first = false) {
        if (!first)
            put(&w, ".", 1);
        put_num(&w, x);
    }

    static const char *const pre_text[] = {
        "", "a", "b", "previ\xCC\x87" "ew", "prev\xC4\xB1" "ew", "rc",
    };
    if (v->pre != OVO_PEP440_PRE_NONE) {
        put(&w, pre_text[v->pre], strlen(pre_text[v->pre]));
        put_num(&w, v->pre_n);
    }
    /* Version.__str__ prints the post number only: "poſt" shows as .post */
    if (v->post != OVO_PEP440_POST_NONE) {
        put(&w, ".post", 5);
        put_num(&w, v->post_n);
    }
    if (v->has_dev) {
        put(&w, ".dev", 4);
        put_num(&w, v->dev_n);
    }
    if (v->local) {
        put(&w, "+", 1);
        size_t lp = 0;
        local_part part;
        for (bool first = true; local_next(v, &lp, &part); first = false) {
            if (!first)
                put(&w, ".", 1);
            if (part.numeric) {
                put_num(&w, make_num(part.p, 0, part.len));
                continue;
            }
            lower_iter it;
            lower_init(&it, &part);
            for (int c; (c = lower_next(&it)) >= 0;) {
                char ch = (char)c;
                put(&w, &ch, 1);
            }
        }
    }

    if (cap)
        buf[w.len < cap ? w.len : cap - 1] = '\0';
    return w.len;
}

/* ------------------------------------------------------------ is_compatible */

static int raise_parse_error(ovo_ctx *ctx, int rc)
{
    return rc == OVO_PEP440_INT_DIGITS ? ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE)
                                       : ovo_raise(ctx, OVO_EXC_INVALID_VERSION, OVO_RULE_NONE);
}

int ovo_is_compatible(ovo_ctx *ctx, const ovo_val *requested, const char *current, bool *ok)
{
    *ok = false;
    /* re.search() on a non-str (int, float, bool, None, list, dict) raises
     * TypeError before anything is compared. */
    if (requested->type != OVO_STR)
        return ovo_raise(ctx, OVO_EXC_TYPE_ERROR, OVO_RULE_CRASH_VERSION_TYPE);
    ovo_pep440 req, cur;
    int rc = ovo_pep440_parse(requested->u.s.ptr, requested->u.s.len, &req);
    /* how deep Version(requested) goes (InvalidVersion stays shallower
     * than the registry lookup before it) */
    static const int32_t big_units[] = {
        [OVO_PEP440_SEG_EPOCH] = OVO_FR_VERSION_BIG_EPOCH,
        [OVO_PEP440_SEG_RELEASE] = OVO_FR_VERSION_BIG_NUMBER,
        [OVO_PEP440_SEG_LETTERED] = OVO_FR_VERSION_BIG_NUMBER,
        [OVO_PEP440_SEG_LOCAL] = OVO_FR_VERSION_BIG_LOCAL,
    };
    if (rc == 0 && ovo_frames_probe(ctx, OVO_FR_VERSION_PARSED) < 0)
        return -1;
    if (rc == OVO_PEP440_INT_DIGITS && ovo_frames_probe(ctx, big_units[req.big]) < 0)
        return -1;
    if (rc)
        return raise_parse_error(ctx, rc);
    rc = ovo_pep440_parse(current, strlen(current), &cur);
    if (rc)
        return raise_parse_error(ctx, rc);
    *ok = ovo_pep440_same_major(&req, &cur) && ovo_pep440_cmp(&cur, &req) >= 0;
    return 0;
}
