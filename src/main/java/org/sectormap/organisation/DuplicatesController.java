package org.sectormap.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sectormap.organisation.OrganisationField.Section;
import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.Coded;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The register's likely duplicates, and the screen that merges two records into one. */
@Controller
class DuplicatesController {

    static final int PAGE_SIZE = 20;
    private static final String MERGE = "organisations/merge";
    private static final String KEEP = "keep";
    private static final String OTHER = "other";
    /** The radio group choosing the outreach status with the exclusion or interview details that go with it. */
    static final String OUTREACH = "outreach";

    private final DuplicateFinder finder;
    private final MergeService merges;
    private final OrganisationService organisations;
    private final Inputs inputs;
    private final Labels labels;

    DuplicatesController(DuplicateFinder finder, MergeService merges, OrganisationService organisations,
            Inputs inputs, Labels labels) {
        this.finder = finder;
        this.merges = merges;
        this.organisations = organisations;
        this.inputs = inputs;
        this.labels = labels;
    }

    @GetMapping("/organisations/duplicates")
    String duplicates(@RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "0") String from,
            @RequestParam(defaultValue = "0") String after, Model model) {
        model.addAttribute("result", finder.pairs(new DuplicateFinder.Cursor(number("from", from, 0, Long.MAX_VALUE),
                number("after", after, 0, Long.MAX_VALUE)), (int) number("page", page, 1, Integer.MAX_VALUE), PAGE_SIZE));
        return "organisations/duplicates";
    }

    /** @throws BadParameterException unless the value is a whole number from {@code least} to {@code most} */
    private static long number(String name, String value, long least, long most) {
        try {
            long number = Long.parseLong(value);
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw new BadParameterException(name, value);
    }

    /**
     * One choice on the merge screen: a field, or the outreach status with its details, whose
     * values differ; {@code chosen} is "keep" or "other".
     */
    record Choice(String name, String legend, String keptValue, String otherValue, String chosen) {
    }

    @GetMapping("/organisations/merge")
    String mergeForm(@RequestParam long keep, @RequestParam long other, Model model) {
        Organisation kept = organisations.get(keep);
        show(model, kept, other(kept, other), Map.of(), FormErrors.none());
        return MERGE;
    }

    @PostMapping("/organisations/merge")
    String merge(@RequestParam long keep, @RequestParam long other, @RequestParam int keepVersion,
            @RequestParam int otherVersion, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Organisation kept = organisations.get(keep);
        Organisation merged = other(kept, other);
        Input in = inputs.read(params);
        OrganisationDetails chosen = kept.details();
        for (Choice choice : choices(kept, merged, Map.of())) {
            String picked = in.oneOf(choice.name(), List.of(KEEP, OTHER));
            if (OTHER.equals(picked)) {
                chosen = take(chosen, merged.details(), choice.name());
            }
        }
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            show(model, kept, merged, params, labels.errors(in.problems()));
            return MERGE;
        }
        try {
            merges.merge(keep, keepVersion, other, otherVersion, chosen);
        } catch (StaleOrganisationException e) {
            // The screen again, as both records are now, so the choices are made over what is stored.
            response.setStatus(HttpStatus.CONFLICT.value());
            show(model, organisations.get(keep), organisations.get(other), Map.of(), FormErrors.none());
            model.addAttribute("conflict", true);
            return MERGE;
        }
        redirect.addFlashAttribute("notice", "notice.merged");
        redirect.addFlashAttribute("noticeArgs", new Object[] {merged.details().name()});
        return "redirect:/organisations/" + keep;
    }

    /** The record to merge into the kept one, which cannot be the kept one itself. */
    private Organisation other(Organisation kept, long other) {
        if (kept.id() == other) {
            throw new BadParameterException(OTHER, String.valueOf(other));
        }
        return organisations.get(other);
    }

    /** A field's values side by side. */
    record Row(String label, String keptValue, String otherValue) {
    }

    private void show(Model model, Organisation kept, Organisation merged, Map<String, String> typed, FormErrors errors) {
        model.addAttribute("kept", kept);
        model.addAttribute("merged", merged);
        List<Row> rows = new ArrayList<>();
        for (OrganisationField field : OrganisationField.values()) {
            String keptValue = text(kept.details(), List.of(field));
            String otherValue = text(merged.details(), List.of(field));
            if (keptValue != null || otherValue != null) {
                rows.add(new Row(labels.field(field.property()), keptValue, otherValue));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("labels", labels);
        model.addAttribute("choices", choices(kept, merged, typed));
        model.addAttribute("errors", errors);
    }

    /** The choices the two records call for, in form order, each set as typed or else to its default. */
    private List<Choice> choices(Organisation kept, Organisation merged, Map<String, String> typed) {
        List<Choice> choices = new ArrayList<>();
        for (Section section : List.of(Section.ORGANISATION, Section.CONTACT)) {
            for (OrganisationField field : section.fields()) {
                add(choices, field.property(), labels.field(field.property()), text(kept.details(), List.of(field)),
                        text(merged.details(), List.of(field)), typed);
            }
        }
        List<OrganisationField> outreach = new ArrayList<>(Section.OUTREACH.fields());
        outreach.addAll(Section.EXCLUSION.fields());
        outreach.addAll(Section.INTERVIEW.fields());
        add(choices, OUTREACH, labels.field(OUTREACH), text(kept.details(), outreach), text(merged.details(), outreach),
                typed);
        return choices;
    }

    /** Only values that differ are asked about; the kept record's is the default unless it has none. */
    private static void add(List<Choice> choices, String name, String legend, String keptValue, String otherValue,
            Map<String, String> typed) {
        if (!Objects.equals(keptValue, otherValue)) {
            String byDefault = keptValue == null ? OTHER : KEEP;
            choices.add(new Choice(name, legend, keptValue, otherValue, typed.getOrDefault(name, byDefault)));
        }
    }

    private static OrganisationDetails take(OrganisationDetails into, OrganisationDetails from, String choice) {
        if (choice.equals(OUTREACH)) {
            for (Section section : List.of(Section.OUTREACH, Section.EXCLUSION, Section.INTERVIEW)) {
                for (OrganisationField field : section.fields()) {
                    into = into.with(field, from.get(field));
                }
            }
            return into;
        }
        OrganisationField field = OrganisationField.fromProperty(choice).orElseThrow();
        return into.with(field, from.get(field));
    }

    /** The values as the page shows them, "Label: value" when there are several; null when none is recorded. */
    private String text(OrganisationDetails details, List<OrganisationField> fields) {
        List<String> parts = new ArrayList<>();
        for (OrganisationField field : fields) {
            Object value = details.get(field);
            if (value != null) {
                String shown = value instanceof Coded coded ? labels.of(coded)
                        : value instanceof Boolean tick ? labels.text(tick ? "common.yes" : "common.no")
                        : value instanceof LocalDate date ? labels.dates().format(date) : value.toString();
                parts.add(fields.size() == 1 || field == OrganisationField.STATUS ? shown
                        : labels.field(field.property()) + ": " + shown);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
