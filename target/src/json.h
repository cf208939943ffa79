/* The JSON layer in the reference's dialect (Python 3.11 json.loads with
 * the C scanner, Modules/_json.c) and json.dumps for DictOfMiscValues.
 *
 * Why not jansson here: the reference's json accepts NaN, Infinity and
 * -Infinity, integers of any size (up to 4300 digits), numbers that
 * overflow to infinity, lone surrogate escapes and NUL in keys, and keeps
 * the first position of a duplicate key with the last value; jansson
 * rejects or cannot represent each of these, so its tree cannot hold the
 * reference's data (docs/json-layer.md).  jansson stays the strict RFC
 * 8259 parser the harnesses compare against. */
#ifndef OVO_JSON_H
#define OVO_JSON_H

#include "internal.h"

/* True when p[0..n) is strict UTF-8 (what bytes.decode('utf-8') accepts:
 * no overlongs, no surrogates, nothing above U+10FFFF). */
bool ovo_utf8_valid(const uint8_t *p, size_t n);

/* json.loads(text) for a str.  text is WTF-8; max_depth is the recursion
 * units the C scanner may use: one per open container, one more for each
 * NaN/Infinity literal (its parse_constant call).  Returns 0 with *out set; -1 with *reason set
 * for a document the reference rejects; -1 with MemoryError pending when
 * the arena is exhausted (ovo_failed(ctx)). */
int ovo_json_parse(ovo_ctx *ctx, const char *text, size_t len, uint32_t max_depth,
                   const ovo_val **out, ovo_json_reason *reason);

/* json.dumps(value) with Python's defaults (ensure_ascii, separators
 * ", " and ": ", NaN/Infinity literals, float repr, insertion order) as
 * jsonutils.dumps produces it for DictOfMiscValues.to_primitive.  Values
 * are JSON-shaped (from json.loads).  max_depth: containers the encoder
 * may enter before RecursionError.  Returns 0 with *out set, or -1 with
 * the exception pending. */
int ovo_json_dumps_py(ovo_ctx *ctx, const ovo_val *v, uint32_t max_depth, ovo_str *out);

#endif
