/* The process-wide allocator hooks and the per-context arena. */
#include <stdlib.h>

#include "internal.h"

static ovo_malloc_fn g_malloc = malloc;
static ovo_free_fn g_free = free;

void ovo_set_alloc_funcs(ovo_malloc_fn m, ovo_free_fn f)
{
    g_malloc = m ? m : malloc;
    g_free = f ? f : free;
}

void *ovo_sys_malloc(size_t n) { return g_malloc(n); }
void ovo_sys_free(void *p)
{
    if (p)
        g_free(p);
}

void ovo_arena_init(ovo_arena *a)
{
    a->head = NULL;
    a->cur = a->end = NULL;
    a->used = 0;
}

void ovo_arena_release(ovo_arena *a, bool keep_one)
{
    ovo_chunk *c = a->head;
    ovo_chunk *keep = NULL;
    while (c) {
        ovo_chunk *next = c->next;
        /* keep the oldest chunk: it has the default size */
        if (keep_one && next == NULL)
            keep = c;
        else
            ovo_sys_free(c);
        c = next;
    }
    a->head = keep;
    a->used = 0;
    if (keep) {
        keep->next = NULL;
        a->cur = (char *)(keep + 1);
        a->end = a->cur + keep->size;
        a->used = keep->size;
    } else {
        a->cur = a->end = NULL;
    }
}

static void *arena_grow(ovo_ctx *ctx, size_t n)
{
    ovo_arena *a = &ctx->arena;
    size_t size = ctx->limits.chunk_size;
    if (size < n)
        size = n;
    if (a->used + size > ctx->limits.max_memory) {
        ovo_nomem(ctx);
        return NULL;
    }
    ovo_chunk *c = ovo_sys_malloc(sizeof(ovo_chunk) + size);
    if (!c) {
        ovo_nomem(ctx);
        return NULL;
    }
    c->size = size;
    c->next = a->head;
    a->head = c;
    a->used += size;
    a->cur = (char *)(c + 1) + n;
    a->end = (char *)(c + 1) + size;
    return c + 1;
}

void *ovo_alloc(ovo_ctx *ctx, size_t n)
{
    ovo_arena *a = &ctx->arena;
    n = (n + 7) & ~(size_t)7;
    if (OVO_LIKELY((size_t)(a->end - a->cur) >= n && a->cur)) {
        void *p = a->cur;
        a->cur += n;
        return p;
    }
    if (n > ctx->limits.max_memory) {
        ovo_nomem(ctx);
        return NULL;
    }
    return arena_grow(ctx, n);
}

void *ovo_memdup(ovo_ctx *ctx, const void *p, size_t n)
{
    void *d = ovo_alloc(ctx, n ? n : 1);
    if (d && n)
        memcpy(d, p, n);
    return d;
}

void *ovo_scratch_reserve(ovo_ctx *ctx, size_t n)
{
    if (n <= ctx->scratch_cap)
        return ctx->scratch;
    size_t cap = ctx->scratch_cap ? ctx->scratch_cap : 4096;
    while (cap < n) {
        if (cap > ctx->limits.max_memory) {
            ovo_nomem(ctx);
            return NULL;
        }
        cap *= 2;
    }
    void *p = ovo_sys_malloc(cap);
    if (!p) {
        ovo_nomem(ctx);
        return NULL;
    }
    if (ctx->scratch_cap)
        memcpy(p, ctx->scratch, ctx->scratch_cap);
    ovo_sys_free(ctx->scratch);
    ctx->scratch = p;
    ctx->scratch_cap = cap;
    return p;
}
