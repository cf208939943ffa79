/* The independent validator of strict-accepted objects.
 *
 * Strict mode notes rule violations while libovo reads the input
 * (target/src/strict.c, field_*.c).  This file checks the *result* instead,
 * walking the final object through the public API only (ovo_object_class,
 * ovo_object_field, ovo_object_version, the value structs) and testing
 * each field's value against the promise its field type makes, with its
 * own code.  Whatever strict mode accepts must pass:
 *
 *   - None only in nullable fields;
 *   - the value type each field kind promises (what OUTCOME.md calls
 *     off_type never happens): strings hold str, integers int, booleans
 *     bool, DictOfMiscValues a dict, lists a list, sets a set, objects an
 *     object of the promised name (or a subclass where the field allows);
 *   - UUID fields and SetOfUUIDs elements hold the canonical spelling;
 *   - enums one of their valid values; integers within int64 and their
 *     ranges; port ranges plain "N" / "N:M";
 *   - every object's version is plain MAJOR.MINOR;
 *   - every string, anywhere (dict keys included), is UTF-8 without NUL
 *     and without lone surrogates;
 *   - DictOfMiscValues dicts hold no NaN or infinity at any depth;
 *   - datetimes are valid dates, naive or UTC as the field says;
 *   - addresses: the version the field asks for, MAC text in the
 *     two-hex-digit group form and naming the value held, network text in
 *     canonical form;
 *   - nested objects and list/set elements recursively.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <ovo/netaddr.h>

#include "fz.h"

#define V(cond, ...) FZ_ASSERT("validator", cond, __VA_ARGS__)

typedef struct where {
    const char *cls;
    const char *field;
} where;

static void check_object(const ovo_val *v, int depth);

static void check_string(where w, ovo_str s)
{
    fz_text_info t = fz_text_scan(s.ptr, s.len);
    V(t.wtf8, "%s.%s: a string that is not WTF-8", w.cls, w.field);
    V(!t.surrogate, "%s.%s: a string holds a lone surrogate", w.cls, w.field);
    V(!t.nul, "%s.%s: a string holds NUL", w.cls, w.field);
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static unsigned hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (unsigned)(c - 'a' + 10);
    return (unsigned)(c - 'A' + 10);
}

/* A DNS name: empty (no name), or labels of 1-63 ASCII letters, digits and
 * hyphens that neither start nor end with a hyphen, joined by dots, with
 * an optional final dot, at most 253 characters before it. */
static bool dns_name(ovo_str s)
{
    size_t n = s.len;
    if (n == 0)
        return true;
    if (s.ptr[n - 1] == '.')
        n--;
    if (n == 0 || n > 253)
        return false;
    size_t start = 0;
    while (start <= n) {
        const char *dot = memchr(s.ptr + start, '.', n - start);
        size_t end = dot ? (size_t)(dot - s.ptr) : n;
        size_t len = end - start;
        if (len == 0 || len > 63 || s.ptr[start] == '-' || s.ptr[end - 1] == '-')
            return false;
        for (size_t i = start; i < end; i++) {
            char c = s.ptr[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-'))
                return false;
        }
        start = end + 1;
    }
    return true;
}

/* "N" with 1-5 ASCII digits, no leading zero; its value in *out. */
static bool port_text(const char *p, size_t n, long *out)
{
    if (n == 0 || n > 5 || p[0] == '0')
        return false;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

static bool is_leap(int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static void check_datetime(where w, const ovo_type_desc *td, const ovo_datetime *dt)
{
    static const uint8_t mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    V(dt->year >= 1 && dt->year <= 9999, "%s.%s: year %d", w.cls, w.field, (int)dt->year);
    V(dt->month >= 1 && dt->month <= 12, "%s.%s: month %u", w.cls, w.field, dt->month);
    unsigned dim = mdays[dt->month - 1] + (dt->month == 2 && is_leap(dt->year) ? 1u : 0u);
    V(dt->day >= 1 && dt->day <= dim, "%s.%s: day %u", w.cls, w.field, dt->day);
    V(dt->hour < 24 && dt->minute < 60 && dt->second < 60 && dt->microsecond < 1000000,
      "%s.%s: time %u:%u:%u.%u", w.cls, w.field, dt->hour, dt->minute, dt->second,
      (unsigned)dt->microsecond);
    if (td->tzinfo_aware)
        V(dt->has_tz && dt->utcoffset_s == 0,
          "%s.%s: an aware datetime field holds a %s value (offset %d s)", w.cls, w.field,
          dt->has_tz ? "non-UTC" : "naive", (int)dt->utcoffset_s);
    else
        V(!dt->has_tz, "%s.%s: a naive datetime field holds an aware value", w.cls, w.field);
}

static void check_ipaddr(where w, const ovo_ipaddr *ip)
{
    V(ip->version == 4 || ip->version == 6, "%s.%s: IP version %u", w.cls, w.field,
      ip->version);
    if (ip->version == 4)
        V(ip->hi == 0 && ip->lo <= 0xFFFFFFFFu, "%s.%s: IPv4 value beyond 32 bits", w.cls,
          w.field);
}

static void check_ipnet(where w, const ovo_ipnet *net, bool authentic)
{
    check_ipaddr(w, &net->ip);
    unsigned width = net->ip.version == 4 ? 32 : 128;
    V(net->prefixlen <= width, "%s.%s: prefix length %u", w.cls, w.field, net->prefixlen);
    check_string(w, net->text);
    char full[OVO_NETADDR_STR_MAX], addr[OVO_NETADDR_STR_MAX];
    size_t fn = ovo_ipnet_format(net, full);
    bool ok = net->text.len == fn && memcmp(net->text.ptr, full, fn) == 0;
    if (authentic && !ok && net->prefixlen == width) {
        /* neutron-lib keeps the text as given: a bare address is canonical */
        size_t an = ovo_ipaddr_format(&net->ip, addr);
        ok = net->text.len == an && memcmp(net->text.ptr, addr, an) == 0;
    }
    V(ok, "%s.%s: network text \"%.*s\" is not the canonical \"%s\"", w.cls, w.field,
      (int)net->text.len, net->text.ptr, full);
}

static void check_mac(where w, const ovo_mac *mac)
{
    ovo_str s = mac->text;
    check_string(w, s);
    V(s.len == 17 || s.len == 23, "%s.%s: MAC text \"%.*s\" has %u bytes", w.cls, w.field,
      (int)s.len, s.ptr, (unsigned)s.len);
    char sep = s.ptr[2];
    V(sep == ':' || sep == '-', "%s.%s: MAC separator '%c'", w.cls, w.field, sep);
    uint64_t value = 0;
    for (uint32_t i = 0; i < s.len; i += 3) {
        V(is_hex(s.ptr[i]) && is_hex(s.ptr[i + 1]), "%s.%s: MAC text \"%.*s\" not hex pairs",
          w.cls, w.field, (int)s.len, s.ptr);
        if (i + 2 < s.len)
            V(s.ptr[i + 2] == sep, "%s.%s: MAC text \"%.*s\" mixes separators", w.cls, w.field,
              (int)s.len, s.ptr);
        value = value << 8 | (hex_value(s.ptr[i]) << 4 | hex_value(s.ptr[i + 1]));
    }
    unsigned bits = s.len == 17 ? 48 : 64;
    V(mac->bits == bits, "%s.%s: MAC \"%.*s\" held as EUI-%u", w.cls, w.field, (int)s.len,
      s.ptr, mac->bits);
    V(mac->value == value, "%s.%s: MAC \"%.*s\" holds value %llx", w.cls, w.field, (int)s.len,
      s.ptr, (unsigned long long)mac->value);
}

/* A value inside a DictOfMiscValues: plain JSON data, finite numbers. */
static void check_misc_value(where w, const ovo_val *v, int depth)
{
    V(depth < 4096, "%s.%s: misc value nested beyond 4096", w.cls, w.field);
    switch (v->type) {
    case OVO_NONE:
    case OVO_BOOL:
    case OVO_INT:
        break;
    case OVO_FLOAT:
        V(isfinite(v->u.f), "%s.%s: a DictOfMiscValues holds %g", w.cls, w.field, v->u.f);
        break;
    case OVO_STR:
        check_string(w, v->u.s);
        break;
    case OVO_LIST:
        for (uint32_t i = 0; i < v->u.seq.n; i++)
            check_misc_value(w, v->u.seq.items[i], depth + 1);
        break;
    case OVO_DICT:
        for (uint32_t i = 0; i < v->u.dict.n; i++) {
            check_string(w, v->u.dict.entries[i].key);
            check_misc_value(w, v->u.dict.entries[i].value, depth + 1);
        }
        break;
    default:
        V(0, "%s.%s: a DictOfMiscValues holds a %s", w.cls, w.field, ovo_type_name(v));
    }
}

static bool str_eq(ovo_str a, ovo_str b)
{
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

static void check_value(where w, const ovo_field_desc *fd, const ovo_val *v, int depth)
{
    const ovo_type_desc *td = &fd->type;
    if (v->type == OVO_NONE) {
        V(fd->nullable, "%s.%s: None in a field that is not nullable (%s)", w.cls, w.field,
          fd->class_name);
        return;
    }
    const char *tn = ovo_type_name(v);
#define TYPE(t) V(v->type == (t), "%s.%s: a %s holds a %s", w.cls, w.field, fd->class_name, tn)
    switch ((ovo_kind)td->kind) {
    case OVO_K_STRING:
        TYPE(OVO_STR);
        check_string(w, v->u.s);
        break;
    case OVO_K_UUID:
    case OVO_K_OSLO_UUID:
        TYPE(OVO_STR);
        check_string(w, v->u.s);
        V(fz_uuid_canonical(v->u.s.ptr, v->u.s.len), "%s.%s: UUID \"%.*s\" is not canonical",
          w.cls, w.field, (int)v->u.s.len, v->u.s.ptr);
        break;
    case OVO_K_ENUM: {
        TYPE(OVO_STR);
        check_string(w, v->u.s);
        bool any_str = false, found = false;
        for (uint32_t i = 0; i < td->nvalues; i++)
            if (td->values[i]->type == OVO_STR) {
                any_str = true;
                found = found || str_eq(td->values[i]->u.s, v->u.s);
            }
        V(!any_str || found, "%s.%s: \"%.*s\" is not a valid value of %s", w.cls, w.field,
          (int)v->u.s.len, v->u.s.ptr, fd->class_name);
        break;
    }
    case OVO_K_DOMAIN_NAME:
        TYPE(OVO_STR);
        check_string(w, v->u.s);
        V(dns_name(v->u.s), "%s.%s: \"%.*s\" is not a DNS name", w.cls, w.field,
          (int)v->u.s.len, v->u.s.ptr);
        break;
    case OVO_K_INTEGER:
        TYPE(OVO_INT);
        V(!v->u.i.big, "%s.%s: integer beyond int64", w.cls, w.field);
        break;
    case OVO_K_INT_RANGE:
        TYPE(OVO_INT);
        V(!v->u.i.big && v->u.i.small >= td->min && v->u.i.small <= td->max,
          "%s.%s: %lld outside [%lld, %lld]", w.cls, w.field, (long long)v->u.i.small,
          (long long)td->min, (long long)td->max);
        break;
    case OVO_K_INT_ENUM: {
        TYPE(OVO_INT);
        bool found = false;
        for (uint32_t i = 0; i < td->nvalues; i++) {
            const ovo_val *e = td->values[i];
            if (e->type == OVO_INT && !e->u.i.big && !v->u.i.big && e->u.i.small == v->u.i.small)
                found = true;
        }
        V(found, "%s.%s: %lld is not a valid value of %s", w.cls, w.field,
          (long long)v->u.i.small, fd->class_name);
        break;
    }
    case OVO_K_PORT_RANGES:
        if (v->type == OVO_INT) {
            V(!v->u.i.big && v->u.i.small >= td->min && v->u.i.small <= td->max,
              "%s.%s: port %lld outside [%lld, %lld]", w.cls, w.field, (long long)v->u.i.small,
              (long long)td->min, (long long)td->max);
        } else {
            TYPE(OVO_STR);
            const char *p = v->u.s.ptr;
            size_t n = v->u.s.len;
            const char *colon = memchr(p, ':', n);
            long a, b;
            bool ok;
            if (colon) {
                ok = port_text(p, (size_t)(colon - p), &a) &&
                     port_text(colon + 1, n - (size_t)(colon - p) - 1, &b) && a <= b;
            } else {
                ok = port_text(p, n, &a);
                b = a;
            }
            V(ok && a >= td->min && b <= td->max, "%s.%s: port range \"%.*s\" is not plain",
              w.cls, w.field, (int)n, p);
        }
        break;
    case OVO_K_BOOLEAN:
        TYPE(OVO_BOOL);
        break;
    case OVO_K_DATETIME:
        TYPE(OVO_DATETIME);
        check_datetime(w, td, &v->u.dt);
        break;
    case OVO_K_IP_ADDRESS:
        TYPE(OVO_IPADDR);
        check_ipaddr(w, &v->u.ip);
        if (td->ip_version)
            V(v->u.ip.version == td->ip_version, "%s.%s: IPv%u address in an IPv%u field",
              w.cls, w.field, v->u.ip.version, td->ip_version);
        break;
    case OVO_K_OSLO_IP_NETWORK:
        TYPE(OVO_IPNET);
        check_ipnet(w, &v->u.net, false);
        break;
    case OVO_K_IP_NETWORK:
        TYPE(OVO_IPNET);
        check_ipnet(w, &v->u.net, true);
        break;
    case OVO_K_MAC_ADDRESS:
        TYPE(OVO_MAC);
        check_mac(w, &v->u.mac);
        break;
    case OVO_K_MISC_DICT:
        TYPE(OVO_DICT);
        check_misc_value(w, v, 0);
        break;
    case OVO_K_LIST:
        TYPE(OVO_LIST);
        for (uint32_t i = 0; i < v->u.seq.n; i++)
            check_value(w, td->element, v->u.seq.items[i], depth + 1);
        break;
    case OVO_K_SET:
        TYPE(OVO_SET);
        for (uint32_t i = 0; i < v->u.seq.n; i++) {
            const ovo_val *e = v->u.seq.items[i];
            check_value(w, td->element, e, depth + 1);
            if (e->type == OVO_STR && v->u.seq.n <= 256)
                for (uint32_t j = 0; j < i; j++) {
                    const ovo_val *f = v->u.seq.items[j];
                    V(f->type != OVO_STR || !str_eq(e->u.s, f->u.s),
                      "%s.%s: a set holds \"%.*s\" twice", w.cls, w.field, (int)e->u.s.len,
                      e->u.s.ptr);
                }
        }
        break;
    case OVO_K_FIELD:
        check_value(w, td->element, v, depth);
        break;
    case OVO_K_OBJECT: {
        TYPE(OVO_OBJECT);
        const ovo_class *cls = ovo_object_class(v->u.obj);
        bool ok = strcmp(cls->name, td->obj_name) == 0;
        for (uint32_t i = 0; !ok && td->subclasses && i < cls->nmro; i++)
            ok = strcmp(cls->mro[i], td->obj_name) == 0;
        V(ok, "%s.%s: an object %s where %s%s is promised", w.cls, w.field, cls->name,
          td->obj_name, td->subclasses ? " or a subclass" : "");
        check_object(v, depth + 1);
        break;
    }
    default:
        V(0, "%s.%s: unknown field kind %u", w.cls, w.field, td->kind);
    }
#undef TYPE
}

static void check_object(const ovo_val *v, int depth)
{
    V(v->type == OVO_OBJECT, "top: a %s where an object is promised", ovo_type_name(v));
    V(depth < 100000, "objects nested beyond 100000");
    const ovo_object *obj = v->u.obj;
    const ovo_class *cls = ovo_object_class(obj);
    V(cls != NULL, "an object without a class");
    ovo_str ver = ovo_object_version(obj);
    V(fz_version_plain(ver.ptr, ver.len), "%s: version \"%.*s\" is not plain MAJOR.MINOR",
      cls->name, (int)ver.len, ver.ptr);
    for (uint32_t i = 0; i < cls->nfields; i++) {
        const ovo_val *fv = ovo_object_field(obj, i);
        if (!fv)
            continue;
        where w = {cls->name, cls->fields[i].name};
        check_value(w, &cls->fields[i], fv, depth);
    }
}

void fz_validate_object(const ovo_val *obj) { check_object(obj, 0); }
