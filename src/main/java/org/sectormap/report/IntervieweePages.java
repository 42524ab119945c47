package org.sectormap.report;

import java.util.Map;

import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.springframework.stereotype.Component;

/** Which page of Appendix 1 a page or API call asks for. */
@Component
class IntervieweePages {

    private final Inputs inputs;

    IntervieweePages(Inputs inputs) {
        this.inputs = inputs;
    }

    /** @throws BadParameterException for a page that is not a whole number from 1 */
    int read(Map<String, String> params) {
        Input in = inputs.read(params);
        Long page = in.number("page", 1, Integer.MAX_VALUE);
        if (!in.valid()) {
            throw new BadParameterException("page", params.get("page"));
        }
        return page == null ? 1 : page.intValue();
    }
}
