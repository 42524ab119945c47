package org.sectormap.system;

import java.util.Map;

import org.sectormap.shared.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that never reach a controller, so advice limited to the API's controllers cannot
 * answer them: a body type no endpoint takes (only the API declares body types), and an address
 * of the API or the Open Referral feed that does not exist, which gets their 404 body rather than
 * the framework's.
 */
@RestControllerAdvice
class UnmappedRequestErrors {

    private final Labels labels;

    UnmappedRequestErrors(Labels labels) {
        this.labels = labels;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ApiErrors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                labels.text("error.mediaType", String.valueOf(e.getContentType()), e.getSupportedMediaTypes()), null);
    }

    /** Asked before any handler runs, as every API controller says it answers in JSON (ApiController). */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return ApiErrors.error(HttpStatus.NOT_ACCEPTABLE, labels.text("error.notAcceptable"), null);
    }

    /** Pages fall through to the 404 page; rethrowing hands the exception to the next resolver. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noSuchAddress(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !path.startsWith("/openreferral/")) {
            throw e;
        }
        return ApiErrors.error(HttpStatus.NOT_FOUND, labels.text("error.notFound.api", request.getRequestURI()), null);
    }
}
