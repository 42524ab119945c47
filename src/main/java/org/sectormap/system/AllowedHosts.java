package org.sectormap.system;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The host names this installation answers to ({@code sectormap.allowed-hosts}). A page that a
 * signed-in person's browser is tricked into loading from another name pointed at this server (DNS
 * rebinding) carries that other name in its Host header, and is refused.
 */
@ConfigurationProperties("sectormap")
record AllowedHosts(@DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> allowedHosts) {

    AllowedHosts {
        allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean allows(String host) {
        return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
