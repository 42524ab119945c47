package org.sectormap.recommendation;

import org.sectormap.shared.Coded;

public enum RecommendationStatus implements Coded {
    PROPOSED, AGREED, IN_PROGRESS, DONE, DROPPED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "recommendation.status." + code();
    }
}
