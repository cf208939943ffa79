/* fuzz_datetime: the ISO 8601 parser (iso8601 1.0.2 as oslo's
 * parse_isotime calls it), datetime.isoformat(), oslo's isotime(), and
 * the DateTime field.
 *
 * Input: one timestamp text, raw (no JSON quoting); text that is not
 * WTF-8 is ignored.
 * Oracles:
 *   - parse succeeds only where the regex matches; the result is an aware
 *     datetime with valid components;
 *   - isoformat/parse stability: parse(isoformat(dt)) == dt, and
 *     isoformat of that is the same text;
 *   - isotime/parse: parse(isotime(dt)) is dt without microseconds, same
 *     offset (explained exception below);
 *   - ovo_isotime_canonical agrees with a check written here;
 *   - NetworkSegment.created_at (naive DateTimeField): the reference
 *     accepts exactly what parses and holds its wall-clock time with the
 *     offset dropped; strict mode accepts exactly the canonical
 *     spellings; findings, validator and round trip as fuzz_primitive. */
#include <string.h>

#include <ovo/isotime.h>

#include "fz.h"

static fz_buf g_doc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_ctx();
    fz_rt_ctx();
    return 0;
}

static bool digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

/* YYYY-MM-DDTHH:MM:SS, optionally '.' and 1-6 digits, then Z or +00:00 */
static bool canonical(const char *s, size_t n)
{
    if (n < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' ||
        !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
        return false;
    size_t p = 19;
    if (s[p] == '.') {
        size_t k = 0;
        while (p + 1 + k < n && s[p + 1 + k] >= '0' && s[p + 1 + k] <= '9')
            k++;
        if (k == 0 || k > 6)
            return false;
        p += 1 + k;
    }
    return (n - p == 1 && s[p] == 'Z') || (n - p == 6 && memcmp(s + p, "+00:00", 6) == 0);
}

static bool same_wall(const ovo_datetime *a, const ovo_datetime *b, bool micro)
{
    return a->year == b->year && a->month == b->month && a->day == b->day &&
           a->hour == b->hour && a->minute == b->minute && a->second == b->second &&
           (!micro || a->microsecond == b->microsecond);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    if (!fz_text_scan(data, size).wtf8)
        return 0;
    const char *s = (const char *)data;
    int n = (int)(size > 200 ? 200 : size);   /* for messages */

    ovo_iso_match m;
    bool matched = ovo_iso8601_match(s, size, &m);
    for (int g = 0; matched && g < OVO_ISO_NGROUPS; g++)
        if (m.set[g])
            FZ_ASSERT("isotime", m.start[g] <= size && m.len[g] <= size - m.start[g],
                      "group %s out of the text", ovo_iso_group_name((ovo_iso_group)g));
    ovo_isotime it;
    ovo_isotime_status st = ovo_isotime_parse(s, size, &it);
    FZ_ASSERT("isotime", st <= OVO_ISOTIME_BAD_DATE, "status %d", (int)st);
    FZ_ASSERT("isotime", (st == OVO_ISOTIME_NO_MATCH) == !matched,
              "parse says %d, the regex %s \"%.*s\"", (int)st, matched ? "matches" : "fails",
              n, s);
    bool canon = canonical(s, size);
    FZ_ASSERT("isotime", canon == ovo_isotime_canonical(s, size),
              "ovo_isotime_canonical(\"%.*s\") = %d", n, s, !canon);

    char iso[64], iso2[64], ot[64];
    if (st == OVO_ISOTIME_OK) {
        const ovo_datetime *dt = &it.dt;
        FZ_ASSERT("isotime", dt->has_tz, "parse_date gave a naive datetime");
        FZ_ASSERT("isotime", dt->year >= 1 && dt->year <= 9999 && dt->month >= 1 &&
                                 dt->month <= 12 && dt->day >= 1 && dt->day <= 31 &&
                                 dt->hour < 24 && dt->minute < 60 && dt->second < 60 &&
                                 dt->microsecond < 1000000,
                  "components of \"%.*s\" out of range", n, s);
        FZ_ASSERT("isotime", dt->utcoffset_s > -86400 && dt->utcoffset_s < 86400,
                  "offset %d s", (int)dt->utcoffset_s);
        size_t il = ovo_datetime_isoformat(dt, iso);
        FZ_ASSERT("isotime", il > 0 && il < 64 && strlen(iso) == il, "isoformat length");
        ovo_isotime back;
        FZ_ASSERT("isotime", ovo_isotime_parse(iso, il, &back) == OVO_ISOTIME_OK,
                  "isoformat \"%s\" of \"%.*s\" does not parse", iso, n, s);
        FZ_ASSERT("isotime", same_wall(dt, &back.dt, true) && back.dt.has_tz &&
                                 back.dt.utcoffset_s == dt->utcoffset_s,
                  "parse(isoformat(\"%.*s\")) = parse(\"%s\") differs", n, s, iso);
        size_t il2 = ovo_datetime_isoformat(&back.dt, iso2);
        FZ_ASSERT("isotime", il2 == il && memcmp(iso, iso2, il) == 0,
                  "isoformat not stable: \"%s\" then \"%s\"", iso, iso2);

        size_t ol = ovo_datetime_isotime(dt, it.tzname, ot);
        FZ_ASSERT("isotime", ol > 0 && ol < 64 && strlen(ot) == ol, "isotime length");
        ovo_isotime o;
        ovo_isotime_status os = ovo_isotime_parse(ot, ol, &o);
        if (dt->year >= 1000) {
            /* below 1000 glibc's %Y does not pad and the text cannot be
             * read back: the reference's own loss (roundtrip.datetime.
             * short-year in the object harnesses) */
            FZ_ASSERT("isotime", os == OVO_ISOTIME_OK, "isotime \"%s\" of \"%.*s\" does not parse",
                      ot, n, s);
            FZ_ASSERT("isotime", same_wall(dt, &o.dt, false) && o.dt.microsecond == 0 &&
                                     o.dt.utcoffset_s == dt->utcoffset_s,
                      "parse(isotime(\"%.*s\")) = parse(\"%s\") differs", n, s, ot);
        } else {
            FZ_ASSERT("isotime", os != OVO_ISOTIME_OK, "unpadded year \"%s\" parses", ot);
        }
    }

    /* the field */
    fz_buf_reset(&g_doc);
    fz_buf_put_envelope_head(&g_doc, "NetworkSegment", "1.0");
    fz_buf_puts(&g_doc, "{\"created_at\":");
    fz_buf_put_json_string(&g_doc, data, size);
    fz_buf_puts(&g_doc, "}}");
    fz_eval ev;
    if (!fz_check_document(g_doc.data, g_doc.len, &ev))
        return 0;
    FZ_ASSERT("isotime", ev.ref_ok == (st == OVO_ISOTIME_OK),
              "DateTimeField %s \"%.*s\", parse_date says %d", ev.ref_ok ? "accepts" : "rejects",
              n, s, (int)st);
    /* strict mode also refuses a year before 1000, whose primitive the
     * reference cannot read back (bypass.datetime.short-year) */
    bool short_year = st == OVO_ISOTIME_OK && it.dt.year < 1000;
    FZ_ASSERT("isotime", ev.strict_ok == (ev.ref_ok && canon && !short_year), "strict mode %s \"%.*s\"",
              ev.strict_ok ? "accepts" : "rejects", n, s);
    if (ev.ref_ok) {
        const ovo_object *obj = ev.res.object->u.obj;
        int i = ovo_field_index(ovo_object_class(obj), "created_at", 10);
        const ovo_val *v = ovo_object_field(obj, (uint32_t)i);
        FZ_ASSERT("isotime", v && v->type == OVO_DATETIME && !v->u.dt.has_tz &&
                                 same_wall(&v->u.dt, &it.dt, true),
                  "the naive field does not hold the wall-clock time of \"%.*s\"", n, s);
    }
    return 0;
}
