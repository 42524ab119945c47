package org.sectormap.organisation;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A website as people type it (often without the scheme, sometimes with an accented domain, a port
 * or an underscore), as an absolute http or https URI in ASCII: the domain in punycode, anything else
 * beyond ASCII percent-encoded. Empty where the text is no web address, such as "ftp:weird.example"
 * (which a browser would read as the host "ftp" on the port "weird.example") or one holding a quote
 * or a bar.
 */
final class WebAddress {

    private static final Pattern SCHEME_HOST_PORT_REST = Pattern.compile("(?i)(https?)://([^/?#:]*)(:[0-9]{1,5})?([/?#].*)?",
            Pattern.DOTALL);
    /** A host as RFC 3986 names one, once in ASCII: letters, digits, dots, hyphens, underscores, tildes. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_~-]+(\\.[A-Za-z0-9_~-]+)+\\.?");

    private WebAddress() {
    }

    static Optional<String> of(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Matcher parts = SCHEME_HOST_PORT_REST.matcher(lower.startsWith("http://") || lower.startsWith("https://")
                ? typed : "https://" + typed);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            String host = IDN.toASCII(parts.group(2));
            if (!HOST.matcher(host).matches()) {
                return Optional.empty();
            }
            String port = parts.group(3) == null ? "" : parts.group(3);
            String rest = parts.group(4) == null ? "" : parts.group(4);
            return Optional.of(new URI(parts.group(1).toLowerCase(Locale.ROOT) + "://" + host + port + rest).toASCIIString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
