package org.sectormap.imports;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every completed import, newest first. */
@Controller
class ImportHistoryController {

    private final ImportService imports;

    ImportHistoryController(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/imports")
    String history(Model model) {
        model.addAttribute("imports", imports.history());
        return "imports/history";
    }
}
