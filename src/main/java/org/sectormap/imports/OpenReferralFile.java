package org.sectormap.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open Referral feed file (HSDS 3 or its UK profile) as one table of organisations: a page of
 * {@code /services} or {@code /organizations} (its {@code contents}), a bare array of either, or one
 * full service, organization or service at a location. Each record is a row, numbered by its place
 * in the feed from 1, under the HSDS names a directory's people know. A service's organization is
 * what its row describes, and a later service of an organization already read is passed over, so an
 * organization with several services is one row. Records are parsed one at a time from a stream,
 * so a large feed is never held as one tree.
 */
final class OpenReferralFile implements TableFile {

    /** The one table, which problems name; their rows are the records' places in the feed. */
    static final String TABLE = "records";
    static final List<String> COLUMNS = List.of("name", "description", "status", "email", "url", "phone",
            "address_1", "city", "postal_code", "service_area", "taxonomy_terms", "id");
    /** HSDS gives an organization no status: being in a directory, it is as active as a service that says so. */
    static final String ACTIVE = "active";

    private enum Shape { PAGE, ARRAY, RECORD }

    private final Path file;
    private final Shape shape;

    private OpenReferralFile(Path file, Shape shape) {
        this.file = file;
        this.shape = shape;
    }

    /** JSON text: after any byte order mark and white space, an object or an array (told from the file's first bytes). */
    static boolean looksLikeJson(byte[] content) {
        int at = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0;
        while (at < content.length && Character.isWhitespace(content[at])) {
            at++;
        }
        return at < content.length && (content[at] == '{' || content[at] == '[');
    }

    /**
     * Tells the kind of feed file from its top level alone, skipping over what is inside.
     *
     * @throws UnreadableFileException for broken JSON, or an object that is neither a page nor a record
     */
    static OpenReferralFile open(Path file) {
        try (JsonParser json = parser(file)) {
            if (json.nextToken() == JsonToken.START_ARRAY) {
                return new OpenReferralFile(file, Shape.ARRAY);
            }
            boolean record = false;
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String property = json.currentName();
                JsonToken value = json.nextToken();
                if ("contents".equals(property) && value == JsonToken.START_ARRAY) {
                    return new OpenReferralFile(file, Shape.PAGE);
                }
                record |= "name".equals(property) || "service".equals(property) && value == JsonToken.START_OBJECT;
                json.skipChildren();
            }
            if (!record) {
                throw new UnreadableFileException("import.error.notAFeed");
            }
            return new OpenReferralFile(file, Shape.RECORD);
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    /** A stream over the file, which the parser closes with itself. */
    private static JsonParser parser(Path file) {
        try {
            return JsonMapper.shared().createParser(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the JSON broke, as an editor numbers lines and columns. */
    private static UnreadableFileException broken(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? new UnreadableFileException("import.error.brokenJson")
                : new UnreadableFileException("import.error.brokenJsonAt", at.getLineNr(), at.getColumnNr());
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    /** A feed has no header row: its headings are {@link #COLUMNS}, like a database table's column names. */
    @Override
    public void read(String table, int headerRow, TableRows rows) {
        if (!TABLE.equals(table)) {
            throw new UnreadableFileException("import.error.noSuchSheet", table);
        }
        rows.header(null, COLUMNS);
        Set<String> organisations = new HashSet<>();
        int number = 0;
        // Only the parser's failures are the file's: whatever the rows are handed to fails as itself.
        try (JsonParser json = parser(file)) {
            toFirstRecord(json);
            for (JsonNode record = next(json); record != null; record = next(json)) {
                number++;
                if (!record.isObject()) {
                    throw new UnreadableFileException("import.error.notAFeedRecord", number);
                }
                Row row = new Row(record);
                if (row.organisationId.isEmpty() || organisations.add(row.organisationId.get())) {
                    rows.row(number, row.cells());
                }
            }
        }
    }

    private void toFirstRecord(JsonParser json) {
        try {
            json.nextToken();
            if (shape == Shape.PAGE) {
                while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                    boolean contents = "contents".equals(json.currentName());
                    json.nextToken();
                    if (contents) {
                        return;
                    }
                    json.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    /** The next record, or null after the last; a single record's file is its one record. */
    private JsonNode next(JsonParser json) {
        try {
            if (shape == Shape.RECORD) {
                if (json.currentToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                JsonNode record = json.readValueAsTree();
                json.clearCurrentToken();
                return record;
            }
            JsonToken token = json.nextToken();
            return token == null || token == JsonToken.END_ARRAY ? null : json.readValueAsTree();
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    @Override
    public void close() {
        // Read from the upload's bytes: nothing was copied.
    }

    /**
     * One record's cells: the organization's own name, description, email and website, else the
     * service's; the status, area, address, phone and terms of the service, which for an
     * organization is its first.
     */
    private static final class Row {

        private final JsonNode organisation;
        private final JsonNode service;
        private final JsonNode location;
        final Optional<String> organisationId;

        Row(JsonNode record) {
            boolean atLocation = record.path("service").isObject();
            boolean isService = atLocation || Stream.of("organization", "organization_id", "url",
                    "service_at_locations", "service_areas").anyMatch(record::has);
            this.service = atLocation ? record.path("service") : isService ? record : record.path("services").path(0);
            this.organisation = isService ? service.path("organization") : record;
            this.location = Stream.concat(Stream.of(record.path("location")),
                    Stream.concat(service.path("service_at_locations").valueStream().map(s -> s.path("location")),
                            organisation.path("locations").valueStream()))
                    .filter(l -> l.path("addresses").size() > 0).findFirst().orElse(record.path("location"));
            String id = either(organisation, service, "id", "organization_id");
            this.organisationId = id.isEmpty() ? Optional.empty() : Optional.of(id);
        }

        List<String> cells() {
            JsonNode address = location.path("addresses").valueStream()
                    .filter(a -> "physical".equalsIgnoreCase(text(a.path("address_type")))).findFirst()
                    .orElse(location.path("addresses").path(0));
            JsonNode area = service.path("service_areas").path(0);
            String status = text(service.path("status"));
            return List.of(either(organisation, service, "name", "name"),
                    either(organisation, service, "description", "description"),
                    status.isEmpty() ? ACTIVE : status,
                    either(organisation, service, "email", "email"),
                    either(organisation, service, "website", "url"),
                    Stream.of(organisation, service, location).flatMap(n -> n.path("phones").valueStream())
                            .map(p -> text(p.path("number"))).filter(n -> !n.isEmpty()).findFirst().orElse(""),
                    text(address.path("address_1")), text(address.path("city")), text(address.path("postal_code")),
                    Stream.of("name", "service_area", "description").map(f -> text(area.path(f)))
                            .filter(a -> !a.isEmpty()).findFirst().orElse(""),
                    terms(), organisationId.orElse(text(service.path("id"))));
        }

        /** Term names, from HSDS 3's attributes and ORUK 1's service taxonomies, each once. */
        private String terms() {
            return Stream.concat(
                    service.path("attributes").valueStream().map(a -> a.path("taxonomy_term").path("name")),
                    service.path("service_taxonomys").valueStream().map(t -> t.path("taxonomy").path("name")))
                    .map(Row::text).filter(t -> !t.isEmpty()).distinct().collect(Collectors.joining("; "));
        }

        private static String either(JsonNode first, JsonNode second, String firstField, String secondField) {
            String value = text(first.path(firstField));
            return value.isEmpty() ? text(second.path(secondField)) : value;
        }

        private static String text(JsonNode node) {
            return node.isValueNode() && !node.isNull() ? node.asString().strip() : "";
        }
    }
}
