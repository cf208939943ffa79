/* iso8601 1.0.2's parse_date, datetime's validity checks, and the two
 * ways the reference writes a datetime back (see ovo/isotime.h).
 *
 * The pattern (iso8601/iso8601.py ISO8601_REGEX, re.VERBOSE, used with
 * .match, so anchored at the start):
 *
 *   year{4}
 *   ( ( -monthdash{1,2} | month{2}(?!$) )
 *     ( ( -daydash{1,2} | day{2} )
 *       ( [ T]hour{2} (:? minute{2})? (:? second{1,2} ([.,] second_fraction+)?)?
 *         (Z | [-+] tz_hour{2} :? (tz_minute{2})?)? )? )? )?
 *   $
 *
 * Every digit class is [0-9]: ASCII only, so Unicode digits never match.
 * `$` matches at the end and also before a final '\n'.  The matcher below
 * walks the alternatives in the order Python's backtracking engine does
 * (greedy: longer first, present before absent), one function per
 * optional tail, and clears a group's capture when a path through it
 * fails (Python 3.11 does not keep stale captures here).  The call depth
 * is fixed by the pattern, not by the input.
 */
#include <stdio.h>
#include <string.h>

#include "ovo/isotime.h"

static const char *const group_names[OVO_ISO_NGROUPS] = {
    "year", "monthdash", "month", "daydash", "day", "separator", "hour",
    "minute", "second", "second_fraction", "timezone", "tz_sign", "tz_hour",
    "tz_minute",
};

const char *ovo_iso_group_name(ovo_iso_group g)
{
    return (unsigned)g < OVO_ISO_NGROUPS ? group_names[g] : "?";
}

/* ------------------------------------------------------------ matcher */

typedef struct matcher {
    const char *s;
    size_t n;
    ovo_iso_match *m;
} matcher;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* w ASCII digits at p. */
static bool digits_at(const matcher *x, size_t p, size_t w)
{
    if (p > x->n || x->n - p < w)
        return false;
    for (size_t i = 0; i < w; i++)
        if (!is_digit(x->s[p + i]))
            return false;
    return true;
}

static bool char_at(const matcher *x, size_t p, char c)
{
    return p < x->n && x->s[p] == c;
}

/* Python's `$` without re.MULTILINE. */
static bool dollar(const matcher *x, size_t p)
{
    return p == x->n || (p + 1 == x->n && x->s[p] == '\n');
}

static void cap(matcher *x, ovo_iso_group g, size_t start, size_t len)
{
    x->m->set[g] = true;
    x->m->start[g] = start;
    x->m->len[g] = len;
}

static void uncap(matcher *x, ovo_iso_group g) { x->m->set[g] = false; }

/* (?P<timezone>Z|(?P<tz_sign>[-+])(?P<tz_hour>..):{0,1}(?P<tz_minute>..){0,1}){0,1} $ */
static bool tail_timezone(matcher *x, size_t p)
{
    if (char_at(x, p, 'Z')) {
        cap(x, OVO_ISO_TIMEZONE, p, 1);
        if (dollar(x, p + 1))
            return true;
        uncap(x, OVO_ISO_TIMEZONE);
    } else if ((char_at(x, p, '+') || char_at(x, p, '-')) && digits_at(x, p + 1, 2)) {
        cap(x, OVO_ISO_TZ_SIGN, p, 1);
        cap(x, OVO_ISO_TZ_HOUR, p + 1, 2);
        for (int colon = 1; colon >= 0; colon--) {     /* greedy: ':' first */
            size_t q = p + 3 + (size_t)colon;
            if (colon && !char_at(x, p + 3, ':'))
                continue;
            if (digits_at(x, q, 2)) {
                cap(x, OVO_ISO_TZ_MINUTE, q, 2);
                cap(x, OVO_ISO_TIMEZONE, p, q + 2 - p);
                if (dollar(x, q + 2))
                    return true;
                uncap(x, OVO_ISO_TZ_MINUTE);
            }
            cap(x, OVO_ISO_TIMEZONE, p, q - p);
            if (dollar(x, q))
                return true;
            uncap(x, OVO_ISO_TIMEZONE);
        }
        uncap(x, OVO_ISO_TZ_SIGN);
        uncap(x, OVO_ISO_TZ_HOUR);
    }
    return dollar(x, p);
}

/* (:{0,1}(?P<second>[0-9]{1,2})([.,](?P<second_fraction>[0-9]+)){0,1}){0,1}
 * then the timezone tail. */
static bool tail_second(matcher *x, size_t p)
{
    for (int colon = 1; colon >= 0; colon--) {
        if (colon && !char_at(x, p, ':'))
            continue;
        size_t q = p + (size_t)colon;
        for (size_t w = 2; w > 0; w--) {
            if (!digits_at(x, q, w))
                continue;
            size_t r = q + w;
            cap(x, OVO_ISO_SECOND, q, w);
            if (char_at(x, r, '.') || char_at(x, r, ',')) {
                size_t k = 0;
                while (r + 1 + k < x->n && is_digit(x->s[r + 1 + k]))
                    k++;
                /* Only the longest run can succeed: a shorter one leaves
                 * a digit, which neither the timezone nor `$` accepts. */
                if (k > 0) {
                    cap(x, OVO_ISO_SECOND_FRACTION, r + 1, k);
                    if (tail_timezone(x, r + 1 + k))
                        return true;
                    uncap(x, OVO_ISO_SECOND_FRACTION);
                }
            }
            if (tail_timezone(x, r))
                return true;
            uncap(x, OVO_ISO_SECOND);
        }
    }
    return tail_timezone(x, p);
}

/* (:{0,1}(?P<minute>[0-9]{2})){0,1} then the second tail. */
static bool tail_minute(matcher *x, size_t p)
{
    for (int colon = 1; colon >= 0; colon--) {
        if (colon && !char_at(x, p, ':'))
            continue;
        size_t q = p + (size_t)colon;
        if (digits_at(x, q, 2)) {
            cap(x, OVO_ISO_MINUTE, q, 2);
            if (tail_second(x, q + 2))
                return true;
            uncap(x, OVO_ISO_MINUTE);
        }
    }
    return tail_second(x, p);
}

/* The optional time part: (?P<separator>[ T])(?P<hour>..) ... then `$`;
 * when it fails, the caller tries `$` without it. */
static bool tail_time(matcher *x, size_t p)
{
    if ((char_at(x, p, 'T') || char_at(x, p, ' ')) && digits_at(x, p + 1, 2)) {
        cap(x, OVO_ISO_SEPARATOR, p, 1);
        cap(x, OVO_ISO_HOUR, p + 1, 2);
        if (tail_minute(x, p + 3))
            return true;
        uncap(x, OVO_ISO_SEPARATOR);
        uncap(x, OVO_ISO_HOUR);
    }
    return false;
}

static bool after_day(matcher *x, size_t p)
{
    return tail_time(x, p) || dollar(x, p);
}

/* ((-(?P<daydash>[0-9]{1,2}))|(?P<day>[0-9]{2})) then the time part. */
static bool tail_day(matcher *x, size_t p)
{
    if (char_at(x, p, '-')) {
        for (size_t w = 2; w > 0; w--) {
            if (!digits_at(x, p + 1, w))
                continue;
            cap(x, OVO_ISO_DAYDASH, p + 1, w);
            if (after_day(x, p + 1 + w))
                return true;
            uncap(x, OVO_ISO_DAYDASH);
        }
    }
    if (digits_at(x, p, 2)) {
        cap(x, OVO_ISO_DAY, p, 2);
        if (after_day(x, p + 2))
            return true;
        uncap(x, OVO_ISO_DAY);
    }
    return false;
}

static bool after_month(matcher *x, size_t p)
{
    return tail_day(x, p) || dollar(x, p);
}

/* ((-(?P<monthdash>[0-9]{1,2}))|(?P<month>[0-9]{2})(?!$)) then the day. */
static bool tail_month(matcher *x, size_t p)
{
    if (char_at(x, p, '-')) {
        for (size_t w = 2; w > 0; w--) {
            if (!digits_at(x, p + 1, w))
                continue;
            cap(x, OVO_ISO_MONTHDASH, p + 1, w);
            if (after_month(x, p + 1 + w))
                return true;
            uncap(x, OVO_ISO_MONTHDASH);
        }
    }
    /* "Don't allow YYYYMM": the lookahead is `$`, so "YYYYMM\n" is refused
     * too. */
    if (digits_at(x, p, 2) && !dollar(x, p + 2)) {
        cap(x, OVO_ISO_MONTH, p, 2);
        if (after_month(x, p + 2))
            return true;
        uncap(x, OVO_ISO_MONTH);
    }
    return false;
}

bool ovo_iso8601_match(const char *s, size_t len, ovo_iso_match *m)
{
    matcher x = {s, len, m};
    memset(m, 0, sizeof *m);
    if (!digits_at(&x, 0, 4))
        return false;
    cap(&x, OVO_ISO_YEAR, 0, 4);
    if (tail_month(&x, 4) || dollar(&x, 4))
        return true;
    uncap(&x, OVO_ISO_YEAR);
    return false;
}

/* ------------------------------------------------------------ parse_date */

static unsigned group_int(const char *s, const ovo_iso_match *m, ovo_iso_group g,
                          unsigned dflt)
{
    if (!m->set[g])
        return dflt;
    unsigned v = 0;
    for (size_t i = 0; i < m->len[g]; i++)   /* at most 4 digits */
        v = v * 10 + (unsigned)(s[m->start[g] + i] - '0');
    return v;
}

/* int(Decimal(f"0.{fraction}") * Decimal("1000000.0")) under the default
 * decimal context (iso8601.py parse_date).  The product is exact until it
 * needs more than 28 significant digits; then it is rounded half-even to
 * 28 digits before int() truncates, so a long run of nines rounds up into
 * the integer part: ".99999999999999999999999999999" (29 nines) gives
 * 1000000 and datetime() refuses it. */
static unsigned long fraction_micro(const char *f, size_t len)
{
    unsigned long ip = 0;
    for (size_t i = 0; i < 6; i++)
        ip = ip * 10 + (i < len ? (unsigned long)(f[i] - '0') : 0);

    size_t z = 0;
    while (z < len && f[z] == '0')
        z++;
    if (z == len)
        return ip;                      /* zero */
    /* Significant digits: the fraction's from the first non-zero, then the
     * seven of 1000000.0's coefficient (10000000, six of them zeros). */
    size_t sig = len - z + 7;
    if (sig <= 28)
        return ip;
    size_t last = z + 27;               /* last kept digit, index into f */
    if (last + 1 >= len)
        return ip;                      /* only zeros are dropped */
    char first = f[last + 1];
    bool rest_nonzero = false;
    for (size_t i = last + 2; i < len && !rest_nonzero; i++)
        rest_nonzero = f[i] != '0';
    bool odd = ((f[last] - '0') & 1) != 0;
    bool up = first > '5' || (first == '5' && (rest_nonzero || odd));
    if (!up)
        return ip;
    /* Rounding up carries into the integer part only through nines. */
    for (size_t i = 6; i <= last; i++)
        if (f[i] != '9')
            return ip;
    return ip + 1;
    /* Fractions so long that the product is subnormal (over a million
     * leading zeros) round differently, but their integer part is 0
     * either way. */
}

static bool is_leap(unsigned y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(unsigned y, unsigned mo)
{
    static const unsigned char dim[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return mo == 2 && is_leap(y) ? 29 : dim[mo];
}

ovo_isotime_status ovo_isotime_parse(const char *s, size_t len, ovo_isotime *out)
{
    ovo_iso_match m;
    memset(out, 0, sizeof *out);
    if (!ovo_iso8601_match(s, len, &m))
        return OVO_ISOTIME_NO_MATCH;

    unsigned year = group_int(s, &m, OVO_ISO_YEAR, 0);
    unsigned month = m.set[OVO_ISO_MONTH] ? group_int(s, &m, OVO_ISO_MONTH, 1)
                                          : group_int(s, &m, OVO_ISO_MONTHDASH, 1);
    unsigned day = m.set[OVO_ISO_DAY] ? group_int(s, &m, OVO_ISO_DAY, 1)
                                      : group_int(s, &m, OVO_ISO_DAYDASH, 1);
    unsigned hour = group_int(s, &m, OVO_ISO_HOUR, 0);
    unsigned minute = group_int(s, &m, OVO_ISO_MINUTE, 0);
    unsigned second = group_int(s, &m, OVO_ISO_SECOND, 0);
    unsigned long micro = 0;
    if (m.set[OVO_ISO_SECOND_FRACTION])
        micro = fraction_micro(s + m.start[OVO_ISO_SECOND_FRACTION],
                               m.len[OVO_ISO_SECOND_FRACTION]);

    /* parse_timezone runs while the keyword arguments are evaluated, so
     * its error comes before datetime()'s range checks. */
    int32_t offset = 0;
    if (!m.set[OVO_ISO_TIMEZONE] || s[m.start[OVO_ISO_TIMEZONE]] == 'Z') {
        memcpy(out->tzname, "UTC", 4);
        out->zone = m.set[OVO_ISO_TIMEZONE] ? OVO_ISO_ZONE_Z : OVO_ISO_ZONE_NONE;
    } else {
        out->zone = OVO_ISO_ZONE_OFFSET;
        char sign = s[m.start[OVO_ISO_TZ_SIGN]];
        unsigned th = group_int(s, &m, OVO_ISO_TZ_HOUR, 0);
        unsigned tm = group_int(s, &m, OVO_ISO_TZ_MINUTE, 0);
        /* FixedOffset = datetime.timezone(timedelta(hours=h, minutes=m),
         * name): the offset must be strictly within a day, but minutes
         * above 59 are fine ("+00:99" is 99 minutes). */
        unsigned total = th * 60 + tm;
        if (total >= 24 * 60)
            return OVO_ISOTIME_BAD_OFFSET;
        offset = (int32_t)total * 60 * (sign == '-' ? -1 : 1);
        /* f"{sign}{hours:02d}:{minutes:02d}" of the parsed digits; a zero
         * offset keeps its name ("-00:00"), it is not the utc singleton. */
        out->tzname[0] = sign;
        out->tzname[1] = (char)('0' + th / 10);
        out->tzname[2] = (char)('0' + th % 10);
        out->tzname[3] = ':';
        out->tzname[4] = (char)('0' + tm / 10);
        out->tzname[5] = (char)('0' + tm % 10);
        out->tzname[6] = 0;
    }

    /* datetime.datetime's checks (year 0, Feb 30, 24:00, leap seconds). */
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 59 || micro > 999999)
        return OVO_ISOTIME_BAD_DATE;

    out->dt.year = (int32_t)year;
    out->dt.month = (uint8_t)month;
    out->dt.day = (uint8_t)day;
    out->dt.hour = (uint8_t)hour;
    out->dt.minute = (uint8_t)minute;
    out->dt.second = (uint8_t)second;
    out->dt.microsecond = (uint32_t)micro;
    out->dt.has_tz = true;
    out->dt.utcoffset_s = offset;
    return OVO_ISOTIME_OK;
}

/* ------------------------------------------------------------ writing */

/* "+hh:mm" (":ss" when the offset has seconds), as isoformat writes a
 * utcoffset. */
static size_t format_offset(int32_t off, char *buf, size_t cap)
{
    char sign = off < 0 ? '-' : '+';
    long a = off < 0 ? -(long)off : (long)off;
    int n;
    if (a % 60)
        n = snprintf(buf, cap, "%c%02ld:%02ld:%02ld", sign, a / 3600, a % 3600 / 60, a % 60);
    else
        n = snprintf(buf, cap, "%c%02ld:%02ld", sign, a / 3600, a % 3600 / 60);
    return n < 0 ? 0 : (size_t)n;
}

size_t ovo_datetime_isoformat(const ovo_datetime *dt, char *buf)
{
    size_t n = (size_t)snprintf(buf, 64, "%04d-%02d-%02dT%02d:%02d:%02d", (int)dt->year,
                                dt->month, dt->day, dt->hour, dt->minute, dt->second);
    if (dt->microsecond)
        n += (size_t)snprintf(buf + n, 64 - n, ".%06lu", (unsigned long)dt->microsecond);
    if (dt->has_tz)
        n += format_offset(dt->utcoffset_s, buf + n, 64 - n);
    return n;
}

void ovo_datetime_tzname(const ovo_datetime *dt, char *buf)
{
    if (dt->utcoffset_s == 0)
        memcpy(buf, "UTC", 4);
    else
        format_offset(dt->utcoffset_s, buf, 16);
}

size_t ovo_datetime_isotime(const ovo_datetime *dt, const char *tzname, char *buf)
{
    /* Python hands %Y to the C library; glibc writes the year unpadded
     * (year 999 -> "999-01-02T..."), which parse_date cannot read back. */
    size_t n = (size_t)snprintf(buf, 64, "%d-%02d-%02dT%02d:%02d:%02d", (int)dt->year,
                                dt->month, dt->day, dt->hour, dt->minute, dt->second);
    char derived[16];
    const char *tz = "UTC";
    if (dt->has_tz) {
        if (!tzname) {
            ovo_datetime_tzname(dt, derived);
            tzname = derived;
        }
        tz = tzname;
    }
    /* tz in ['UTC', 'UTC+00:00'] -> 'Z', else the name verbatim. */
    if (strcmp(tz, "UTC") == 0 || strcmp(tz, "UTC+00:00") == 0)
        tz = "Z";
    n += (size_t)snprintf(buf + n, 64 - n, "%.16s", tz);
    return n;
}

/* ------------------------------------------------------------ strict */

bool ovo_isotime_canonical(const char *s, size_t len)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:dd";
    const size_t base = sizeof shape - 1;
    if (len < base + 1)
        return false;
    for (size_t i = 0; i < base; i++)
        if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != shape[i])
            return false;
    size_t p = base;
    if (s[p] == '.') {
        size_t k = 0;
        while (p + 1 + k < len && is_digit(s[p + 1 + k]))
            k++;
        if (k < 1 || k > 6)
            return false;
        p += 1 + k;
    }
    return (len - p == 1 && s[p] == 'Z') || (len - p == 6 && memcmp(s + p, "+00:00", 6) == 0);
}
