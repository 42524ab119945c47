package org.sectormap.organisation;

/** Why a record is probably another's duplicate; every reason but the name needs similar names too. */
public enum DuplicateReason {
    SAME_NAME, SAME_EMAIL, SAME_WEBSITE, SAME_PHONE, SAME_POSTCODE;

    /** The label's key in messages.properties, e.g. "Same email address and a similar name". */
    public String messageKey() {
        return "duplicates.reason." + name().toLowerCase(java.util.Locale.ROOT).replace("same_", "");
    }
}
