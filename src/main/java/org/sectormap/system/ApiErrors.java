package org.sectormap.system;

import java.util.Map;

import org.sectormap.organisation.OrganisationNotFoundException;
import org.sectormap.organisation.QueryParameters.BadQueryException;
import org.sectormap.organisation.StaleOrganisationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** JSON errors for the API: what was wrong and where, never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<Map<String, Object>> badQuery(BadQueryException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    @ExceptionHandler(OrganisationNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(OrganisationNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(StaleOrganisationException.class)
    ResponseEntity<Map<String, Object>> conflict(StaleOrganisationException e) {
        return error(HttpStatus.CONFLICT, e.getMessage() + "; nothing was saved, try again", null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return error(status, e.getReason() == null ? status.getReasonPhrase() : e.getReason(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid value for " + e.getName(),
                e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required", e.getParameterName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "The request body could not be read", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        // The exception class and message only: request bodies can hold people's details.
        log.error("API request failed: {}", e.getClass().getName());
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side", null);
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String parameter) {
        Map<String, Object> body = parameter == null ? Map.of("error", message)
                : Map.of("error", message, "parameter", parameter);
        return ResponseEntity.status(status).body(body);
    }
}
