package org.sectormap.interview;

import java.util.function.Predicate;

import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The researcher edits the questionnaire before fieldwork; interviews already held keep theirs. */
@Controller
class QuestionnaireController {

    private static final String QUESTIONNAIRE = "redirect:/questionnaire";

    private final QuestionnaireService questionnaire;
    private final Labels labels;

    private final AuditTrail audit;

    QuestionnaireController(QuestionnaireService questionnaire, Labels labels, AuditTrail audit) {
        this.audit = audit;
        this.questionnaire = questionnaire;
        this.labels = labels;
    }

    @GetMapping("/questionnaire")
    String show(Model model) {
        model.addAttribute("questionnaire", questionnaire.current());
        model.addAttribute("history", audit.history(QuestionnaireService.QUESTIONNAIRE));
        return "interview/questionnaire";
    }

    @GetMapping("/questionnaire/questions/{id:\\d+}/edit")
    String editQuestion(@PathVariable long id, Model model) {
        Questionnaire.Question question = questionnaire.question(id).orElseThrow(QuestionnaireController::notFound);
        return textForm(model, "questionnaire.question.edit", "/questionnaire/questions/" + id + "/edit",
                question.text(), FormErrors.none(), id);
    }

    @PostMapping("/questionnaire/questions/{id:\\d+}/edit")
    String updateQuestion(@PathVariable long id, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return save(text, value -> questionnaire.updateQuestion(id, value),
                model, redirect, response, "questionnaire.question.edit", "/questionnaire/questions/" + id + "/edit",
                id);
    }

    @PostMapping("/questionnaire/questions/{id:\\d+}/delete")
    String deleteQuestion(@PathVariable long id, RedirectAttributes redirect) {
        if (!questionnaire.deleteQuestion(id)) {
            throw notFound();
        }
        redirect.addFlashAttribute("notice", "questionnaire.deleted");
        return QUESTIONNAIRE;
    }

    @GetMapping("/questionnaire/sections/{id:\\d+}/questions/new")
    String newQuestion(@PathVariable long id, Model model) {
        section(id);
        return textForm(model, "questionnaire.question.add", "/questionnaire/sections/" + id + "/questions/new", "",
                FormErrors.none(), null);
    }

    @PostMapping("/questionnaire/sections/{id:\\d+}/questions/new")
    String addQuestion(@PathVariable long id, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return save(text, value -> questionnaire.addQuestion(id, value), model,
                redirect, response, "questionnaire.question.add", "/questionnaire/sections/" + id + "/questions/new",
                null);
    }

    @GetMapping("/questionnaire/sections/{id:\\d+}/edit")
    String editSection(@PathVariable long id, Model model) {
        return textForm(model, "questionnaire.section.edit", "/questionnaire/sections/" + id + "/edit",
                section(id).title(), FormErrors.none(), null);
    }

    private Questionnaire.Section section(long id) {
        return questionnaire.current().sections().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(QuestionnaireController::notFound);
    }

    @PostMapping("/questionnaire/sections/{id:\\d+}/edit")
    String renameSection(@PathVariable long id, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return save(text, value -> questionnaire.renameSection(id, value), model,
                redirect, response, "questionnaire.section.edit", "/questionnaire/sections/" + id + "/edit", null);
    }

    /** Saves one piece of text and goes back to the questionnaire; or shows what is wrong with it. */
    private String save(String text, Predicate<String> store, Model model, RedirectAttributes redirect,
            HttpServletResponse response, String titleKey, String action, Long deletable) {
        boolean found;
        try {
            found = store.test(text);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return textForm(model, titleKey, action, text, labels.errors(e.problems()), deletable);
        }
        if (!found) {
            throw notFound();
        }
        redirect.addFlashAttribute("notice", "questionnaire.saved");
        return QUESTIONNAIRE;
    }

    private static String textForm(Model model, String titleKey, String action, String text, FormErrors errors,
            Long deletable) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("action", action);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("deletable", deletable);
        return "interview/text-form";
    }

    private static NotFoundException notFound() {
        return new NotFoundException("error.notFound.question");
    }
}
