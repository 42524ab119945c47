package org.sectormap.audit;

import org.sectormap.shared.Coded;

/** Every kind of record the trail follows, so an administrator can search by kind. */
public enum AuditKind implements Coded {
    ORGANISATION, CONTACT_ATTEMPT, REFERRAL, INTERVIEW, QUESTION, SECTION, THEME, RECOMMENDATION,
    RECOMMENDATION_GROUP, USER, API_TOKEN, SETTING, PERSON, CONSENT, BACKUP;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "audit.kind." + code();
    }
}
