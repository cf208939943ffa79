/* fuzz_alloc_fail: allocation failures, chosen by the input, in libovo's
 * allocator and jansson's.
 *
 * Input: one JSON document, then two tail bytes: a little-endian u16 whose
 * bits 0-14 are N and bit 15 is P.  Each of the two paths below first runs
 * without injection, counting its allocations (C); then it runs again with
 * allocation number N mod C (0-based) failing, and with P = 1 every later
 * one failing too.
 *   path A: json_loadb (JSON_DECODE_ANY | JSON_ALLOW_NUL), ovo_ctx_new,
 *           ovo_evaluate_jansson, ovo_render_outcome;
 *   path B: ovo_ctx_new, ovo_evaluate on the bytes, ovo_render_outcome;
 * both with a 128-byte arena chunk (ovo_limits.chunk_size) so libovo
 * allocates often, and both counting every allocation made through
 * ovo_set_alloc_funcs, and through json_set_alloc_funcs when
 * OVO_ALLOC_FAIL_JANSSON=1 (off by default: jansson 2.14 itself corrupts
 * memory when its lexer's allocations fail, see jansson_malloc).
 * Oracles:
 *   - every injected failure comes back as an error from the step it hit:
 *     json_loadb returns NULL, ovo_ctx_new NULL, ovo_evaluate(_jansson)
 *     -1 with OVO_OUT_RESOURCE, ovo_render_outcome -1; nothing crashes and
 *     nothing leaks (LeakSanitizer);
 *   - a step that saw no failure gives the result of the run without
 *     injection;
 *   - without injection, both paths render the outcome line the normal
 *     path gives (default limits). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <ovo/jansson.h>

#include "fz.h"

#define CHUNK 128

static struct {
    bool armed, persistent;
    uint64_t count, fail_at, failures;
} g_alloc;

static void *counting_malloc(size_t n)
{
    uint64_t i = g_alloc.count++;
    if (g_alloc.armed && (i == g_alloc.fail_at || (g_alloc.persistent && i > g_alloc.fail_at))) {
        g_alloc.failures++;
        return NULL;
    }
    return malloc(n);
}

static void counting_free(void *p) { free(p); }

/* jansson's allocations take part only with OVO_ALLOC_FAIL_JANSSON=1:
 * jansson 2.14 is not safe against allocation failure (its lexer's
 * lex_save() ignores a failed buffer growth, after which json_loadb
 * returns corrupted trees or writes past a heap block), so by default the
 * campaign would report jansson's faults rather than libovo's. */
static bool g_jansson_inject;

static void *jansson_malloc(size_t n)
{
    return g_jansson_inject ? counting_malloc(n) : malloc(n);
}

static fz_buf g_lines[3];   /* normal, clean A, clean B */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static bool done;
    if (done)
        return 0;
    done = true;
    /* before any context exists: every context uses the counting pair */
    const char *j = getenv("OVO_ALLOC_FAIL_JANSSON");
    g_jansson_inject = j && *j && strcmp(j, "0") != 0;
    ovo_set_alloc_funcs(counting_malloc, counting_free);
    json_set_alloc_funcs(jansson_malloc, counting_free);
    fz_ctx();
    return 0;
}

static void arm(bool on, uint64_t at, bool persistent)
{
    g_alloc.armed = on;
    g_alloc.fail_at = at;
    g_alloc.persistent = persistent;
    g_alloc.count = 0;
    g_alloc.failures = 0;
}

static void save_line(fz_buf *out, const ovo_buf *b)
{
    fz_buf_reset(out);
    fz_buf_put(out, b->data ? b->data : "", b->len);
}

typedef enum run_status { RUN_DONE, RUN_FAILED, RUN_NOT_JSON } run_status;

/* One run of a path.  line receives the outcome line of a run that
 * completed (RUN_DONE); RUN_NOT_JSON: jansson rejected the text itself. */
static run_status run(bool path_a, const uint8_t *data, size_t size, fz_buf *line)
{
    const char *path = path_a ? "A" : "B";
    json_t *doc = NULL;
    if (path_a) {
        uint64_t before = g_alloc.failures;
        json_error_t err;
        doc = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
        if (g_alloc.failures > before && doc) {
            /* Explained, jansson's own (2.14): the lexer appends to its
             * token buffer with lex_save(), which ignores
             * strbuffer_append_byte()'s failure, so a failed growth drops
             * a character and json_loadb returns a corrupted tree
             * ("versioned_objet.name").  A finding about jansson; the tree
             * is not evaluated. */
            fz_finding("diff.jansson.alloc-swallowed");
            json_decref(doc);
            return RUN_FAILED;
        }
        if (!doc)
            return g_alloc.failures == before ? RUN_NOT_JSON : RUN_FAILED;
    }
    ovo_limits lim = {0};
    lim.chunk_size = CHUNK;
    uint64_t before = g_alloc.failures;
    ovo_ctx *ctx = ovo_ctx_new(&lim);
    if (g_alloc.failures > before)
        FZ_ASSERT("alloc", ctx == NULL, "ovo_ctx_new succeeded after its allocation failed");
    if (!ctx) {
        FZ_ASSERT("alloc", g_alloc.failures > before, "ovo_ctx_new failed on its own");
        json_decref(doc);
        return RUN_FAILED;
    }
    ovo_result res;
    before = g_alloc.failures;
    int rc = path_a ? ovo_evaluate_jansson(ctx, doc, OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &res)
                    : ovo_evaluate(ctx, data, size, OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &res);
    bool completed = false;
    if (g_alloc.failures > before) {
        FZ_ASSERT("alloc", rc < 0 && res.outcome == OVO_OUT_RESOURCE,
                  "path %s: an allocation failed during the evaluation, which returned %d "
                  "with outcome %d", path, rc, (int)res.outcome);
    } else {
        FZ_ASSERT("alloc", (rc < 0) == (res.outcome == OVO_OUT_RESOURCE),
                  "path %s: ovo_evaluate returned %d with outcome %d", path, rc, (int)res.outcome);
        ovo_buf b = {0};
        before = g_alloc.failures;
        int r = ovo_render_outcome(&res, OVO_MODE_STRICT, &b);
        if (g_alloc.failures > before) {
            FZ_ASSERT("alloc", r < 0, "path %s: rendering succeeded after an allocation failed",
                      path);
        } else {
            FZ_ASSERT("alloc", r == 0, "path %s: rendering failed on its own", path);
            b.len = 0;
            r = ovo_render_outcome(&res, OVO_MODE_REFERENCE, &b);
            if (r == 0) {
                save_line(line, &b);
                completed = rc == 0;
            } else {
                FZ_ASSERT("alloc", g_alloc.failures > before,
                          "path %s: rendering failed on its own", path);
            }
        }
        ovo_buf_free(&b);
    }
    ovo_ctx_free(ctx);
    json_decref(doc);
    return completed ? RUN_DONE : RUN_FAILED;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    LLVMFuzzerInitialize(NULL, NULL);
    fz_in in = {data, size};
    uint16_t t = fz_tail_u16(&in);
    uint64_t n = t & 0x7fff;
    bool persistent = t >> 15;

    /* the normal path: default limits, no injection */
    arm(false, 0, false);
    ovo_ctx *ctx = fz_ctx();
    ovo_ctx_reset(ctx);
    ovo_result res;
    if (ovo_evaluate(ctx, in.data, in.size, OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &res) < 0)
        return 0;   /* libovo's own memory budget */
    ovo_buf b = {0};
    FZ_ASSERT("alloc", ovo_render_outcome(&res, OVO_MODE_REFERENCE, &b) == 0, "render failed");
    save_line(&g_lines[0], &b);
    ovo_buf_free(&b);
    fz_findings_of_result(&res);

    /* jansson 2.14 skips a raw NUL byte after a number ({"a":1\0}), which
     * the reference rejects: its tree is then not this document's (see
     * fuzz_json), so path A runs only on text without raw NUL bytes */
    bool raw_nul = memchr(in.data, 0, in.size) != NULL;
    for (int p = raw_nul ? 1 : 0; p < 2; p++) {
        bool path_a = p == 0;
        fz_buf *clean = &g_lines[1 + p];
        arm(false, 0, false);
        run_status st = run(path_a, in.data, in.size, clean);
        uint64_t total = g_alloc.count;
        if (st == RUN_NOT_JSON)
            continue;   /* path A on text jansson rejects */
        if (st == RUN_FAILED)
            return 0;   /* libovo's own memory budget */
        if (path_a) {
            /* jansson parsed it: the tree must evaluate as the bytes do
             * (fuzz_json checks this too; here the chunk size differs) */
            FZ_ASSERT("alloc", clean->len == g_lines[0].len &&
                                   memcmp(clean->data, g_lines[0].data, clean->len) == 0,
                      "path A without injection differs from the normal path:\n%s\n%s",
                      clean->data, g_lines[0].data);
        } else {
            FZ_ASSERT("alloc", clean->len == g_lines[0].len &&
                                   memcmp(clean->data, g_lines[0].data, clean->len) == 0,
                      "a %d-byte arena chunk changes the outcome:\n%s\n%s", CHUNK, clean->data,
                      g_lines[0].data);
        }
        FZ_ASSERT("alloc", total > 0, "no allocation counted");
        arm(true, n % total, persistent);
        static fz_buf injected;
        bool done = run(path_a, in.data, in.size, &injected) == RUN_DONE;
        uint64_t failures = g_alloc.failures;
        arm(false, 0, false);
        FZ_ASSERT("alloc", failures > 0, "path %s: allocation %llu of %llu never failed",
                  path_a ? "A" : "B", (unsigned long long)(n % total),
                  (unsigned long long)total);
        FZ_ASSERT("alloc", !done, "path %s completed although allocation %llu failed",
                  path_a ? "A" : "B", (unsigned long long)(n % total));
    }
    return 0;
}
