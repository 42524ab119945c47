package org.sectormap.imports;

import org.sectormap.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The progress of an import stored in the background: a page that refreshes itself, and its cancel button. */
@Controller
class ImportJobController {

    /** Seconds between refreshes of a running import's page when there is no script to update it. */
    private static final int REFRESH_EVERY = 2;

    private final ImportService imports;

    ImportJobController(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/imports/jobs/{id:\\d+}")
    String job(@PathVariable long id, Model model) {
        ImportJob job = imports.job(id).orElseThrow(() -> new NotFoundException("import.job.notFound"));
        model.addAttribute("job", job);
        if (job.running()) {
            model.addAttribute("refreshEvery", REFRESH_EVERY);
        }
        return "imports/job";
    }

    /** Asks the import to stop; it may already have finished, which its page then says. */
    @PostMapping("/imports/jobs/{id:\\d+}/cancel")
    String cancel(@PathVariable long id) {
        imports.job(id).orElseThrow(() -> new NotFoundException("import.job.notFound"));
        imports.cancel(id);
        return "redirect:/imports/jobs/" + id;
    }
}
