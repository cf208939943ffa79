/* ovo_evaluate_jansson: a jansson tree turned into the values json.loads
 * would have produced from the same text, then evaluated.
 *
 * What the text would have decided and the tree no longer shows: UTF-8
 * validity and syntax (jansson checked both, more strictly), the nesting
 * budget (checked here, per container, as the C scanner does), and
 * duplicate keys (jansson already kept the last value at the first
 * position, as Python does; strict mode cannot see them here). */
#include "ovo/jansson.h"

#include "evaluate.h"
#include "pynum.h"

typedef struct conv {
    ovo_ctx *ctx;
    uint32_t max_units;
    bool too_deep;
} conv;

static const ovo_val *convert(conv *c, const json_t *j, uint32_t depth);

static const ovo_val *convert_container(conv *c, const json_t *j, uint32_t depth)
{
    ovo_ctx *ctx = c->ctx;
    if (depth + 1 > c->max_units) {
        c->too_deep = true;
        return NULL;
    }
    if (ovo_strict(ctx) && depth + 1 > ctx->limits.strict_depth)
        ovo_note(ctx, OVO_RULE_LIMIT_DEPTH);
    if (json_is_array(j)) {
        size_t n = json_array_size(j);
        ovo_val *l = ovo_new_val(ctx, OVO_LIST);
        const ovo_val **items = ovo_alloc(ctx, (n ? n : 1) * sizeof *items);
        if (!l || !items)
            return NULL;
        for (size_t i = 0; i < n; i++)
            if (!(items[i] = convert(c, json_array_get(j, i), depth + 1)))
                return NULL;
        if (ovo_strict(ctx) && n > ctx->limits.strict_size)
            ovo_note(ctx, OVO_RULE_LIMIT_SIZE);
        l->u.seq.items = items;
        l->u.seq.n = (uint32_t)n;
        return l;
    }
    size_t n = json_object_size(j), i = 0;
    ovo_val *d = ovo_new_val(ctx, OVO_DICT);
    ovo_dict_entry *e = ovo_alloc(ctx, (n ? n : 1) * sizeof *e);
    if (!d || !e)
        return NULL;
    const char *key;
    size_t klen;
    json_t *value;
    /* jansson keeps insertion order (2.8 and later) */
    json_object_keylen_foreach((json_t *)j, key, klen, value)
    {
        e[i].key = (ovo_str){key, (uint32_t)klen};
        if (!(e[i].value = convert(c, value, depth + 1)))
            return NULL;
        i++;
    }
    if (ovo_strict(ctx) && n > ctx->limits.strict_size)
        ovo_note(ctx, OVO_RULE_LIMIT_SIZE);
    d->u.dict.entries = e;
    d->u.dict.n = (uint32_t)i;
    return d;
}

static const ovo_val *convert(conv *c, const json_t *j, uint32_t depth)
{
    ovo_ctx *ctx = c->ctx;
    switch (json_typeof(j)) {
    case JSON_NULL: return &ovo_none;
    case JSON_TRUE: return &ovo_true;
    case JSON_FALSE: return &ovo_false;
    case JSON_INTEGER: return ovo_mk_int(ctx, (int64_t)json_integer_value(j));
    case JSON_REAL: return ovo_mk_float(ctx, json_real_value(j));
    case JSON_STRING: {
        size_t n = json_string_length(j);
        const char *s = json_string_value(j);
        if (ovo_strict(ctx) && memchr(s, 0, n))
            ovo_note(ctx, OVO_RULE_STRING_NUL);
        return ovo_mk_str(ctx, s, n);
    }
    case JSON_ARRAY:
    case JSON_OBJECT: return convert_container(c, j, depth);
    }
    return NULL;
}

int ovo_evaluate_jansson(ovo_ctx *ctx, const json_t *doc, unsigned flags, ovo_result *res)
{
    ovo_begin(ctx, flags, res);
    conv c = {.ctx = ctx, .max_units = ovo_top_json_units(ctx)};
    /* the tree is recursive; the budget bounds the recursion (jansson itself
     * nests at most 2048 levels) */
    const ovo_val *prim = doc ? convert(&c, doc, 0) : NULL;
    if (!prim) {
        if (c.too_deep) {
            ovo_clear_exc(ctx);
            res->outcome = OVO_OUT_JSON_ERROR;
            res->json_reason = OVO_JSON_DEPTH;
            return 0;
        }
        return ovo_resource(res);
    }
    return ovo_evaluate_tree(ctx, prim, flags, res);
}
