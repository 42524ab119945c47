package org.sectormap.organisation;

import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.SignedIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.BadParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class OrganisationController {

    private static final String FORM = "organisations/form";

    private final OrganisationService service;
    private final OrganisationParser parser;
    private final QueryParameters queryParameters;
    private final Labels labels;
    private final Areas areas;
    private final List<RecordSection> sections;
    private final AuditTrail audit;

    OrganisationController(OrganisationService service, OrganisationParser parser, QueryParameters queryParameters,
            Labels labels, Areas areas, List<RecordSection> sections, AuditTrail audit) {
        this.audit = audit;
        this.service = service;
        this.parser = parser;
        this.queryParameters = queryParameters;
        this.labels = labels;
        this.areas = areas;
        this.sections = sections;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("fieldSections", OrganisationField.Section.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("statuses", OutreachStatus.values());
        model.addAttribute("areas", areas.areas());
        model.addAttribute("labels", labels);
    }

    @GetMapping("/organisations")
    String list(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        OrganisationQuery query;
        try {
            query = queryParameters.read(params);
        } catch (BadParameterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("badQuery", e);
            query = OrganisationQuery.all();
        }
        OrganisationService.Page page = service.search(query);
        boolean pastTheEnd = page.total() > 0 && query.page() > page.pageCount();
        if (pastTheEnd) {
            // The search has results, but not this page of them.
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("page", page);
        model.addAttribute("rows", ListRow.of(page.items(), labels));
        model.addAttribute("pastTheEnd", pastTheEnd);
        // Nothing found: an empty register calls for adding organisations, not for another search.
        model.addAttribute("registerEmpty", page.total() == 0 && service.count() == 0);
        model.addAttribute("links", new QueryLinks(queryParameters, query));
        return "organisations/list";
    }

    @GetMapping("/organisations/review")
    String review(@RequestParam Map<String, String> params, @RequestParam(defaultValue = "1") int position,
            Model model) {
        OrganisationQuery query = queryParameters.read(params);
        // As the list refuses page 0: a position before the first record is no record's.
        if (position < 1) {
            throw new BadParameterException("position", params.get("position"));
        }
        OrganisationService.Page result = service.search(query.atPage(position, 1));
        model.addAttribute("result", result);
        model.addAttribute("position", position);
        model.addAttribute("links", new QueryLinks(queryParameters, query));
        return "organisations/review";
    }

    /** The bulk publishing action asks first, naming how many records the search holds. */
    @GetMapping("/organisations/publish")
    String confirmPublish(@RequestParam Map<String, String> params, Model model) {
        boolean publish = publishing(params);
        OrganisationQuery query = queryParameters.read(params);
        model.addAttribute("publish", publish);
        model.addAttribute("total", service.count(query));
        model.addAttribute("hidden", queryParameters.write(query).toSingleValueMap());
        model.addAttribute("links", new QueryLinks(queryParameters, query));
        return "organisations/publish";
    }

    @PostMapping("/organisations/publish")
    String publish(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        boolean publish = publishing(params);
        OrganisationQuery query = queryParameters.read(params);
        int changed = service.setPublished(query, publish);
        redirect.addFlashAttribute("notice", publish ? "notice.published" : "notice.unpublished");
        redirect.addFlashAttribute("noticeArgs", new Object[] {changed});
        return "redirect:" + queryParameters.url("/organisations", query, Map.of());
    }

    /** @throws BadParameterException unless {@code publish} is yes or no */
    private static boolean publishing(Map<String, String> params) {
        String publish = params.get("publish");
        if (!"yes".equals(publish) && !"no".equals(publish)) {
            throw new BadParameterException("publish", publish == null ? "" : publish);
        }
        return "yes".equals(publish);
    }

    @GetMapping("/organisations/new")
    String newForm(Model model) {
        model.addAttribute("form", OrganisationForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return FORM;
    }

    @PostMapping("/organisations/new")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        OrganisationForm form = OrganisationForm.posted(params);
        OrganisationParser.Result result = parser.parse(form.asSubmittedOnThePage());
        if (!result.valid()) {
            return showErrors(model, form, result, response);
        }
        long id = service.create(result.details());
        redirect.addFlashAttribute("notice", "notice.created");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        Organisation organisation = load(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("panels", SignedIn.viewer() ? List.of() : panels(organisation));
        model.addAttribute("history", SignedIn.viewer() ? null : audit.history(OrganisationService.audited(id)));
        return "organisations/view";
    }

    @GetMapping("/organisations/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        Organisation organisation = load(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", OrganisationForm.of(organisation));
        model.addAttribute("errors", FormErrors.none());
        return FORM;
    }

    @PostMapping("/organisations/{id:\\d+}/edit")
    String update(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws MissingServletRequestParameterException {
        Organisation current = load(id);
        model.addAttribute("organisation", current);
        OrganisationForm form = OrganisationForm.posted(params);
        if (form.version() == null) {
            // The edit page always sends it: a save without it would be taken for someone else's change.
            throw new MissingServletRequestParameterException("version", "Integer");
        }
        OrganisationParser.Result result = parser.parse(form.asSubmittedOnThePage());
        if (!result.valid()) {
            return showErrors(model, form, result, response);
        }
        try {
            service.update(id, form.version(), result.details());
        } catch (InvalidInputException e) {
            return showErrors(model, form, new OrganisationParser.Result(null, e.problems()), response);
        } catch (StaleOrganisationException e) {
            // Keep what they typed, but against the version now stored, so saving again is a
            // deliberate overwrite made after seeing the warning.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("form", form.withVersion(current.version()));
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("conflict", true);
            return FORM;
        }
        redirect.addFlashAttribute("notice", "notice.updated");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id:\\d+}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        Organisation organisation = load(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("panels", panels(organisation));
        return "organisations/delete";
    }

    @PostMapping("/organisations/{id:\\d+}/delete")
    String delete(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Organisation current = load(id);
        try {
            service.delete(id, version);
        } catch (StaleOrganisationException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("organisation", current);
            model.addAttribute("panels", panels(current));
            model.addAttribute("conflict", true);
            return "organisations/delete";
        }
        redirect.addFlashAttribute("notice", "notice.deleted");
        redirect.addFlashAttribute("noticeArgs", new Object[] {current.details().name()});
        return "redirect:/organisations";
    }

    private String showErrors(Model model, OrganisationForm form, OrganisationParser.Result result,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", labels.errors(result.problems()));
        return FORM;
    }

    private List<RecordSection.Panel> panels(Organisation organisation) {
        return sections.stream().map(section -> section.panel(organisation)).toList();
    }

    private Organisation load(long id) {
        return service.get(id);
    }

    /** A column of the list's table: its heading's message key, the link sorting by it and its aria-sort. */
    public record SortColumn(String labelKey, String href, String ariaSort, boolean numeric) {
    }

    /** A tick-box filter of the list: its parameter, its label's message key and what the query asks. */
    public record TickFilter(String name, String labelKey, Boolean value) {

        public String id() {
            return "filter-" + name;
        }

        public boolean yes() {
            return Boolean.TRUE.equals(value);
        }

        public boolean no() {
            return Boolean.FALSE.equals(value);
        }
    }

    /** Builds the list's links, keeping the whole query in every one. */
    public record QueryLinks(QueryParameters parameters, OrganisationQuery query) {

        public String page(int page) {
            return parameters.url("/organisations", query, Map.of("page", String.valueOf(page)));
        }

        private String sortBy(String sort) {
            boolean sameColumn = query.sort().name().equalsIgnoreCase(sort.replace('-', '_'));
            String dir = sameColumn && !query.descending() ? "desc" : "asc";
            Map<String, String> sortAndDirection = new LinkedHashMap<>();
            sortAndDirection.put("sort", sort);
            sortAndDirection.put("dir", dir);
            return parameters.url("/organisations", query, sortAndDirection);
        }

        /** The page that asks before publishing the whole result in the directory, or stopping. */
        public String publish(boolean publish) {
            return parameters.url("/organisations/publish", query, Map.of("publish", publish ? "yes" : "no"));
        }

        public String review(long position) {
            return parameters.url("/organisations/review", query, Map.of("position", String.valueOf(position)));
        }

        /** The whole result, every page of it, in the import's columns, as "csv" or "xlsx". */
        public String export(String format) {
            return parameters.url("/organisations." + format, query, Map.of());
        }

        public String listAtPageOf(long position) {
            long page = (position - 1) / query.size() + 1;
            return parameters.url("/organisations", query, Map.of("page", String.valueOf(page)));
        }

        /**
         * The table's columns with their sort links and states, worked out once a page: as expressions
         * in the template, each cell of the header was a list literal, key concatenation and a comparison.
         */
        public List<SortColumn> columns() {
            return List.of(column("name", "field.name", false), column("category", "field.category", false),
                    column("area", "field.area", false), column("status", "field.status", false),
                    column("interview-date", "field.interviewDate", true));
        }

        private SortColumn column(String sort, String labelKey, boolean numeric) {
            return new SortColumn(labelKey, sortBy(sort), ariaSort(sort), numeric);
        }

        /** The four tick-box filters, each with the answer the query asks for (null: any). */
        public List<TickFilter> ticks() {
            return List.of(new TickFilter("fullInterview", "field.fullInterview", query.fullInterview()),
                    new TickFilter("followUp", "field.followUp", query.followUp()),
                    new TickFilter("cypBoard", "field.cypBoard", query.cypBoard()),
                    new TickFilter("wellInformed", "field.wellInformed", query.wellInformed()));
        }

        private boolean sortedBy(String sort) {
            return query.sort().name().equalsIgnoreCase(sort.replace('-', '_'));
        }

        private String ariaSort(String sort) {
            if (!sortedBy(sort)) {
                return "none";
            }
            return query.descending() ? "descending" : "ascending";
        }
    }
}
