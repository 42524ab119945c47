package org.sectormap.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        repository.byArea().forEach(a -> counts.put(a.area(), a.onDatabase()));
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

    @Transactional(readOnly = true)
    public Reports.Interviewees interviewees() {
        Map<String, List<Reports.Interviewee>> byArea = new LinkedHashMap<>();
        areas.areas().forEach(area -> byArea.put(area, new ArrayList<>()));
        List<OrganisationCounts.Interviewee> all = repository.interviewees();
        all.stream().map(OrganisationCounts.Interviewee::area).filter(Objects::nonNull)
                .filter(a -> !byArea.containsKey(a)).sorted().forEach(a -> byArea.put(a, new ArrayList<>()));
        byArea.put(null, new ArrayList<>());
        for (OrganisationCounts.Interviewee i : all) {
            byArea.get(i.area()).add(new Reports.Interviewee(i.id(), i.name(),
                    Coded.fromCode(Category.class, i.category()).orElse(null)));
        }
        return new Reports.Interviewees(byArea.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new AreaGroup(e.getKey(), e.getValue())).toList());
    }

    private String unclassifiedLabel() {
        return messages.getMessage("common.notClassified", null, LocaleContextHolder.getLocale());
    }
}
