/* ISO 8601 timestamps as the reference reads and writes them.
 *
 * Reading is iso8601 1.0.2's parse_date (iso8601/iso8601.py), which
 * oslo_utils.timeutils.parse_isotime calls with its default timezone, UTC.
 * Writing is datetime.isoformat() (outcome lines) and
 * oslo_versionedobjects/_utils.py isotime() (DateTime.to_primitive).
 *
 * A harness can call these directly: they take raw WTF-8 bytes, never
 * allocate and never read past len.
 */
#ifndef OVO_ISOTIME_H
#define OVO_ISOTIME_H

#include <stdbool.h>
#include <stddef.h>

#include "value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The named groups of iso8601's ISO8601_REGEX, in pattern order. */
typedef enum ovo_iso_group {
    OVO_ISO_YEAR,
    OVO_ISO_MONTHDASH,
    OVO_ISO_MONTH,
    OVO_ISO_DAYDASH,
    OVO_ISO_DAY,
    OVO_ISO_SEPARATOR,
    OVO_ISO_HOUR,
    OVO_ISO_MINUTE,
    OVO_ISO_SECOND,
    OVO_ISO_SECOND_FRACTION,
    OVO_ISO_TIMEZONE,
    OVO_ISO_TZ_SIGN,
    OVO_ISO_TZ_HOUR,
    OVO_ISO_TZ_MINUTE,
    OVO_ISO_NGROUPS
} ovo_iso_group;

/* The group name as the pattern spells it ("second_fraction"). */
const char *ovo_iso_group_name(ovo_iso_group g);

/* m.groupdict(): a group that did not take part has set[g] false. */
typedef struct ovo_iso_match {
    bool set[OVO_ISO_NGROUPS];
    size_t start[OVO_ISO_NGROUPS];
    size_t len[OVO_ISO_NGROUPS];
} ovo_iso_match;

/* ISO8601_REGEX.match(text): true when the pattern matches, with the
 * groups Python's backtracking order picks in *m. */
bool ovo_iso8601_match(const char *s, size_t len, ovo_iso_match *m);

/* Why parse_date raised.  Every failure is iso8601.ParseError, a
 * ValueError, which parse_isotime re-raises as a plain ValueError. */
typedef enum ovo_isotime_status {
    OVO_ISOTIME_OK = 0,
    OVO_ISOTIME_NO_MATCH,    /* the regex did not match */
    OVO_ISOTIME_BAD_OFFSET,  /* datetime.timezone refused the offset */
    OVO_ISOTIME_BAD_DATE     /* datetime() refused a component */
} ovo_isotime_status;

typedef struct ovo_isotime {
    ovo_datetime dt;        /* always aware (has_tz true) */
    /* tzinfo.tzname(None): "UTC" for Z or no zone, else FixedOffset's
     * name "+hh:mm" built from the digits as written ("-00:00",
     * "+00:99"): _utils.isotime appends it verbatim. */
    char tzname[8];
    /* The timezone group as parse_timezone sees it (set even when
     * datetime() then refuses the date). */
    enum { OVO_ISO_ZONE_NONE, OVO_ISO_ZONE_Z, OVO_ISO_ZONE_OFFSET } zone;
} ovo_isotime;

/* iso8601.parse_date(text) with default_timezone=UTC. */
ovo_isotime_status ovo_isotime_parse(const char *s, size_t len,
                                     ovo_isotime *out);

/* datetime.isoformat(): "2024-01-02T03:04:05", ".ffffff" when the
 * microseconds are not zero, "+hh:mm" when aware.  buf: >= 64 bytes,
 * NUL-terminated; returns the length. */
size_t ovo_datetime_isoformat(const ovo_datetime *dt, char *buf);

/* oslo_versionedobjects/_utils.py isotime(): strftime('%Y-%m-%dT%H:%M:%S')
 * (glibc's %Y does not pad years below 1000), then 'Z' when naive or the
 * zone's name is "UTC", else the name.  tzname: the zone's tzname() for an
 * aware value; NULL derives it from the offset (ovo_datetime_tzname).
 * buf: >= 64 bytes, NUL-terminated; returns the length. */
size_t ovo_datetime_isotime(const ovo_datetime *dt, const char *tzname,
                            char *buf);

/* The name an aware ovo_datetime's zone most likely has, from the offset
 * alone: "UTC" for zero, else "+hh:mm".  ovo_datetime keeps only the
 * offset, so "+00:00", "-00:00" and minutes above 59 ("+00:99") are not
 * recoverable.  buf: >= 16 bytes. */
void ovo_datetime_tzname(const ovo_datetime *dt, char *buf);

/* True when text is exactly YYYY-MM-DDTHH:MM:SS, an optional '.' and 1-6
 * digits, then 'Z' or "+00:00" (ASCII digits, nothing after). */
bool ovo_isotime_canonical(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
