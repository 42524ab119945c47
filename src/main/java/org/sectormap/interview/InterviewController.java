package org.sectormap.interview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Problem;
import org.sectormap.organisation.InterviewMode;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class InterviewController {

    private static final String FORM = "interview/form";

    private final InterviewService interviews;
    private final QuestionnaireService questionnaire;
    private final OrganisationService organisations;
    private final InterviewRules rules;
    private final Labels labels;

    InterviewController(InterviewService interviews, QuestionnaireService questionnaire,
            OrganisationService organisations, InterviewRules rules, Labels labels) {
        this.interviews = interviews;
        this.questionnaire = questionnaire;
        this.organisations = organisations;
        this.rules = rules;
        this.labels = labels;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("modes", InterviewMode.values());
        model.addAttribute("cypBoards", CypBoard.values());
        model.addAttribute("labels", labels);
    }

    @GetMapping("/organisations/{id:\\d+}/interviews/new")
    String newInterview(@PathVariable long id, Model model) {
        Map<String, String> blank = new HashMap<>();
        blank.put("cypBoard", CypBoard.NO.code());
        return showForm(model, load(id), questionnaire.current(), blank, FormErrors.none(), List.of());
    }

    @PostMapping("/organisations/{id:\\d+}/interviews/new")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Organisation organisation = load(id);
        Questionnaire current = questionnaire.current();
        InterviewRules.Result result = rules.check(form, current, id, organisation.details().name());
        if (!result.problems().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(model, organisation, current, form, labels.errors(result.problems()), List.of());
        }
        if (!result.warnings().isEmpty()) {
            // Not saved until confirmed, as the API's 422 says too.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(model, organisation, current, form, FormErrors.none(), result.warnings());
        }
        interviews.record(result.interview(), result.comments());
        redirect.addFlashAttribute("notice", "interview.recorded");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id:\\d+}/interviews/{interview:\\d+}/delete")
    String confirmDelete(@PathVariable long id, @PathVariable long interview, Model model) {
        Organisation organisation = load(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("interview", interviews.find(id, interview)
                .orElseThrow(() -> new NotFoundException("error.notFound.interview", interview)));
        return "interview/delete";
    }

    @PostMapping("/organisations/{id:\\d+}/interviews/{interview:\\d+}/delete")
    String delete(@PathVariable long id, @PathVariable long interview, RedirectAttributes redirect) {
        load(id);
        if (!interviews.delete(id, interview)) {
            throw new NotFoundException("error.notFound.interview", interview);
        }
        redirect.addFlashAttribute("notice", "interview.deleted");
        return "redirect:/organisations/" + id;
    }

    private String showForm(Model model, Organisation organisation, Questionnaire current, Map<String, String> form,
            FormErrors errors, List<Problem> warnings) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("questionnaire", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("warnings", labels.errors(warnings));
        return FORM;
    }

    private Organisation load(long id) {
        return organisations.get(id);
    }
}
