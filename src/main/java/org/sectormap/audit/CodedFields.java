package org.sectormap.audit;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sectormap.shared.Coded;

/**
 * The fields of one kind of record whose values the trail keeps as codes ("visit", "bme-network"),
 * each with the message key of a code's label: a feature's bean, so that the trail shows a value as the
 * feature's pages do ("Visit") without knowing the feature's types.
 */
public record CodedFields(AuditKind kind, Map<String, Function<String, Optional<String>>> labels) {

    /** Fields whose values are the codes of a coded type. */
    public static CodedFields of(AuditKind kind, Map<String, Class<? extends Coded>> types) {
        return new CodedFields(kind, types.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                type -> code -> Coded.fromCode(type.getValue(), code).map(Coded::messageKey))));
    }
}
