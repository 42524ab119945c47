package org.sectormap.outreach;

import java.util.List;

import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.RecordSection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The organisation page's contact history, newest first. */
@Component
@Order(2)
class ContactHistorySection implements RecordSection {

    private final OutreachService outreach;
    private final MessageSource messages;

    ContactHistorySection(OutreachService outreach, MessageSource messages) {
        this.outreach = outreach;
        this.messages = messages;
    }

    record History(Organisation organisation, List<ContactAttempt> attempts) {
    }

    @Override
    public Panel panel(Organisation organisation) {
        List<ContactAttempt> attempts = outreach.history(organisation.id());
        String warning = attempts.isEmpty() ? null : messages.getMessage("contact.deletionWarning",
                new Object[] {attempts.size()}, LocaleContextHolder.getLocale());
        return new Panel("outreach/history", "section", new History(organisation, attempts), warning);
    }
}
