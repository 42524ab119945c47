package org.sectormap.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON says what kind each value is, and the API takes it at its word: a number where text is wanted
 * is refused rather than stored as its digits ({@code "phone": 1162555} would lose the number's leading
 * zero unseen), and a number where true or false is wanted is refused rather than ticking the box
 * ({@code "fullInterview": 123}). {@link ApiErrors} names the field. Text where a number or a tick is
 * wanted ({@code "12"}, {@code "true"}) is still read, as scripts built from form fields send it.
 */
@Configuration(proxyBeanMethods = false)
class JsonKinds {

    @Bean
    JsonMapperBuilderCustomizer valuesOfTheirOwnKind() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, tick -> tick
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}
