package org.sectormap.imports;

import java.util.List;
import java.util.Map;

import org.sectormap.shared.ApiController;
import org.sectormap.shared.ConflictException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** An import running in the background, for a script to poll and cancel. */
@ApiController
class ImportJobApiController {

    static final String PATH = "/api/imports/";

    private final ImportService imports;
    private final Labels labels;

    ImportJobApiController(ImportService imports, Labels labels) {
        this.imports = imports;
        this.labels = labels;
    }

    /** @param problems why a failed import failed, one message; empty otherwise */
    record JobJson(long importId, String status, int rowsChecked, int rowsStored, int totalRows,
            List<Map<String, String>> problems) {
    }

    @GetMapping(PATH + "{id}")
    JobJson job(@PathVariable long id) {
        return json(imports.job(id).orElseThrow(() -> new NotFoundException("import.job.notFound")));
    }

    /** Asks it to stop; it rolls back at its next batch of rows, so poll until it says "cancelled". */
    @PostMapping(PATH + "{id}/cancel")
    JobJson cancel(@PathVariable long id) {
        ImportJob job = imports.job(id).orElseThrow(() -> new NotFoundException("import.job.notFound"));
        if (!imports.cancel(id)) {
            throw new ConflictException("import.job.notRunning",
                    labels.text("import.job.status." + job.status().code()));
        }
        return json(imports.job(id).orElseThrow());
    }

    private JobJson json(ImportJob job) {
        return new JobJson(job.id(), job.status().code(), job.rowsChecked(), job.rowsStored(), job.totalRows(),
                job.message() == null ? List.of() : List.of(Map.of("message", labels.text(job.message()))));
    }
}
