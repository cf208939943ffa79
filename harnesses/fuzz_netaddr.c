/* fuzz_netaddr: netaddr 0.8's IPAddress, IPNetwork and EUI as libovo
 * models them (ovo/netaddr.h), and the fields built on them.
 *
 * Input: one address text, raw (no JSON quoting); text that is not WTF-8
 * is ignored.  Every input is tried with every parser.
 * Oracles:
 *   - socket layer: inet_pton4 accepts a subset of inet_aton, with the
 *     same value, and its text is already canonical;
 *   - IPAddress / IPNetwork / EUI: str() of a parsed value parses again to
 *     the same value, and str() of that is the same text (stability); an
 *     inet_pton4/inet_pton6 text is an IPAddress of that value;
 *     IPNetwork's text is its canonical str(); EUI's str() is the
 *     uppercase dash form; failures are the classes the header lists;
 *   - IPAllocation.ip_address (oslo IPAddressField): the reference accepts
 *     exactly what IPAddress accepts, holding the same value; strict mode
 *     accepts only inet_pton text and accepts every canonical dotted quad;
 *   - AllowedAddressPair.ip_address (neutron-lib IPNetworkField): accepts
 *     exactly what IPNetwork accepts, keeping the text verbatim; strict
 *     mode accepts only canonical text and every canonical str();
 *   - AllowedAddressPair.mac_address (neutron-lib MACAddressField):
 *     accepts exactly what EUI accepts, keeping the text verbatim; strict
 *     mode accepts exactly six or eight two-hex-digit groups with one
 *     separator (':' or '-');
 *   - findings, validator and round trip as fuzz_primitive. */
#include <string.h>

#include <ovo/netaddr.h>

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

#define S(x) (int)(x).len, (x).ptr

static bool same_ip(const ovo_ipaddr *a, const ovo_ipaddr *b)
{
    return a->version == b->version && a->hi == b->hi && a->lo == b->lo;
}

static bool text_is(ovo_str s, const char *p, size_t n)
{
    return s.len == n && memcmp(s.ptr, p, n) == 0;
}

static bool allowed_exc(ovo_exc e)
{
    return e == OVO_EXC_ADDR_FORMAT_ERROR || e == OVO_EXC_VALUE_ERROR ||
           e == OVO_EXC_TYPE_ERROR || e == OVO_EXC_MEMORY_ERROR;
}

static bool hexd(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Six or eight groups of two hex digits, one separator (':' or '-'). */
static bool mac_groups(ovo_str s)
{
    if (s.len != 17 && s.len != 23)
        return false;
    char sep = s.ptr[2];
    if (sep != ':' && sep != '-')
        return false;
    for (uint32_t i = 0; i < s.len; i++) {
        bool want_sep = i % 3 == 2;
        if (want_sep ? s.ptr[i] != sep : !hexd(s.ptr[i]))
            return false;
    }
    return true;
}

static void one_field(const char *field, const uint8_t *data, size_t size, fz_eval *ev,
                      bool *evaluated)
{
    fz_buf_reset(&g_doc);
    fz_buf_put_envelope_head(&g_doc, strcmp(field, "ip") == 0 ? "IPAllocation"
                                                              : "AllowedAddressPair", "1.0");
    fz_buf_puts(&g_doc, "{\"");
    fz_buf_puts(&g_doc, strcmp(field, "ip") == 0 ? "ip_address" : field);
    fz_buf_puts(&g_doc, "\":");
    fz_buf_put_json_string(&g_doc, data, size);
    fz_buf_puts(&g_doc, "}}");
    *evaluated = fz_check_document(g_doc.data, g_doc.len, ev);
}

static const ovo_val *first_field(const ovo_result *res, const char *name)
{
    const ovo_object *obj = res->object->u.obj;
    int i = ovo_field_index(ovo_object_class(obj), name, strlen(name));
    FZ_ASSERT("harness", i >= 0, "no field %s", name);
    return ovo_object_field(obj, (uint32_t)i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input(data, size);
    fz_text_info info = fz_text_scan(data, size);
    if (!info.wtf8 || size > UINT32_MAX / 4)
        return 0;
    ovo_str s = {(const char *)data, (uint32_t)size};
    ovo_val sv = {.type = OVO_STR};
    sv.u.s = s;
    ovo_ctx *ctx = fz_ctx();
    char buf[OVO_NETADDR_STR_MAX], buf2[OVO_NETADDR_STR_MAX];

    /* ---- socket */
    uint32_t a4 = 0, p4 = 0;
    bool aton = ovo_socket_inet_aton(s, &a4);
    bool pton4 = ovo_socket_inet_pton4(s, &p4);
    uint64_t hi6 = 0, lo6 = 0;
    bool pton6 = ovo_socket_inet_pton6(s, &hi6, &lo6);
    if (pton4) {
        FZ_ASSERT("netaddr", aton && a4 == p4, "inet_pton4 accepts \"%.*s\", inet_aton %s", S(s),
                  aton ? "reads another value" : "rejects it");
        ovo_ipaddr ip = {4, 0, p4};
        size_t n = ovo_ipaddr_format(&ip, buf);
        FZ_ASSERT("netaddr", text_is(s, buf, n), "inet_pton4 text \"%.*s\" formats as \"%s\"",
                  S(s), buf);
    }
    FZ_ASSERT("netaddr", !(pton4 && pton6), "\"%.*s\" is IPv4 and IPv6 text", S(s));

    /* ---- IPAddress */
    ovo_ctx_reset(ctx);
    ovo_ipaddr ip;
    ovo_exc e = ovo_netaddr_ip_address(ctx, &sv, &ip);
    bool ip_ok = e == OVO_EXC_NONE;
    FZ_ASSERT("netaddr", ip_ok || allowed_exc(e), "IPAddress raised %s", ovo_exc_name(e));
    if (e == OVO_EXC_MEMORY_ERROR)
        return 0;
    if (pton4)
        FZ_ASSERT("netaddr", ip_ok && ip.version == 4 && ip.lo == p4,
                  "IPAddress(\"%.*s\") is not the inet_pton4 address", S(s));
    if (pton6 && !memchr(s.ptr, '/', s.len))
        FZ_ASSERT("netaddr", ip_ok && ip.version == 6 && ip.hi == hi6 && ip.lo == lo6,
                  "IPAddress(\"%.*s\") is not the inet_pton6 address", S(s));
    if (ip_ok) {
        size_t n = ovo_ipaddr_format(&ip, buf);
        FZ_ASSERT("netaddr", n > 0 && n < OVO_NETADDR_STR_MAX && strlen(buf) == n,
                  "str(IPAddress) length %zu", n);
        ovo_val tv = {.type = OVO_STR};
        tv.u.s = (ovo_str){buf, (uint32_t)n};
        ovo_ipaddr again;
        FZ_ASSERT("netaddr", ovo_netaddr_ip_address(ctx, &tv, &again) == OVO_EXC_NONE &&
                                 same_ip(&ip, &again),
                  "IPAddress(str(IPAddress(\"%.*s\"))) = IPAddress(\"%s\") differs", S(s), buf);
        size_t n2 = ovo_ipaddr_format(&again, buf2);
        FZ_ASSERT("netaddr", n2 == n && memcmp(buf, buf2, n) == 0,
                  "str() not stable: \"%s\" then \"%s\"", buf, buf2);
        uint32_t q4;
        uint64_t qh, ql;
        if (ip.version == 4)
            FZ_ASSERT("netaddr", ovo_socket_inet_pton4(tv.u.s, &q4) && q4 == ip.lo,
                      "str() \"%s\" is not inet_pton4 text", buf);
        else
            FZ_ASSERT("netaddr", ovo_socket_inet_pton6(tv.u.s, &qh, &ql) && qh == ip.hi &&
                                     ql == ip.lo, "str() \"%s\" is not inet_pton6 text", buf);
    }

    /* ---- IPNetwork */
    ovo_ctx_reset(ctx);
    ovo_ipnet net;
    e = ovo_netaddr_ip_network(ctx, &sv, &net);
    bool net_ok = e == OVO_EXC_NONE;
    FZ_ASSERT("netaddr", net_ok || allowed_exc(e), "IPNetwork raised %s", ovo_exc_name(e));
    if (e == OVO_EXC_MEMORY_ERROR)
        return 0;
    char netbuf[OVO_NETADDR_STR_MAX];
    size_t netlen = 0;
    if (net_ok) {
        unsigned width = net.ip.version == 4 ? 32 : 128;
        FZ_ASSERT("netaddr", (net.ip.version == 4 || net.ip.version == 6) &&
                                 net.prefixlen <= width, "IPNetwork v%u /%u", net.ip.version,
                  net.prefixlen);
        netlen = ovo_ipnet_format(&net, netbuf);
        FZ_ASSERT("netaddr", text_is(net.text, netbuf, netlen),
                  "IPNetwork(\"%.*s\").text \"%.*s\" is not its str() \"%s\"", S(s),
                  S(net.text), netbuf);
        ovo_val tv = {.type = OVO_STR};
        tv.u.s = (ovo_str){netbuf, (uint32_t)netlen};
        ovo_ipnet again;
        FZ_ASSERT("netaddr", ovo_netaddr_ip_network(ctx, &tv, &again) == OVO_EXC_NONE &&
                                 same_ip(&net.ip, &again.ip) && net.prefixlen == again.prefixlen,
                  "IPNetwork(str(IPNetwork(\"%.*s\"))) = IPNetwork(\"%s\") differs", S(s),
                  netbuf);
        size_t n2 = ovo_ipnet_format(&again, buf2);
        FZ_ASSERT("netaddr", n2 == netlen && memcmp(netbuf, buf2, n2) == 0,
                  "str() not stable: \"%s\" then \"%s\"", netbuf, buf2);
    }

    /* ---- EUI */
    ovo_ctx_reset(ctx);
    ovo_mac mac;
    e = ovo_netaddr_eui(ctx, &sv, &mac);
    bool mac_ok = e == OVO_EXC_NONE;
    FZ_ASSERT("netaddr", mac_ok || allowed_exc(e), "EUI raised %s", ovo_exc_name(e));
    if (e == OVO_EXC_MEMORY_ERROR)
        return 0;
    if (mac_groups(s))
        FZ_ASSERT("netaddr", mac_ok, "EUI rejects \"%.*s\"", S(s));
    if (mac_ok) {
        FZ_ASSERT("netaddr", mac.bits == 48 || mac.bits == 64, "EUI-%u", mac.bits);
        if (mac.bits == 48)
            FZ_ASSERT("netaddr", mac.value >> 48 == 0, "EUI-48 value beyond 48 bits");
        size_t n = ovo_eui_format(&mac, buf);
        ovo_str t = {buf, (uint32_t)n};
        FZ_ASSERT("netaddr", n == (mac.bits == 48 ? 17u : 23u) && mac_groups(t) && buf[2] == '-',
                  "str(EUI(\"%.*s\")) = \"%s\"", S(s), buf);
        for (size_t i = 0; i < n; i++)
            FZ_ASSERT("netaddr", !(buf[i] >= 'a' && buf[i] <= 'f'), "str(EUI) \"%s\" lowercase",
                      buf);
        FZ_ASSERT("netaddr", text_is(mac.text, buf, n), "EUI text \"%.*s\" is not str() \"%s\"",
                  S(mac.text), buf);
        ovo_val tv = {.type = OVO_STR};
        tv.u.s = t;
        ovo_mac again;
        FZ_ASSERT("netaddr", ovo_netaddr_eui(ctx, &tv, &again) == OVO_EXC_NONE &&
                                 again.value == mac.value && again.bits == mac.bits,
                  "EUI(str(EUI(\"%.*s\"))) = EUI(\"%s\") differs", S(s), buf);
        size_t n2 = ovo_eui_format(&again, buf2);
        FZ_ASSERT("netaddr", n2 == n && memcmp(buf, buf2, n) == 0, "str() not stable");
    }

    /* ---- the fields */
    fz_eval ev;
    bool done;
    one_field("ip", data, size, &ev, &done);
    if (done) {
        FZ_ASSERT("netaddr", ev.ref_ok == ip_ok, "IPAddressField %s \"%.*s\", IPAddress %s it",
                  ev.ref_ok ? "accepts" : "rejects", S(s), ip_ok ? "accepts" : "rejects");
        if (ev.ref_ok) {
            const ovo_val *v = first_field(&ev.res, "ip_address");
            FZ_ASSERT("netaddr", v && v->type == OVO_IPADDR && same_ip(&v->u.ip, &ip),
                      "IPAddressField holds another address for \"%.*s\"", S(s));
        }
        if (ev.strict_ok)
            FZ_ASSERT("netaddr", pton4 || pton6, "strict mode accepts IP text \"%.*s\"", S(s));
        if (pton4)
            FZ_ASSERT("netaddr", ev.strict_ok, "strict mode rejects dotted quad \"%.*s\"", S(s));
        if (ip_ok) {
            size_t n = ovo_ipaddr_format(&ip, buf);
            if (text_is(s, buf, n))
                FZ_ASSERT("netaddr", ev.strict_ok, "strict mode rejects str() \"%.*s\"", S(s));
        }
    }
    one_field("ip_address", data, size, &ev, &done);
    if (done) {
        FZ_ASSERT("netaddr", ev.ref_ok == net_ok, "IPNetworkField %s \"%.*s\", IPNetwork %s it",
                  ev.ref_ok ? "accepts" : "rejects", S(s), net_ok ? "accepts" : "rejects");
        if (ev.ref_ok) {
            const ovo_val *v = first_field(&ev.res, "ip_address");
            FZ_ASSERT("netaddr", v && v->type == OVO_IPNET && same_ip(&v->u.net.ip, &net.ip) &&
                                     v->u.net.prefixlen == net.prefixlen &&
                                     text_is(v->u.net.text, s.ptr, s.len),
                      "IPNetworkField does not hold \"%.*s\" verbatim", S(s));
        }
        if (net_ok && text_is(s, netbuf, netlen))
            FZ_ASSERT("netaddr", ev.strict_ok, "strict mode rejects canonical \"%.*s\"", S(s));
    }
    one_field("mac_address", data, size, &ev, &done);
    if (done) {
        FZ_ASSERT("netaddr", ev.ref_ok == mac_ok, "MACAddressField %s \"%.*s\", EUI %s it",
                  ev.ref_ok ? "accepts" : "rejects", S(s), mac_ok ? "accepts" : "rejects");
        if (ev.ref_ok) {
            const ovo_val *v = first_field(&ev.res, "mac_address");
            FZ_ASSERT("netaddr", v && v->type == OVO_MAC && v->u.mac.value == mac.value &&
                                     v->u.mac.bits == mac.bits &&
                                     text_is(v->u.mac.text, s.ptr, s.len),
                      "MACAddressField does not hold \"%.*s\" verbatim", S(s));
        }
        FZ_ASSERT("netaddr", ev.strict_ok == (mac_ok && mac_groups(s)),
                  "strict mode %s MAC \"%.*s\"", ev.strict_ok ? "accepts" : "rejects", S(s));
    }
    return 0;
}
