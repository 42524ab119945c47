package org.sectormap.interview;

import java.util.List;

import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.RecordSection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The organisation page's interviews and what it said about itself. */
@Component
@Order(0)
class InterviewSection implements RecordSection {

    private final InterviewService interviews;
    private final MessageSource messages;

    InterviewSection(InterviewService interviews, MessageSource messages) {
        this.interviews = interviews;
        this.messages = messages;
    }

    record Model(Organisation organisation, List<Interview> interviews) {
    }

    @Override
    public Panel panel(Organisation organisation) {
        List<Interview> held = interviews.ofOrganisation(organisation.id());
        long answers = held.stream().mapToLong(i -> i.answers().size()).sum();
        String warning = held.isEmpty() ? null : messages.getMessage("interview.deletionWarning",
                new Object[] {held.size(), answers}, LocaleContextHolder.getLocale());
        return new Panel("interview/section", "section", new Model(organisation, held), warning);
    }
}
