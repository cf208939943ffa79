/* netaddr 0.8.0 as the reference uses it: IPAddress, IPNetwork and EUI
 * built from the values JSON can carry, and their str().
 *
 * The parsers below the netaddr layer are the ones netaddr delegates to on
 * Linux: Python's socket.inet_aton / inet_pton, which call glibc's.  They
 * are written out here (glibc 2.36's algorithms) rather than called, so
 * that libovo gives the reference's answers on any C library: musl, BSD
 * and macOS libcs parse the same text differently (trailing text after
 * whitespace, 1-3 part forms, zero-width "::").
 *
 * The netaddr constructors return OVO_EXC_NONE (0) on success.  Otherwise
 * they return the class netaddr raises and leave it pending in ctx as
 * ovo_raise does (AddrFormatError, ValueError, TypeError; MemoryError when
 * the arena fails).  They do not model the interpreter stack: the field
 * kinds in field_netaddr.c do that around them.
 */
#ifndef OVO_NETADDR_H
#define OVO_NETADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ovo.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Room for any str() below, NUL included. */
#define OVO_NETADDR_STR_MAX 64

/* ------------------------------------------------------------ socket */

/* socket.inet_aton(s) succeeds (Python 3.11 over glibc): a str holding
 * neither NUL nor a lone surrogate, then glibc inet_aton: 1-4 parts of
 * C integers (0x hex, leading-0 octal, decimal), the last part filling the
 * remaining bytes, and anything after ASCII whitespace ignored. */
bool ovo_socket_inet_aton(ovo_str s, uint32_t *out);
/* socket.inet_pton(AF_INET, s): exactly four decimal parts 0-255, no
 * leading zeros, nothing else. */
bool ovo_socket_inet_pton4(ovo_str s, uint32_t *out);
/* socket.inet_pton(AF_INET6, s): RFC 4291 text (hex either case, one
 * "::", a dotted-quad tail), no zone id, no whitespace.  *hi and *lo hold the
 * address's 128 bits. */
bool ovo_socket_inet_pton6(ovo_str s, uint64_t *hi, uint64_t *lo);

/* ------------------------------------------------------------ netaddr */

/* netaddr.IPAddress(addr) with default flags (ip/__init__.py
 * IPAddress.__init__): a str through inet_aton, then inet_pton6 (a '/' in
 * it: ValueError); an int or bool 0..2**128-1 (IPv6 from 2**32); an
 * IPAddress or IPNetwork value copies the address; anything else
 * AddrFormatError. */
ovo_exc ovo_netaddr_ip_address(ovo_ctx *ctx, const ovo_val *addr, ovo_ipaddr *out);

/* netaddr.IPNetwork(addr) (ip/__init__.py IPNetwork.__init__ and
 * parse_ip_network): a str "ADDRESS[/PREFIX]" tried as IPv4 (strict
 * dotted quad, else a partial address "10", "10.1", " 1 . 2") and then as
 * IPv6; PREFIX is Python int() text or a netmask or hostmask address.
 * Host bits are kept.  An IPNetwork value is copied, an IPAddress value
 * becomes a full-length network; any other type is a TypeError.
 * out->text is the canonical str() (in ctx's arena). */
ovo_exc ovo_netaddr_ip_network(ovo_ctx *ctx, const ovo_val *addr, ovo_ipnet *out);

/* netaddr.EUI(addr) (eui/__init__.py EUI.__init__ and _set_value): a str
 * in one of the EUI-48 then EUI-64 regex dialects (strategy/eui48.py,
 * eui64.py), else Python int() of it within 48, then 64 bits; an int or
 * bool below 2**64; an EUI value is copied; anything else is a TypeError.
 * out->text is the canonical str() (in ctx's arena). */
ovo_exc ovo_netaddr_eui(ovo_ctx *ctx, const ovo_val *addr, ovo_mac *out);

/* ------------------------------------------------------------ str() */

/* str(IPAddress): dotted quad, or glibc inet_ntop's IPv6 text (lowercase,
 * the longest run of two or more zero groups as "::", the leftmost on a
 * tie, "::a.b.c.d" and "::ffff:a.b.c.d" tails).  buf holds
 * OVO_NETADDR_STR_MAX bytes; returns the length, NUL-terminated. */
size_t ovo_ipaddr_format(const ovo_ipaddr *ip, char *buf);
/* str(netaddr.IPNetwork): "ADDRESS/PREFIXLEN" of net->ip and
 * net->prefixlen (net->text is not consulted). */
size_t ovo_ipnet_format(const ovo_ipnet *net, char *buf);
/* str(netaddr.EUI): "XX-XX-XX-XX-XX-XX" (or eight groups for EUI-64),
 * uppercase (mac_eui48 / eui64_base dialects). */
size_t ovo_eui_format(const ovo_mac *mac, char *buf);

#ifdef __cplusplus
}
#endif
#endif
