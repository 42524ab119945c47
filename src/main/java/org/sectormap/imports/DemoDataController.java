package org.sectormap.imports;

import java.util.Optional;

import org.sectormap.shared.BadParameterException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DemoDataController {

    private final DemoData demo;

    DemoDataController(DemoData demo) {
        this.demo = demo;
    }

    /** Without a set, the default; an empty one is refused, as a defaultValue would have loaded the default for it. */
    @PostMapping("/demo")
    String load(@RequestParam(required = false) String set, RedirectAttributes redirect) {
        DemoDataSet demoSet = (set == null ? Optional.of(DemoDataSet.APPENDIX_1) : DemoDataSet.fromCode(set)).orElseThrow(
                () -> new BadParameterException("set", set));
        DemoData.Result result = demo.load(demoSet);
        switch (result.outcome()) {
            case LOADED -> {
                redirect.addFlashAttribute("notice", "demo.loaded." + demoSet.code());
                redirect.addFlashAttribute("noticeArgs", new Object[] {result.organisations()});
                return "redirect:/organisations";
            }
            case NOT_EMPTY -> redirect.addFlashAttribute("notice", "demo.notEmpty");
            case ALREADY_LOADED -> redirect.addFlashAttribute("notice", "demo.alreadyLoaded");
        }
        return "redirect:/";
    }
}
