/* Python number and str semantics (pynum.h) against tests/data/pynum.jsonl,
 * vectors computed by the reference interpreter (scripts/lib/vectors_pynum.py
 * documents every op), plus the cases the reference cannot speak for:
 * malformed WTF-8, allocation failure, a locale with a decimal comma. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pynum.h"
#include "testlib.h"

static ovo_ctx *ctx;

/* ------------------------------------------------------------ helpers */

/* The text under key, key_hex or key_rep ([[piece, count], ...]) as a
 * malloc'd buffer; NULL when the vector has none of them. */
static char *get_text(json_t *vec, const char *key, size_t *len)
{
    char k[64];
    snprintf(k, sizeof k, "%s_hex", key);
    if (json_object_get(vec, k))
        return test_hex(vec, k, len);
    json_t *s = json_object_get(vec, key);
    if (json_is_string(s)) {
        *len = json_string_length(s);
        char *out = malloc(*len + 1);
        if (!out)
            abort();
        memcpy(out, json_string_value(s), *len + 1);
        return out;
    }
    snprintf(k, sizeof k, "%s_rep", key);
    json_t *rep = json_object_get(vec, k);
    if (!json_is_array(rep))
        return NULL;
    size_t n = 0, i;
    json_t *part;
    json_array_foreach(rep, i, part) n +=
        json_string_length(json_array_get(part, 0)) *
        (size_t)json_integer_value(json_array_get(part, 1));
    char *out = malloc(n + 1), *o = out;
    if (!out)
        abort();
    json_array_foreach(rep, i, part) {
        const char *p = json_string_value(json_array_get(part, 0));
        size_t pl = strlen(p);
        for (json_int_t c = json_integer_value(json_array_get(part, 1)); c > 0; c--) {
            memcpy(o, p, pl);
            o += pl;
        }
    }
    *o = 0;
    *len = n;
    return out;
}

static double double_of(const char *hex)
{
    uint64_t b = strtoull(hex, NULL, 16);
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t bits_of(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* The full decimal text of an OVO_INT (no digit limit), malloc'd; also
 * checks the representation is canonical: small exactly when it fits. */
static char *int_text(const ovo_val *v, bool *canonical)
{
    char *out;
    if (!v->u.i.big) {
        out = malloc(24);
        if (!out)
            abort();
        snprintf(out, 24, "%lld", (long long)v->u.i.small);
        *canonical = true;
        return out;
    }
    const ovo_bigint *b = v->u.i.big;
    out = malloc(b->ndigits + 2);
    if (!out)
        abort();
    size_t o = 0;
    if (b->sign < 0)
        out[o++] = '-';
    memcpy(out + o, b->digits, b->ndigits);
    out[o + b->ndigits] = 0;
    errno = 0;
    (void)strtoll(out, NULL, 10);
    *canonical = errno == ERANGE && b->ndigits > 0 && b->digits[0] != '0';
    return out;
}

static bool expect_exc(const char *name)
{
    bool ok = ovo_failed(ctx) && strcmp(ovo_exc_name(ctx->exc), name) == 0;
    ovo_clear_exc(ctx);
    return ok;
}

/* An int from its decimal text (optional '-'). */
static const ovo_val *int_of(const char *text)
{
    bool neg = text[0] == '-';
    const char *d = text + neg;
    return ovo_py_int_from_digits(ctx, d, strlen(d), neg);
}

/* {"int": dec} | {"float": bits} | {"bool": b} */
static const ovo_val *num_of(json_t *enc)
{
    json_t *x;
    if ((x = json_object_get(enc, "int")))
        return int_of(json_string_value(x));
    if ((x = json_object_get(enc, "float")))
        return ovo_mk_float(ctx, double_of(json_string_value(x)));
    return ovo_mk_bool(json_is_true(json_object_get(enc, "bool")));
}

static const char *str_of(json_t *vec, const char *key)
{
    const char *s = json_string_value(json_object_get(vec, key));
    return s ? s : "";
}

/* ------------------------------------------------------------ ops */

static void check_int_result(json_t *vec, size_t line, const ovo_val *v, const char *want)
{
    bool canonical;
    char *got = int_text(v, &canonical);
    CHECK_MSG(v->type == OVO_INT && canonical, "line %zu: not canonical", line);
    CHECK_MSG(strcmp(got, want) == 0, "line %zu: got %.60s want %.60s", line, got, want);
    /* str(): the same text, or ValueError past the digit limit */
    ovo_str s;
    int rc = ovo_py_int_str(ctx, v, &s);
    if (json_object_get(vec, "str_exc")) {
        CHECK_MSG(rc == -1 && expect_exc("ValueError"), "line %zu: str() should raise", line);
    } else {
        CHECK_MSG(rc == 0 && s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0,
                  "line %zu: str() differs", line);
    }
    free(got);
}

static void op_int_str(json_t *vec, size_t line)
{
    size_t n;
    char *in = get_text(vec, "in", &n);
    int base = (int)json_integer_value(json_object_get(vec, "base"));
    ovo_str s = {in, (uint32_t)n};
    const ovo_val *v = NULL;
    int rc = ovo_py_int_from_str(ctx, s, base, &v);
    json_t *exc = json_object_get(vec, "exc");
    if (exc) {
        CHECK_MSG(rc == -1 && expect_exc(json_string_value(exc)),
                  "line %zu: int(%.40s, %d) should raise", line, in, base);
    } else {
        CHECK_MSG(rc == 0, "line %zu: int(%.40s, %d) raised %s", line, in, base,
                  ovo_exc_name(ctx->exc));
        ovo_clear_exc(ctx);
        if (rc == 0) {
            char *want = get_text(vec, "out", &n);
            check_int_result(vec, line, v, want);
            free(want);
        }
    }
    free(in);
}

static void op_int_digits(json_t *vec, size_t line)
{
    size_t n, wn;
    char *in = get_text(vec, "in", &n);
    char *want = get_text(vec, "out", &wn);
    const ovo_val *v =
        ovo_py_int_from_digits(ctx, in, n, json_is_true(json_object_get(vec, "neg")));
    CHECK(v != NULL);
    if (v)
        check_int_result(vec, line, v, want);
    free(in);
    free(want);
}

static void op_int_float(json_t *vec, size_t line)
{
    double d = double_of(str_of(vec, "bits"));
    const ovo_val *v = NULL;
    int rc = ovo_py_int_from_double(ctx, d, &v);
    json_t *exc = json_object_get(vec, "exc");
    if (exc) {
        bool overflow = strcmp(json_string_value(exc), "OverflowError") == 0;
        CHECK_MSG(rc == -1 && (!overflow || ctx->exc_rule == OVO_RULE_CRASH_INT_OVERFLOW) &&
                      expect_exc(json_string_value(exc)),
                  "line %zu: int(float) should raise", line);
    } else {
        CHECK_MSG(rc == 0, "line %zu: int(float) raised", line);
        if (rc == 0)
            check_int_result(vec, line, v, str_of(vec, "out"));
    }
}

static void op_float_repr(json_t *vec, size_t line)
{
    char buf[OVO_FLOAT_REPR_MAX];
    size_t n = ovo_py_float_repr(double_of(str_of(vec, "bits")), buf);
    const char *want = str_of(vec, "out");
    CHECK_MSG(n == strlen(buf) && n < OVO_FLOAT_REPR_MAX && strcmp(buf, want) == 0,
              "line %zu: repr %s, want %s", line, buf, want);
}

static void op_float_parse(json_t *vec, size_t line)
{
    size_t n;
    char *in = get_text(vec, "in", &n);
    double d = ovo_py_float_from_ascii(in, n);
    uint64_t want = bits_of(double_of(str_of(vec, "bits")));
    CHECK_MSG(bits_of(d) == want, "line %zu: float(%.60s) = %a", line, in, d);
    free(in);
}

static void op_num_eq(json_t *vec, size_t line)
{
    const ovo_val *a = num_of(json_object_get(vec, "a"));
    const ovo_val *b = num_of(json_object_get(vec, "b"));
    bool want = json_is_true(json_object_get(vec, "out"));
    CHECK_MSG(a && b && ovo_py_num_eq(a, b) == want && ovo_py_num_eq(b, a) == want,
              "line %zu: == should be %d", line, want);
}

static void op_int_cmp(json_t *vec, size_t line)
{
    const ovo_val *a = num_of(json_object_get(vec, "a"));
    const ovo_val *b = num_of(json_object_get(vec, "b"));
    int want = (int)json_integer_value(json_object_get(vec, "out"));
    CHECK_MSG(ovo_py_int_cmp(a, b) == want && ovo_py_int_cmp(b, a) == -want,
              "line %zu: cmp should be %d", line, want);
    int64_t bi;
    if (ovo_py_int_fits_i64(b, &bi))
        CHECK_MSG(ovo_py_int_cmp_i64(a, bi) == want, "line %zu: cmp_i64", line);
    CHECK_MSG(ovo_py_int_fits_i64(a, NULL) == (a->type == OVO_BOOL || !a->u.i.big),
              "line %zu: fits_i64", line);
}

static void op_u128(json_t *vec, size_t line)
{
    const ovo_val *v = num_of(json_object_get(vec, "in"));
    uint64_t hi = 0, lo = 0;
    int rc = ovo_py_int_to_u128(v, &hi, &lo);
    json_t *whi = json_object_get(vec, "hi");
    if (json_is_null(whi)) {
        CHECK_MSG(rc == -1, "line %zu: u128 should fail", line);
        return;
    }
    CHECK_MSG(rc == 0 && hi == strtoull(json_string_value(whi), NULL, 16) &&
                  lo == strtoull(str_of(vec, "lo"), NULL, 16),
              "line %zu: u128 words", line);
    const ovo_val *back = ovo_py_int_from_u128(ctx, hi, lo);
    bool canonical = false;
    char *t = back ? int_text(back, &canonical) : NULL;
    CHECK_MSG(back && canonical && ovo_py_int_cmp(back, v) == 0, "line %zu: from_u128", line);
    free(t);
}

static void op_cp(json_t *vec, size_t line)
{
    uint32_t cp = (uint32_t)json_integer_value(json_object_get(vec, "cp"));
    CHECK_MSG(ovo_py_isspace(cp) == json_is_true(json_object_get(vec, "space")),
              "line %zu: isspace(U+%04X)", line, cp);
    CHECK_MSG(ovo_py_isnumeric(cp) == json_is_true(json_object_get(vec, "numeric")),
              "line %zu: isnumeric(U+%04X)", line, cp);
    CHECK_MSG(ovo_py_decimal_value(cp) ==
                  (int)json_integer_value(json_object_get(vec, "decimal")),
              "line %zu: decimal(U+%04X)", line, cp);
}

/* The property over every code point, from the list of change points. */
static void op_cp_runs(json_t *vec, size_t line)
{
    const char *prop = str_of(vec, "prop");
    json_t *starts = json_object_get(vec, "starts");
    bool decimal = strcmp(prop, "decimal") == 0;
    size_t next = 0, nstarts = json_array_size(starts);
    long value = decimal ? -1 : 0;
    long bad = 0;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        while (next < nstarts) {
            json_t *s = json_array_get(starts, next);
            long at = (long)json_integer_value(decimal ? json_array_get(s, 0) : s);
            if (at != (long)cp)
                break;
            value = decimal ? (long)json_integer_value(json_array_get(s, 1)) : !value;
            next++;
        }
        long got = decimal                          ? ovo_py_decimal_value(cp)
                   : strcmp(prop, "space") == 0     ? ovo_py_isspace(cp)
                                                    : ovo_py_isnumeric(cp);
        if (got != value && bad++ < 5)
            fprintf(stderr, "line %zu: %s(U+%04X) = %ld, want %ld\n", line, prop, cp, got,
                    value);
    }
    CHECK_MSG(bad == 0 && next == nstarts, "line %zu: %s: %ld code points differ", line,
              prop, bad);
}

static void op_isnumeric(json_t *vec, size_t line)
{
    size_t n;
    char *in = get_text(vec, "in", &n);
    ovo_str s = {in, (uint32_t)n};
    CHECK_MSG(ovo_py_str_isnumeric(s) == json_is_true(json_object_get(vec, "out")),
              "line %zu: isnumeric", line);
    free(in);
}

static void op_len(json_t *vec, size_t line)
{
    size_t n;
    char *in = get_text(vec, "in", &n);
    ovo_str s = {in, (uint32_t)n};
    size_t want = (size_t)json_integer_value(json_object_get(vec, "out"));
    size_t decoded = 0;
    for (const char *p = in; p < in + n; decoded++)
        ovo_wtf8_next(&p, in + n);
    CHECK_MSG(ovo_py_str_len(s) == want && decoded == want, "line %zu: len", line);
    free(in);
}

static void op_wtf8(json_t *vec, size_t line)
{
    uint32_t cp = (uint32_t)json_integer_value(json_object_get(vec, "cp"));
    size_t wn;
    char *want = test_hex(vec, "hex", &wn);
    char buf[4];
    size_t n = ovo_wtf8_put(buf, cp);
    CHECK_MSG(n == wn && memcmp(buf, want, n) == 0, "line %zu: encode U+%04X", line, cp);
    const char *p = buf;
    CHECK_MSG(ovo_wtf8_next(&p, buf + n) == cp && p == buf + n, "line %zu: decode", line);
    free(want);
}

static const struct {
    const char *name;
    void (*fn)(json_t *, size_t);
} ops[] = {
    {"int_str", op_int_str},         {"int_digits", op_int_digits},
    {"int_float", op_int_float},     {"float_repr", op_float_repr},
    {"float_parse", op_float_parse}, {"num_eq", op_num_eq},
    {"int_cmp", op_int_cmp},         {"u128", op_u128},
    {"cp", op_cp},                   {"cp_runs", op_cp_runs},
    {"isnumeric", op_isnumeric},     {"len", op_len},
    {"wtf8", op_wtf8},
};
#define NOPS (sizeof ops / sizeof ops[0])
static long counts[NOPS];

/* ud non-NULL: only the float ops (the locale rerun). */
static void each_vector(json_t *vec, size_t line, void *ud)
{
    const char *op = str_of(vec, "op");
    bool only_floats = ud != NULL;
    for (size_t i = 0; i < NOPS; i++) {
        if (strcmp(op, ops[i].name) != 0)
            continue;
        if (only_floats && ops[i].fn != op_float_repr && ops[i].fn != op_float_parse)
            return;
        ops[i].fn(vec, line);
        counts[i]++;
        ovo_ctx_reset(ctx);
        return;
    }
    CHECK_MSG(false, "line %zu: unknown op %s", line, op);
}

/* ------------------------------------------------------------ by hand */

/* Malformed WTF-8 (the JSON layer never lets it through, but decoding
 * must stay in bounds): U+FFFD, one byte at a time. */
static void malformed_wtf8(void)
{
    static const struct {
        const char *bytes;
        size_t n;
    } cases[] = {
        {"\x80", 1}, {"\xc0\x80", 2}, {"\xc2", 1}, {"\xe0\x80\x80", 3}, {"\xe2\x82", 2},
        {"\xf0\x80\x80\x80", 4}, {"\xf4\x90\x80\x80", 4}, {"\xf5\x80\x80\x80", 4},
        {"\xff", 1}, {"\xf0\x9f\x98", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *p = cases[i].bytes, *end = p + cases[i].n;
        CHECK(ovo_wtf8_next(&p, end) == 0xFFFD && p == cases[i].bytes + 1);
    }
    const char *p = "";
    CHECK(ovo_wtf8_next(&p, p) == 0xFFFD);
}

/* Every allocation failure is reported as MemoryError, never a crash. */
static void allocation_failure(void)
{
    ovo_limits lim = {.max_memory = 1, .chunk_size = 1};
    ovo_ctx *tiny = ovo_ctx_new(&lim);
    CHECK(tiny != NULL);
    if (!tiny)
        return;
    const ovo_val *v;
    ovo_str s = {"123456789012345678901234567890", 30};
    CHECK(ovo_py_int_from_str(tiny, s, 10, &v) == -1 && tiny->exc == OVO_EXC_MEMORY_ERROR);
    ovo_clear_exc(tiny);
    CHECK(ovo_py_int_from_str(tiny, s, 16, &v) == -1 && tiny->exc == OVO_EXC_MEMORY_ERROR);
    ovo_clear_exc(tiny);
    CHECK(ovo_py_int_from_double(tiny, 1e300, &v) == -1 &&
          tiny->exc == OVO_EXC_MEMORY_ERROR);
    ovo_clear_exc(tiny);
    CHECK(ovo_py_int_from_digits(tiny, "1", 1, false) == NULL);
    ovo_ctx_free(tiny);
}

/* A pending exception is the only result of a failed conversion; the
 * context stays usable after clearing it. */
static void int_str_classes(void)
{
    const ovo_val *v;
    ovo_str s = {"1", 1};
    CHECK(ovo_py_int_from_str(ctx, s, 10, &v) == 0 && v->u.i.small == 1);
    CHECK(ovo_py_int_from_double(ctx, NAN, &v) == -1 && expect_exc("ValueError"));
    CHECK(ovo_py_int_from_str(ctx, s, 16, &v) == 0 && v->u.i.small == 1 && !ovo_failed(ctx));
    ovo_ctx_reset(ctx);
}

/* A locale whose decimal point is not '.' must not change anything. */
static long run_float_vectors_in_locale(const char *path)
{
    static const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8",
                                  "ru_RU.UTF-8", "de_DE", "fr_FR"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!setlocale(LC_ALL, names[i]))
            continue;
        if (strcmp(localeconv()->decimal_point, ".") == 0) {
            setlocale(LC_ALL, "C");
            continue;
        }
        fprintf(stderr, "test_pynum: float vectors again under %s\n", names[i]);
        long n = test_each_vector(path, each_vector, (void *)1);
        setlocale(LC_ALL, "C");
        return n;
    }
    fprintf(stderr, "test_pynum: no decimal-comma locale installed; locale check skipped\n");
    return 0;
}

int main(void)
{
    const char *path = "tests/data/pynum.jsonl";
    ctx = ovo_ctx_new(NULL);
    if (!ctx)
        return 1;
    long n = test_each_vector(path, each_vector, NULL);
    fprintf(stderr, "test_pynum: %ld vectors:", n);
    for (size_t i = 0; i < NOPS; i++) {
        fprintf(stderr, " %s %ld", ops[i].name, counts[i]);
        /* every op must have been exercised */
        CHECK_MSG(counts[i] > 0, "no %s vectors", ops[i].name);
    }
    fputc('\n', stderr);
    malformed_wtf8();
    allocation_failure();
    int_str_classes();
    run_float_vectors_in_locale(path);
    ovo_ctx_free(ctx);
    return test_finish("test_pynum");
}
