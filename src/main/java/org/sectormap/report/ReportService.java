package org.sectormap.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.sectormap.shared.PageCount;
import org.sectormap.organisation.Areas;
import org.sectormap.organisation.OrganisationCounts;
import org.sectormap.organisation.Category;
import org.sectormap.shared.Coded;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.shared.Labels;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.report.Reports.AreaGroup;
import org.sectormap.report.Reports.AreaRow;
import org.sectormap.report.Reports.CategoryRow;
import org.sectormap.report.Reports.EngagementRow;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReportService {

    private final OrganisationCounts repository;
    private final Areas areas;
    private final Labels labels;
    private final MessageSource messages;

    ReportService(OrganisationCounts repository, Areas areas, Labels labels, MessageSource messages) {
        this.repository = repository;
        this.areas = areas;
        this.labels = labels;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Reports.ByCategory byCategory() {
        Map<String, OrganisationCounts.CategoryCount> counts = new LinkedHashMap<>();
        repository.byCategory().forEach(c -> counts.put(c.category(), c));
        List<CategoryRow> rows = new ArrayList<>();
        for (Category category : Category.values()) {
            OrganisationCounts.CategoryCount c = counts.get(category.code());
            rows.add(new CategoryRow(category, labels.of(category), c == null ? 0 : c.onDatabase(),
                    c == null ? 0 : c.interviewed()));
        }
        OrganisationCounts.CategoryCount unclassified = counts.get(null);
        if (unclassified != null && unclassified.onDatabase() > 0) {
            rows.add(new CategoryRow(null, unclassifiedLabel(), unclassified.onDatabase(), unclassified.interviewed()));
        }
        return new Reports.ByCategory(rows, new Reports.CategoryTotal(
                rows.stream().mapToLong(CategoryRow::onDatabase).sum(),
                rows.stream().mapToLong(CategoryRow::interviewed).sum()));
    }

    @Transactional(readOnly = true)
    public Reports.ByArea byArea() {
        Map<String, Long> counts = new LinkedHashMap<>();
        repository.byArea().forEach(a -> counts.put(a.area(), a.organisations()));
        List<AreaRow> rows = new ArrayList<>();
        areas.areas().forEach(area -> rows.add(new AreaRow(area, counts.getOrDefault(area, 0L))));
        // Areas stored before the configured list changed still count, after the configured ones.
        counts.keySet().stream().filter(Objects::nonNull).filter(a -> !areas.areas().contains(a))
                .sorted(String.CASE_INSENSITIVE_ORDER).forEach(area -> rows.add(new AreaRow(area, counts.get(area))));
        if (counts.containsKey(null)) {
            rows.add(new AreaRow(null, counts.get(null)));
        }
        return new Reports.ByArea(rows, new Reports.AreaTotal(rows.stream().mapToLong(AreaRow::onDatabase).sum()));
    }

    @Transactional(readOnly = true)
    public Reports.Engagement engagement() {
        Map<String, OrganisationCounts.EngagementCount> counts = new LinkedHashMap<>();
        repository.engagement().forEach(e -> counts.put(e.category(), e));
        List<EngagementRow> rows = new ArrayList<>();
        for (Category category : Category.values()) {
            rows.add(engagementRow(category, labels.of(category), counts.get(category.code())));
        }
        if (counts.containsKey(null)) {
            rows.add(engagementRow(null, unclassifiedLabel(), counts.get(null)));
        }
        return new Reports.Engagement(rows);
    }

    private static EngagementRow engagementRow(Category category, String label, OrganisationCounts.EngagementCount c) {
        long interviewed = c == null ? 0 : c.fullInterviews();
        long onBoard = c == null ? 0 : c.onCypBoard();
        long informed = c == null ? 0 : c.wellInformed();
        return new EngagementRow(category, label, interviewed, onBoard, Percent.of(onBoard, interviewed), informed,
                Percent.of(informed, interviewed));
    }

    @Transactional(readOnly = true)
    public Reports.Outreach outreach() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (ExclusionReason reason : ExclusionReason.values()) {
            byReason.put(reason.code(), 0L);
        }
        long fullInterviews = 0;
        long followUp = 0;
        for (OrganisationCounts.StatusCount c : repository.byStatus()) {
            byStatus.merge(c.status(), c.organisations(), Long::sum);
            if (c.exclusionReason() != null) {
                byReason.merge(c.exclusionReason(), c.organisations(), Long::sum);
            }
            if (OutreachStatus.INTERVIEWED.code().equals(c.status())) {
                fullInterviews += c.fullInterviews();
                followUp += c.followUp();
            }
        }
        long interviewed = byStatus.getOrDefault(OutreachStatus.INTERVIEWED.code(), 0L);
        long listed = byStatus.getOrDefault(OutreachStatus.LISTED.code(), 0L);
        return new Reports.Outreach(byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus.getOrDefault(OutreachStatus.EXCLUDED.code(), 0L), byReason, listed, interviewed,
                byStatus.getOrDefault(OutreachStatus.UNREACHABLE.code(), 0L), interviewed + listed, fullInterviews,
                followUp);
    }

    /** Organisations a page of Appendix 1 lists. */
    private static final int INTERVIEWEES_PAGE = 100;

    /**
     * A page of Appendix 1, counted from the tally: each area's slice of the page is read from the
     * index by name, so page 1 and page 6,000 cost the same few short reads.
     */
    @Transactional(readOnly = true)
    public Reports.Interviewees interviewees(int page) {
        List<OrganisationCounts.AreaCount> areaCounts = intervieweeAreas();
        long total = areaCounts.stream().mapToLong(OrganisationCounts.AreaCount::organisations).sum();
        long from = (long) (page - 1) * INTERVIEWEES_PAGE;
        long to = from + INTERVIEWEES_PAGE;
        List<AreaGroup> groups = new ArrayList<>();
        long at = 0;
        for (OrganisationCounts.AreaCount area : areaCounts) {
            long end = at + area.organisations();
            if (end > from && at < to) {
                long offset = Math.max(0, from - at);
                int limit = (int) (Math.min(end, to) - Math.max(at, from));
                groups.add(new AreaGroup(area.area(), area.organisations(), repository.interviewees(area.area(), offset,
                        limit, area.organisations()).stream().map(ReportService::interviewee).toList()));
            }
            at = end;
        }
        return new Reports.Interviewees(groups, page, PageCount.of(total, INTERVIEWEES_PAGE),
                total);
    }

    /**
     * The whole of Appendix 1 on one page, as the mapping report prints it, while it lists at most
     * {@code most} organisations; empty beyond that, without reading any of them.
     */
    @Transactional(readOnly = true)
    public Optional<Reports.Interviewees> allInterviewees(long most) {
        List<OrganisationCounts.AreaCount> areaCounts = intervieweeAreas();
        long total = areaCounts.stream().mapToLong(OrganisationCounts.AreaCount::organisations).sum();
        if (total > most) {
            return Optional.empty();
        }
        List<AreaGroup> groups = new ArrayList<>();
        for (OrganisationCounts.AreaCount area : areaCounts) {
            List<Reports.Interviewee> organisations = new ArrayList<>();
            repository.forEachInterviewee(area.area(), i -> organisations.add(interviewee(i)));
            groups.add(new AreaGroup(area.area(), area.organisations(), organisations));
        }
        return Optional.of(new Reports.Interviewees(groups, 1, 1, total));
    }

    /** How many were interviewed in each area that has any, in Appendix 1's order. */
    @Transactional(readOnly = true)
    public Map<String, Long> interviewedByArea() {
        Map<String, Long> counts = new LinkedHashMap<>();
        intervieweeAreas().forEach(a -> counts.put(a.area(), a.organisations()));
        return counts;
    }

    /** Hands every interviewee to the consumer, in Appendix 1's order, as it is read from the database. */
    @Transactional(readOnly = true)
    public void forEachInterviewee(BiConsumer<String, Reports.Interviewee> consumer) {
        for (OrganisationCounts.AreaCount area : intervieweeAreas()) {
            repository.forEachInterviewee(area.area(), i -> consumer.accept(area.area(), interviewee(i)));
        }
    }

    /** Appendix 1's areas in its order: the configured ones, then others stored earlier, then "not recorded". */
    private List<OrganisationCounts.AreaCount> intervieweeAreas() {
        Map<String, Long> counts = new HashMap<>();
        repository.interviewedByArea().forEach(a -> counts.put(a.area(), a.organisations()));
        List<String> order = new ArrayList<>(areas.areas());
        counts.keySet().stream().filter(Objects::nonNull).filter(a -> !areas.areas().contains(a)).sorted()
                .forEach(order::add);
        order.add(null);
        return order.stream().filter(counts::containsKey)
                .map(a -> new OrganisationCounts.AreaCount(a, counts.get(a))).toList();
    }

    private static Reports.Interviewee interviewee(OrganisationCounts.Interviewee i) {
        return new Reports.Interviewee(i.id(), i.name(), Coded.fromCode(Category.class, i.category()).orElse(null));
    }

    private String unclassifiedLabel() {
        return messages.getMessage("common.notClassified", null, LocaleContextHolder.getLocale());
    }
}
