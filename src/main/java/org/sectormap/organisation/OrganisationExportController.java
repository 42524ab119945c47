package org.sectormap.organisation;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sectormap.system.SpreadsheetText;
import org.springframework.http.HttpHeaders;
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
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organisations.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // A byte order mark makes Excel read the file as UTF-8; the import skips it.
        writer.write('\uFEFF');
        OrganisationField[] fields = OrganisationField.values();
        CSVPrinter csv = CSVFormat.RFC4180.builder()
                .setHeader(Arrays.stream(fields).map(OrganisationField::column).toArray(String[]::new))
                .get().print(writer);
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
}
