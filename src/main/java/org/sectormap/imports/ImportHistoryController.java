package org.sectormap.imports;

import org.sectormap.organisation.ChangedSinceImportException;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Every completed import, newest first, and undoing one whose records nobody has changed since. */
@Controller
class ImportHistoryController {

    private static final String UNDO = "imports/undo";

    private final ImportService imports;
    private final MessageSource messages;

    ImportHistoryController(ImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/imports")
    String history(Model model) {
        model.addAttribute("imports", imports.history());
        return "imports/history";
    }

    @GetMapping("/imports/{id:\\d+}/undo")
    String confirmUndo(@PathVariable long id, Model model) {
        model.addAttribute("record", undoable(id));
        return UNDO;
    }

    @PostMapping("/imports/{id:\\d+}/undo")
    String undo(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ImportRecord record = undoable(id);
        OrganisationService.Undone undone;
        try {
            undone = imports.undo(record);
        } catch (ChangedSinceImportException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("record", record);
            model.addAttribute("changed", messages.getMessage(e, LocaleContextHolder.getLocale()));
            return UNDO;
        }
        redirect.addFlashAttribute("notice", "imports.undo.done");
        redirect.addFlashAttribute("noticeArgs", new Object[] {undone.deleted(), undone.restored()});
        return "redirect:/imports";
    }

    /** An import undone already, or from before undo was possible, has no undo to offer. */
    private ImportRecord undoable(long id) {
        return imports.find(id).filter(ImportRecord::undoable)
                .orElseThrow(() -> new NotFoundException("imports.undo.notFound", id));
    }
}
