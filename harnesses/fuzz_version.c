/* fuzz_version: PEP 440 versions (packaging 23.0) and the envelope's
 * version check.
 *
 * Input: one to three version texts separated by NUL bytes: "a",
 * "a\0b" or "a\0b\0c" (a third NUL and what follows belong to c).  A text
 * that is not WTF-8 is left out.
 * Oracles, on the texts that parse:
 *   - normalize(parse(x)) parses, compares equal to x and normalises to
 *     the same text (explained exceptions below);
 *   - the order is total and antisymmetric on every pair (cmp(a,b) ==
 *     -cmp(b,a), cmp(x,x) == 0) and transitive on every ordering of the
 *     triple (<=, and == for equality);
 *   - same_major is symmetric and says release[0] is equal;
 *   - is_compatible(requested, current) == same_major && current >=
 *     requested, for every ordered pair; it fails exactly when a text does
 *     not parse;
 *   - the first text as the envelope version of PortBindingLevel (current
 *     version 1.1): the reference accepts exactly the compatible versions
 *     and keeps the text verbatim; strict mode accepts exactly plain
 *     MAJOR.MINOR; findings, validator and round trip as fuzz_primitive. */
#include <string.h>

#include <ovo/json.h>
#include <ovo/pep440.h>

#include "fz.h"

#define MAXV 3

static fz_buf g_norm[MAXV], g_norm2, g_cur, g_doc;
static const ovo_class *g_pbl;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    g_pbl = ovo_class_find("PortBindingLevel", 16);
    FZ_ASSERT("harness", g_pbl != NULL, "PortBindingLevel is not in the catalogue");
    return 0;
}

static bool num_eq(ovo_pep440_num a, ovo_pep440_num b)
{
    return a.len == b.len && memcmp(a.digits, b.digits, a.len) == 0;
}

static const char *norm(const ovo_pep440 *v, fz_buf *b, size_t *len)
{
    size_t n = ovo_pep440_normalize(v, NULL, 0);
    char *p = fz_buf_room(b, n);
    size_t m = ovo_pep440_normalize(v, p, n + 1);
    FZ_ASSERT("pep440", m == n && p[n] == '\0', "normalize: %zu then %zu bytes", n, m);
    *len = n;
    return p;
}

static bool has_dotted_capital_i(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if ((unsigned char)s[i] == 0xC4 && (unsigned char)s[i + 1] == 0xB0)
            return true;
    return false;
}

static int sign(int c) { return (c > 0) - (c < 0); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    if (!g_pbl)
        LLVMFuzzerInitialize(NULL, NULL);

    const char *text[MAXV];
    size_t len[MAXV];
    size_t nt = 0, pos = 0;
    while (nt < MAXV) {
        const uint8_t *nul = nt < MAXV - 1 ? memchr(data + pos, 0, size - pos) : NULL;
        size_t end = nul ? (size_t)(nul - data) : size;
        text[nt] = (const char *)data + pos;
        len[nt] = end - pos;
        nt++;
        if (!nul)
            break;
        pos = end + 1;
    }

    ovo_pep440 v[MAXV];
    int rc[MAXV];
    bool ok[MAXV];
    for (size_t i = 0; i < nt; i++) {
        ok[i] = false;
        rc[i] = OVO_PEP440_INVALID;
        if (!fz_text_scan(text[i], len[i]).wtf8)
            continue;
        rc[i] = ovo_pep440_parse(text[i], len[i], &v[i]);
        FZ_ASSERT("pep440", rc[i] == 0 || rc[i] == OVO_PEP440_INVALID ||
                                rc[i] == OVO_PEP440_INT_DIGITS, "parse returned %d", rc[i]);
        ok[i] = rc[i] == 0;
        if (!ok[i])
            continue;
        FZ_ASSERT("pep440", ovo_pep440_cmp(&v[i], &v[i]) == 0, "x != x for \"%.*s\"",
                  (int)len[i], text[i]);
        FZ_ASSERT("pep440", v[i].release_count >= 1, "no release component");
        size_t walked = 0, p = 0;
        ovo_pep440_num part;
        while (ovo_pep440_release_next(&v[i], &p, &part)) {
            if (walked == 0)
                FZ_ASSERT("pep440", num_eq(part, v[i].major), "release[0] is not major");
            walked++;
        }
        FZ_ASSERT("pep440", walked == v[i].release_count, "walked %zu of %zu components",
                  walked, v[i].release_count);

        /* normalize(parse(x)) is a fixed point.  Explained exceptions
         * (packaging 23.0's own, checked against it): U+0130 matches 'i'
         * under IGNORECASE but str.lower() turns it into "i\u0307", so a
         * pre-release ("prev\u0130ew") or local part holding it prints
         * as text that no longer matches; a post-release spelled with
         * U+017F prints as ".post" but sorts after every "post". */
        size_t nn;
        const char *n = norm(&v[i], &g_norm[i], &nn);
        if (has_dotted_capital_i(text[i], len[i]) || v[i].post == OVO_PEP440_POST_LONG_S)
            continue;
        ovo_pep440 w;
        int r2 = ovo_pep440_parse(n, nn, &w);
        FZ_ASSERT("pep440", r2 == 0, "normalized \"%.*s\" -> \"%s\" does not parse (%d)",
                  (int)len[i], text[i], n, r2);
        FZ_ASSERT("pep440", ovo_pep440_cmp(&w, &v[i]) == 0 && ovo_pep440_cmp(&v[i], &w) == 0,
                  "\"%.*s\" and its normal form \"%s\" compare unequal", (int)len[i], text[i], n);
        size_t mm;
        const char *m = norm(&w, &g_norm2, &mm);
        FZ_ASSERT("pep440", mm == nn && memcmp(m, n, nn) == 0,
                  "normalize is not idempotent: \"%s\" -> \"%s\"", n, m);
    }

    /* pairs: antisymmetry, same_major, is_compatible */
    for (size_t i = 0; i < nt; i++)
        for (size_t j = 0; j < nt; j++) {
            if (ok[i] && ok[j]) {
                int c = ovo_pep440_cmp(&v[i], &v[j]);
                int d = ovo_pep440_cmp(&v[j], &v[i]);
                FZ_ASSERT("pep440", c >= -1 && c <= 1 && c == -d,
                          "cmp(\"%.*s\", \"%.*s\") = %d but the reverse is %d", (int)len[i],
                          text[i], (int)len[j], text[j], c, d);
                bool sm = ovo_pep440_same_major(&v[i], &v[j]);
                FZ_ASSERT("pep440", sm == ovo_pep440_same_major(&v[j], &v[i]) &&
                                        sm == num_eq(v[i].major, v[j].major),
                          "same_major(\"%.*s\", \"%.*s\") = %d", (int)len[i], text[i],
                          (int)len[j], text[j], sm);
                if (c == 0)
                    FZ_ASSERT("pep440", sm, "equal versions with different majors");
            }
            /* current is a C string (a class VERSION): no NUL in it */
            if (!fz_text_scan(text[i], len[i]).wtf8 || !fz_text_scan(text[j], len[j]).wtf8 ||
                memchr(text[j], 0, len[j]))
                continue;
            /* is_compatible(requested = i, current = j) */
            char *cur = fz_buf_room(&g_cur, len[j]);
            memcpy(cur, text[j], len[j]);
            cur[len[j]] = '\0';
            ovo_val req = {.type = OVO_STR};
            req.u.s = (ovo_str){text[i], (uint32_t)len[i]};
            ovo_ctx *ctx = fz_ctx();
            ovo_ctx_reset(ctx);
            /* ovo_is_compatible models the interpreter stack, whose budget
             * an evaluation sets up; ovo_ctx_new and ovo_ctx_reset leave it
             * at zero, so outside an evaluation every call would raise
             * RecursionError.  A JSON load sets the budget. */
            const ovo_val *unused;
            ovo_json_reason why;
            FZ_ASSERT("harness", ovo_json_loads(ctx, "0", 1, &unused, &why) == 0, "loads(\"0\")");
            bool compat = false;
            int r = ovo_is_compatible(ctx, &req, cur, &compat);
            if (ok[i] && ok[j]) {
                FZ_ASSERT("pep440", r == 0, "is_compatible failed on two valid versions");
                bool want = ovo_pep440_same_major(&v[i], &v[j]) &&
                            ovo_pep440_cmp(&v[j], &v[i]) >= 0;
                FZ_ASSERT("pep440", compat == want,
                          "is_compatible(\"%.*s\", \"%.*s\") = %d, cmp/same_major say %d",
                          (int)len[i], text[i], (int)len[j], text[j], compat, want);
            } else {
                FZ_ASSERT("pep440", r < 0, "is_compatible succeeded on an invalid version");
            }
        }

    /* triples: transitivity over every ordering */
    if (nt == 3 && ok[0] && ok[1] && ok[2]) {
        static const int perm[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                       {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int p = 0; p < 6; p++) {
            const ovo_pep440 *a = &v[perm[p][0]], *b = &v[perm[p][1]], *c = &v[perm[p][2]];
            int ab = sign(ovo_pep440_cmp(a, b)), bc = sign(ovo_pep440_cmp(b, c));
            int ac = sign(ovo_pep440_cmp(a, c));
            if (ab <= 0 && bc <= 0)
                FZ_ASSERT("pep440", ac <= 0, "a <= b <= c but a > c (ordering %d)", p);
            if (ab == 0 && bc == 0)
                FZ_ASSERT("pep440", ac == 0, "a == b == c but a != c (ordering %d)", p);
            if (ab < 0 && bc <= 0)
                FZ_ASSERT("pep440", ac < 0, "a < b <= c but not a < c (ordering %d)", p);
        }
    }

    /* the envelope */
    fz_text_info t0 = fz_text_scan(text[0], len[0]);
    if (!t0.wtf8)
        return 0;
    bool compat = false;
    if (ok[0]) {
        ovo_pep440 cur;
        FZ_ASSERT("pep440", ovo_pep440_parse(g_pbl->version, strlen(g_pbl->version), &cur) == 0,
                  "class version %s", g_pbl->version);
        compat = ovo_pep440_same_major(&v[0], &cur) && ovo_pep440_cmp(&cur, &v[0]) >= 0;
    }
    fz_buf_reset(&g_doc);
    fz_buf_puts(&g_doc, "{\"versioned_object.name\":\"PortBindingLevel\","
                        "\"versioned_object.namespace\":\"versionedobjects\","
                        "\"versioned_object.version\":");
    fz_buf_put_json_string(&g_doc, text[0], len[0]);
    fz_buf_puts(&g_doc, ",\"versioned_object.data\":{\"level\":1}}");
    fz_eval ev;
    if (!fz_check_document(g_doc.data, g_doc.len, &ev))
        return 0;
    FZ_ASSERT("version", ev.ref_ok == compat, "the envelope %s version \"%.*s\" (compatible: %d)",
              ev.ref_ok ? "accepts" : "rejects", (int)len[0], text[0], compat);
    FZ_ASSERT("version", ev.strict_ok == (compat && fz_version_plain(text[0], len[0])),
              "strict mode %s version \"%.*s\"", ev.strict_ok ? "accepts" : "rejects",
              (int)len[0], text[0]);
    if (ev.ref_ok) {
        ovo_str got = ovo_object_version(ev.res.object->u.obj);
        FZ_ASSERT("version", got.len == len[0] && memcmp(got.ptr, text[0], len[0]) == 0,
                  "the object does not keep version \"%.*s\" verbatim", (int)len[0], text[0]);
    } else {
        FZ_ASSERT("version", ev.res.outcome == OVO_OUT_REJECT, "not a reject");
        ovo_exc e = ev.res.error;
        FZ_ASSERT("version", rc[0] == OVO_PEP440_INVALID ? e == OVO_EXC_INVALID_VERSION
                             : rc[0] == OVO_PEP440_INT_DIGITS ? e == OVO_EXC_VALUE_ERROR
                                                              : e == OVO_EXC_INCOMPATIBLE_OBJECT_VERSION,
                  "version \"%.*s\" rejected with %s", (int)len[0], text[0], ovo_exc_name(e));
    }
    return 0;
}
