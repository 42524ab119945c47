package org.sectormap.comment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What interviewees said about the wider sector, by theme, with no trace of who said it. */
@Controller
class CommentController {

    private final CommentService comments;
    private final ThemeService themes;

    CommentController(CommentService comments, ThemeService themes) {
        this.comments = comments;
        this.themes = themes;
    }

    /** Grouped by the questionnaire section each answered, with the themes each is coded under. */
    @GetMapping("/comments")
    String list(Model model) {
        Map<String, List<ThemeService.CodedComment>> bySection = themes.coded().stream().collect(Collectors.groupingBy(
                c -> c.comment().sectionCode() + ". " + c.comment().sectionTitle(), LinkedHashMap::new,
                Collectors.toList()));
        model.addAttribute("bySection", bySection);
        return "comment/list";
    }

    @PostMapping("/comments/{id:[0-9a-f-]{36}}/quote")
    String quote(@PathVariable String id, @RequestParam(defaultValue = "false") boolean quote,
            RedirectAttributes redirect) {
        comments.markQuote(id, quote);
        redirect.addFlashAttribute("notice", quote ? "comment.quoted" : "comment.unquoted");
        return "redirect:/comments#" + id;
    }
}
