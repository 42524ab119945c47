package org.sectormap.system;

import org.sectormap.organisation.QueryParameters.BadQueryException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** A bad link or bookmark on an HTML page gets the error page, saying which parameter is wrong. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(BadQueryException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badQuery(BadQueryException e) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        page.addObject("detail", e.getMessage());
        return page;
    }
}
