/* Shared helpers of the ovofuzz harnesses (prefix fz_).
 *
 *   fz_assert.c    FZ_ASSERT: always-on oracle checks, independent of NDEBUG
 *   fz_findings.c  findings: signature table, OVO_FINDINGS_DIR, OVO_ABORT_ON,
 *                  OVO_FUZZ_VERBOSE, the signatures of the current input
 *   fz_text.c      tail parameters, UTF-8/WTF-8 checks, JSON quoting, a
 *                  grow-only scratch buffer
 *   fz_validate.c  the independent validator of strict-accepted objects
 *   fz_oracle.c    one evaluation with every object oracle (findings,
 *                  validator, round trip)
 *
 * Harnesses include only this header, the public ovo headers and system
 * headers.
 */
#ifndef OVOFUZZ_FZ_H
#define OVOFUZZ_FZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ovo/ovo.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The engine entry points every harness defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* ------------------------------------------------------------ asserts */

/* An oracle failed: print "ovofuzz: oracle <name>: <message>" and the
 * failed condition, then abort().  Never returns. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noreturn, format(printf, 5, 6)))
#endif
void fz_oracle_fail(const char *oracle, const char *cond, const char *file, int line,
                    const char *fmt, ...);

/* FZ_ASSERT(oracle_name, cond, fmt, ...): always evaluated, NDEBUG or not. */
#define FZ_ASSERT(oracle, cond, ...)                                          \
    do {                                                                      \
        if (!(cond))                                                          \
            fz_oracle_fail((oracle), #cond, __FILE__, __LINE__, __VA_ARGS__); \
    } while (0)

/* ------------------------------------------------------------ findings */

/* Start a new input: forget the signatures recorded for the previous one.
 * Harnesses call fz_input(); a driver may call this too. */
void fz_begin_input(void);

/* Start a new input and remember its bytes: a new signature's reproducer
 * is this input, as the engine gave it (tail included). */
void fz_input(const uint8_t *data, size_t size);

/* Record a finding for the current input.  The first time a signature is
 * seen in the process: OVO_FUZZ_VERBOSE prints it, OVO_FINDINGS_DIR gets
 * the reproducer.  Every time: when it matches OVO_ABORT_ON, abort(). */
void fz_finding(const char *signature);

/* Record the findings a result shows: `bypass:<ids>` when the reference
 * accepts and strict mode rejects (res evaluated with OVO_EVAL_STRICT),
 * the crash rule id when the reference rejects with expected:false. */
void fz_findings_of_result(const ovo_result *res);

/* The signatures recorded for the current input, in recording order,
 * without duplicates (the first 256); returns how many there are, which
 * may exceed max (then only max are stored: call again with more room).
 * The strings live until the process exits. */
size_t fz_current_signatures(const char **out, size_t max);

/* ------------------------------------------------------------ input */

/* Bytes taken from the end of the input: the front stays payload. */
typedef struct fz_input_t {
    const uint8_t *data;
    size_t size;
} fz_in;

/* Consume one byte from the tail; 0 when the input is empty. */
uint8_t fz_tail_u8(fz_in *in);
/* Consume two bytes from the tail, little-endian (the last byte is the
 * high one): u16 = data[size-2] | data[size-1] << 8. */
uint16_t fz_tail_u16(fz_in *in);

/* ------------------------------------------------------------ text */

/* What a byte string holds, as a Python str would see it. */
typedef struct fz_text_info {
    bool utf8;          /* strict UTF-8 (no surrogate code points) */
    bool wtf8;          /* UTF-8 where surrogate code points may appear */
    bool nul;           /* a U+0000 */
    bool surrogate;     /* a surrogate code point (WTF-8 only) */
    size_t codepoints;  /* when wtf8 */
} fz_text_info;

fz_text_info fz_text_scan(const void *data, size_t size);

/* A grow-only byte buffer for harness scratch: allocates only when an
 * input is bigger than every earlier one. */
typedef struct fz_buf {
    char *data;
    size_t len, cap;
} fz_buf;

void fz_buf_reset(fz_buf *b);
/* Empty the buffer and make room for n bytes and a NUL; returns data. */
char *fz_buf_room(fz_buf *b, size_t n);
void fz_buf_put(fz_buf *b, const void *p, size_t n);
void fz_buf_puts(fz_buf *b, const char *s);
void fz_buf_putc(fz_buf *b, char c);
/* Append a JSON string literal (quotes included) holding text: WTF-8
 * surrogates become \udXXX escapes, control characters and '"' '\\'
 * are escaped, everything else is copied.  False (nothing appended) when
 * text is not WTF-8. */
bool fz_buf_put_json_string(fz_buf *b, const void *text, size_t n);

/* Append an envelope up to the data value: {"versioned_object.name":NAME,
 * "versioned_object.namespace":"versionedobjects","versioned_object.
 * version":VERSION,"versioned_object.data":  -- the caller appends the
 * data value and the closing brace.  name and version are plain ASCII. */
void fz_buf_put_envelope_head(fz_buf *b, const char *name, const char *version);

/* ------------------------------------------------------------ checks */

/* The canonical UUID spelling (36 characters, lowercase hex, dashes at 8,
 * 13, 18, 23), written here independently of libovo. */
bool fz_uuid_canonical(const char *s, size_t n);
/* Plain MAJOR.MINOR: ASCII digits, no leading zeros, one dot. */
bool fz_version_plain(const char *s, size_t n);

/* The independent validator: a strict-accepted result's object must keep
 * every promise its field types make (see fz_validate.c). Aborts with
 * oracle "validator" otherwise. */
void fz_validate_object(const ovo_val *obj);

/* ------------------------------------------------------------ oracles */

typedef struct fz_eval {
    ovo_result res;
    bool strict_ok;     /* strict mode accepts */
    bool ref_ok;        /* reference mode accepts */
} fz_eval;

/* The per-process contexts: the main one (reset per input) and the one
 * the round trip evaluates in.  Created on first use. */
ovo_ctx *fz_ctx(void);
ovo_ctx *fz_rt_ctx(void);

/* Evaluate a document with OVO_EVAL_PRIMITIVE | OVO_EVAL_STRICT in
 * fz_ctx() (reset first) and run every object oracle: findings of the
 * result, the validator and the round trip when strict mode accepts.
 * Returns false when libovo's own memory budget ran out (no oracle ran). */
bool fz_check_document(const void *doc, size_t size, fz_eval *ev);

/* The round-trip oracle on an accepted result with a primitive:
 * json.dumps the primitive, evaluate it in fz_rt_ctx(); it must be
 * accepted again with an identical primitive, and strict-accepted again
 * when need_strict.  The explained exceptions are written down in
 * fz_oracle.c; they are recorded as roundtrip.* findings. */
void fz_roundtrip(ovo_ctx *ctx, const ovo_result *res, bool need_strict);

/* Render a value into a static buffer (for messages and comparisons):
 * valid until the next call with the same slot (0..3). */
const char *fz_render(const ovo_val *v, int slot, size_t *len);
/* The reference- or strict-mode outcome line, same slots as fz_render. */
const char *fz_render_outcome(const ovo_result *res, ovo_mode mode, int slot, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
