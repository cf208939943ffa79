/* Findings: a signature table per process, the reproducer of each new
 * signature in $OVO_FINDINGS_DIR, abort() on the signatures $OVO_ABORT_ON
 * names, and the signatures of the current input for the replay driver.
 *
 * The hot path (a signature already seen) is a hash lookup in a fixed
 * table: no allocation, no I/O.  Work happens once per new signature. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fz.h"

/* ------------------------------------------------------------ SHA-1 */

typedef struct sha1_ctx {
    uint32_t h[5];
    uint64_t len;
    uint8_t block[64];
    size_t fill;
} sha1_ctx;

static uint32_t rol(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(sha1_ctx *c, const uint8_t *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++)
        w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = c->h[0], b = c->h[1], d = c->h[3], e = c->h[4], cc = c->h[2];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & cc) | (~b & d);
            k = 0x5A827999;
        } else if (i < 40) {
            f = b ^ cc ^ d;
            k = 0x6ED9EBA1;
        } else if (i < 60) {
            f = (b & cc) | (b & d) | (cc & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ cc ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d;
        d = cc;
        cc = rol(b, 30);
        b = a;
        a = t;
    }
    c->h[0] += a;
    c->h[1] += b;
    c->h[2] += cc;
    c->h[3] += d;
    c->h[4] += e;
}

static void sha1_init(sha1_ctx *c)
{
    static const uint32_t h0[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    memcpy(c->h, h0, sizeof h0);
    c->len = 0;
    c->fill = 0;
}

static void sha1_update(sha1_ctx *c, const void *data, size_t n)
{
    const uint8_t *p = data;
    c->len += n;
    while (n > 0) {
        size_t take = 64 - c->fill < n ? 64 - c->fill : n;
        memcpy(c->block + c->fill, p, take);
        c->fill += take;
        p += take;
        n -= take;
        if (c->fill == 64) {
            sha1_block(c, c->block);
            c->fill = 0;
        }
    }
}

/* 40 lowercase hex digits and a NUL into hex[41]. */
static void sha1_hex(const void *data, size_t n, char hex[41])
{
    sha1_ctx c;
    sha1_init(&c);
    sha1_update(&c, data, n);
    uint64_t bits = c.len * 8;
    uint8_t pad = 0x80;
    sha1_update(&c, &pad, 1);
    pad = 0;
    while (c.fill != 56)
        sha1_update(&c, &pad, 1);
    uint8_t len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha1_update(&c, len, 8);
    for (int i = 0; i < 20; i++)
        snprintf(hex + 2 * i, 3, "%02x", (unsigned)(c.h[i / 4] >> (24 - 8 * (i % 4))) & 0xff);
}

/* ------------------------------------------------------------ settings */

static struct {
    bool loaded;
    const char *dir;        /* OVO_FINDINGS_DIR or NULL */
    char *abort_on;         /* OVO_ABORT_ON, commas turned into NULs */
    size_t abort_on_len;
    bool verbose;           /* OVO_FUZZ_VERBOSE */
} g_env;

static void load_env(void)
{
    if (g_env.loaded)
        return;
    g_env.loaded = true;
    const char *d = getenv("OVO_FINDINGS_DIR");
    g_env.dir = d && *d ? d : NULL;
    const char *a = getenv("OVO_ABORT_ON");
    if (a && *a) {
        g_env.abort_on_len = strlen(a);
        g_env.abort_on = malloc(g_env.abort_on_len + 1);
        if (g_env.abort_on) {
            memcpy(g_env.abort_on, a, g_env.abort_on_len + 1);
            for (size_t i = 0; i < g_env.abort_on_len; i++)
                if (g_env.abort_on[i] == ',')
                    g_env.abort_on[i] = '\0';
        }
    }
    const char *v = getenv("OVO_FUZZ_VERBOSE");
    g_env.verbose = v && *v && strcmp(v, "0") != 0;
}

static bool abort_wanted(const char *sig)
{
    if (!g_env.abort_on)
        return false;
    for (size_t i = 0; i < g_env.abort_on_len; i += strlen(g_env.abort_on + i) + 1) {
        const char *glob = g_env.abort_on + i;
        if (*glob && fnmatch(glob, sig, 0) == 0)
            return true;
    }
    return false;
}

/* ------------------------------------------------------------ table */

#define TABLE_SIZE 4096     /* power of two; distinct signatures per process */
#define CURRENT_MAX 256    /* signatures kept per input; more are not listed */

typedef struct entry {
    char *sig;
    uint64_t hash;
    bool abort;
} entry;

static entry g_table[TABLE_SIZE];
static size_t g_nentries;

static const char *g_current[CURRENT_MAX];
static size_t g_ncurrent;
static const uint8_t *g_input;
static size_t g_input_size;
static bool g_have_input;

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint8_t)s[i];
        h *= 1099511628211u;
    }
    return h;
}

void fz_begin_input(void)
{
    g_ncurrent = 0;
    g_have_input = false;
}

void fz_input(const uint8_t *data, size_t size)
{
    g_ncurrent = 0;
    g_input = data;
    g_input_size = size;
    g_have_input = true;
}

size_t fz_current_signatures(const char **out, size_t max)
{
    for (size_t i = 0; i < g_ncurrent && i < max; i++)
        out[i] = g_current[i];
    return g_ncurrent;
}

/* A directory name for a signature: itself when short, else a prefix
 * and the SHA-1 of the whole signature (names are limited to 255 bytes). */
static void dir_name(const char *sig, char *out, size_t cap)
{
    size_t n = strlen(sig);
    if (n <= 200) {
        snprintf(out, cap, "%s", sig);
        return;
    }
    char hex[41];
    sha1_hex(sig, n, hex);
    snprintf(out, cap, "%.160s~%s", sig, hex);
}

static bool dir_has_entries(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return false;
    bool any = false;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            any = true;
            break;
        }
    closedir(d);
    return any;
}

/* The first reproducer of a signature: <dir>/<signature>/<sha1 of input>,
 * created with O_EXCL; a signature directory that already holds a file
 * (another process, an earlier run) is left alone. */
static void write_reproducer(const char *sig)
{
    if (!g_env.dir || !g_have_input)
        return;
    char name[256], path[4096], hex[41];
    dir_name(sig, name, sizeof name);
    (void)mkdir(g_env.dir, 0777);
    int n = snprintf(path, sizeof path, "%s/%s", g_env.dir, name);
    if (n < 0 || (size_t)n >= sizeof path)
        return;
    if (mkdir(path, 0777) != 0) {
        if (errno != EEXIST || dir_has_entries(path))
            return;
    }
    sha1_hex(g_input, g_input_size, hex);
    n = snprintf(path, sizeof path, "%s/%s/%s", g_env.dir, name, hex);
    if (n < 0 || (size_t)n >= sizeof path)
        return;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0)
        return;
    const uint8_t *p = g_input;
    size_t left = g_input_size;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    close(fd);
}

static void add_current(const char *sig)
{
    for (size_t i = 0; i < g_ncurrent && i < CURRENT_MAX; i++)
        if (g_current[i] == sig)
            return;
    if (g_ncurrent < CURRENT_MAX)
        g_current[g_ncurrent++] = sig;
}

static void hit(const char *sig, bool want_abort)
{
    if (want_abort) {
        fprintf(stderr, "ovofuzz: finding %s matches OVO_ABORT_ON, aborting\n", sig);
        fflush(stderr);
        abort();
    }
}

void fz_finding(const char *signature)
{
    load_env();
    size_t n = strlen(signature);
    uint64_t h = fnv1a(signature, n);
    size_t i = (size_t)h & (TABLE_SIZE - 1);
    for (size_t probe = 0; probe < TABLE_SIZE; probe++, i = (i + 1) & (TABLE_SIZE - 1)) {
        entry *e = &g_table[i];
        if (!e->sig) {
            if (g_nentries >= TABLE_SIZE * 3 / 4)
                break;      /* full: handled below without remembering */
            char *copy = malloc(n + 1);
            if (!copy)
                break;
            memcpy(copy, signature, n + 1);
            e->sig = copy;
            e->hash = h;
            e->abort = abort_wanted(copy);
            g_nentries++;
            add_current(copy);
            if (g_env.verbose) {
                fprintf(stderr, "ovofuzz: finding %s\n", copy);
                fflush(stderr);
            }
            write_reproducer(copy);
            hit(copy, e->abort);
            return;
        }
        if (e->hash == h && strcmp(e->sig, signature) == 0) {
            add_current(e->sig);
            hit(e->sig, e->abort);
            return;
        }
    }
    /* table full: still honour OVO_ABORT_ON, report nothing else */
    hit(signature, abort_wanted(signature));
}

void fz_findings_of_result(const ovo_result *res)
{
    if (res->outcome == OVO_OUT_ACCEPT && res->nviolations > 0) {
        char sig[4096];
        size_t len = (size_t)snprintf(sig, sizeof sig, "bypass:");
        for (size_t i = 0; i < res->nviolations; i++) {
            const char *id = ovo_rule_id(res->violations[i]);
            size_t idn = strlen(id);
            FZ_ASSERT("findings", len + idn + 2 < sizeof sig, "signature too long");
            if (i > 0)
                sig[len++] = '+';
            memcpy(sig + len, id, idn);
            len += idn;
            sig[len] = '\0';
        }
        fz_finding(sig);
    } else if (res->outcome == OVO_OUT_REJECT && !ovo_exc_expected(res->error)) {
        FZ_ASSERT("findings", res->crash_rule != OVO_RULE_NONE,
                  "reference rejected with %s (expected:false) and no crash rule",
                  ovo_exc_name(res->error));
        fz_finding(ovo_rule_id(res->crash_rule));
    }
}
