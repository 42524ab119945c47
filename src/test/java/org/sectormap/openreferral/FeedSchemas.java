package org.sectormap.openreferral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The UK profile's JSON schemas (copied under src/test/resources/openreferral-uk, see SOURCE there),
 * read as draft 2020-12, the dialect its openapi.json declares, with formats (uuid, uri, email,
 * date-time) asserted rather than only noted.
 */
final class FeedSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private FeedSchemas() {
    }

    /** Fails naming every problem when the JSON text breaks the schema, e.g. {@code "service"}. */
    static void assertValid(String schema, String json) {
        List<Error> errors = SCHEMAS.computeIfAbsent(schema,
                name -> REGISTRY.getSchema(SchemaLocation.of("classpath:openreferral-uk/" + name + ".json")))
                .validate(json, InputFormat.JSON, context -> context.executionConfig(config -> config
                        .formatAssertionsEnabled(true)));
        assertThat(errors).as("%s against %s", json, schema).isEmpty();
    }
}
