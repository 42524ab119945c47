package org.sectormap.organisation;

import static org.sectormap.organisation.OrganisationField.*;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Problem;
import org.springframework.stereotype.Component;

/**
 * The one set of rules for an organisation record, shared by the form, the API and imports,
 * so that a value accepted in one is accepted in all. Each field is read by its kind; then the
 * rules that tie fields together (an exclusion needs a reason, only an interview has answers).
 */
@Component
public class OrganisationParser {

    private static final String OTHER_PREFIX = "other:";
    private static final int TYPED_POSTCODE = 40;

    private final Inputs inputs;
    private final Areas areas;

    OrganisationParser(Inputs inputs, Areas areas) {
        this.inputs = inputs;
        this.areas = areas;
    }

    public record Result(OrganisationDetails details, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result parse(OrganisationForm form) {
        Input in = inputs.read(property -> fromProperty(property).map(form::value).orElse(null));
        Map<OrganisationField, Object> values = new EnumMap<>(OrganisationField.class);
        for (OrganisationField field : OrganisationField.values()) {
            if (field != EXCLUSION_REASON && field != EXCLUSION_DETAIL) {
                values.put(field, read(in, field));
            }
        }
        if (values.get(NAME) == null && !in.has(NAME.property())) {
            in.problem(NAME.property(), "error.name.required");
        }
        OutreachStatus status = (OutreachStatus) values.get(STATUS);
        if (status == null && !in.has(STATUS.property())) {
            in.problem(STATUS.property(), "error.status.required");
        }
        exclusion(in, status, values);
        if (status != null && status != OutreachStatus.INTERVIEWED) {
            for (OrganisationField field : Section.INTERVIEW.fields()) {
                // A "no" in an unticked column of a spreadsheet says nothing about an interview.
                if (values.get(field) != null && !Boolean.FALSE.equals(values.get(field))) {
                    in.problem(field.property(), "error.onlyInterviewed");
                }
                values.remove(field);
            }
        }
        List<Problem> inPageOrder = in.problems().stream()
                .sorted(Comparator.comparing(p -> fromProperty(p.field()).orElseThrow())).toList();
        return new Result(in.valid() ? OrganisationDetails.of(values) : null, inPageOrder);
    }

    private Object read(Input in, OrganisationField field) {
        String property = field.property();
        return switch (field.kind()) {
            case LINE -> in.line(property, field.maxLength());
            case TEXT -> in.text(property, field.maxLength());
            case AREA -> in.oneOf(property, areas.areas());
            case CHOICE -> in.choice(field.choiceType(), property, null);
            case DATE -> in.date(property, null);
            case TICK -> in.tick(property);
            case POSTCODE, EMAIL, WEBSITE -> matching(in, field);
        };
    }

    /** Compiled once, not by each row's postcode as {@code String.replaceAll} would. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * Checked against the pattern as well as the length, so the message says what is wrong. A
     * postcode may be typed with extra spaces, which are taken out before its length counts.
     */
    private static String matching(Input in, OrganisationField field) {
        String value = in.line(field.property(), field.kind() == Kind.POSTCODE ? TYPED_POSTCODE : field.maxLength());
        if (value == null) {
            return null;
        }
        String normal = field.kind() == Kind.POSTCODE ? SPACES.matcher(value.toUpperCase(Locale.ROOT)).replaceAll(" ")
                : value;
        if (normal.length() > field.maxLength() || !field.kind().fits(normal)) {
            in.problem(field.property(), field.kind().invalidKey(), value);
            return null;
        }
        return normal;
    }

    /** Spreadsheets have one column for the reason, so "other: why" carries both. */
    private static void exclusion(Input in, OutreachStatus status, Map<OrganisationField, Object> values) {
        String reasonProperty = EXCLUSION_REASON.property();
        String detailProperty = EXCLUSION_DETAIL.property();
        String typedReason = in.raw(reasonProperty);
        ExclusionReason reason;
        String detail;
        if (typedReason != null && typedReason.toLowerCase(Locale.ROOT).startsWith(OTHER_PREFIX)) {
            reason = ExclusionReason.OTHER;
            String why = typedReason.substring(OTHER_PREFIX.length()).strip();
            detail = in.checked(detailProperty, why.isEmpty() ? null : why, EXCLUSION_DETAIL.maxLength(), false);
        } else {
            reason = in.choice(ExclusionReason.class, reasonProperty, null);
            detail = in.line(detailProperty, EXCLUSION_DETAIL.maxLength());
        }
        boolean excluded = status == OutreachStatus.EXCLUDED;
        if (excluded && typedReason == null) {
            in.problem(reasonProperty, "error.exclusionReason.required");
        }
        if (excluded && reason == ExclusionReason.OTHER && detail == null && !in.has(detailProperty)) {
            in.problem(detailProperty, "error.exclusionDetail.required");
        }
        if (status != null && !excluded) {
            if (typedReason != null) {
                in.problem(reasonProperty, "error.onlyExcluded");
            }
            if (in.raw(detailProperty) != null) {
                in.problem(detailProperty, "error.onlyExcluded");
            }
        }
        if (excluded) {
            values.put(EXCLUSION_REASON, reason);
            values.put(EXCLUSION_DETAIL, reason == ExclusionReason.OTHER ? detail : null);
        }
    }
}
