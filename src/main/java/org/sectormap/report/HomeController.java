package org.sectormap.report;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.report.ReportService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final OrganisationService organisations;
    private final ReportService reports;

    HomeController(OrganisationService organisations, ReportService reports) {
        this.organisations = organisations;
        this.reports = reports;
    }

    @GetMapping("/")
    String welcome(Model model) {
        long count = organisations.count();
        model.addAttribute("organisationCount", count);
        if (count > 0) {
            model.addAttribute("outreach", reports.outreach());
        }
        return "welcome";
    }
}
