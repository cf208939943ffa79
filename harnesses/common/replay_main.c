/* The replay driver: the main() of the harnesses when no fuzzing engine is
 * linked (OVO_ENGINE=replay, the `default`, `gcc`, `asan` and `coverage`
 * presets).  It runs a harness over files and directories, the way a
 * libFuzzer binary replays a corpus, with any compiler and no engine.
 *
 *   fuzz_<t> [-timeout=N] [-runs=N] [-print_findings] [--] FILE|DIR|- ...
 *
 *   FILE        one input; DIR: every file below it, recursively, in
 *               sorted order (bytewise), names starting with '.' skipped;
 *               "-": one input read from standard input.
 *   -timeout=N  per-input time limit in seconds (default 25, 0 = none);
 *               an input that runs longer prints a TIMEOUT line naming it
 *               and the driver exits with status 70.
 *   -runs=N     run every input N times (N < 1 counts as 1: libFuzzer's
 *               -runs=0 over a corpus means "each input once").
 *   -print_findings  after each input print "<path>\t<signatures>" on
 *               stdout: the finding signatures the harness recorded for
 *               it (fz_current_signatures), sorted bytewise, unique,
 *               separated by one space, or "-" when there are none.
 *   -help=1     this text.
 *
 * Other arguments that start with '-' are libFuzzer flags (-dict=...,
 * -max_len=..., -rss_limit_mb=...): accepted and ignored, so scripts can
 * pass one set of flags to every build.  "--" ends the flags.
 *
 * Every input is handed to LLVMFuzzerTestOneInput in a malloc'd buffer of
 * exactly its size (so ASan sees a read past the end), and the driver
 * checks afterwards that the harness did not write to it.
 * LLVMFuzzerInitialize, when the harness has one, runs once first.
 *
 * Exit status: 0 every input ran; 1 usage or I/O error; 70 an input ran
 * past the time limit; otherwise the sanitizer's (an ASan/UBSan report,
 * LeakSanitizer's 23) or death by a signal (an oracle's abort()).  The
 * path of the input that crashed is printed before the process dies.
 * A summary line goes to stderr at the end. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include("fz.h") && !defined(OVO_REPLAY_SELFTEST)
#include "fz.h"
#endif
#endif

#define REPLAY_TIMEOUT_STATUS 70
#define DEFAULT_TIMEOUT 25

/* The harness's entry points.  LLVMFuzzerInitialize is optional; the
 * findings interface comes from common/fz_findings.c, which a harness
 * that never records findings (the bench baseline) does not link. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
size_t fz_current_signatures(const char **out, size_t max);
void fz_begin_input(void);
#pragma weak LLVMFuzzerInitialize
#pragma weak fz_current_signatures
#pragma weak fz_begin_input

/* Sanitizer hook: called before a sanitizer report ends the process. */
void __sanitizer_set_death_callback(void (*callback)(void));
#pragma weak __sanitizer_set_death_callback

#if defined(__SANITIZE_ADDRESS__)
#define REPLAY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REPLAY_ASAN 1
#endif
#endif

static const char *prog = "replay";

/* ------------------------------------------------------------ input list */

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static void die_oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(1);
}

static void strvec_push(strvec *sv, char *s)
{
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 64;
        char **v = realloc(sv->v, cap * sizeof *v);
        if (!v)
            die_oom();
        sv->v = v;
        sv->cap = cap;
    }
    sv->v[sv->n++] = s;
}

static char *join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a > 0 && dir[a - 1] != '/';
    char *p = malloc(a + (size_t)slash + b + 1);
    if (!p)
        die_oom();
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + (size_t)slash, name, b + 1);
    return p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append the files below dir, sorted, dotfiles skipped.  0 or -1 (error
 * printed). */
static int walk_dir(const char *dir, strvec *out, int depth)
{
    if (depth > 64) {
        fprintf(stderr, "%s: %s: directories nested too deep\n", prog, dir);
        return -1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: cannot open directory %s: %s\n", prog, dir, strerror(errno));
        return -1;
    }
    strvec names = {0};
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *s = strdup(e->d_name);
        if (!s)
            die_oom();
        strvec_push(&names, s);
    }
    int err = errno;
    closedir(d);
    if (err) {
        fprintf(stderr, "%s: reading directory %s: %s\n", prog, dir, strerror(err));
        return -1;
    }
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < names.n; i++) {
        char *p = join_path(dir, names.v[i]);
        free(names.v[i]);
        struct stat st;
        if (rc != 0) {
            free(p);
        } else if (stat(p, &st) != 0) {
            fprintf(stderr, "%s: cannot stat %s: %s\n", prog, p, strerror(errno));
            free(p);
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk_dir(p, out, depth + 1);
            free(p);
        } else if (S_ISREG(st.st_mode)) {
            strvec_push(out, p);
        } else {
            free(p); /* sockets, fifos, devices: not inputs */
        }
    }
    free(names.v);
    return rc;
}

static int add_arg(const char *arg, strvec *out)
{
    if (strcmp(arg, "-") == 0) {
        char *s = strdup("-");
        if (!s)
            die_oom();
        strvec_push(out, s);
        return 0;
    }
    struct stat st;
    if (stat(arg, &st) != 0) {
        fprintf(stderr, "%s: %s: %s\n", prog, arg, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode))
        return walk_dir(arg, out, 0);
    char *s = strdup(arg);
    if (!s)
        die_oom();
    strvec_push(out, s);
    return 0;
}

/* Read a whole file (or stdin for "-") into an exact-size malloc'd buffer
 * (size 0: a 0-byte allocation, never dereferenced by a correct harness). */
static int read_input(const char *path, uint8_t **data, size_t *size)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot open %s: %s\n", prog, path, strerror(errno));
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    if (!buf)
        die_oom();
    for (;;) {
        if (len == cap) {
            cap *= 2;
            uint8_t *nb = realloc(buf, cap);
            if (!nb)
                die_oom();
            buf = nb;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "%s: reading %s: %s\n", prog, path, strerror(errno));
            free(buf);
            if (fd != STDIN_FILENO)
                close(fd);
            return -1;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    if (fd != STDIN_FILENO)
        close(fd);
    uint8_t *exact = malloc(len);
    if (!exact && len)
        die_oom();
    if (!exact) {
        /* malloc(0) may return NULL; a harness still gets a non-NULL pointer */
        exact = malloc(1);
        if (!exact)
            die_oom();
    }
    if (len)
        memcpy(exact, buf, len);
    free(buf);
    *data = exact;
    *size = len;
    return 0;
}

/* ------------------------------------------------------------ signals */

static char g_current[PATH_MAX + 1];
static size_t g_current_len;
static volatile sig_atomic_t g_timeout_secs;

static void say_raw(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void say_str(const char *s) { say_raw(s, strlen(s)); }

static void say_current(const char *what)
{
    say_str("\n==ovofuzz-replay== ");
    say_str(what);
    say_str(" on input: ");
    say_raw(g_current, g_current_len);
    say_str("\n");
}

static void on_alarm(int sig)
{
    (void)sig;
    char num[24];
    int n = 0;
    unsigned long v = (unsigned long)g_timeout_secs;
    char tmp[24];
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < (int)sizeof tmp);
    for (int i = 0; i < n; i++)
        num[i] = tmp[n - 1 - i];
    num[n] = '\0';
    say_str("\n==ovofuzz-replay== TIMEOUT: an input ran for more than ");
    say_str(num);
    say_str(" s: ");
    say_raw(g_current, g_current_len);
    say_str("\n");
    _exit(REPLAY_TIMEOUT_STATUS);
}

static void on_fatal_signal(int sig)
{
    say_current("crash (fatal signal)");
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_sanitizer_death(void) { say_current("sanitizer report"); }

static void install_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);

    /* Name the input on a crash.  ASan handles SEGV/BUS/FPE itself (and
     * reports through the death callback); abort() it leaves alone. */
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGABRT, &sa, NULL);
#ifndef REPLAY_ASAN
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
#endif
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(on_sanitizer_death);
}

static void set_timer(long secs)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_sec = secs;
    setitimer(ITIMER_REAL, &it, NULL);
}

static void set_current(const char *path)
{
    size_t n = strlen(path);
    if (n > PATH_MAX)
        n = PATH_MAX;
    memcpy(g_current, path, n);
    g_current[n] = '\0';
    g_current_len = n;
}

/* ------------------------------------------------------------ findings */

static void print_findings(const char *path)
{
    const char *small[64];
    const char **sigs = small;
    size_t n = fz_current_signatures ? fz_current_signatures(small, 64) : 0;
    if (n > 64) {
        sigs = malloc(n * sizeof *sigs);
        if (!sigs)
            die_oom();
        n = fz_current_signatures(sigs, n);
    }
    if (n > 1)
        qsort((void *)sigs, n, sizeof *sigs, cmp_str);
    fputs(path, stdout);
    fputc('\t', stdout);
    size_t printed = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && strcmp(sigs[i], sigs[i - 1]) == 0)
            continue;
        if (printed++)
            fputc(' ', stdout);
        fputs(sigs[i], stdout);
    }
    if (!printed)
        fputc('-', stdout);
    fputc('\n', stdout);
    fflush(stdout);
    if (sigs != small)
        free((void *)sigs);
}

/* ------------------------------------------------------------ main */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [-timeout=N] [-runs=N] [-print_findings] [--] FILE|DIR|- ...\n"
            "  replays inputs through the harness (no fuzzing engine linked)\n"
            "  -timeout=N       per-input limit in seconds (default %d, 0 = none); exit 70 when hit\n"
            "  -runs=N          run every input N times (N < 1: once)\n"
            "  -print_findings  print \"<path>\\t<signatures>\" per input (\"-\" when none)\n"
            "  other -flags (libFuzzer's) are ignored\n"
            "exit: 0 ok, 1 usage/I-O error, 70 timeout, else the sanitizer's or a signal\n",
            prog, DEFAULT_TIMEOUT);
}

/* "-name=value" or "-name": 1 when arg is flag `name`, *val set to the
 * value (NULL when there is none). */
static int flag_is(const char *arg, const char *name, const char **val)
{
    size_t n = strlen(name);
    if (arg[0] != '-' || strncmp(arg + 1, name, n) != 0)
        return 0;
    if (arg[1 + n] == '\0') {
        *val = NULL;
        return 1;
    }
    if (arg[1 + n] == '=') {
        *val = arg + 2 + n;
        return 1;
    }
    return 0;
}

static int parse_long(const char *s, long *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc > 0 && argv[0]) {
        const char *slash = strrchr(argv[0], '/');
        prog = slash ? slash + 1 : argv[0];
    }
    long timeout = DEFAULT_TIMEOUT, runs = 1;
    int want_findings = 0, flags_done = 0;
    strvec inputs = {0};
    int ignored = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!flags_done && strcmp(a, "--") == 0) {
            flags_done = 1;
            continue;
        }
        if (flags_done || a[0] != '-' || strcmp(a, "-") == 0) {
            if (add_arg(a, &inputs) != 0)
                return 1;
            continue;
        }
        if (flag_is(a, "timeout", &v)) {
            if (parse_long(v, &timeout) != 0 || timeout < 0) {
                fprintf(stderr, "%s: bad value in %s\n", prog, a);
                return 1;
            }
        } else if (flag_is(a, "runs", &v)) {
            if (parse_long(v, &runs) != 0) {
                fprintf(stderr, "%s: bad value in %s\n", prog, a);
                return 1;
            }
            if (runs < 1)
                runs = 1;
        } else if (flag_is(a, "print_findings", &v)) {
            want_findings = !v || strcmp(v, "0") != 0;
        } else if (flag_is(a, "help", &v) || strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            if (!v || strcmp(v, "0") != 0) {
                usage(stdout);
                return 0;
            }
        } else {
            if (!ignored++)
                fprintf(stderr, "%s: replay driver (no engine linked); ignoring", prog);
            fprintf(stderr, " %s", a);
        }
    }
    if (ignored)
        fputc('\n', stderr);
    if (inputs.n == 0 && argc <= 1) {
        usage(stderr);
        return 1;
    }
    if (want_findings && !fz_current_signatures)
        fprintf(stderr, "%s: -print_findings: this harness records no findings\n", prog);

    install_handlers();
    g_timeout_secs = (sig_atomic_t)timeout;
    set_current("(LLVMFuzzerInitialize)");
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);

    double t0 = now_seconds();
    unsigned long long execs = 0, bytes = 0;
    for (size_t i = 0; i < inputs.n; i++) {
        const char *path = inputs.v[i];
        uint8_t *data;
        size_t size;
        if (read_input(path, &data, &size) != 0)
            return 1;
        uint8_t *copy = malloc(size ? size : 1);
        if (!copy)
            die_oom();
        if (size)
            memcpy(copy, data, size);
        set_current(path);
        for (long r = 0; r < runs; r++) {
            if (fz_begin_input)
                fz_begin_input();
            if (timeout > 0)
                set_timer(timeout);
            int rc = LLVMFuzzerTestOneInput(data, size);
            if (timeout > 0)
                set_timer(0);
            execs++;
            if (rc != 0 && rc != -1) {
                fprintf(stderr, "%s: LLVMFuzzerTestOneInput returned %d on %s (only 0 and -1 are allowed)\n",
                        prog, rc, path);
                abort();
            }
            if (size && memcmp(data, copy, size) != 0) {
                fprintf(stderr, "%s: the harness wrote to its const input %s\n", prog, path);
                abort();
            }
            if (r == 0 && want_findings)
                print_findings(path);
        }
        bytes += size;
        free(copy);
        free(data);
    }
    double dt = now_seconds() - t0;
    set_current("(exit)");
    fprintf(stderr, "%s: replayed %zu inputs (%llu executions, %llu bytes) in %.2f s\n", prog,
            inputs.n, execs, bytes, dt);
    for (size_t i = 0; i < inputs.n; i++)
        free(inputs.v[i]);
    free(inputs.v);
    return 0;
}

#ifdef OVO_REPLAY_SELFTEST
/* A harness for testing the driver itself (target replay-selftest): the
 * input's first bytes choose what it does.
 *   "sleep"  loop until the time limit fires     "abort"  abort()
 *   "find:A B ..."  record signatures A, B, ...  (in the given order)
 *   "write"  write to the const input            anything else: nothing */
static const char *st_sigs[16];
static char st_buf[512];
static size_t st_n;

void fz_begin_input(void) { st_n = 0; }

size_t fz_current_signatures(const char **out, size_t max)
{
    for (size_t i = 0; i < st_n && i < max; i++)
        out[i] = st_sigs[i];
    return st_n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 5 && memcmp(data, "sleep", 5) == 0) {
        for (;;)
            pause();
    }
    if (size >= 5 && memcmp(data, "abort", 5) == 0)
        abort();
    if (size >= 5 && memcmp(data, "write", 5) == 0)
        ((uint8_t *)data)[0] = 'W';
    if (size >= 5 && memcmp(data, "find:", 5) == 0) {
        size_t n = size - 5 < sizeof st_buf - 1 ? size - 5 : sizeof st_buf - 1;
        memcpy(st_buf, data + 5, n);
        st_buf[n] = '\0';
        char *save = NULL;
        for (char *t = strtok_r(st_buf, " \n", &save); t && st_n < 16; t = strtok_r(NULL, " \n", &save))
            st_sigs[st_n++] = t;
    }
    return 0;
}
#endif
