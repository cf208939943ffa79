#include "buf.h"

#include "pynum.h"

int ovo_buf_reserve(ovo_buf *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    char *d = ovo_sys_malloc(cap);
    if (!d)
        return -1;
    if (b->len)
        memcpy(d, b->data, b->len);
    ovo_sys_free(b->data);
    b->data = d;
    b->cap = cap;
    return 0;
}

void ovo_buf_free(ovo_buf *b)
{
    ovo_sys_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int ovo_buf_put(ovo_buf *b, const char *s, size_t n)
{
    if (ovo_buf_reserve(b, n) < 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

int ovo_buf_put_i64(ovo_buf *b, int64_t v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return ovo_buf_put(b, p, (size_t)(tmp + sizeof tmp - p));
}

int ovo_buf_put_u64_hex(ovo_buf *b, uint64_t v)
{
    char tmp[17];
    char *p = tmp + sizeof tmp;
    do {
        *--p = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    return ovo_buf_put(b, p, (size_t)(tmp + sizeof tmp - p));
}

static void put_u4(char *w, uint32_t u)
{
    static const char hex[] = "0123456789abcdef";
    w[0] = '\\';
    w[1] = 'u';
    w[2] = hex[(u >> 12) & 15];
    w[3] = hex[(u >> 8) & 15];
    w[4] = hex[(u >> 4) & 15];
    w[5] = hex[u & 15];
}

/* ' '..'~' except '"' and '\\': printed as they are */
static inline bool plain_ascii(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

int ovo_buf_put_json_str(ovo_buf *b, const char *s, size_t n)
{
    /* worst case: every byte a 6-byte escape (12 for astral, from 4) */
    if (ovo_buf_reserve(b, n * 6 + 2) < 0)
        return -1;
    char *w = b->data + b->len;
    *w++ = '"';
    const char *p = s, *end = s + n;
    while (p < end) {
        /* copy the run of characters that need no escape in one go */
        const char *run = p;
        while (p < end && plain_ascii((unsigned char)*p))
            p++;
        if (p > run) {
            memcpy(w, run, (size_t)(p - run));
            w += p - run;
            if (p == end)
                break;
        }
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            p++;
            switch (c) {
            case '"': *w++ = '\\'; *w++ = '"'; break;
            case '\\': *w++ = '\\'; *w++ = '\\'; break;
            case '\n': *w++ = '\\'; *w++ = 'n'; break;
            case '\r': *w++ = '\\'; *w++ = 'r'; break;
            case '\t': *w++ = '\\'; *w++ = 't'; break;
            case '\b': *w++ = '\\'; *w++ = 'b'; break;
            case '\f': *w++ = '\\'; *w++ = 'f'; break;
            default: put_u4(w, c); w += 6;
            }
            continue;
        }
        uint32_t cp = ovo_wtf8_next(&p, end);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put_u4(w, 0xD800 | (cp >> 10));
            put_u4(w + 6, 0xDC00 | (cp & 0x3FF));
            w += 12;
        } else {
            put_u4(w, cp);
            w += 6;
        }
    }
    *w++ = '"';
    b->len = (size_t)(w - b->data);
    return 0;
}
