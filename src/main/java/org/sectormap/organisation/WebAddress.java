package org.sectormap.organisation;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A website as people type it (often without the scheme, sometimes with an accented domain), as an
 * absolute http or https URI in ASCII: the domain in punycode, anything else beyond ASCII
 * percent-encoded. Empty where the text is no web address, such as "ftp:weird.example" (which a
 * browser would read as the host "ftp" on the port "weird.example") or one holding a quote or a bar.
 */
final class WebAddress {

    private static final Pattern SCHEME_AND_REST = Pattern.compile("(?i)(https?)://([^/?#]*)(.*)", Pattern.DOTALL);

    private WebAddress() {
    }

    static Optional<String> of(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Matcher parts = SCHEME_AND_REST.matcher(lower.startsWith("http://") || lower.startsWith("https://")
                ? typed : "https://" + typed);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            String host = IDN.toASCII(parts.group(2), IDN.USE_STD3_ASCII_RULES);
            URI uri = new URI(parts.group(1).toLowerCase(Locale.ROOT) + "://" + host + parts.group(3)).parseServerAuthority();
            return uri.getHost() == null || !uri.getHost().contains(".") ? Optional.empty()
                    : Optional.of(uri.toASCIIString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
