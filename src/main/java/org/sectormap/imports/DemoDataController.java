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
        DemoData.Result result = demo.load(DemoDataSet.APPENDIX_1);
        switch (result.outcome()) {
            case LOADED -> {
                redirect.addFlashAttribute("notice", "demo.loaded");
                redirect.addFlashAttribute("noticeArgs", new Object[] {result.organisations()});
                return "redirect:/organisations";
            }
            case NOT_EMPTY -> redirect.addFlashAttribute("notice", "demo.notEmpty");
            case ALREADY_LOADED -> redirect.addFlashAttribute("notice", "demo.alreadyLoaded");
        }
        return "redirect:/";
    }
}
