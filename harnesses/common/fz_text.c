/* Tail parameters, text checks, JSON quoting and scratch buffers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz.h"

/* ------------------------------------------------------------ tail */

uint8_t fz_tail_u8(fz_in *in)
{
    if (in->size == 0)
        return 0;
    in->size--;
    return in->data[in->size];
}

uint16_t fz_tail_u16(fz_in *in)
{
    uint16_t hi = fz_tail_u8(in);
    uint16_t lo = fz_tail_u8(in);
    return (uint16_t)(lo | hi << 8);
}

/* ------------------------------------------------------------ text */

/* Decode one WTF-8 sequence at p (n bytes left): the code point, or -1
 * when the bytes are not WTF-8 (overlong, beyond U+10FFFF, truncated).
 * *len is set to the sequence length. */
static int32_t wtf8_next(const uint8_t *p, size_t n, size_t *len)
{
    uint8_t c = p[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    size_t need;
    int32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return -1;
    }
    if (n < need)
        return -1;
    for (size_t i = 1; i < need; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF)
        return -1;
    *len = need;
    return cp;
}

fz_text_info fz_text_scan(const void *data, size_t size)
{
    fz_text_info t = {true, true, false, false, 0};
    const uint8_t *p = data;
    size_t i = 0;
    bool prev_high = false;
    while (i < size) {
        size_t len;
        int32_t cp = wtf8_next(p + i, size - i, &len);
        if (cp < 0) {
            t.utf8 = t.wtf8 = false;
            return t;
        }
        if (cp == 0)
            t.nul = true;
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            /* WTF-8 has no surrogate pairs: they are one 4-byte sequence */
            if (cp >= 0xDC00 && prev_high) {
                t.utf8 = t.wtf8 = false;
                return t;
            }
            t.surrogate = true;
            t.utf8 = false;
        }
        prev_high = cp >= 0xD800 && cp <= 0xDBFF;
        t.codepoints++;
        i += len;
    }
    return t;
}

/* ------------------------------------------------------------ buffers */

void fz_buf_reset(fz_buf *b) { b->len = 0; }

static void reserve(fz_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    FZ_ASSERT("harness", p != NULL, "out of memory growing a %zu-byte buffer", cap);
    b->data = p;
    b->cap = cap;
}

char *fz_buf_room(fz_buf *b, size_t n)
{
    b->len = 0;
    reserve(b, n);
    b->data[0] = '\0';
    return b->data;
}

void fz_buf_put(fz_buf *b, const void *p, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void fz_buf_puts(fz_buf *b, const char *s) { fz_buf_put(b, s, strlen(s)); }

void fz_buf_putc(fz_buf *b, char c) { fz_buf_put(b, &c, 1); }

bool fz_buf_put_json_string(fz_buf *b, const void *text, size_t n)
{
    const uint8_t *p = text;
    size_t start = b->len;
    /* worst case: every byte becomes a 6-byte escape */
    reserve(b, n * 6 + 2);
    char *w = b->data + b->len;
    *w++ = '"';
    size_t i = 0;
    bool prev_high = false;
    while (i < n) {
        size_t len;
        int32_t cp = wtf8_next(p + i, n - i, &len);
        /* a high surrogate then a low one would decode as a pair */
        if (cp >= 0xDC00 && cp <= 0xDFFF && prev_high)
            cp = -1;
        prev_high = cp >= 0xD800 && cp <= 0xDBFF;
        if (cp < 0) {
            b->len = start;
            b->data[start] = '\0';
            return false;
        }
        if (cp == '"' || cp == '\\') {
            *w++ = '\\';
            *w++ = (char)cp;
        } else if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            static const char hex[] = "0123456789abcdef";
            *w++ = '\\';
            *w++ = 'u';
            *w++ = hex[(cp >> 12) & 15];
            *w++ = hex[(cp >> 8) & 15];
            *w++ = hex[(cp >> 4) & 15];
            *w++ = hex[cp & 15];
        } else {
            memcpy(w, p + i, len);
            w += len;
        }
        i += len;
    }
    *w++ = '"';
    b->len = (size_t)(w - b->data);
    b->data[b->len] = '\0';
    return true;
}

/* ------------------------------------------------------------ checks */

bool fz_uuid_canonical(const char *s, size_t n)
{
    if (n != 36)
        return false;
    for (size_t i = 0; i < 36; i++) {
        char c = s[i];
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

/* One run of ASCII digits without a leading zero ("0" itself is fine). */
static bool plain_number(const char *s, size_t n)
{
    if (n == 0 || (n > 1 && s[0] == '0'))
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool fz_version_plain(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    if (!dot)
        return false;
    size_t left = (size_t)(dot - s);
    return plain_number(s, left) && plain_number(dot + 1, n - left - 1);
}

/* ------------------------------------------------------------ envelopes */

void fz_buf_put_envelope_head(fz_buf *b, const char *name, const char *version)
{
    fz_buf_puts(b, "{\"versioned_object.name\":\"");
    fz_buf_puts(b, name);
    fz_buf_puts(b, "\",\"versioned_object.namespace\":\"versionedobjects\","
                   "\"versioned_object.version\":\"");
    fz_buf_puts(b, version);
    fz_buf_puts(b, "\",\"versioned_object.data\":");
}
