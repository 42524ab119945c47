package org.sectormap.interview;

import org.sectormap.shared.Coded;

/** Whether the organisation sits on a Children and Young People's strategic board or sub-group. */
public enum CypBoard implements Coded {
    NO, DIRECTLY, THROUGH_BOARD_MEMBER;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "interview.cypBoard." + code();
    }
}
