#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

unsigned char *input_read_file(const char *path, size_t *size)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, len = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap) {
            if (ferror(f)) {
                free(buf);
                buf = NULL;
            }
            break;
        }
        unsigned char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    if (f != stdin)
        fclose(f);
    *size = len;
    return buf;
}

typedef struct pathlist {
    char **v;
    size_t n, cap;
} pathlist;

static int add_path(pathlist *l, char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **nv = realloc(l->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n++] = p;
    return 0;
}

static int walk(const char *dir, pathlist *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p) {
            rc = -1;
            break;
        }
        snprintf(p, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) != 0) {
            free(p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            rc = walk(p, out);
            free(p);
        } else if (S_ISREG(st.st_mode)) {
            rc = add_path(out, p);
        } else {
            free(p);
        }
    }
    closedir(d);
    return rc;
}

static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int each_file(const char *path, input_fn fn, void *ud)
{
    size_t size;
    unsigned char *data = input_read_file(path, &size);
    if (!data) {
        fprintf(stderr, "%s: cannot read\n", path);
        return -1;
    }
    int rc = fn(path, data, size, ud);
    free(data);
    return rc;
}

static int each_jsonl(const char *path, input_fn fn, void *ud)
{
    size_t size;
    unsigned char *data = input_read_file(path, &size);
    if (!data) {
        fprintf(stderr, "%s: cannot read\n", path);
        return -1;
    }
    size_t start = 0, lineno = 0;
    int rc = 0;
    char *label = malloc(strlen(path) + 24);
    while (rc == 0 && label && start < size) {
        unsigned char *nl = memchr(data + start, '\n', size - start);
        size_t end = nl ? (size_t)(nl - data) : size;
        snprintf(label, strlen(path) + 24, "%s:%zu", path, ++lineno);
        rc = fn(label, data + start, end - start, ud);
        start = end + 1;
    }
    if (!label)
        rc = -1;
    free(label);
    free(data);
    return rc;
}

int input_each(const input_spec *specs, size_t n, input_fn fn, void *ud)
{
    for (size_t i = 0; i < n; i++) {
        const input_spec *s = &specs[i];
        int rc;
        struct stat st;
        if (s->kind == INPUT_JSONL) {
            rc = each_jsonl(s->arg, fn, ud);
        } else if (strcmp(s->arg, "-") != 0 && stat(s->arg, &st) == 0 && S_ISDIR(st.st_mode)) {
            pathlist l = {0};
            rc = walk(s->arg, &l);
            if (rc == 0)
                qsort(l.v, l.n, sizeof *l.v, cmp_paths);
            for (size_t j = 0; j < l.n; j++) {
                if (rc == 0)
                    rc = each_file(l.v[j], fn, ud);
                free(l.v[j]);
            }
            free(l.v);
        } else {
            rc = each_file(s->arg, fn, ud);
        }
        if (rc != 0)
            return rc;
    }
    return 0;
}
