/* Conformance replay: every input of corpus/conformance/<family>.jsonl must
 * give exactly the reference's outcome line in <family>.expected, and
 * strict mode must keep its promises on the same inputs:
 *   - an accepted object with an off_type entry is a strict violation;
 *   - a reference crash (expected: false) is a StrictViolation naming a
 *     crash.* rule;
 *   - everything the reference's own obj_to_primitive produced (the
 *     accepted lines of the valid family) is accepted by strict mode. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "ovo/ovo.h"
#include "testlib.h"

#define DIR_PATH "corpus/conformance"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = 0;
    *n = len;
    return buf;
}

/* Split on '\n' in place; returns the number of lines. */
static size_t split_lines(char *buf, size_t n, char ***lines, size_t **lens)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += buf[i] == '\n';
    if (n && buf[n - 1] != '\n')
        count++;
    *lines = malloc((count ? count : 1) * sizeof **lines);
    *lens = malloc((count ? count : 1) * sizeof **lens);
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= n && k < count; i++) {
        if (i == n || buf[i] == '\n') {
            (*lines)[k] = buf + start;
            (*lens)[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    return count;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, needle, m) == 0)
            return true;
    return false;
}

static void replay_family(ovo_ctx *ctx, const char *family, size_t *total)
{
    char path[512];
    size_t in_n, exp_n;
    snprintf(path, sizeof path, DIR_PATH "/%s.jsonl", family);
    char *in = slurp(path, &in_n);
    snprintf(path, sizeof path, DIR_PATH "/%s.expected", family);
    char *exp = slurp(path, &exp_n);
    CHECK_MSG(in && exp, "%s: cannot read inputs or expected lines", family);
    if (!in || !exp) {
        free(in);
        free(exp);
        return;
    }
    char **inputs, **expected;
    size_t *in_len, *exp_len;
    size_t n = split_lines(in, in_n, &inputs, &in_len);
    size_t m = split_lines(exp, exp_n, &expected, &exp_len);
    CHECK_MSG(n == m && n > 0, "%s: %zu inputs but %zu expected lines", family, n, m);
    bool valid_family = strcmp(family, "valid") == 0;
    size_t mismatches = 0, strict_failures = 0;
    ovo_buf line = {0}, strict_line = {0};
    for (size_t i = 0; i < n && i < m; i++) {
        ovo_result r;
        ovo_evaluate(ctx, inputs[i], in_len[i], OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &r);
        line.len = strict_line.len = 0;
        CHECK(ovo_render_outcome(&r, OVO_MODE_REFERENCE, &line) == 0);
        CHECK(ovo_render_outcome(&r, OVO_MODE_STRICT, &strict_line) == 0);
        if (line.len != exp_len[i] || memcmp(line.data, expected[i], line.len) != 0) {
            if (mismatches++ < 5)
                fprintf(stderr, "%s:%zu: expected %.*s\n%*s       got %.*s\n", family, i + 1,
                        (int)(exp_len[i] > 400 ? 400 : exp_len[i]), expected[i],
                        (int)strlen(family), "", (int)(line.len > 400 ? 400 : line.len),
                        line.data);
        }
        bool strict_ok = true;
        if (r.outcome == OVO_OUT_ACCEPT && contains(line.data, line.len, "\"off_type\":"))
            strict_ok = r.nviolations > 0;
        if (r.outcome == OVO_OUT_REJECT && !ovo_exc_expected(r.error))
            strict_ok = contains(strict_line.data, strict_line.len, "\"violations\":[\"crash.");
        if (valid_family && r.outcome == OVO_OUT_ACCEPT)
            strict_ok = ovo_strict_accepts(&r);
        if (!strict_ok && strict_failures++ < 5)
            fprintf(stderr, "%s:%zu: strict mode broke a promise: %.*s\n", family, i + 1,
                    (int)(strict_line.len > 400 ? 400 : strict_line.len), strict_line.data);
        ovo_ctx_reset(ctx);
    }
    CHECK_MSG(mismatches == 0, "%s: %zu of %zu lines differ from the reference", family,
              mismatches, n);
    CHECK_MSG(strict_failures == 0, "%s: %zu strict-mode failures", family, strict_failures);
    *total += n;
    ovo_buf_free(&line);
    ovo_buf_free(&strict_line);
    free(inputs);
    free(in_len);
    free(expected);
    free(exp_len);
    free(in);
    free(exp);
}

int main(void)
{
    ovo_ctx *ctx = ovo_ctx_new(NULL);
    CHECK(ctx != NULL);
    DIR *d = opendir(DIR_PATH);
    CHECK_MSG(d != NULL, "cannot open %s", DIR_PATH);
    size_t total = 0, families = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 6 && strcmp(e->d_name + len - 6, ".jsonl") == 0) {
            char family[256];
            snprintf(family, sizeof family, "%.*s", (int)(len - 6), e->d_name);
            replay_family(ctx, family, &total);
            families++;
        }
    }
    if (d)
        closedir(d);
    CHECK_MSG(total >= 3000, "only %zu conformance vectors", total);
    fprintf(stderr, "conformance: %zu families, %zu vectors\n", families, total);
    ovo_ctx_free(ctx);
    return test_finish("conformance");
}
