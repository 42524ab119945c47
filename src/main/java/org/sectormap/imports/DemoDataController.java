package org.sectormap.imports;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DemoDataController {

    private final DemoData demo;

    DemoDataController(DemoData demo) {
        this.demo = demo;
    }

    @PostMapping("/demo")
    String load(RedirectAttributes redirect) {
        int loaded = demo.loadIntoEmptyRegister();
        if (loaded == 0) {
            redirect.addFlashAttribute("notice", "demo.notEmpty");
            return "redirect:/";
        }
        redirect.addFlashAttribute("notice", "demo.loaded");
        redirect.addFlashAttribute("noticeArgs", new Object[] {loaded});
        return "redirect:/organisations";
    }
}
