package org.sectormap.organisation;

import static org.sectormap.organisation.OrganisationField.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The one set of rules for an organisation record, shared by the form, the API and imports,
 * so that a value accepted in one is accepted in all.
 */
@Component
public class OrganisationParser {

    private static final Pattern POSTCODE_PATTERN = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");
    private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern WEBSITE_PATTERN = Pattern.compile("^(?i:https?://)?[^\\s/.]+(\\.[^\\s/.]+)+(/\\S*)?$");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");
    private static final String OTHER_PREFIX = "other:";

    private final Labels labels;
    private final Areas areas;
    private final Clock clock;

    OrganisationParser(Labels labels, Areas areas, Clock clock) {
        this.labels = labels;
        this.areas = areas;
        this.clock = clock;
    }

    public record Result(OrganisationDetails details, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result parse(OrganisationForm form) {
        Reading r = new Reading(form);
        String name = r.text(NAME);
        if (name == null) {
            r.problem(NAME, "error.name.required");
        }
        Category category = r.coded(CATEGORY, Category.class, "error.category.unknown");
        String area = r.area();
        String postcode = r.postcode();
        String email = r.matching(EMAIL_PATTERN, OrganisationField.EMAIL, "error.email.invalid");
        String website = r.matching(WEBSITE_PATTERN, OrganisationField.WEBSITE, "error.website.invalid");

        OutreachStatus status = r.coded(STATUS, OutreachStatus.class, "error.status.unknown");
        if (status == null && r.raw(STATUS) == null) {
            r.problem(STATUS, "error.status.required");
        }
        boolean excluded = status == OutreachStatus.EXCLUDED;
        boolean interviewed = status == OutreachStatus.INTERVIEWED;

        ExclusionReason reason = null;
        String detail = r.text(EXCLUSION_DETAIL);
        String typedReason = r.raw(EXCLUSION_REASON);
        if (typedReason != null && typedReason.toLowerCase(Locale.ROOT).startsWith(OTHER_PREFIX)) {
            // Spreadsheets have one column for the reason, so "other: why" carries both.
            reason = ExclusionReason.OTHER;
            detail = blankToNull(typedReason.substring(OTHER_PREFIX.length()));
        } else {
            reason = r.coded(EXCLUSION_REASON, ExclusionReason.class, "error.exclusionReason.unknown");
        }
        if (excluded && reason == null && typedReason == null) {
            r.problem(EXCLUSION_REASON, "error.exclusionReason.required");
        }
        if (reason == ExclusionReason.OTHER && detail == null) {
            r.problem(EXCLUSION_DETAIL, "error.exclusionDetail.required");
        }
        if (status != null && !excluded) {
            r.onlyFor(EXCLUSION_REASON, "error.onlyExcluded");
            r.onlyFor(EXCLUSION_DETAIL, "error.onlyExcluded");
        }
        if (reason != ExclusionReason.OTHER) {
            detail = null;
        }

        LocalDate interviewDate = r.date(INTERVIEW_DATE, LocalDate.now(clock));
        InterviewMode mode = r.coded(INTERVIEW_MODE, InterviewMode.class, "error.interviewMode.unknown");
        boolean fullInterview = r.tick(FULL_INTERVIEW);
        boolean followUp = r.tick(FOLLOW_UP);
        boolean cypBoard = r.tick(CYP_BOARD);
        boolean wellInformed = r.tick(WELL_INFORMED);
        if (status != null && !interviewed) {
            for (OrganisationField f : List.of(INTERVIEW_DATE, INTERVIEW_MODE)) {
                r.onlyFor(f, "error.onlyInterviewed");
            }
            for (OrganisationField f : List.of(FULL_INTERVIEW, FOLLOW_UP, CYP_BOARD, WELL_INFORMED)) {
                if (YES.contains(lower(r.raw(f)))) {
                    r.problem(f, "error.onlyInterviewed");
                }
            }
        }

        OrganisationDetails details = new OrganisationDetails(name, category, area, r.text(COVERAGE),
                r.text(ADDRESS), postcode, r.text(PHONE), email, website, r.text(CONTACT_NAME),
                r.text(CONTACT_ROLE), r.text(DESCRIPTION), status, excluded ? reason : null,
                excluded ? detail : null, interviewDate, mode, fullInterview, followUp, cypBoard, wellInformed);
        return new Result(r.problems.isEmpty() ? details : null, List.copyOf(r.problems));
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    /** One pass over one form, collecting every problem rather than stopping at the first. */
    private final class Reading {
        private final OrganisationForm form;
        private final List<Problem> problems = new ArrayList<>();

        Reading(OrganisationForm form) {
            this.form = form;
        }

        String raw(OrganisationField field) {
            return blankToNull(form.value(field));
        }

        void problem(OrganisationField field, String code, Object... args) {
            boolean alreadyReported = problems.stream().anyMatch(p -> p.field() == field);
            if (!alreadyReported) {
                problems.add(Problem.of(field, code, args));
            }
        }

        void onlyFor(OrganisationField field, String code) {
            if (raw(field) != null) {
                problem(field, code);
            }
        }

        /** The trimmed value, or a problem when it is too long to store. */
        String text(OrganisationField field) {
            String value = raw(field);
            if (value != null && value.length() > field.maxLength()) {
                problem(field, "error.tooLong", labels.of(field), field.maxLength());
                return null;
            }
            return value;
        }

        <E extends Enum<E> & Coded> E coded(OrganisationField field, Class<E> type, String unknownCode) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            return labels.parse(type, value).orElseGet(() -> {
                problem(field, unknownCode, value);
                return null;
            });
        }

        String area() {
            String value = text(AREA);
            if (value == null) {
                return null;
            }
            return areas.find(value).orElseGet(() -> {
                problem(AREA, "error.area.unknown", value, String.join(", ", areas.areas()));
                return null;
            });
        }

        String postcode() {
            // Checked against the pattern, not the length, so the message says what is wrong.
            String value = raw(POSTCODE);
            if (value == null) {
                return null;
            }
            String upper = value.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!POSTCODE_PATTERN.matcher(upper).matches()) {
                problem(POSTCODE, "error.postcode.invalid", value);
                return null;
            }
            return upper;
        }

        String matching(Pattern pattern, OrganisationField field, String code) {
            String value = text(field);
            if (value != null && !pattern.matcher(value).matches()) {
                problem(field, code, value);
                return null;
            }
            return value;
        }

        LocalDate date(OrganisationField field, LocalDate today) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.isAfter(today)) {
                    problem(field, "error.date.future", value);
                }
                return date;
            } catch (DateTimeParseException e) {
                problem(field, "error.date.invalid", value);
                return null;
            }
        }

        boolean tick(OrganisationField field) {
            String value = lower(text(field));
            if (value.isEmpty() || NO.contains(value)) {
                return false;
            }
            if (YES.contains(value)) {
                return true;
            }
            problem(field, "error.tick.invalid", form.value(field).strip());
            return false;
        }
    }
}
