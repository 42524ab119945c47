package org.sectormap.organisation;

import org.sectormap.shared.Coded;

/** The report's classification: BME or general, infrastructure or network, or an access point. */
public enum Category implements Coded {
    BME_INFRASTRUCTURE, BME_NETWORK, GENERAL_INFRASTRUCTURE, GENERAL_NETWORK, ACCESS_POINT;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "category." + code();
    }
}
