package org.sectormap.recommendation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.ThemeService;
import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.Problem;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.sectormap.shared.SignedIn;
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
class RecommendationController {

    private final RecommendationService recommendations;
    private final ThemeService themes;
    private final Inputs inputs;
    private final Labels labels;
    private final AuditTrail audit;

    RecommendationController(RecommendationService recommendations, ThemeService themes, Inputs inputs,
            Labels labels, AuditTrail audit) {
        this.audit = audit;
        this.recommendations = recommendations;
        this.themes = themes;
        this.inputs = inputs;
        this.labels = labels;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("statuses", RecommendationStatus.values());
        model.addAttribute("labels", labels);
    }

    @GetMapping("/recommendations")
    String list(Model model) {
        return showList(model, FormErrors.none());
    }

    @PostMapping("/recommendations/groups")
    String addGroup(@RequestParam(defaultValue = "") String heading, @RequestParam(defaultValue = "") String addressedTo,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return afterSave(() -> recommendations.addGroup(heading, addressedTo), "recommendation.groupAdded",
                "redirect:/recommendations", () -> showList(model.addAttribute(TYPED,
                        Map.of("heading", heading, "addressedTo", addressedTo)), null), model, redirect, response);
    }

    @PostMapping("/recommendations/groups/{id:\\d+}/items")
    String add(@PathVariable long id, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return afterSave(() -> {
            try {
                recommendations.add(id, text);
            } catch (InvalidInputException e) {
                // Every heading has its own add form on the list, so its fields' ids carry the heading's id.
                throw new InvalidInputException(e.problems().stream()
                        .map(p -> new Problem(p.field() + "-" + id, p.messageKey(), p.args())).toList());
            }
        }, "recommendation.added", "redirect:/recommendations",
                () -> showList(model.addAttribute(TYPED, Map.of("text-" + id, text)), null), model, redirect, response);
    }

    @GetMapping("/recommendations/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        return showOne(model, id, FormErrors.none(), inputs.today().toString());
    }

    @PostMapping("/recommendations/{id:\\d+}/status")
    String changeStatus(@PathVariable long id, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String notedOn, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        load(id);
        return afterSave(() -> recommendations.changeStatus(id, status, notedOn, note), "recommendation.statusChanged",
                "redirect:/recommendations/" + id, () -> showOne(model.addAttribute(TYPED,
                        Map.of("status", status, "note", note)), id, null, notedOn), model, redirect, response);
    }

    @PostMapping("/recommendations/{id:\\d+}/evidence")
    String link(@PathVariable long id,
            @RequestParam(name = RecommendationService.THEME, required = false) List<Long> themeIds,
            @RequestParam(name = RecommendationService.COMMENT, required = false) List<String> commentIds,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        load(id);
        List<Long> chosenThemes = themeIds == null ? List.of() : themeIds;
        List<String> chosenComments = commentIds == null ? List.of() : commentIds;
        return afterSave(() -> recommendations.link(id, chosenThemes, chosenComments), "recommendation.linked",
                "redirect:/recommendations/" + id, () -> {
                    // Ticked again as sent, but for what no longer exists.
                    model.addAttribute("chosenThemes", themes.all().stream()
                            .filter(t -> chosenThemes.contains(t.id())).toList());
                    model.addAttribute("chosenComments", new HashSet<>(chosenComments));
                    return showOne(model, id, null, inputs.today().toString());
                }, model, redirect, response);
    }

    /** What was typed into a form shown again with its errors, by field. */
    private static final String TYPED = "typed";

    /** Redirects with a notice after a clean save, or shows the page again with its errors. */
    private String afterSave(Runnable save, String notice, String redirectTo,
            java.util.function.Supplier<String> page, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            save.run();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(e.problems()));
            return page.get();
        }
        redirect.addFlashAttribute("notice", notice);
        return redirectTo;
    }

    private String showList(Model model, FormErrors errors) {
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        boolean viewer = SignedIn.viewer();
        model.addAttribute("groups", recommendations.groups().stream().map(g -> viewer ? g.withoutEvidence() : g).toList());
        model.addAttribute("history", viewer ? null : audit.history(RecommendationService.LIST));
        return "recommendation/list";
    }

    /** @param notedOn the date to show in the progress form: today, or what was typed */
    private String showOne(Model model, long id, FormErrors errors, String notedOn) {
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        Recommendation recommendation = load(id);
        if (SignedIn.viewer()) {
            // Read only, without the evidence: the themes and comments are not a viewer's to read.
            model.addAttribute("recommendation", recommendation.withoutEvidence());
            return "recommendation/view";
        }
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("themes", themes.all());
        if (!model.containsAttribute("chosenThemes")) {
            model.addAttribute("chosenThemes", recommendation.themes());
            model.addAttribute("chosenComments", recommendation.comments().stream().map(AnonymousComment::id)
                    .collect(Collectors.toSet()));
        }
        // Offer the comments under the themes linked so far, and any already linked.
        Set<Long> linkedThemes = recommendation.themes().stream().map(t -> t.id()).collect(Collectors.toSet());
        List<AnonymousComment> under = themes.underThemes(linkedThemes, CANDIDATES);
        model.addAttribute("candidates", Stream.concat(recommendation.comments().stream(), under.stream()).distinct()
                .toList());
        if (under.size() == CANDIDATES) {
            model.addAttribute("candidateLimit", CANDIDATES);
        }
        model.addAttribute("notedOn", notedOn);
        model.addAttribute("history", audit.history(RecommendationService.audited(id)));
        return "recommendation/view";
    }

    /** The most comments offered at once: a theme may hold a million. */
    private static final int CANDIDATES = 200;

    private Recommendation load(long id) {
        return recommendations.find(id).orElseThrow(() -> new NotFoundException("error.notFound.recommendation", id));
    }
}
