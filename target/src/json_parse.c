/* json.loads in the reference's dialect (CPython 3.11 Modules/_json.c
 * scan_once_unicode, scanstring_unicode, _match_number_unicode).
 *
 * Iterative: containers are kept on a stack in the context's scratch area,
 * so nesting costs no C stack.  Strings without escapes point into the
 * text; everything else lives in the arena. */
#include "frames.h"
#include "json.h"
#include "pynum.h"

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

/* Python's int_max_str_digits default (sys.int_info). */
#define INT_MAX_DIGITS 4300

typedef struct parser {
    ovo_ctx *ctx;
    const char *p, *end;
    uint32_t max_depth;     /* recursion units left after the scanner call */
    uint32_t depth;         /* containers open */
    ovo_json_reason reason;
    uint32_t need;          /* units beyond the scanner's that raising the
                               syntax error takes (frames.h) */
    /* the value stack: pointers; object frames push key, value, ... */
    const ovo_val **stack;
    size_t top, cap;
} parser;

typedef struct frame {
    size_t start;       /* stack index of the first item */
    bool object;
} frame;

bool ovo_utf8_valid(const uint8_t *p, size_t n)
{
    const uint8_t *end = p + n;
    while (p < end) {
        /* ASCII fast path, 8 bytes at a time */
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ULL)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        uint8_t c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t need;
        uint8_t lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;          /* no overlongs */
            else if (c == 0xED)
                hi = 0x9F;          /* no surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;          /* nothing above U+10FFFF */
        } else {
            return false;
        }
        if ((size_t)(end - p) <= need)
            return false;
        if (p[1] < lo || p[1] > hi)
            return false;
        for (size_t i = 2; i <= need; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += need + 1;
    }
    return true;
}

static int fail(parser *ps, ovo_json_reason r)
{
    ps->reason = r;
    return -1;
}

/* A JSONDecodeError the C scanner raises itself (raise_errmsg) with the
 * current containers open. */
static int fail_errmsg(parser *ps)
{
    ps->need = ps->depth + OVO_FR_JSON_ERRMSG;
    return fail(ps, OVO_JSON_SYNTAX);
}

/* No value where one must start: the scanner raises StopIteration and
 * raw_decode raises JSONDecodeError("Expecting value"). */
static int fail_stop(parser *ps)
{
    ps->need = OVO_FR_JSON_STOP;
    return fail(ps, OVO_JSON_SYNTAX);
}

static int push(parser *ps, const ovo_val *v)
{
    if (OVO_UNLIKELY(ps->top == ps->cap)) {
        size_t ncap = ps->cap ? ps->cap * 2 : 256;
        void *s = ovo_scratch_reserve(ps->ctx, ncap * sizeof *ps->stack);
        if (!s)
            return -1;
        ps->stack = s;
        ps->cap = ps->ctx->scratch_cap / sizeof *ps->stack;
    }
    ps->stack[ps->top++] = v;
    return 0;
}

/* Four hex digits at p (caller checked they exist); -1 if not hex. */
static int32_t hex4(const char *p)
{
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = ovo_hex_value((unsigned char)p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Scan a string; ps->p is just after the opening quote. */
/* The first byte at or after q that is '"', '\\' or a control character
 * (or end), eight bytes at a time: the bit tricks "haszero" and "hasless"
 * (Bit Twiddling Hacks).  Their lowest flagged byte is always a real hit. */
static const char *skip_plain(const char *q, const char *end)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (end - q >= 8) {
        uint64_t w;
        memcpy(&w, q, 8);
        uint64_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\');
        uint64_t hit = (((quote - ones) & ~quote) | ((bslash - ones) & ~bslash) |
                        ((w - ones * 0x20) & ~w)) & highs;
        if (hit) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            return q + (__builtin_clzll(hit) >> 3);
#else
            return q + (__builtin_ctzll(hit) >> 3);
#endif
        }
        q += 8;
    }
    while (q < end && (unsigned char)*q >= 0x20 && *q != '"' && *q != '\\')
        q++;
    return q;
}

static const ovo_val *scan_string(parser *ps)
{
    const char *start = ps->p, *end = ps->end, *q = start;
    bool escapes = false;
    /* find the closing quote, checking control characters */
    for (;;) {
        q = skip_plain(q, end);
        if (q >= end)
            return fail_errmsg(ps), NULL;  /* unterminated */
        unsigned char c = (unsigned char)*q;
        if (c == '"')
            break;
        if (c != '\\')
            return fail_errmsg(ps), NULL;  /* a control character: strict=True */
        escapes = true;
        q += 2;
    }
    ovo_ctx *ctx = ps->ctx;
    if (!escapes) {
        ps->p = q + 1;
        size_t n = (size_t)(q - start);
        if (ovo_strict(ctx)) {
            if (memchr(start, 0, n))
                ovo_note(ctx, OVO_RULE_STRING_NUL);
            if (n > ctx->limits.strict_size * 16u)
                ovo_note(ctx, OVO_RULE_LIMIT_SIZE);
        }
        return ovo_mk_str(ctx, start, n);
    }
    /* decoding never grows the text: \uXXXX (6 bytes) -> at most 3 bytes,
     * a surrogate pair (12 bytes) -> 4 bytes */
    char *buf = ovo_alloc(ctx, (size_t)(q - start) + 1);
    if (!buf)
        return NULL;
    char *w = buf;
    const char *r = start;
    while (r < end) {
        unsigned char c = (unsigned char)*r;
        if (c == '"')
            break;
        if (c != '\\') {
            if (c < 0x20)
                return fail_errmsg(ps), NULL;
            *w++ = (char)c;
            r++;
            continue;
        }
        if (r + 1 >= end)
            return fail_errmsg(ps), NULL;
        char e = r[1];
        if (e != 'u') {
            char d;
            switch (e) {
            case '"': d = '"'; break;
            case '\\': d = '\\'; break;
            case '/': d = '/'; break;
            case 'b': d = '\b'; break;
            case 'f': d = '\f'; break;
            case 'n': d = '\n'; break;
            case 'r': d = '\r'; break;
            case 't': d = '\t'; break;
            default: return fail_errmsg(ps), NULL;
            }
            *w++ = d;
            r += 2;
            continue;
        }
        /* \uXXXX: _json.c requires a character after the four digits */
        if (end - (r + 2) <= 4)
            return fail_errmsg(ps), NULL;
        int32_t cp = hex4(r + 2);
        if (cp < 0)
            return fail_errmsg(ps), NULL;
        r += 6;
        /* A high surrogate joins a following \uDC00-\uDFFF escape; any
         * other following escape is scanned on its own (scanstring_unicode
         * "Surrogate pair"). */
        if (cp >= 0xD800 && cp <= 0xDBFF && end - r > 6 && r[0] == '\\' && r[1] == 'u') {
            int32_t c2 = hex4(r + 2);
            if (c2 < 0)
                return fail_errmsg(ps), NULL;
            if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (c2 - 0xDC00);
                r += 6;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF && ovo_strict(ctx))
            ovo_note(ctx, OVO_RULE_STRING_LONE_SURROGATE);
        if (cp == 0 && ovo_strict(ctx))
            ovo_note(ctx, OVO_RULE_STRING_NUL);
        w += ovo_wtf8_put(w, (uint32_t)cp);
    }
    ps->p = q + 1;
    size_t n = (size_t)(w - buf);
    if (ovo_strict(ctx) && n > ctx->limits.strict_size * 16u)
        ovo_note(ctx, OVO_RULE_LIMIT_SIZE);
    return ovo_mk_str(ctx, buf, n);
}

/* NaN, Infinity, -Infinity: the scanner calls parse_constant, one more
 * recursion unit at the current nesting depth (_json.c _parse_constant). */
static const ovo_val *nonfinite(parser *ps, double d, size_t len)
{
    if (ps->depth + 1 > ps->max_depth)
        return fail(ps, OVO_JSON_DEPTH), NULL;
    ps->p += len;
    if (ovo_strict(ps->ctx))
        ovo_note(ps->ctx, OVO_RULE_JSON_NONFINITE);
    return ovo_mk_float(ps->ctx, d);
}

/* _match_number_unicode; ps->p is at '-' or a digit. */
static const ovo_val *scan_number(parser *ps)
{
    const char *s = ps->p, *p = s, *end = ps->end;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
        if (p >= end)
            return fail_stop(ps), NULL;
    }
    const char *digits = p;
    if (*p >= '1' && *p <= '9') {
        p++;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    } else if (*p == '0') {
        p++;
    } else {
        return fail_stop(ps), NULL;
    }
    size_t ndigits = (size_t)(p - digits);
    bool is_float = false;
    if (end - p > 1 && *p == '.' && p[1] >= '0' && p[1] <= '9') {
        is_float = true;
        p += 2;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (end - p > 1 && (*p == 'e' || *p == 'E')) {
        const char *e = p++;
        if (end - p > 1 && (*p == '-' || *p == '+'))
            p++;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        if (p[-1] >= '0' && p[-1] <= '9')
            is_float = true;
        else
            p = e;  /* backtrack: not an exponent */
    }
    ps->p = p;
    if (is_float) {
        double d = ovo_py_float_from_ascii(s, (size_t)(p - s));
        if (ovo_strict(ps->ctx) && (d - d) != 0)  /* overflowed to inf */
            ovo_note(ps->ctx, OVO_RULE_JSON_NONFINITE);
        return ovo_mk_float(ps->ctx, d);
    }
    if (ndigits > INT_MAX_DIGITS)
        return fail(ps, OVO_JSON_INT_DIGITS), NULL;
    if (ndigits <= 18) {
        int64_t v = 0;
        for (size_t i = 0; i < ndigits; i++)
            v = v * 10 + (digits[i] - '0');
        return ovo_mk_int(ps->ctx, neg ? -v : v);
    }
    return ovo_py_int_from_digits(ps->ctx, digits, ndigits, neg);
}

static bool lit(parser *ps, const char *word, size_t n)
{
    return (size_t)(ps->end - ps->p) >= n && memcmp(ps->p, word, n) == 0;
}

/* One scalar at ps->p; containers are handled by the caller. */
static const ovo_val *scan_scalar(parser *ps)
{
    char c = *ps->p;
    switch (c) {
    case '"':
        ps->p++;
        return scan_string(ps);
    case 'n':
        if (lit(ps, "null", 4)) {
            ps->p += 4;
            return &ovo_none;
        }
        break;
    case 't':
        if (lit(ps, "true", 4)) {
            ps->p += 4;
            return &ovo_true;
        }
        break;
    case 'f':
        if (lit(ps, "false", 5)) {
            ps->p += 5;
            return &ovo_false;
        }
        break;
    case 'N':
        if (lit(ps, "NaN", 3))
            return nonfinite(ps, __builtin_nan(""), 3);
        break;
    case 'I':
        if (lit(ps, "Infinity", 8))
            return nonfinite(ps, __builtin_inf(), 8);
        break;
    case '-':
        if (lit(ps, "-Infinity", 9))
            return nonfinite(ps, -__builtin_inf(), 9);
        return scan_number(ps);
    default:
        if (c >= '0' && c <= '9')
            return scan_number(ps);
    }
    fail_stop(ps);  /* Expecting value */
    return NULL;
}

static void skip_ws(parser *ps)
{
    while (ps->p < ps->end && IS_WS(*ps->p))
        ps->p++;
}

/* A key, the ':' after it, and the whitespace around it
 * (_parse_object_unicode); the key is pushed on the stack. */
static int scan_key(parser *ps)
{
    if (ps->p >= ps->end || *ps->p != '"')
        return fail_errmsg(ps);
    ps->p++;
    const ovo_val *k = scan_string(ps);
    if (!k || push(ps, k) < 0)
        return -1;
    skip_ws(ps);
    if (ps->p >= ps->end || *ps->p != ':')
        return fail_errmsg(ps);
    ps->p++;
    return 0;
}

static uint64_t hash_key(ovo_str k)
{
    uint64_t h = 1469598103934665603ULL;
    for (uint32_t i = 0; i < k.len; i++)
        h = (h ^ (unsigned char)k.ptr[i]) * 1099511628211ULL;
    return h;
}

/* Build a dict from n key/value pairs on the stack: a repeated key keeps
 * its first position and takes the last value (PyDict_SetItem). */
static const ovo_val *build_dict(parser *ps, const ovo_val **kv, size_t n)
{
    ovo_ctx *ctx = ps->ctx;
    ovo_dict_entry *e = ovo_alloc(ctx, (n ? n : 1) * sizeof *e);
    ovo_val *d = ovo_new_val(ctx, OVO_DICT);
    if (!e || !d)
        return NULL;
    size_t m = 0;
    bool dup = false;
    if (n <= 16) {
        for (size_t i = 0; i < n; i++) {
            ovo_str k = kv[2 * i]->u.s;
            size_t j;
            for (j = 0; j < m; j++)
                if (e[j].key.len == k.len && memcmp(e[j].key.ptr, k.ptr, k.len) == 0)
                    break;
            if (j < m) {
                e[j].value = kv[2 * i + 1];
                dup = true;
            } else {
                e[m].key = k;
                e[m].value = kv[2 * i + 1];
                m++;
            }
        }
    } else {
        size_t cap = 32;
        while (cap < n * 2)
            cap *= 2;
        uint32_t *slots = ovo_alloc(ctx, cap * sizeof *slots);
        if (!slots)
            return NULL;
        memset(slots, 0, cap * sizeof *slots);  /* 0 = empty, else index+1 */
        for (size_t i = 0; i < n; i++) {
            ovo_str k = kv[2 * i]->u.s;
            size_t h = (size_t)hash_key(k) & (cap - 1);
            for (;;) {
                uint32_t s = slots[h];
                if (s == 0) {
                    slots[h] = (uint32_t)m + 1;
                    e[m].key = k;
                    e[m].value = kv[2 * i + 1];
                    m++;
                    break;
                }
                ovo_dict_entry *x = &e[s - 1];
                if (x->key.len == k.len && memcmp(x->key.ptr, k.ptr, k.len) == 0) {
                    x->value = kv[2 * i + 1];
                    dup = true;
                    break;
                }
                h = (h + 1) & (cap - 1);
            }
        }
    }
    if (dup && ovo_strict(ctx))
        ovo_note(ctx, OVO_RULE_JSON_DUPLICATE_KEY);
    if (ovo_strict(ctx) && m > ctx->limits.strict_size)
        ovo_note(ctx, OVO_RULE_LIMIT_SIZE);
    d->u.dict.entries = e;
    d->u.dict.n = (uint32_t)m;
    return d;
}

static const ovo_val *build_list(parser *ps, const ovo_val **items, size_t n)
{
    ovo_ctx *ctx = ps->ctx;
    ovo_val *l = ovo_new_val(ctx, OVO_LIST);
    const ovo_val **a = ovo_memdup(ctx, items, n * sizeof *items);
    if (!l || !a)
        return NULL;
    if (ovo_strict(ctx) && n > ctx->limits.strict_size)
        ovo_note(ctx, OVO_RULE_LIMIT_SIZE);
    l->u.seq.items = a;
    l->u.seq.n = (uint32_t)n;
    return l;
}

static int parse(parser *ps, const ovo_val **out)
{
    ovo_ctx *ctx = ps->ctx;
    /* frames live in the arena: at most max_depth of them */
    frame *frames = NULL;
    uint32_t frames_cap = 0;
    uint32_t depth = 0;  /* mirrored in ps->depth for the scalar scanners */
    const ovo_val *v;

    for (;;) {
        /* --- parse one value, opening containers as they come */
        skip_ws(ps);
        if (ps->p >= ps->end)
            return fail_stop(ps);
        char c = *ps->p;
        if (c == '[' || c == '{') {
            /* scan_once_unicode: Py_EnterRecursiveCall per container */
            if (depth + 1 > ps->max_depth)
                return fail(ps, OVO_JSON_DEPTH);
            if (depth == frames_cap) {
                uint32_t ncap = frames_cap ? frames_cap * 2 : 16;
                frame *nf = ovo_alloc(ctx, ncap * sizeof *nf);
                if (!nf)
                    return -1;
                if (depth)
                    memcpy(nf, frames, depth * sizeof *nf);
                frames = nf;
                frames_cap = ncap;
            }
            if (ovo_strict(ctx) && depth + 1 > ctx->limits.strict_depth)
                ovo_note(ctx, OVO_RULE_LIMIT_DEPTH);
            frames[depth].start = ps->top;
            frames[depth].object = (c == '{');
            ps->depth = ++depth;
            ps->p++;
            skip_ws(ps);
            if (ps->p < ps->end && *ps->p == (c == '[' ? ']' : '}')) {
                ps->p++;
                ps->depth = --depth;
                v = c == '[' ? build_list(ps, NULL, 0) : build_dict(ps, NULL, 0);
                if (!v)
                    return -1;
            } else if (c == '[') {
                continue;
            } else {
                if (scan_key(ps) < 0)  /* the first key */
                    return -1;
                continue;
            }
        } else {
            v = scan_scalar(ps);
            if (!v)
                return -1;
        }

        /* --- a value is complete: attach it, closing containers */
        for (;;) {
            if (depth == 0) {
                *out = v;
                return 0;
            }
            frame *f = &frames[depth - 1];
            if (push(ps, v) < 0)
                return -1;
            skip_ws(ps);
            if (ps->p >= ps->end)
                return fail_errmsg(ps);  /* Expecting ',' delimiter */
            char d = *ps->p++;
            if (d == (f->object ? '}' : ']')) {
                size_t n = ps->top - f->start;
                const ovo_val **items = ps->stack + f->start;
                v = f->object ? build_dict(ps, items, n / 2) : build_list(ps, items, n);
                if (!v)
                    return -1;
                ps->top = f->start;
                ps->depth = --depth;
                continue;
            }
            if (d != ',')
                return fail_errmsg(ps);
            skip_ws(ps);
            if (ps->p >= ps->end)
                return f->object ? fail_errmsg(ps) : fail_stop(ps);
            if (f->object) {
                if (scan_key(ps) < 0)  /* a '}' here is a trailing comma */
                    return -1;
            } else if (*ps->p == ']') {
                return fail_stop(ps);  /* trailing comma */
            }
            break;  /* parse the next value */
        }
    }
}

int ovo_json_parse(ovo_ctx *ctx, const char *text, size_t len, uint32_t max_depth,
                   const ovo_val **out, ovo_json_reason *reason)
{
    parser ps = {.ctx = ctx, .p = text, .end = text + len, .max_depth = max_depth,
                 .reason = OVO_JSON_SYNTAX};
    ps.stack = ctx->scratch;
    ps.cap = ctx->scratch_cap / sizeof *ps.stack;
    *reason = OVO_JSON_SYNTAX;
    int rc;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
        /* json.loads raises "Unexpected UTF-8 BOM" itself */
        ps.need = OVO_FR_JSON_BOM;
        rc = fail(&ps, OVO_JSON_SYNTAX);
    } else if ((rc = parse(&ps, out)) == 0) {
        /* json.decoder.JSONDecoder.decode: trailing whitespace only */
        skip_ws(&ps);
        if (ps.p != ps.end) {
            ps.need = OVO_FR_JSON_EXTRA;  /* "Extra data" */
            rc = fail(&ps, OVO_JSON_SYNTAX);
        }
    }
    if (rc == 0)
        return 0;
    *reason = ps.reason;
    /* a JSONDecodeError the budget has no room to raise is RecursionError */
    if (ps.reason == OVO_JSON_SYNTAX && ps.need > max_depth)
        *reason = OVO_JSON_DEPTH;
    return -1;
}
