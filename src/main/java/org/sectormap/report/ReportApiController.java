package org.sectormap.report;

import java.util.Map;

import org.sectormap.shared.ApiController;
import org.sectormap.shared.Inputs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController("/api/reports")
class ReportApiController {

    private final ReportService reports;
    private final Inputs inputs;

    ReportApiController(ReportService reports, Inputs inputs) {
        this.reports = reports;
        this.inputs = inputs;
    }

    @GetMapping("/by-category")
    Reports.ByCategory byCategory() {
        return reports.byCategory();
    }

    @GetMapping("/by-area")
    Reports.ByArea byArea() {
        return reports.byArea();
    }

    @GetMapping("/engagement")
    Reports.Engagement engagement() {
        return reports.engagement();
    }

    @GetMapping("/outreach")
    Reports.Outreach outreach() {
        return reports.outreach();
    }

    @GetMapping("/interviewees")
    Reports.Interviewees interviewees(@RequestParam Map<String, String> params) {
        return reports.interviewees(inputs.page(params));
    }
}
