package org.sectormap.comment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.PageCount;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Labels;
import org.sectormap.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class ThemeController {

    private final ThemeService themes;
    private final Labels labels;
    private final AuditTrail audit;
    private final Inputs inputs;

    ThemeController(ThemeService themes, Labels labels, AuditTrail audit, Inputs inputs) {
        this.audit = audit;
        this.inputs = inputs;
        this.themes = themes;
        this.labels = labels;
    }

    @GetMapping("/themes")
    String summary(Model model) {
        return showSummary(model, "", FormErrors.none());
    }

    @PostMapping("/themes")
    String add(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            themes.save(null, name);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showSummary(model, name, labels.errors(e.problems()));
        }
        redirect.addFlashAttribute("notice", "theme.added");
        return "redirect:/themes";
    }

    @GetMapping("/themes/{id:\\d+}")
    String theme(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        Theme theme = themes.find(id).orElseThrow(() -> notFound(id));
        return showTheme(model, theme, inputs.page(params), FormErrors.none(), response);
    }

    private String showTheme(Model model, Theme theme, int page, FormErrors errors, HttpServletResponse response) {
        ThemeService.CommentPage comments = themes.underTheme(theme.id(), page);
        PageCount.notFoundPast(comments.page(), comments.pageCount(), response);
        model.addAttribute("theme", theme);
        model.addAttribute("comments", comments);
        model.addAttribute("history", audit.history(ThemeService.audited(theme.id())));
        model.addAttribute("errors", errors);
        return "comment/theme";
    }

    @PostMapping("/themes/{id:\\d+}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Theme theme = themes.find(id).orElseThrow(() -> notFound(id));
        try {
            themes.save(id, name);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("name", name);
            return showTheme(model, theme, 1, labels.errors(e.problems()), response);
        }
        redirect.addFlashAttribute("notice", "theme.renamed");
        return "redirect:/themes/" + id;
    }

    @PostMapping("/themes/{id:\\d+}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        if (!themes.delete(id)) {
            throw notFound(id);
        }
        redirect.addFlashAttribute("notice", "theme.deleted");
        return "redirect:/themes";
    }

    @GetMapping("/comments/{id:[0-9a-f-]{36}}/code")
    String codeForm(@PathVariable String id, Model model) {
        model.addAttribute("coded", themes.comment(id).orElseThrow(() -> new NotFoundException("error.notFound.comment", id)));
        model.addAttribute("themes", themes.all());
        return "comment/code";
    }

    @PostMapping("/comments/{id:[0-9a-f-]{36}}/code")
    String code(@PathVariable String id, @RequestParam(name = "theme", required = false) List<Long> chosen,
            @RequestParam(defaultValue = "no") String quote, RedirectAttributes redirect) {
        // A blank choice (not one the page offers) chooses nothing.
        Set<Long> themeIds = chosen == null ? Set.of()
                : chosen.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        // The page offers yes and no, read in any case: anything else is refused rather than taken as no.
        if (!"yes".equalsIgnoreCase(quote) && !"no".equalsIgnoreCase(quote)) {
            throw new BadParameterException("quote", quote);
        }
        if (!themes.code(id, themeIds, "yes".equalsIgnoreCase(quote))) {
            throw new NotFoundException("error.notFound.comment", id);
        }
        redirect.addFlashAttribute("notice", "theme.coded");
        return "redirect:/comments#" + id;
    }

    private String showSummary(Model model, String name, FormErrors errors) {
        model.addAttribute("summary", themes.summary());
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        return "comment/themes";
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("error.notFound.theme", id);
    }
}
