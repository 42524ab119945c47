package org.sectormap.system;

import java.util.stream.Collectors;

import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.ConflictException;
import org.sectormap.shared.FieldError;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.sectormap.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/** Errors an HTML page can explain (a bad link or bookmark, an upload that is too large, one too many), and the unexpected. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;
    private final Labels labels;
    private final DataSize maxFileSize;

    PageErrors(MessageSource messages, Labels labels,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.messages = messages;
        this.labels = labels;
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return errorPage(HttpStatus.PAYLOAD_TOO_LARGE, messages.getMessage("import.error.tooLarge",
                new Object[] {maxFileSize.toMegabytes()}, LocaleContextHolder.getLocale()));
    }

    /**
     * A change that met another at the same moment (a save, an import running); forms that can keep the
     * input handle it themselves. Said in the words of what met what.
     */
    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict(ConflictException e) {
        return errorPage(HttpStatus.CONFLICT, messages.getMessage(e, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(BadParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badQuery(BadParameterException e) {
        return errorPage(HttpStatus.BAD_REQUEST, messages.getMessage(e, LocaleContextHolder.getLocale()));
    }

    /**
     * Input a page checks without a form to show it on again (a download's filters, say): each problem
     * said in words, where the unexpected would have been a 500.
     */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(InvalidInputException e) {
        return errorPage(HttpStatus.BAD_REQUEST, labels.resolve(e.problems()).stream().map(FieldError::message)
                .collect(Collectors.joining("; ")));
    }

    /** A number in an address or a form that is not one (or too large to be one): a bad link, bookmark or form. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        return errorPage(HttpStatus.BAD_REQUEST, labels.text("error.parameter.invalid", e.getValue(), e.getName()));
    }

    /** A form sent without one of its fields, which the page always sends: a form kept from an older version, or made by hand. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return errorPage(HttpStatus.BAD_REQUEST, labels.text("error.parameter.missing", e.getParameterName()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return errorPage(HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(e, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return errorPage(HttpStatus.NOT_FOUND, null);
    }

    /**
     * Anything else a page did not expect, logged by its class alone: a database's message can quote
     * the values it refused, and those can be someone's name. Spring's own exceptions, which carry
     * their status (a wrong method, a missing parameter), and security's go on to their usual handling.
     */
    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof ErrorResponse || e instanceof AccessDeniedException || e instanceof AuthenticationException
                || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class)) {
            throw e;
        }
        log.error("Page request failed: {}", e.getClass().getName());
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static ModelAndView errorPage(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
