package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.sectormap.organisation.OrganisationRepository.Keyed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the records that are probably organisations the register already has, or that an earlier
 * record of the same batch or file ({@link EarlierRecords}) already is: the same name once folded
 * ({@link MatchKeys#name}), or the same email address, website, phone number or postcode and a similar
 * name ({@link MatchKeys#similarNames}).
 * The register is asked by index, a batch of keys at a time, never read whole.
 */
@Service
public class DuplicateFinder {

    /** Keys sent in one IN list: well inside both databases' limits on parameters. */
    private static final int LOOKUP_BATCH = 1_000;

    private final OrganisationRepository repository;

    DuplicateFinder(OrganisationRepository repository) {
        this.repository = repository;
    }

    /**
     * A record of the batch that is probably a duplicate: of {@code existing} in the register, or
     * else of an earlier record (one of the two is null).
     *
     * @param index    the record's position in the list given to {@link #find}
     * @param earlier  the earlier record's number in its {@link EarlierRecords}: for a batch checked
     *                 alone, its position in the batch
     */
    public record LikelyDuplicate(int index, Organisation existing, Integer earlier, DuplicateReason reason) {

        public boolean inRegister() {
            return existing != null;
        }

        /** The fields the record would change if it updated the existing one: those it gives another value. */
        public List<OrganisationField> changes(OrganisationDetails candidate) {
            if (existing == null) {
                return List.of();
            }
            return Arrays.stream(OrganisationField.values())
                    .filter(field -> candidate.get(field) != null)
                    .filter(field -> !Objects.equals(candidate.get(field), existing.details().get(field)))
                    .toList();
        }
    }

    /** As {@link #find(List, EarlierRecords)} for a batch on its own: its records are compared with each other. */
    @Transactional(readOnly = true)
    public List<LikelyDuplicate> find(List<OrganisationDetails> candidates) {
        return find(candidates, new EarlierRecords());
    }

    /**
     * The likely duplicates among the candidates, in their order, one per candidate at most: a match
     * in the register first (the oldest record, by the first reason in {@link DuplicateReason}'s
     * order), else the earliest matching record before it, in this batch or one given earlier with
     * the same {@code earlier}, to which the candidates are then added.
     */
    @Transactional(readOnly = true)
    public List<LikelyDuplicate> find(List<OrganisationDetails> candidates, EarlierRecords earlier) {
        // A name is split into words once, for its key and for comparing it: most of a key's cost.
        List<List<String>> nameWords = new ArrayList<>(candidates.size());
        List<Map<MatchKey, String>> keys = new ArrayList<>(candidates.size());
        for (OrganisationDetails candidate : candidates) {
            List<String> words = MatchKeys.words(candidate.name());
            nameWords.add(words);
            keys.add(keys(candidate, words));
        }
        Map<MatchKey, Map<String, List<Keyed>>> stored = stored(keys);
        Map<String, List<String>> storedWords = new HashMap<>();
        Map<Integer, Long> inRegister = new HashMap<>();
        Map<Integer, Integer> inFile = new HashMap<>();
        Map<Integer, DuplicateReason> reasons = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            // Splitting a name into words is most of a comparison, and one name is compared with many.
            List<String> words = earlier.shared(nameWords.get(i));
            List<String> name = MatchKeys.distinct(words);
            long[] wordBits = MatchKeys.wordBits(name);
            long sketch = MatchKeys.sketch(wordBits);
            for (Map.Entry<MatchKey, String> key : keys.get(i).entrySet()) {
                if (reasons.containsKey(i)) {
                    break;
                }
                for (Keyed match : stored.get(key.getKey()).getOrDefault(key.getValue(), List.of())) {
                    if (!needsSimilarNames(key.getKey()) || MatchKeys.similarWords(name,
                            storedWords.computeIfAbsent(match.name(), MatchKeys::distinctWords))) {
                        inRegister.put(i, match.id());
                        reasons.put(i, key.getKey().reason());
                        break;
                    }
                }
            }
            for (Map.Entry<MatchKey, String> key : keys.get(i).entrySet()) {
                if (reasons.containsKey(i)) {
                    break;
                }
                // One predicate for the key, not one for each of the hundreds of records it is tried on.
                IntPredicate same = needsSimilarNames(key.getKey())
                        ? other -> earlier.mayBeSimilar(other, wordBits, sketch)
                                && MatchKeys.similarWords(name, earlier.distinctWords(other))
                        : other -> true;
                int match = earlier.earliest(key.getKey(), key.getValue(), same);
                if (match >= 0) {
                    inFile.put(i, match);
                    reasons.put(i, key.getKey().reason());
                }
            }
            earlier.add(keys.get(i), words, name, wordBits);
        }
        Map<Long, Organisation> existing = load(inRegister.values());
        List<LikelyDuplicate> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (reasons.containsKey(i)) {
                Long id = inRegister.get(i);
                found.add(new LikelyDuplicate(i, id == null ? null : existing.get(id), inFile.get(i), reasons.get(i)));
            }
        }
        return found;
    }

    /** The rule: the same name once folded is enough; any other key in common needs a similar name too. */
    private static boolean needsSimilarNames(MatchKey common) {
        return common != MatchKey.NAME;
    }

    /**
     * The records each name is taken to mean, found as the duplicates are, by the name once folded
     * ({@link MatchKeys#name}): for each name given, the ids of the records with its key, oldest
     * first; none for a name that folds to nothing. An import naming organisations resolves them so.
     */
    @Transactional(readOnly = true)
    public Map<String, List<Long>> named(Collection<String> names) {
        List<Map<MatchKey, String>> keys = names.stream().map(MatchKeys::name)
                .map(key -> key == null ? Map.<MatchKey, String>of() : Map.of(MatchKey.NAME, key)).toList();
        Map<String, List<Keyed>> stored = stored(keys).get(MatchKey.NAME);
        Map<String, List<Long>> ids = new HashMap<>();
        for (String name : names) {
            String key = MatchKeys.name(name);
            ids.put(name, key == null ? List.of()
                    : stored.getOrDefault(key, List.of()).stream().map(Keyed::id).toList());
        }
        return ids;
    }

    /**
     * A record's keys in {@link MatchKey} order, the order of the reasons; empty ones left out. The name's
     * from its {@link MatchKeys#words}, given.
     */
    private static Map<MatchKey, String> keys(OrganisationDetails details, List<String> nameWords) {
        Map<MatchKey, String> keys = new EnumMap<>(MatchKey.class);
        for (MatchKey key : MatchKey.values()) {
            String value = key == MatchKey.NAME ? MatchKeys.name(nameWords) : key.of(details);
            if (value != null) {
                keys.put(key, value);
            }
        }
        return keys;
    }

    private Map<MatchKey, Map<String, List<Keyed>>> stored(List<Map<MatchKey, String>> keys) {
        Map<MatchKey, Map<String, List<Keyed>>> stored = new EnumMap<>(MatchKey.class);
        for (MatchKey key : MatchKey.values()) {
            Map<String, List<Keyed>> byValue = new HashMap<>();
            List<String> values = new ArrayList<>(keys.stream().map(k -> k.get(key)).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
            for (int from = 0; from < values.size(); from += LOOKUP_BATCH) {
                for (Keyed row : repository.withKey(key, values.subList(from, Math.min(values.size(), from + LOOKUP_BATCH)))) {
                    byValue.computeIfAbsent(row.keys().get(key), v -> new ArrayList<>()).add(row);
                }
            }
            byValue.values().forEach(rows -> rows.sort((a, b) -> Long.compare(a.id(), b.id())));
            stored.put(key, byValue);
        }
        return stored;
    }

    private Map<Long, Organisation> load(Collection<Long> ids) {
        List<Long> distinct = List.copyOf(Set.copyOf(ids));
        Map<Long, Organisation> loaded = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_BATCH) {
            repository.findAll(distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_BATCH)))
                    .forEach(o -> loaded.put(o.id(), o));
        }
        return loaded;
    }

    /** Two records of the register that are probably one organisation, the older first. */
    public record Pair(long first, String firstName, long second, String secondName, DuplicateReason reason) {
    }

    /**
     * Where a page of pairs starts: at the record {@code from}, leaving out its pairs with records up
     * to {@code after} (shown on the page before).
     */
    record Cursor(long from, long after) {

        static final Cursor START = new Cursor(0, 0);
    }

    /**
     * A page of pairs. {@code next} is null once the register's last record has been looked at;
     * {@code full} says whether the page stopped at its size or at the records it may look at.
     */
    record PairPage(List<Pair> pairs, int page, Cursor next, boolean full) {
    }

    /** Records a page looks at, at most: a register with few pairs is looked through a page at a time. */
    static final int LOOK_AT_MOST = 2_000;
    /** Records looked at with one statement for each key. */
    private static final int LOOK_BATCH = 200;
    /** Later records each record is compared with, for each of its keys, as an import compares its rows. */
    static final int LATER_MOST = 50;

    /**
     * The register's likely pairs from the cursor on, in the order of their ids, {@code size} to a
     * page: each record compared with the next {@link #LATER_MOST} records sharing each of its keys,
     * and at most {@link #LOOK_AT_MOST} records looked at, so a page takes the same time and memory
     * in a register of any size, even where hundreds of records share a phone number.
     */
    @Transactional(readOnly = true)
    PairPage pairs(Cursor cursor, int page, int size) {
        List<Pair> pairs = new ArrayList<>();
        long lookedTo = cursor.from() - 1;
        int looked = 0;
        boolean end = false;
        while (pairs.size() <= size && looked < LOOK_AT_MOST && !end) {
            List<Keyed> batch = repository.keyedAfter(lookedTo, Math.min(LOOK_BATCH, LOOK_AT_MOST - looked));
            end = batch.isEmpty();
            // Each later record's id and name key, read from the keys' indexes alone.
            Map<Long, Map<Long, String>> later = new HashMap<>();
            for (MatchKey key : MatchKey.values()) {
                for (OrganisationRepository.Later l : repository.laterWithKey(key, batch, LATER_MOST)) {
                    later.computeIfAbsent(l.earlier(), k -> new TreeMap<>()).put(l.id(), l.nameKey() == null ? "" : l.nameKey());
                }
            }
            // A name is compared with up to LATER_MOST others for each key, so it is split into words once.
            Map<String, List<String>> words = new HashMap<>();
            Map<Long, Keyed> candidates = candidates(batch, later);
            for (Keyed a : batch) {
                for (Long id : later.getOrDefault(a.id(), Map.of()).keySet()) {
                    Keyed b = candidates.get(id);
                    Pair pair = b == null || a.id() == cursor.from() && b.id() <= cursor.after() ? null
                            : pair(a, b, name -> words.computeIfAbsent(name, MatchKeys::distinctWords));
                    if (pair != null) {
                        pairs.add(pair);
                    }
                }
                lookedTo = a.id();
                looked++;
                if (pairs.size() > size) {
                    break;
                }
            }
        }
        if (pairs.size() > size) {
            Pair last = pairs.get(size - 1);
            Pair first = pairs.get(size);
            return new PairPage(pairs.subList(0, size), page,
                    new Cursor(first.first(), last.first() == first.first() ? last.second() : 0), true);
        }
        return new PairPage(pairs, page, end ? null : new Cursor(lookedTo + 1, 0), false);
    }

    /**
     * The later records whose name keys may make them a pair with a record of the batch, read whole:
     * the same name key, or names similar by their keys' words (or a key that may have been cut
     * short). The rest cannot be a pair, as every key but the name needs similar names, so a page
     * where a thousand records share a phone number reads a few rows rather than 100,000.
     */
    private Map<Long, Keyed> candidates(List<Keyed> batch, Map<Long, Map<Long, String>> later) {
        Set<Long> ids = new LinkedHashSet<>();
        Map<String, List<String>> words = new HashMap<>();
        for (Keyed a : batch) {
            // A name with no words to compare (no key) is like no other.
            String name = a.keys().get(MatchKey.NAME);
            for (Map.Entry<Long, String> b : name == null ? Map.<Long, String>of().entrySet()
                    : later.getOrDefault(a.id(), Map.of()).entrySet()) {
                String other = b.getValue();
                if (!other.isEmpty() && (name.equals(other) || MatchKeys.mayBeCut(name) || MatchKeys.mayBeCut(other)
                        || MatchKeys.similarWords(words.computeIfAbsent(name, MatchKeys::keyWords),
                                words.computeIfAbsent(other, MatchKeys::keyWords)))) {
                    ids.add(b.getKey());
                }
            }
        }
        Map<Long, Keyed> rows = new HashMap<>();
        List<Long> distinct = List.copyOf(ids);
        for (int from = 0; from < distinct.size(); from += LOOKUP_BATCH) {
            repository.keyed(distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_BATCH)))
                    .forEach(row -> rows.put(row.id(), row));
        }
        return rows;
    }

    /**
     * Why two stored records are probably one organisation, or null when they are probably not; the
     * names are compared only when a key other than the name is the same.
     */
    private static Pair pair(Keyed a, Keyed b, Function<String, List<String>> words) {
        Boolean similar = null;
        for (MatchKey key : MatchKey.values()) {
            String value = a.keys().get(key);
            if (value != null && value.equals(b.keys().get(key))) {
                if (similar == null && key != MatchKey.NAME) {
                    similar = MatchKeys.similarWords(words.apply(a.name()), words.apply(b.name()));
                }
                if (key == MatchKey.NAME || similar) {
                    return new Pair(a.id(), a.name(), b.id(), b.name(), key.reason());
                }
            }
        }
        return null;
    }
}
