/* Contexts: limits, the pending exception and strict notes. */
#include "frames.h"
#include "internal.h"

#define DEFAULT_MAX_MEMORY ((size_t)256 << 20)
#define DEFAULT_CHUNK ((size_t)64 << 10)
#define DEFAULT_STRICT_DEPTH 64
#define DEFAULT_STRICT_SIZE 65536

ovo_ctx *ovo_ctx_new(const ovo_limits *limits)
{
    ovo_ctx *ctx = ovo_sys_malloc(sizeof *ctx);
    if (!ctx)
        return NULL;
    memset(ctx, 0, sizeof *ctx);
    if (limits)
        ctx->limits = *limits;
    if (!ctx->limits.max_memory)
        ctx->limits.max_memory = DEFAULT_MAX_MEMORY;
    if (!ctx->limits.chunk_size)
        ctx->limits.chunk_size = DEFAULT_CHUNK;
    if (!ctx->limits.strict_depth)
        ctx->limits.strict_depth = DEFAULT_STRICT_DEPTH;
    if (!ctx->limits.strict_size)
        ctx->limits.strict_size = DEFAULT_STRICT_SIZE;
    if (!ctx->limits.stack_budget)
        ctx->limits.stack_budget = OVO_FR_LIMIT;
    /* a fresh context is at the caller's depth with the whole budget (the
     * field-type entry points can be called directly) */
    ctx->frame_limit = (int32_t)ctx->limits.stack_budget;
    ovo_arena_init(&ctx->arena);
    return ctx;
}

void ovo_ctx_free(ovo_ctx *ctx)
{
    if (!ctx)
        return;
    ovo_arena_release(&ctx->arena, false);
    ovo_sys_free(ctx->scratch);
    ovo_sys_free(ctx);
}

void ovo_ctx_reset(ovo_ctx *ctx)
{
    ovo_arena_release(&ctx->arena, true);
    ovo_clear_exc(ctx);
    memset(ctx->notes, 0, sizeof ctx->notes);
    ctx->frames = 0;
}

int ovo_raise(ovo_ctx *ctx, ovo_exc exc, ovo_rule rule)
{
    /* The first exception wins, as in Python: later code never runs. */
    if (ctx->exc == OVO_EXC_NONE) {
        ctx->exc = exc;
        ctx->exc_rule = rule;
    }
    return -1;
}

int ovo_nomem(ovo_ctx *ctx)
{
    ctx->exc = OVO_EXC_MEMORY_ERROR;
    ctx->exc_rule = OVO_RULE_CRASH_OTHER;
    return -1;
}
