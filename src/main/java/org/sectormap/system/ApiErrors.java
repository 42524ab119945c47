package org.sectormap.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.ConflictException;
import org.sectormap.shared.FieldError;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.Problem;
import org.sectormap.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** JSON errors for the API: what was wrong and where, never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Labels labels;

    ApiErrors(Labels labels) {
        this.labels = labels;
    }

    /** The same field-named messages a form shows, so a script and a person are told the same. */
    record Problems(List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Problems> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new Problems(labels.resolve(e.problems())));
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<Map<String, Object>> badQuery(BadParameterException e) {
        return error(HttpStatus.BAD_REQUEST, labels.message(e), e.parameter());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, labels.message(e), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, labels.message(e), null);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Map<String, Object>> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(Map.of("error", labels.message(e)));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return error(status, e.getReason() == null ? status.getReasonPhrase() : e.getReason(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, labels.text("error.parameter.invalid", e.getValue(), e.getName()),
                e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, labels.text("error.parameter.missing", e.getParameterName()),
                e.getParameterName());
    }

    /**
     * A body that is JSON but holds a value of the wrong kind is answered as a form's field is, naming
     * the value by its place in the body ({@code answers[0].text}) and the kind wanted there.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException wrong && !wrong.getPath().isEmpty()) {
            return invalid(new InvalidInputException(
                    List.of(Problem.of(place(wrong.getPath()), "error.body.kind", kind(wrong.getTargetType())))));
        }
        return error(HttpStatus.BAD_REQUEST, labels.text("error.body.unreadable"), null);
    }

    private static String place(List<JacksonException.Reference> path) {
        StringBuilder place = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                place.append(place.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else {
                place.append('[').append(step.getIndex()).append(']');
            }
        }
        return place.toString();
    }

    private static MessageSourceResolvable kind(Class<?> wanted) {
        String kind;
        if (wanted == null) {
            kind = "other";
        } else if (wanted == Boolean.class || wanted == boolean.class) {
            kind = "boolean";
        } else if (CharSequence.class.isAssignableFrom(wanted)) {
            kind = "text";
        } else if (Number.class.isAssignableFrom(wanted) || wanted == long.class || wanted == int.class) {
            kind = "number";
        } else if (Collection.class.isAssignableFrom(wanted) || wanted.isArray()) {
            kind = "list";
        } else if (wanted.isRecord() || Map.class.isAssignableFrom(wanted)) {
            kind = "object";
        } else {
            kind = "other";
        }
        return new DefaultMessageSourceResolvable("error.body.kind." + kind);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        // The exception class and message only: request bodies can hold people's details.
        log.error("API request failed: {}", e.getClass().getName());
        return error(HttpStatus.INTERNAL_SERVER_ERROR, labels.text("error.unexpected"), null);
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String parameter) {
        Map<String, Object> body = parameter == null ? Map.of("error", message)
                : Map.of("error", message, "parameter", parameter);
        // Set, not negotiated: an API error is JSON even to a browser that followed a link to it.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
