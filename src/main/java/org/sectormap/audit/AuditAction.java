package org.sectormap.audit;

import org.sectormap.shared.Coded;

public enum AuditAction implements Coded {
    CREATED, CHANGED, DELETED, ERASED, DOWNLOADED, RESTORED;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "audit.action." + code();
    }
}
