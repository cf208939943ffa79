/* The netaddr field kinds: oslo_versionedobjects/fields.py IPAddress (and
 * IPV4Address, IPV6Address) and IPNetwork; neutron_lib/objects/
 * common_types.py IPNetwork and MACAddress, which build neutron_lib/utils/
 * net.py AuthenticIPNetwork and AuthenticEUI.
 *
 *   kind             from_primitive                coerce           str()
 *   ip_address       IPAddress(v), AddrFormatError = from_primitive canonical
 *                    -> ValueError; V4/V6 version
 *                    check -> ValueError
 *   oslo_ip_network  IPNetwork(v), AddrFormatError = from_primitive canonical
 *                    -> ValueError; a non-str is
 *                    an uncaught TypeError
 *   ip_network       AuthenticIPNetwork(v), every  isinstance check  the input str
 *                    exception -> ValueError       else ValueError
 *   mac_address      AuthenticEUI(v), every        isinstance check  the input str;
 *                    exception -> ValueError       else ValueError   canonical for
 *                                                                    an int
 * to_primitive is str(value) for all four.
 *
 * Strict rules, noted by from_primitive when it succeeds:
 *   bypass.ip.ambiguous       ip_address: the input is not a str equal to
 *                             str(IPAddress(input)) ("010.0.0.1", "127.1",
 *                             "0x7f.1", "1", "1.2.3.4 junk", "1.2.3.4\n",
 *                             "::FFFF", "0::1", an int or bool)
 *   bypass.ipnet.noncanonical both network kinds: the input is not a str
 *                             equal to str(ip) or str(ip) + "/" + prefixlen
 *                             ("10/8", "10.0.0.0/255.0.0.0", "10.0.0.0/08",
 *                             " 10.0.0.0/24", "::0/64")
 *   bypass.mac.ambiguous      mac_address: the input is not a str of six or
 *                             eight two-digit hex groups (either case)
 *                             joined by one ':' or '-' throughout ("1",
 *                             "001122334455", "0011.2233.4455",
 *                             "0:1:2:3:4:5", a trailing newline, an int)
 * What obj_to_primitive writes (canonical IPAddress and IPNetwork text, the
 * verbatim or "XX-XX-XX-XX-XX-XX" MAC text) passes all three.
 *
 * The interpreter stack.  netaddr runs several frames deep inside each
 * method, and with too little room the reference fails in ways that depend
 * on where the RecursionError hits: caught by netaddr's own broad excepts
 * it becomes an AddrFormatError (so a ValueError), caught by neutron-lib's
 * `except Exception` a ValueError, elsewhere it escapes.  Error messages
 * format the value with %r/%s, which for a nested list or dict takes one C
 * recursion guard per level.  The room each path needs (frames beyond the
 * method's own frame) was measured on the reference with the method
 * running at a controlled depth; tests/data/netaddr.jsonl holds those
 * measurements.
 */
#include "fields.h"

#include "ovo/netaddr.h"
#include "pyobj.h"

/* ------------------------------------------------------------ the stack */

/* Units available above the running method's frame (ctx->frames counts
 * it): a path that needs k more completes when room >= k. */
static int32_t room(const ovo_ctx *ctx)
{
    return ctx->frame_limit - ctx->frames;
}

static int recursion_error(ovo_ctx *ctx)
{
    return ovo_raise(ctx, OVO_EXC_RECURSION_ERROR, OVO_RULE_CRASH_RECURSION);
}

static bool is_container(const ovo_val *v)
{
    return v->type == OVO_LIST || v->type == OVO_DICT || v->type == OVO_TUPLE ||
           v->type == OVO_SET;
}

/* A str that is IPv6 text (IPAddress tried inet_aton first): its success
 * runs one frame deeper (ipv6.str_to_int -> packed_to_int). */
static bool ipv6_text(const ovo_val *in, const ovo_ipaddr *ip)
{
    return in->type == OVO_STR && ip->version == 6;
}

/* ------------------------------------------------------------ results */

static int new_ipaddr(ovo_ctx *ctx, const ovo_ipaddr *ip, const ovo_val **out)
{
    ovo_val *v = ovo_new_val(ctx, OVO_IPADDR);
    if (!v)
        return -1;
    v->u.ip = *ip;
    *out = v;
    return 0;
}

static int new_ipnet(ovo_ctx *ctx, const ovo_ipnet *net, const ovo_val **out)
{
    ovo_val *v = ovo_new_val(ctx, OVO_IPNET);
    if (!v)
        return -1;
    v->u.net = *net;
    *out = v;
    return 0;
}

static int new_mac(ovo_ctx *ctx, const ovo_mac *mac, const ovo_val **out)
{
    ovo_val *v = ovo_new_val(ctx, OVO_MAC);
    if (!v)
        return -1;
    v->u.mac = *mac;
    *out = v;
    return 0;
}

static int str_result(ovo_ctx *ctx, const char *p, size_t n, bool copy, const ovo_val **out)
{
    const ovo_val *v = copy ? ovo_mk_str_copy(ctx, p, n) : ovo_mk_str(ctx, p, n);
    if (!v)
        return -1;
    *out = v;
    return 0;
}

/* Re-raise what netaddr raised as the class the field lets out: `except
 * AddrFormatError: raise ValueError` (oslo) or `except Exception: raise
 * ValueError` (neutron-lib, all=true).  MemoryError passes. */
static int reraise_as_value_error(ovo_ctx *ctx, bool all)
{
    ovo_exc e = ctx->exc;
    if (e == OVO_EXC_MEMORY_ERROR || (!all && e != OVO_EXC_ADDR_FORMAT_ERROR))
        return -1;
    ovo_clear_exc(ctx);
    return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
}

/* ------------------------------------------------------------ strict */

static bool ip_canonical(const ovo_val *in, const ovo_ipaddr *ip)
{
    if (in->type != OVO_STR)
        return false;
    char buf[OVO_NETADDR_STR_MAX];
    size_t n = ovo_ipaddr_format(ip, buf);
    return ovo_str_eq(in->u.s, buf, n);
}

static bool ipnet_canonical(const ovo_val *in, const ovo_ipnet *net)
{
    if (in->type != OVO_STR)
        return false;
    char buf[OVO_NETADDR_STR_MAX];
    size_t n = ovo_ipaddr_format(&net->ip, buf);
    if (ovo_str_eq(in->u.s, buf, n))
        return true;
    n = ovo_ipnet_format(net, buf);
    return ovo_str_eq(in->u.s, buf, n);
}

static bool hex2(const char *p)
{
    for (int i = 0; i < 2; i++) {
        char c = p[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

static bool mac_canonical(const ovo_val *in)
{
    if (in->type != OVO_STR)
        return false;
    ovo_str s = in->u.s;
    if (s.len != 17 && s.len != 23)
        return false;
    char sep = s.ptr[2];
    if (sep != ':' && sep != '-')
        return false;
    for (uint32_t i = 0; i < s.len; i += 3) {
        if (!hex2(s.ptr + i) || (i + 2 < s.len && s.ptr[i + 2] != sep))
            return false;
    }
    return true;
}

/* ------------------------------------------------------------ ip_address */

/* The depth of oslo's IPAddress path: from_primitive -> self.coerce
 * (IPV4Address.coerce -> IPAddress.coerce for a versioned field) ->
 * netaddr.IPAddress(). */
typedef struct ip_depths {
    int32_t base;           /* below this, RecursionError */
    int32_t repr_offset;    /* frames above the failure message's %r */
} ip_depths;

static ip_depths ip_address_depths(const ovo_type_desc *td, bool from_primitive)
{
    int32_t extra = (td->ip_version ? 1 : 0) + (from_primitive ? 1 : 0);
    return (ip_depths){4 + extra, 2 + extra};
}

static int ip_address_run(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                          const ovo_val **out, bool from_primitive)
{
    ip_depths d = ip_address_depths(td, from_primitive);
    if (in->type == OVO_IPADDR || in->type == OVO_IPNET)
        d.base--;           /* the copy constructor */
    if (room(ctx) < d.base)
        return recursion_error(ctx);
    if (is_container(in) && ovo_frames_probe_repr(ctx, in, d.repr_offset) < 0)
        return -1;
    ovo_ipaddr ip;
    if (ovo_netaddr_ip_address(ctx, in, &ip) != OVO_EXC_NONE)
        return reraise_as_value_error(ctx, false);
    /* IPv6 text parsed one frame deeper; with one frame too few the
     * RecursionError is swallowed by IPAddress.__init__'s bare except */
    if (ipv6_text(in, &ip) && room(ctx) < d.base + 1)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (td->ip_version && ip.version != td->ip_version)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (from_primitive && ovo_strict(ctx) && !ip_canonical(in, &ip))
        ovo_note(ctx, OVO_RULE_IP_AMBIGUOUS);
    if (in->type == OVO_IPADDR) {
        *out = in;
        return 0;
    }
    return new_ipaddr(ctx, &ip, out);
}

int ovo_ip_address_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                  const ovo_val **out)
{
    return ip_address_run(ctx, td, in, out, true);
}

int ovo_ip_address_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                          const ovo_val **out)
{
    return ip_address_run(ctx, td, in, out, false);
}

/* str(IPAddress): IPv6 formatting runs three frames deeper than IPv4
 * (int_to_str -> int_to_packed -> int_to_words), and ipv6.int_to_str turns
 * a RecursionError into ValueError. */
static int ip_str_room(ovo_ctx *ctx, const ovo_ipaddr *ip)
{
    if (room(ctx) < 4)
        return recursion_error(ctx);
    if (ip->version == 6 && room(ctx) < 7)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    return 0;
}

static int generic_str(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out)
{
    ovo_str s;
    if (ovo_py_str(ctx, in, &s) < 0)
        return -1;
    return str_result(ctx, s.ptr, s.len, false, out);
}

int ovo_ip_address_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                const ovo_val **out)
{
    if (in->type != OVO_IPADDR)
        return generic_str(ctx, in, out);
    if (ip_str_room(ctx, &in->u.ip) < 0)
        return -1;
    char buf[OVO_NETADDR_STR_MAX];
    size_t n = ovo_ipaddr_format(&in->u.ip, buf);
    return str_result(ctx, buf, n, true, out);
}

/* ------------------------------------------------------------ oslo_ip_network */

static int oslo_ip_network_run(ovo_ctx *ctx, const ovo_val *in, const ovo_val **out,
                               bool from_primitive)
{
    int32_t extra = from_primitive ? 1 : 0;
    int32_t need;
    if (in->type == OVO_IPNET || in->type == OVO_IPADDR)
        need = 3;           /* the copy constructor, either pass */
    else if (in->type == OVO_STR)
        need = 7 + extra;
    else
        need = 4 + extra;   /* parse_ip_network's TypeError */
    if (room(ctx) < need)
        return recursion_error(ctx);
    ovo_ipnet net;
    if (ovo_netaddr_ip_network(ctx, in, &net) != OVO_EXC_NONE)
        return reraise_as_value_error(ctx, false);
    /* an IPv6 network parses one frame deeper; short of it the
     * RecursionError becomes an AddrFormatError in ipv6.str_to_int */
    if (in->type == OVO_STR && net.ip.version == 6 && room(ctx) < need + 1)
        return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
    if (from_primitive && ovo_strict(ctx) && !ipnet_canonical(in, &net))
        ovo_note(ctx, OVO_RULE_IPNET_NONCANONICAL);
    if (in->type == OVO_IPNET && ovo_str_eq(in->u.net.text, net.text.ptr, net.text.len)) {
        *out = in;
        return 0;
    }
    return new_ipnet(ctx, &net, out);
}

int ovo_oslo_ip_network_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td,
                                       const ovo_val *in, const ovo_val **out)
{
    return oslo_ip_network_run(ctx, in, out, true);
}

int ovo_oslo_ip_network_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                               const ovo_val **out)
{
    return oslo_ip_network_run(ctx, in, out, false);
}

int ovo_oslo_ip_network_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td,
                                     const ovo_val *in, const ovo_val **out)
{
    if (in->type != OVO_IPNET)
        return generic_str(ctx, in, out);
    /* IPNetwork.__str__: the address's int_to_str and the prefixlen */
    if (ip_str_room(ctx, &in->u.net.ip) < 0)
        return -1;
    char buf[OVO_NETADDR_STR_MAX];
    size_t n = ovo_ipnet_format(&in->u.net, buf);
    return str_result(ctx, buf, n, true, out);
}

/* ------------------------------------------------------------ neutron-lib */

/* neutron-lib's `msg = _("Field value %s is not a ...") % value` after a
 * failure: the translation call and str() of the value, in the method's
 * own frame. */
static int neutron_value_error(ovo_ctx *ctx, const ovo_val *in)
{
    if (room(ctx) < 2)
        return recursion_error(ctx);
    if (is_container(in) && ovo_frames_probe_repr(ctx, in, 0) < 0)
        return -1;
    return ovo_raise(ctx, OVO_EXC_VALUE_ERROR, OVO_RULE_NONE);
}

/* A failed constructor inside `except Exception`: the exception is
 * replaced by the ValueError (MemoryError is libovo's own and passes). */
static int neutron_failed(ovo_ctx *ctx, const ovo_val *in)
{
    if (ctx->exc == OVO_EXC_MEMORY_ERROR)
        return -1;
    ovo_clear_exc(ctx);
    return neutron_value_error(ctx, in);
}

int ovo_ip_network_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                  const ovo_val **out)
{
    if (in->type != OVO_STR)
        /* AuthenticIPNetwork(non-str) raises TypeError (or copies an
         * IPNetwork, which JSON cannot produce) */
        return neutron_value_error(ctx, in);
    ovo_ipnet net;
    if (ovo_netaddr_ip_network(ctx, in, &net) != OVO_EXC_NONE)
        return neutron_failed(ctx, in);
    /* _AuthenticBase.__init__ -> IPNetwork.__init__ -> parse_ip_network:
     * eight frames for IPv4, nine for IPv6; short of them the
     * RecursionError is caught and reported as ValueError */
    if (room(ctx) < (net.ip.version == 6 ? 9 : 8))
        return neutron_value_error(ctx, in);
    if (ovo_strict(ctx) && !ipnet_canonical(in, &net))
        ovo_note(ctx, OVO_RULE_IPNET_NONCANONICAL);
    net.text = in->u.s;     /* _AuthenticBase.__str__: the str as given */
    return new_ipnet(ctx, &net, out);
}

int ovo_ip_network_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                          const ovo_val **out)
{
    if (in->type != OVO_IPNET)
        return neutron_value_error(ctx, in);
    if (room(ctx) < 1)      /* super().coerce */
        return recursion_error(ctx);
    *out = in;
    return 0;
}

int ovo_ip_network_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                const ovo_val **out)
{
    if (in->type != OVO_IPNET)
        return generic_str(ctx, in, out);
    if (room(ctx) < 2)      /* str() -> _AuthenticBase.__str__ */
        return recursion_error(ctx);
    return str_result(ctx, in->u.net.text.ptr, in->u.net.text.len, false, out);
}

int ovo_mac_address_from_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                   const ovo_val **out)
{
    ovo_mac mac;
    if (ovo_netaddr_eui(ctx, in, &mac) != OVO_EXC_NONE)
        return neutron_failed(ctx, in);
    /* AuthenticEUI -> EUI.__init__ -> the value setter -> str_to_int /
     * int(): seven frames from a str, six from an int */
    if (room(ctx) < (in->type == OVO_STR ? 7 : 6))
        return neutron_value_error(ctx, in);
    if (ovo_strict(ctx) && !mac_canonical(in))
        ovo_note(ctx, OVO_RULE_MAC_AMBIGUOUS);
    if (in->type == OVO_STR)
        mac.text = in->u.s; /* _AuthenticBase.__str__: the str as given */
    return new_mac(ctx, &mac, out);
}

int ovo_mac_address_coerce(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                           const ovo_val **out)
{
    if (in->type != OVO_MAC)
        return neutron_value_error(ctx, in);
    if (room(ctx) < 1)      /* super().coerce */
        return recursion_error(ctx);
    *out = in;
    return 0;
}

/* str(AuthenticEUI) returns the input str at once (two frames); for an
 * EUI built from an int it formats (EUI.__str__ -> int_to_str ->
 * int_to_words: seven frames). */
int ovo_mac_address_to_primitive(ovo_ctx *ctx, const ovo_type_desc *td, const ovo_val *in,
                                 const ovo_val **out)
{
    if (in->type != OVO_MAC)
        return generic_str(ctx, in, out);
    if (room(ctx) < (in->u.mac.from_str ? 2 : 7))
        return recursion_error(ctx);
    return str_result(ctx, in->u.mac.text.ptr, in->u.mac.text.len, false, out);
}
