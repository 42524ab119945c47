package org.sectormap.organisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.SpreadsheetText;
import org.sectormap.shared.XlsxDownload;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The register, or the current search of it, as a CSV file in the import's own columns, so a
 * download can be edited in a spreadsheet and imported again.
 */
@Controller
class OrganisationExportController {

    private final OrganisationService service;
    private final QueryParameters queryParameters;

    OrganisationExportController(OrganisationService service, QueryParameters queryParameters) {
        this.service = service;
        this.queryParameters = queryParameters;
    }

    @GetMapping("/organisations.csv")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        OrganisationQuery query = queryParameters.read(params);
        OrganisationField[] fields = OrganisationField.values();
        CSVPrinter csv = CsvDownload.start(response, "organisations.csv",
                Arrays.stream(fields).map(OrganisationField::column).toList());
        service.forEach(query, organisation -> {
            try {
                for (OrganisationField field : fields) {
                    csv.print(SpreadsheetText.guard(OrganisationValues.text(organisation.details(), field)));
                }
                csv.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /** The same columns as the CSV, with dates as dates, for a spreadsheet to sort and filter. */
    @GetMapping("/organisations.xlsx")
    void workbook(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        OrganisationQuery query = queryParameters.read(params);
        OrganisationField[] fields = OrganisationField.values();
        try (XlsxDownload xlsx = XlsxDownload.start(response, "organisations.xlsx")) {
            xlsx.sheet("organisations", Arrays.stream(fields).map(OrganisationField::column).toList());
            service.forEach(query, organisation -> xlsx.row(Arrays.stream(fields)
                    .map(field -> field.kind() == OrganisationField.Kind.DATE ? organisation.details().get(field)
                            : OrganisationValues.text(organisation.details(), field)).toList()));
        }
    }
}
