/* Evaluating a document an embedder already parsed with jansson.
 *
 * jansson implements strict RFC 8259 JSON: it cannot hold NaN, integers
 * beyond 64 bits or lone surrogates, and nests up to 2048 levels.  A tree
 * it did parse holds values the reference's json module would have
 * produced from the same text, so evaluating the tree gives the outcome
 * ovo_evaluate gives for the text (the fuzz_json harness holds libovo to
 * that).  Objects keep jansson's insertion order, in which a repeated key
 * keeps its first position and its last value, as in Python. */
#ifndef OVO_JANSSON_H
#define OVO_JANSSON_H

#include <jansson.h>

#include "ovo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* As ovo_evaluate, starting from a jansson tree (json_loadb with
 * JSON_DECODE_ANY | JSON_ALLOW_NUL gives one). */
int ovo_evaluate_jansson(ovo_ctx *ctx, const json_t *doc, unsigned flags, ovo_result *res);

#ifdef __cplusplus
}
#endif
#endif
