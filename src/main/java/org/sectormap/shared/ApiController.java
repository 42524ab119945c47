package org.sectormap.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the JSON API. It says it answers in JSON, so that a request whose Accept header
 * refuses JSON is answered 406 before the handler runs: found out only when the answer was written,
 * it was a 500 after the handler had already stored what it was sent. A method that answers in
 * another type says so in its own mapping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
public @interface ApiController {

    /** The path every mapping of the controller starts with, if any. */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String[] value() default {};
}
