package org.sectormap.imports;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

/** The import pages' answer for an upload that is no longer waiting: ask for the file again. */
@ControllerAdvice(assignableTypes = {ImportController.class, ResearchImportController.class})
class ExpiredUploads {

    static String page(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "imports/expired";
    }

    @ExceptionHandler(UploadGoneException.class)
    String gone(HttpServletResponse response) {
        return page(response);
    }
}
