/* Python number and str semantics the field types need, as CPython 3.11
 * (the reference's interpreter) implements them: int() on text and floats,
 * str() of ints and floats, exact comparisons across int, bool and float,
 * and the few str methods the reference calls (isnumeric, isspace, len).
 *
 *   pyint.c      ints: parsing, printing, comparing, converting
 *   pyfloat.c    floats: repr, parsing JSON literals, == across types
 *   pyunicode.c  WTF-8 decoding and the Unicode tables (unicode_tables.inc,
 *                generated from the reference's own unicodedata)
 *
 * Ints are OVO_INT values: int64 when they fit (big == NULL), else an
 * ovo_bigint of decimal digits, so equal ints have one representation.
 */
#ifndef OVO_PYNUM_H
#define OVO_PYNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* sys.int_info.default_max_str_digits: int(str) in a base that is not a
 * power of two and str(int) refuse more decimal digits than this. */
#define OVO_PY_MAX_STR_DIGITS 4300

/* ------------------------------------------------------------ int */

/* Python int(s, base) for a str, base 10 or 16, as CPython 3.11 does it
 * (Objects/longobject.c PyLong_FromUnicodeObject): Unicode whitespace
 * stripped, optional sign, single '_' between digits, any Unicode decimal
 * digit, base 16 also a-f/A-F and an optional 0x/0X prefix (one '_' may
 * follow it).  Invalid text, or more than 4300 digits in base 10, raises
 * ValueError.  On success *out is an OVO_INT. */
int ovo_py_int_from_str(ovo_ctx *ctx, ovo_str s, int base, const ovo_val **out);

/* int(x) for a float: truncation toward zero, exact for huge doubles.
 * NaN raises ValueError, an infinity OverflowError (crash.int.overflow). */
int ovo_py_int_from_double(ovo_ctx *ctx, double d, const ovo_val **out);

/* An int from ASCII decimal digits (a JSON integer literal: validated, no
 * sign, no leading zeros except "0"); neg gives the sign ("-0" is 0).
 * NULL on allocation failure (MemoryError pending). */
const ovo_val *ovo_py_int_from_digits(ovo_ctx *ctx, const char *digits, size_t n,
                                      bool neg);

/* str(int): decimal text in the arena.  Takes OVO_INT, or OVO_BOOL read as
 * the int it is ("1"/"0": int.__str__, not str(True) == "True").  More than 4300 digits raises ValueError, as Python's
 * str() does; only ints made from base-16 text can be that long. */
int ovo_py_int_str(ovo_ctx *ctx, const ovo_val *v, ovo_str *out);

/* Exact comparisons of ints (OVO_INT or OVO_BOOL: bool is an int). */
int ovo_py_int_cmp(const ovo_val *a, const ovo_val *b);      /* -1, 0, 1 */
int ovo_py_int_cmp_i64(const ovo_val *a, int64_t b);
bool ovo_py_int_fits_i64(const ovo_val *v, int64_t *out);
/* 0 <= v < 2**128: the high and low 64-bit words, 0; else -1. */
int ovo_py_int_to_u128(const ovo_val *v, uint64_t *hi, uint64_t *lo);
/* An OVO_INT for a non-negative 128-bit value (big when >= 2**63). */
const ovo_val *ovo_py_int_from_u128(ovo_ctx *ctx, uint64_t hi, uint64_t lo);

/* The decimal digits of an integral double 0 <= a < 2**1024 (exact; no
 * leading zeros, "0" for zero); returns their count. */
#define OVO_DOUBLE_INT_DIGITS_MAX 320
size_t ovo_py_double_int_digits(double a, char *buf);

/* ------------------------------------------------------------ float */

/* Python == between numbers (int, bool, float; big ints compared exactly
 * with floats: 2**53+1 != float(2**53+1), nan != nan).  False when either
 * value is not a number. */
bool ovo_py_num_eq(const ovo_val *a, const ovo_val *b);

/* repr(float) (== str(float)) as CPython: shortest round-trip digits, 'e'
 * notation when the decimal exponent is < -4 or >= 16, 'inf', '-inf',
 * 'nan', '-0.0'.  buf holds OVO_FLOAT_REPR_MAX bytes; the text is
 * NUL-terminated and its length returned.  Independent of the C locale. */
#define OVO_FLOAT_REPR_MAX 32
size_t ovo_py_float_repr(double d, char *buf);

/* float(s) for an ASCII JSON number literal (-?digits[.digits][e[+-]digits]
 * of any length): correctly rounded, overflow gives an infinity, underflow
 * zero.  Independent of the C locale. */
double ovo_py_float_from_ascii(const char *s, size_t n);

/* ------------------------------------------------------------ str */

/* str.isnumeric(): non-empty and every code point numeric. */
bool ovo_py_str_isnumeric(ovo_str s);
/* len(): code points (a lone surrogate counts one). */
size_t ovo_py_str_len(ovo_str s);
/* str.isspace() for one code point. */
bool ovo_py_isspace(uint32_t cp);
/* str.isnumeric() / str.isdecimal() for one code point. */
bool ovo_py_isnumeric(uint32_t cp);
/* The decimal value of a Unicode decimal digit (Nd), -1 for others
 * (CPython's Py_UNICODE_TODECIMAL). */
int ovo_py_decimal_value(uint32_t cp);

/* Decode the next code point of WTF-8 text and advance *p (surrogates
 * decode to D800..DFFF).  Never reads at or past end; a malformed or
 * truncated sequence yields U+FFFD and advances one byte. */
uint32_t ovo_wtf8_next(const char **p, const char *end);
/* Append the WTF-8 encoding of cp (<= 0x10FFFF, surrogates allowed) to
 * buf; returns the bytes written (1-4). */
size_t ovo_wtf8_put(char *buf, uint32_t cp);

#endif
