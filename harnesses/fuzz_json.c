/* fuzz_json: libovo's JSON layer (the reference's dialect) against
 * jansson (strict RFC 8259).
 *
 * Input: one JSON document, the whole input.
 * Oracles:
 *   - whenever jansson parses the bytes (json_loadb, JSON_DECODE_ANY |
 *     JSON_ALLOW_NUL; raw NUL bytes aside, see below): nested at most 997 deep, ovo_json_loads accepts
 *     and the values are equal (types, integers, doubles bit for bit,
 *     strings byte for byte, arrays in order, objects in insertion order);
 *     deeper, ovo_json_loads reports `depth`; and ovo_evaluate on the
 *     bytes renders the same reference-mode outcome line as
 *     ovo_evaluate_jansson on the tree;
 *   - whenever ovo_json_loads accepts a document whose text uses no
 *     Python-only feature (NaN or an infinity, an integer beyond int64, a
 *     lone surrogate escape; and "\u0000" in an object key, which
 *     jansson's parser refuses even with JSON_ALLOW_NUL), jansson accepts
 *     it too (the depth is then within 997, below jansson's 2048);
 *   - loads/dumps stability of every accepted document (as
 *     fuzz_misc_dict). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <ovo/jansson.h>
#include <ovo/json.h>

#include "fz.h"

#define REF_DEPTH 997

static ovo_ctx *g_ctx_j;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    if (!g_ctx_j)
        g_ctx_j = ovo_ctx_new(NULL);
    FZ_ASSERT("harness", g_ctx_j != NULL, "ovo_ctx_new failed");
    return 0;
}

/* Nesting depth of a jansson tree (containers), iterative over the path
 * of the deepest branch would need a stack; recursion is bounded by
 * jansson's own 2048 limit. */
static unsigned jdepth(const json_t *j)
{
    unsigned d = 0;
    if (json_is_array(j)) {
        for (size_t i = 0; i < json_array_size(j); i++) {
            unsigned e = jdepth(json_array_get(j, i));
            d = e > d ? e : d;
        }
        return d + 1;
    }
    if (json_is_object(j)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)j, k, v) {
            unsigned e = jdepth(v);
            d = e > d ? e : d;
        }
        return d + 1;
    }
    return 0;
}

/* Equal values: what jansson read and what libovo read. */
static void equal(const json_t *j, const ovo_val *v, unsigned depth)
{
    const char *tn = ovo_type_name(v);
    switch (json_typeof(j)) {
    case JSON_NULL:
        FZ_ASSERT("json", v->type == OVO_NONE, "jansson null, libovo %s (depth %u)", tn, depth);
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        FZ_ASSERT("json", v->type == OVO_BOOL && v->u.b == json_is_true(j),
                  "jansson %s, libovo %s", json_is_true(j) ? "true" : "false", tn);
        break;
    case JSON_INTEGER:
        FZ_ASSERT("json", v->type == OVO_INT && !v->u.i.big &&
                              v->u.i.small == (int64_t)json_integer_value(j),
                  "jansson integer %lld, libovo %s %lld", (long long)json_integer_value(j), tn,
                  v->type == OVO_INT ? (long long)v->u.i.small : 0LL);
        break;
    case JSON_REAL: {
        double a = json_real_value(j);
        FZ_ASSERT("json", v->type == OVO_FLOAT && memcmp(&a, &v->u.f, sizeof a) == 0,
                  "jansson real %.17g, libovo %s %.17g", a, tn,
                  v->type == OVO_FLOAT ? v->u.f : 0.0);
        break;
    }
    case JSON_STRING: {
        size_t n = json_string_length(j);
        FZ_ASSERT("json", v->type == OVO_STR && v->u.s.len == n &&
                              memcmp(v->u.s.ptr, json_string_value(j), n) == 0,
                  "jansson string of %zu bytes, libovo %s", n, tn);
        break;
    }
    case JSON_ARRAY: {
        size_t n = json_array_size(j);
        FZ_ASSERT("json", v->type == OVO_LIST && v->u.seq.n == n,
                  "jansson array of %zu, libovo %s of %u", n, tn,
                  v->type == OVO_LIST ? v->u.seq.n : 0u);
        for (size_t i = 0; i < n; i++)
            equal(json_array_get(j, i), v->u.seq.items[i], depth + 1);
        break;
    }
    case JSON_OBJECT: {
        size_t n = json_object_size(j);
        FZ_ASSERT("json", v->type == OVO_DICT && v->u.dict.n == n,
                  "jansson object of %zu, libovo %s of %u", n, tn,
                  v->type == OVO_DICT ? v->u.dict.n : 0u);
        /* both keep insertion order: a repeated key keeps its first
         * position and its last value */
        const char *k;
        size_t klen;
        json_t *jv;
        uint32_t i = 0;
        json_object_keylen_foreach((json_t *)j, k, klen, jv) {
            const ovo_dict_entry *e = &v->u.dict.entries[i++];
            FZ_ASSERT("json", e->key.len == klen && memcmp(e->key.ptr, k, klen) == 0,
                      "object key %u: jansson \"%.*s\", libovo \"%.*s\"", i - 1, (int)klen, k,
                      (int)e->key.len, e->key.ptr);
            equal(jv, e->value, depth + 1);
        }
        break;
    }
    default:
        FZ_ASSERT("json", 0, "jansson type %d", (int)json_typeof(j));
    }
}

/* Does the text use a feature only Python's json has?  Checked on the
 * text, not on the value: a duplicate key can overwrite the value that
 * held it, and jansson still rejects the text.  The features: NaN,
 * Infinity, -Infinity; an integer literal beyond int64; a number that
 * overflows a double; a lone surrogate escape; "\u0000" in an object key
 * (jansson's parser refuses it even with JSON_ALLOW_NUL).  Only called on
 * text ovo_json_loads accepted, so the syntax is known to be valid. */
static int hex4(const uint8_t *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v << 4 | d;
    }
    return v;
}

static bool python_only_text(const uint8_t *p, size_t n)
{
    static char num[512];
    size_t i = 0;
    while (i < n) {
        uint8_t c = p[i];
        if (c == '"') {
            i++;
            bool nul = false;
            while (i < n && p[i] != '"') {
                if (p[i] == '\\' && i + 1 < n) {
                    if (p[i + 1] == 'u' && i + 5 < n) {
                        int u = hex4(p + i + 2);
                        if (u == 0)
                            nul = true;
                        if (u >= 0xD800 && u <= 0xDBFF) {
                            int l = i + 11 < n && p[i + 6] == '\\' && p[i + 7] == 'u'
                                        ? hex4(p + i + 8) : -1;
                            if (l < 0xDC00 || l > 0xDFFF)
                                return true;    /* lone high */
                            i += 12;
                            continue;
                        }
                        if (u >= 0xDC00 && u <= 0xDFFF)
                            return true;        /* lone low */
                        i += 6;
                        continue;
                    }
                    i += 2;
                    continue;
                }
                i++;
            }
            i++;
            if (nul) {
                /* a key when the next non-space byte is ':' */
                size_t k = i;
                while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\n' || p[k] == '\r'))
                    k++;
                if (k < n && p[k] == ':')
                    return true;
            }
            continue;
        }
        if (c == 'N' || c == 'I')
            return true;                        /* NaN, Infinity, -Infinity */
        if (c == '-' || (c >= '0' && c <= '9')) {
            size_t start = i;
            bool real = false;
            while (i < n && (p[i] == '-' || p[i] == '+' || p[i] == '.' || p[i] == 'e' ||
                             p[i] == 'E' || (p[i] >= '0' && p[i] <= '9'))) {
                if (p[i] == '.' || p[i] == 'e' || p[i] == 'E')
                    real = true;
                i++;
            }
            if (i < n && p[i] == 'I')
                return true;                    /* -Infinity */
            size_t len = i - start;
            if (len >= sizeof num)
                return true;    /* long literals: leave them to Python's side */
            memcpy(num, p + start, len);
            num[len] = '\0';
            errno = 0;
            if (real) {
                double d = strtod(num, NULL);
                if (isinf(d))
                    return true;
            } else {
                (void)strtoll(num, NULL, 10);
                if (errno == ERANGE)
                    return true;
            }
            continue;
        }
        i++;
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    if (!g_ctx_j)
        LLVMFuzzerInitialize(NULL, NULL);
    json_error_t err;
    json_t *j = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);

    ovo_ctx *ctx = fz_ctx();
    ovo_ctx_reset(ctx);
    const ovo_val *v = NULL;
    ovo_json_reason reason = OVO_JSON_SYNTAX;
    int rc = ovo_json_loads(ctx, data, size, &v, &reason);
    if (rc < 0 && ovo_json_loads_nomem(ctx)) {
        json_decref(j);
        return 0;
    }

    if (j && memchr(data, 0, size)) {
        /* Explained, jansson's own (2.14): a raw NUL byte right after a
         * number is skipped ("1\0" and {"a":1\0} parse), as if it
         * ended the number's text.  Python's json
         * (and libovo) reject a raw NUL anywhere outside a string, and
         * inside one it is a control character both reject. */
        FZ_ASSERT("json", rc < 0 && reason == OVO_JSON_SYNTAX,
                  "a raw NUL byte and ovo_json_loads %s", rc == 0 ? "accepts"
                                                               : ovo_json_reason_name(reason));
        json_decref(j);
        j = NULL;
    }
    if (j) {
        unsigned depth = jdepth(j);
        if (depth <= REF_DEPTH) {
            FZ_ASSERT("json", rc == 0, "jansson accepts, ovo_json_loads says %s",
                      ovo_json_reason_name(reason));
            equal(j, v, 0);
        } else {
            FZ_ASSERT("json", rc < 0 && reason == OVO_JSON_DEPTH,
                      "jansson accepts %u levels, ovo_json_loads %s", depth,
                      rc == 0 ? "accepts" : ovo_json_reason_name(reason));
        }
        /* the same outcome from the bytes and from the tree */
        ovo_ctx *cj = g_ctx_j;
        ovo_ctx_reset(cj);
        ovo_ctx *cb = fz_rt_ctx();
        ovo_ctx_reset(cb);
        ovo_result rb, rj;
        int eb = ovo_evaluate(cb, data, size, OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &rb);
        int ej = ovo_evaluate_jansson(cj, j, OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &rj);
        if (eb == 0 && ej == 0) {
            size_t nb, nj;
            const char *lb = fz_render_outcome(&rb, OVO_MODE_REFERENCE, 0, &nb);
            const char *lj = fz_render_outcome(&rj, OVO_MODE_REFERENCE, 1, &nj);
            FZ_ASSERT("json", nb == nj && memcmp(lb, lj, nb) == 0,
                      "outcome from the bytes and from the jansson tree differ:\n"
                      "bytes: %.*s\ntree:  %.*s", (int)(nb > 3000 ? 3000 : nb), lb,
                      (int)(nj > 3000 ? 3000 : nj), lj);
            fz_findings_of_result(&rb);
        }
    }

    if (rc == 0 && !python_only_text(data, size))
        FZ_ASSERT("json", j != NULL, "ovo_json_loads accepts RFC 8259 JSON jansson rejects: "
                  "%s (line %d, column %d)", err.text, err.line, err.column);
    json_decref(j);

    /* loads/dumps stability */
    if (rc == 0) {
        ovo_str d1, d2;
        if (ovo_json_dumps(ctx, v, &d1) < 0)
            return 0;
        const ovo_val *v2;
        int rc2 = ovo_json_loads(ctx, d1.ptr, d1.len, &v2, &reason);
        if (rc2 < 0 && ovo_json_loads_nomem(ctx))
            return 0;
        FZ_ASSERT("json", rc2 == 0, "loads(dumps(loads(x))) fails (%s)",
                  ovo_json_reason_name(reason));
        size_t n1, n2;
        const char *r1 = fz_render(v, 0, &n1);
        const char *r2 = fz_render(v2, 1, &n2);
        FZ_ASSERT("json", n1 == n2 && memcmp(r1, r2, n1) == 0,
                  "loads(dumps(loads(x))) differs:\n%.*s\n%.*s", (int)(n1 > 2000 ? 2000 : n1), r1,
                  (int)(n2 > 2000 ? 2000 : n2), r2);
        if (ovo_json_dumps(ctx, v2, &d2) < 0)
            return 0;
        FZ_ASSERT("json", d1.len == d2.len && memcmp(d1.ptr, d2.ptr, d1.len) == 0,
                  "dumps is not a fixed point");
    }
    return 0;
}
