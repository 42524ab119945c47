package org.sectormap.system;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request whose body type no endpoint takes never reaches a controller, so advice limited to
 * the API's controllers cannot answer it; only the API declares body types, so this answers in JSON.
 */
@RestControllerAdvice
class UnmappedRequestErrors {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ApiErrors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType()
                + " is not supported; send " + e.getSupportedMediaTypes(), null);
    }
}
