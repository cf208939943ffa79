/* libovo internals shared by the stages: the context, its arena, raising
 * Python exceptions, noting strict violations, the recursion budget, and
 * value constructors.  Nothing here is public API. */
#ifndef OVO_INTERNAL_H
#define OVO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ovo/ovo.h"

#define OVO_UNUSED(x) ((void)(x))
#define OVO_LIKELY(x) __builtin_expect(!!(x), 1)
#define OVO_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ------------------------------------------------------------ allocator */

void *ovo_sys_malloc(size_t n);     /* through ovo_set_alloc_funcs */
void ovo_sys_free(void *p);

typedef struct ovo_chunk {
    struct ovo_chunk *next;
    size_t size;                    /* usable bytes after the header */
} ovo_chunk;

typedef struct ovo_arena {
    ovo_chunk *head;                /* current chunk (newest) */
    char *cur, *end;
    size_t used;                    /* bytes obtained from the allocator */
} ovo_arena;

/* ------------------------------------------------------------ context */

#define OVO_MAX_NOTES 64

struct ovo_ctx {
    ovo_arena arena;
    ovo_limits limits;
    unsigned flags;                 /* OVO_EVAL_* of the running evaluation */

    /* The pending exception (OVO_EXC_NONE when none). */
    ovo_exc exc;
    ovo_rule exc_rule;              /* crash.* rule for unexpected classes */

    /* Simulated CPython stack: recursion units in use and the budget
     * (frames.h, docs/recursion.md). */
    int32_t frames;
    int32_t frame_limit;

    /* A reusable work area (the JSON parser's stack); survives resets. */
    void *scratch;
    size_t scratch_cap;

    /* Strict violations noted during the pass (bit set over ovo_rule). */
    uint64_t notes[(OVO_RULE_COUNT_ + 63) / 64];
    ovo_rule sorted_notes[OVO_RULE_COUNT_];
};

/* ------------------------------------------------------------ arena */

void ovo_arena_init(ovo_arena *a);
void ovo_arena_release(ovo_arena *a, bool keep_one);

/* Allocate n bytes (8-aligned) from the context's arena.  On failure:
 * NULL, with MemoryError pending. */
void *ovo_alloc(ovo_ctx *ctx, size_t n);
/* Copy n bytes into the arena (n may be 0). */
void *ovo_memdup(ovo_ctx *ctx, const void *p, size_t n);
/* Grow the scratch area to at least n bytes, keeping its contents.  NULL
 * with MemoryError pending on failure. */
void *ovo_scratch_reserve(ovo_ctx *ctx, size_t n);

/* ------------------------------------------------------------ exceptions */

/* Set the pending exception; always returns -1 so callers can
 * `return ovo_raise(...)`.  rule names the crash.* rule strict mode
 * reports when the class is not an expected one; OVO_RULE_NONE for
 * expected classes. */
int ovo_raise(ovo_ctx *ctx, ovo_exc exc, ovo_rule rule);
/* The arena failed (or the memory budget is exhausted). */
int ovo_nomem(ovo_ctx *ctx);
static inline bool ovo_failed(const ovo_ctx *ctx) { return ctx->exc != OVO_EXC_NONE; }
static inline void ovo_clear_exc(ovo_ctx *ctx)
{
    ctx->exc = OVO_EXC_NONE;
    ctx->exc_rule = OVO_RULE_NONE;
}

/* ------------------------------------------------------------ strict */

/* Note a broken promise (kept only if the input ends accepted). */
static inline void ovo_note(ovo_ctx *ctx, ovo_rule r)
{
    ctx->notes[r / 64] |= (uint64_t)1 << (r % 64);
}
static inline bool ovo_strict(const ovo_ctx *ctx) { return (ctx->flags & OVO_EVAL_STRICT) != 0; }

/* ------------------------------------------------------------ recursion */

/* Enter n recursion units (Python frames or checked C calls): -1 with
 * RecursionError when that would exceed the budget.  The caller leaves
 * with ovo_frames_leave. */
static inline int ovo_frames_enter(ovo_ctx *ctx, int32_t n)
{
    if (OVO_UNLIKELY(ctx->frames + n > ctx->frame_limit))
        return ovo_raise(ctx, OVO_EXC_RECURSION_ERROR, OVO_RULE_CRASH_RECURSION);
    ctx->frames += n;
    return 0;
}
static inline void ovo_frames_leave(ovo_ctx *ctx, int32_t n) { ctx->frames -= n; }
/* The reference is about to go n units deeper than the current depth
 * inside library code libovo does not model call by call: RecursionError
 * when that would exceed the budget. */
static inline int ovo_frames_probe(ovo_ctx *ctx, int32_t n)
{
    if (OVO_UNLIKELY(ctx->frames + n > ctx->frame_limit))
        return ovo_raise(ctx, OVO_EXC_RECURSION_ERROR, OVO_RULE_CRASH_RECURSION);
    return 0;
}

/* ------------------------------------------------------------ values */

ovo_val *ovo_new_val(ovo_ctx *ctx, ovo_type t);
const ovo_val *ovo_mk_int(ovo_ctx *ctx, int64_t v);
const ovo_val *ovo_mk_float(ovo_ctx *ctx, double d);
/* A str value over bytes that stay valid (input or arena). */
const ovo_val *ovo_mk_str(ovo_ctx *ctx, const char *p, size_t n);
/* A str value over a copy of the bytes. */
const ovo_val *ovo_mk_str_copy(ovo_ctx *ctx, const char *p, size_t n);
static inline const ovo_val *ovo_mk_bool(bool b) { return b ? &ovo_true : &ovo_false; }

static inline bool ovo_is_int(const ovo_val *v) { return v->type == OVO_INT; }
/* isinstance(v, int): ints and bools. */
static inline bool ovo_isinstance_int(const ovo_val *v)
{
    return v->type == OVO_INT || v->type == OVO_BOOL;
}
/* The value of an ASCII hex digit, or -1. */
static inline int ovo_hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static inline bool ovo_str_eq(ovo_str a, const char *b, size_t n)
{
    return a.len == n && (n == 0 || memcmp(a.ptr, b, n) == 0);
}

struct ovo_object {
    const ovo_class *cls;
    ovo_str version;                /* VERSION, verbatim from the envelope */
    const ovo_val **values;         /* per field, NULL = not set */
    uint64_t changed;               /* _changed_fields, bit per field index */
    /* Recursion units obj_what_changed() takes above its caller: it asks
     * obj_attr_is_set of every field and recurses into nested objects. */
    uint32_t what_changed_units;
};

#endif
