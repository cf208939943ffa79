/* libovo: a C model of Neutron's versioned-object deserializer
 * (oslo.versionedobjects obj_from_primitive over the Neutron registry).
 *
 *   ovo_ctx *ctx = ovo_ctx_new(NULL);
 *   ovo_result r;
 *   ovo_evaluate(ctx, data, size, OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT, &r);
 *   ovo_render_outcome(ctx, &r, OVO_MODE_REFERENCE, &buf);
 *   ovo_ctx_reset(ctx);           // frees everything the evaluation made
 *
 * Reference mode reproduces the pinned reference exactly; strict mode is the
 * same pass plus the promises the field types make (docs/strict-rules.md).
 */
#ifndef OVO_OVO_H
#define OVO_OVO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "schema.h"
#include "value.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ovo_ctx ovo_ctx;

typedef struct ovo_limits {
    size_t max_memory;      /* arena bytes per evaluation; 0: 256 MiB */
    size_t chunk_size;      /* arena chunk size; 0: 64 KiB */
    uint32_t strict_depth;  /* strict: deepest JSON nesting; 0: 64 */
    uint32_t strict_size;   /* strict: largest container (items); strings
                               may be 16 times that in bytes; 0: 65536 */
    uint32_t stack_budget;  /* CPython recursion units per evaluation;
                               0: the reference's (docs/recursion.md) */
} ovo_limits;

/* A context owns an arena and settings; one per thread.  NULL when the
 * allocator fails. */
ovo_ctx *ovo_ctx_new(const ovo_limits *limits);
void ovo_ctx_free(ovo_ctx *ctx);
/* Release every value made since the last reset (keeps one chunk). */
void ovo_ctx_reset(ovo_ctx *ctx);

/* Process-wide allocator, as jansson's json_set_alloc_funcs.  Set it before
 * creating contexts; libovo never calls malloc directly. */
typedef void *(*ovo_malloc_fn)(size_t);
typedef void (*ovo_free_fn)(void *);
void ovo_set_alloc_funcs(ovo_malloc_fn m, ovo_free_fn f);

typedef enum ovo_outcome {
    OVO_OUT_JSON_ERROR,     /* not a JSON document the reference accepts */
    OVO_OUT_REJECT,         /* obj_from_primitive raised */
    OVO_OUT_ACCEPT,         /* an object was built */
    OVO_OUT_RESOURCE        /* libovo's own memory budget ran out */
} ovo_outcome;

typedef enum ovo_json_reason {
    OVO_JSON_UTF8,
    OVO_JSON_SYNTAX,
    OVO_JSON_DEPTH,
    OVO_JSON_INT_DIGITS
} ovo_json_reason;

const char *ovo_json_reason_name(ovo_json_reason r);

typedef struct ovo_result {
    ovo_outcome outcome;
    ovo_json_reason json_reason;    /* OVO_OUT_JSON_ERROR */
    ovo_exc error;                  /* OVO_OUT_REJECT */
    ovo_rule crash_rule;            /* reject with an unexpected class */
    const ovo_val *object;          /* OVO_OUT_ACCEPT: an OVO_OBJECT */
    const ovo_val *primitive;       /* obj_to_primitive(), if asked for */
    ovo_exc to_primitive_error;     /* when obj_to_primitive raised */
    const ovo_rule *violations;     /* OVO_EVAL_STRICT, accept only: the */
    size_t nviolations;             /* rules broken, sorted by id, unique */
} ovo_result;

enum {
    OVO_EVAL_PRIMITIVE = 1u << 0,   /* also run obj_to_primitive */
    OVO_EVAL_STRICT = 1u << 1       /* also collect strict violations */
};

/* Evaluate one input (the raw bytes of a JSON document).  Always fills
 * *res; returns 0, or -1 when res->outcome is OVO_OUT_RESOURCE.  The
 * result points into ctx's arena and into data. */
int ovo_evaluate(ovo_ctx *ctx, const void *data, size_t size, unsigned flags,
                 ovo_result *res);

/* Strict mode's verdict on a result evaluated with OVO_EVAL_STRICT: true
 * when strict mode accepts (reference accept with no violation). */
bool ovo_strict_accepts(const ovo_result *res);

typedef enum ovo_mode { OVO_MODE_REFERENCE, OVO_MODE_STRICT } ovo_mode;

/* A growable byte buffer; data is allocated with the libovo allocator. */
typedef struct ovo_buf {
    char *data;
    size_t len, cap;
} ovo_buf;
void ovo_buf_free(ovo_buf *b);

/* Append the outcome line (OUTCOME.md, no newline) for res in the given
 * mode.  Returns 0, or -1 when the allocator fails. */
int ovo_render_outcome(const ovo_result *res, ovo_mode mode, ovo_buf *out);

/* Append one value rendered as in outcome lines. */
int ovo_render_value(const ovo_val *v, ovo_buf *out);

/* An object's field value, or NULL when the field is not set. */
const ovo_val *ovo_object_field(const ovo_object *obj, uint32_t index);
const ovo_class *ovo_object_class(const ovo_object *obj);
ovo_str ovo_object_version(const ovo_object *obj);

#ifdef __cplusplus
}
#endif
#endif
