/* PEP 440 parsing, str(), ordering and is_compatible against vectors the
 * reference computed (scripts/lib/vectors_pep440.py). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ovo/pep440.h"
#include "testlib.h"

/* A text field: key, or key_hex for bytes jansson cannot hold. */
typedef struct text {
    char *p;
    size_t len;
} text;

static text get_text(json_t *vec, const char *key)
{
    text t;
    json_t *s = json_object_get(vec, key);
    if (s) {
        t.len = json_string_length(s);
        t.p = malloc(t.len + 1);
        if (!t.p)
            abort();
        memcpy(t.p, json_string_value(s), t.len + 1);
        return t;
    }
    char hexkey[64];
    snprintf(hexkey, sizeof hexkey, "%s_hex", key);
    t.p = test_hex(vec, hexkey, &t.len);
    return t;
}

static const char *parse_error_name(int rc)
{
    return rc == OVO_PEP440_INVALID ? "InvalidVersion"
           : rc == OVO_PEP440_INT_DIGITS ? "ValueError" : "?";
}

static void check_parse(json_t *vec, size_t lineno)
{
    text in = get_text(vec, "in");
    ovo_pep440 v;
    int rc = ovo_pep440_parse(in.p, in.len, &v);
    const char *err = json_string_value(json_object_get(vec, "error"));
    if (err) {
        CHECK_MSG(rc != 0 && strcmp(parse_error_name(rc), err) == 0,
                  "line %zu: want %s, got rc %d", lineno, err, rc);
    } else {
        const char *norm = json_string_value(json_object_get(vec, "norm"));
        const char *major = json_string_value(json_object_get(vec, "major"));
        CHECK_MSG(rc == 0, "line %zu: want %s, got rc %d", lineno, norm, rc);
        if (rc == 0) {
            size_t need = ovo_pep440_normalize(&v, NULL, 0);
            char *buf = malloc(need + 1);
            if (!buf)
                abort();
            size_t got = ovo_pep440_normalize(&v, buf, need + 1);
            CHECK_MSG(got == need && strcmp(buf, norm) == 0,
                      "line %zu: str() want %s, got %s", lineno, norm, buf);
            /* a short buffer is truncated and terminated, like snprintf */
            char small[4];
            CHECK(ovo_pep440_normalize(&v, small, sizeof small) == need);
            CHECK(strlen(small) == (need < 3 ? need : 3) &&
                  strncmp(small, norm, 3) == 0);
            free(buf);
            size_t mlen = strlen(major);
            CHECK_MSG((v.major.len == 0 && strcmp(major, "0") == 0) ||
                          (v.major.len == mlen && memcmp(v.major.digits, major, mlen) == 0),
                      "line %zu: major want %s", lineno, major);
        }
    }
    free(in.p);
}

static void check_cmp(json_t *vec, size_t lineno)
{
    text a = get_text(vec, "a"), b = get_text(vec, "b");
    ovo_pep440 va, vb;
    int want = (int)json_integer_value(json_object_get(vec, "cmp"));
    bool same = json_is_true(json_object_get(vec, "same_major"));
    CHECK_MSG(ovo_pep440_parse(a.p, a.len, &va) == 0 &&
                  ovo_pep440_parse(b.p, b.len, &vb) == 0,
              "line %zu: pool version does not parse", lineno);
    int got = ovo_pep440_cmp(&va, &vb), back = ovo_pep440_cmp(&vb, &va);
    CHECK_MSG(got == want && back == -want, "line %zu: cmp want %d, got %d/%d", lineno,
              want, got, back);
    CHECK_MSG(ovo_pep440_same_major(&va, &vb) == same, "line %zu: same_major", lineno);
    free(a.p);
    free(b.p);
}

static ovo_type type_from_name(const char *name)
{
    static const struct {
        const char *name;
        ovo_type type;
    } types[] = {
        {"int", OVO_INT},   {"float", OVO_FLOAT}, {"bool", OVO_BOOL},
        {"NoneType", OVO_NONE}, {"list", OVO_LIST}, {"dict", OVO_DICT},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(types[i].name, name) == 0)
            return types[i].type;
    fprintf(stderr, "unknown type %s\n", name);
    abort();
}

static void check_compat(json_t *vec, size_t lineno, ovo_ctx *ctx)
{
    const char *cur = json_string_value(json_object_get(vec, "cur"));
    const char *type = json_string_value(json_object_get(vec, "req_type"));
    ovo_val req;
    memset(&req, 0, sizeof req);
    text t = {NULL, 0};
    if (type) {
        req.type = (uint8_t)type_from_name(type);
    } else {
        t = get_text(vec, "req");
        req.type = OVO_STR;
        req.u.s.ptr = t.p;
        req.u.s.len = (uint32_t)t.len;
    }
    bool ok = true;
    int rc = ovo_is_compatible(ctx, &req, cur, &ok);
    const char *err = json_string_value(json_object_get(vec, "error"));
    if (err) {
        CHECK_MSG(rc == -1 && strcmp(ovo_exc_name(ctx->exc), err) == 0,
                  "line %zu: want %s, got rc %d %s", lineno, err, rc, ovo_exc_name(ctx->exc));
        bool crash = strcmp(err, "TypeError") == 0;
        CHECK(ctx->exc_rule == (crash ? OVO_RULE_CRASH_VERSION_TYPE : OVO_RULE_NONE));
    } else {
        bool want = json_is_true(json_object_get(vec, "ok"));
        CHECK_MSG(rc == 0 && ok == want && !ovo_failed(ctx),
                  "line %zu: want ok=%d, got rc %d ok=%d", lineno, want, rc, ok);
    }
    ovo_clear_exc(ctx);
    free(t.p);
}

static void check_vector(json_t *vec, size_t lineno, void *ud)
{
    const char *k = json_string_value(json_object_get(vec, "k"));
    if (k && strcmp(k, "parse") == 0)
        check_parse(vec, lineno);
    else if (k && strcmp(k, "cmp") == 0)
        check_cmp(vec, lineno);
    else if (k && strcmp(k, "compat") == 0)
        check_compat(vec, lineno, ud);
    else
        CHECK_MSG(0, "line %zu: unknown vector kind", lineno);
}

/* Edges the vectors cannot express: reading stops at len. */
static void check_bounds(void)
{
    ovo_pep440 v;
    const char *s = "1.0a1 junk";
    CHECK(ovo_pep440_parse(s, 5, &v) == 0);
    CHECK(ovo_pep440_parse(s, 6, &v) == 0);
    CHECK(ovo_pep440_parse(s, 7, &v) == OVO_PEP440_INVALID);
    CHECK(ovo_pep440_parse(s, 0, &v) == OVO_PEP440_INVALID);
    /* a multi-byte character cut by len is no match */
    CHECK(ovo_pep440_parse("1.0\xe3\x80\x80", 5, &v) == OVO_PEP440_INVALID);
    CHECK(ovo_pep440_parse("1.0+\xe2\x84\xaa", 6, &v) == OVO_PEP440_INVALID);
    CHECK(ovo_pep440_parse("1.0po\xc5\xbft", 6, &v) == OVO_PEP440_INVALID);
}

int main(void)
{
    ovo_ctx *ctx = ovo_ctx_new(NULL);
    if (!ctx)
        return 1;
    check_bounds();
    long n = test_each_vector("tests/data/pep440.jsonl", check_vector, ctx);
    fprintf(stderr, "pep440: %ld vectors\n", n);
    ovo_ctx_free(ctx);
    return test_finish("pep440");
}
