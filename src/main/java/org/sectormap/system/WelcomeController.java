package org.sectormap.system;

import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class WelcomeController {

    private final OrganisationService organisations;

    WelcomeController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/")
    String welcome(Model model) {
        model.addAttribute("organisationCount", organisations.count());
        return "welcome";
    }
}
