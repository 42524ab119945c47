package org.sectormap.openreferral;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

import org.sectormap.organisation.Category;

/**
 * The feed's ids, derived rather than stored: the same record always has the same UUID, and a
 * UUID leads back to its record without a lookup table. Each kind of object has its own fixed
 * upper half (a name-based hash of the kind, marked as a version 8, custom-layout UUID, RFC 9562);
 * the lower half carries the organisation's id. The taxonomy and its five terms are name-based
 * (version 3) UUIDs of their codes.
 */
final class FeedIds {

    private static final String NAMESPACE = "https://sectormap.org/openreferral/";
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long ID_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    /** The objects one organisation becomes in the feed. */
    enum Kind {
        ORGANIZATION, SERVICE, LOCATION, SERVICE_AT_LOCATION, SERVICE_AREA, ADDRESS, PHONE, ATTRIBUTE;

        private final long high;

        Kind() {
            long hash = UUID.nameUUIDFromBytes((NAMESPACE + name()).getBytes(StandardCharsets.UTF_8))
                    .getMostSignificantBits();
            this.high = (hash & ~0xF000L) | 0x8000L;
        }
    }

    static final UUID TAXONOMY = named("taxonomy/categories");

    private FeedIds() {
    }

    static UUID of(Kind kind, long organisationId) {
        return new UUID(kind.high, VARIANT | organisationId);
    }

    /** The organisation behind one of the feed's ids of that kind, if it is one. */
    static OptionalLong organisationId(Kind kind, String text) {
        UUID uuid;
        try {
            uuid = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        long low = uuid.getLeastSignificantBits();
        boolean ours = uuid.getMostSignificantBits() == kind.high && (low & ~ID_BITS) == VARIANT
                && uuid.toString().equalsIgnoreCase(text);
        return ours ? OptionalLong.of(low & ID_BITS) : OptionalLong.empty();
    }

    static UUID term(Category category) {
        return named("taxonomy/categories/" + category.code());
    }

    private static UUID named(String path) {
        return UUID.nameUUIDFromBytes((NAMESPACE + path).getBytes(StandardCharsets.UTF_8));
    }
}
