/* PEP 440 versions as packaging 23.0's packaging.version.Version parses,
 * prints and orders them, and oslo_utils' versionutils.is_compatible, which
 * Neutron's obj_class_from_name uses to accept a requested object version.
 *
 * A parsed version keeps spans into the text it was parsed from: numbers
 * are held as their decimal digits, so components of any size compare
 * exactly, and the release and local segments are walked where they were
 * written, so any number of components is held exactly.  Nothing here
 * allocates.
 */
#ifndef OVO_PEP440_H
#define OVO_PEP440_H

#include <stdbool.h>
#include <stddef.h>

#include "ovo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A non-negative integer: its significant decimal digits (leading zeros
 * dropped; len 0 is the value 0), pointing into the parsed text. */
typedef struct ovo_pep440_num {
    const char *digits;
    size_t len;
} ovo_pep440_num;

/* The pre-release letter after normalisation, in the order packaging
 * compares the letters (as Python strings).  Besides a, b and rc,
 * IGNORECASE lets U+0130 and U+0131 stand for the 'i' of "preview";
 * str.lower() then leaves a spelling that is no alias of rc. */
typedef enum ovo_pep440_pre {
    OVO_PEP440_PRE_NONE = 0,
    OVO_PEP440_PRE_A,                /* "a": a, alpha */
    OVO_PEP440_PRE_B,                /* "b": b, beta */
    OVO_PEP440_PRE_PREVIEW_DOTTED_I, /* "previ\u0307ew": prev\u0130ew */
    OVO_PEP440_PRE_PREVIEW_DOTLESS_I,/* "prev\u0131ew" */
    OVO_PEP440_PRE_RC                /* "rc": c, rc, pre, preview */
} ovo_pep440_pre;

/* The post-release letter: "post" (post, rev, r, or the implicit "-N"),
 * or "po\u017ft" when U+017F (long s) stood for the 's'; it prints as
 * ".post" but sorts after every "post". */
typedef enum ovo_pep440_post {
    OVO_PEP440_POST_NONE = 0,
    OVO_PEP440_POST_POST,
    OVO_PEP440_POST_LONG_S
} ovo_pep440_post;

typedef struct ovo_pep440 {
    ovo_pep440_num epoch;       /* 0 when absent */
    ovo_pep440_num major;       /* release[0] */
    const char *release;        /* the release segment as written: "1.02.3" */
    size_t release_len;
    size_t release_count;       /* number of components, >= 1 */
    unsigned char pre;          /* ovo_pep440_pre */
    unsigned char post;         /* ovo_pep440_post */
    bool has_dev;
    ovo_pep440_num pre_n, post_n, dev_n;
    const char *local;          /* after '+', as written; NULL when absent */
    size_t local_len;
    size_t local_count;         /* number of local parts */
    unsigned char big;          /* ovo_pep440_seg: where the first number
                                   too long for int() is, or 0 */
} ovo_pep440;

/* The segments in the order Version() converts their numbers. */
typedef enum ovo_pep440_seg {
    OVO_PEP440_SEG_EPOCH = 1,
    OVO_PEP440_SEG_RELEASE,
    OVO_PEP440_SEG_LETTERED,    /* pre, post, dev */
    OVO_PEP440_SEG_LOCAL
} ovo_pep440_seg;

/* ovo_pep440_parse results besides 0. */
#define OVO_PEP440_INVALID (-1)    /* InvalidVersion: the regex did not match */
#define OVO_PEP440_INT_DIGITS (-2) /* ValueError: a number has more than 4300
                                      digits (Python's int() limit) */

/* Version(s): 0 on success, else OVO_PEP440_INVALID or OVO_PEP440_INT_DIGITS.
 * s is WTF-8 of any length and content; the result points into it. */
int ovo_pep440_parse(const char *s, size_t len, ovo_pep440 *out);

/* Version ordering exactly as packaging's _cmpkey: -1, 0 or 1. */
int ovo_pep440_cmp(const ovo_pep440 *a, const ovo_pep440 *b);

/* a.major == b.major (release[0]). */
bool ovo_pep440_same_major(const ovo_pep440 *a, const ovo_pep440 *b);

/* Walk the release components: start with *pos = 0; each call stores the
 * next component and returns true, or returns false after the last. */
bool ovo_pep440_release_next(const ovo_pep440 *v, size_t *pos, ovo_pep440_num *out);

/* str(Version(s)), WTF-8, into buf (NUL-terminated when cap > 0); returns
 * the full length even when cap is too small, like snprintf. */
size_t ovo_pep440_normalize(const ovo_pep440 *v, char *buf, size_t cap);

/* oslo_utils.versionutils.is_compatible(requested, current): both parsed
 * with Version(), then same major and current >= requested.  0 with *ok
 * set, or -1 with the exception pending: TypeError (crash rule
 * crash.envelope.version-type) when requested is not a str, InvalidVersion
 * when a string is not PEP 440, ValueError for over-long numbers.
 * current is NUL-terminated (a class VERSION). */
int ovo_is_compatible(ovo_ctx *ctx, const ovo_val *requested, const char *current, bool *ok);

#ifdef __cplusplus
}
#endif
#endif
