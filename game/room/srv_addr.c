/* srv_addr: the URLs a phone can open to reach the room server. Listening
 * on every network (0.0.0.0 or ::), that is one URL per IPv4 address of
 * each network interface that is up, loopback left out (a phone cannot
 * reach 127.0.0.1); listening on one address, that address. The join
 * screen (QR codes) and the console's and the command line's messages
 * read them. */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "room/srv_internal.h"

static int any_address(const char *b)
{
    return strcmp(b, "0.0.0.0") == 0 || strcmp(b, "::") == 0;
}

int srv_virtual_if(const char *name)
{
    static const char *const virt[] = {"docker", "br-", "virbr", "veth", "vmnet", "vboxnet",
                                       "lxc", "lxd", "tun", "tap", "wg", "zt", "tailscale",
                                       "cni", "flannel", "podman"};
    for (size_t k = 0; name && k < sizeof virt / sizeof virt[0]; k++)
        if (strncmp(name, virt[k], strlen(virt[k])) == 0)
            return 1;
    return 0;
}

int srv_urls(const srv *s, char (*out)[SRV_URL_MAX], int max)
{
    int n = 0;
    if (!s || max <= 0)
        return 0;
    if (!any_address(s->bind)) {
        int v6 = strchr(s->bind, ':') != NULL;
        snprintf(out[n++], SRV_URL_MAX, "http://%s%s%s:%d/", v6 ? "[" : "", s->bind,
                 v6 ? "]" : "", s->port);
        return n;
    }
    struct ifaddrs *ifs = NULL;
    /* two passes: the networks phones are on first (Wi-Fi, Ethernet), then
     * the virtual ones (containers, VMs, VPNs), so that the projector's
     * first QR code is one a phone can reach */
    for (int pass = 0; pass < 2 && getifaddrs(&ifs) == 0; pass++) {
        for (struct ifaddrs *i = ifs; i && n < max; i = i->ifa_next) {
            if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP) ||
                (i->ifa_flags & IFF_LOOPBACK) || srv_virtual_if(i->ifa_name) != pass)
                continue;
            char ip[INET_ADDRSTRLEN];
            const struct sockaddr_in *a = (const struct sockaddr_in *)i->ifa_addr;
            if (!inet_ntop(AF_INET, &a->sin_addr, ip, sizeof ip))
                continue;
            snprintf(out[n++], SRV_URL_MAX, "http://%s:%d/", ip, s->port);
        }
        freeifaddrs(ifs);
        ifs = NULL;
    }
    return n;
}
