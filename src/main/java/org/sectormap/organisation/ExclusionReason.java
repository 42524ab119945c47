package org.sectormap.organisation;

import org.sectormap.shared.Coded;

/** Why a contacted organisation did not qualify for the mapping. */
public enum ExclusionReason implements Coded {
    NO_BME_WORK, ADULTS_ONLY, DIRECT_SERVICE_ONLY, OTHER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "exclusion." + code();
    }
}
