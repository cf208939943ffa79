/* Growable output buffers (ovo_buf, public in ovo.h) and the JSON string
 * escaping both renderers share: Python's json.dumps with ensure_ascii. */
#ifndef OVO_BUF_H
#define OVO_BUF_H

#include "internal.h"

/* All return 0, or -1 when the allocator fails. */
int ovo_buf_reserve(ovo_buf *b, size_t extra);
int ovo_buf_put(ovo_buf *b, const char *s, size_t n);
static inline int ovo_buf_puts(ovo_buf *b, const char *s) { return ovo_buf_put(b, s, strlen(s)); }
static inline int ovo_buf_putc(ovo_buf *b, char c)
{
    if (b->len == b->cap && ovo_buf_reserve(b, 1) < 0)
        return -1;
    b->data[b->len++] = c;
    return 0;
}
int ovo_buf_put_i64(ovo_buf *b, int64_t v);
int ovo_buf_put_u64_hex(ovo_buf *b, uint64_t v);

/* A JSON string literal of WTF-8 text, escaped as json.dumps does with
 * ensure_ascii=True (py_encode_basestring_ascii): \" \\ \n \r \t \b \f,
 * other characters outside ' '..'~' as \u00XX, astral code points as
 * surrogate pairs, lowercase hex. */
int ovo_buf_put_json_str(ovo_buf *b, const char *s, size_t n);

#endif
