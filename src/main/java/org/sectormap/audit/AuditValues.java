package org.sectormap.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.sectormap.shared.Labels;
import org.springframework.stereotype.Component;

/**
 * A value in the trail as the pages show it: a code by its label, a date as the other pages write
 * dates; anything else as kept. The trail keeps codes and ISO dates, which stay the same whatever the
 * labels become.
 */
@Component("auditValues")
public class AuditValues {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<AuditKind, Map<String, Function<String, Optional<String>>>> coded = new EnumMap<>(AuditKind.class);
    private final Labels labels;

    AuditValues(List<CodedFields> fields, Labels labels) {
        this.labels = labels;
        fields.forEach(f -> coded.computeIfAbsent(f.kind(), k -> new HashMap<>()).putAll(f.labels()));
    }

    public String shown(AuditKind kind, String field, String value) {
        if (value == null) {
            return null;
        }
        Function<String, Optional<String>> label = coded.getOrDefault(kind, Map.of()).get(field);
        if (label != null) {
            return label.apply(value).map(labels::text).orElse(value);
        }
        if (DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value).format(labels.dates());
            } catch (DateTimeParseException notADate) {
                return value;
            }
        }
        return value;
    }
}
