package org.sectormap.organisation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * The records already shown to {@link DuplicateFinder#find(List, EarlierRecords)}, numbered from 0 in
 * the order shown, so that a record is compared with every earlier record of a file, however many
 * batches back. A caller checking one batch makes a fresh one; a caller streaming a file keeps one for
 * the whole file.
 * <p>
 * A million-row file must fit beside the rest of the app in a 512 MB heap, so nothing here is kept per
 * record as an object: each key is reduced to a 64-bit hash in an open-addressing table of primitives
 * (hash, and the latest record with it), each record links to the record before it with the same key,
 * and each record's name is kept as its words in one growing byte array, a common word as its number.
 * Two different keys are taken for one only when their hashes collide (seeded afresh for every file,
 * so no file collides every time): for a name the words kept are compared too, so names never mix;
 * for another key the names must be similar as well, so a false pair needs both a collision (about 1
 * in 10^7 among the two million keys of a million-row file) and a similar name.
 * Measured with 1,000,000 rows like {@code ImportBenchmark}'s file (a name, an email address and one
 * of 20 postcodes each), after a full collection: 69 MB kept, of which 34 MB is the table (2,000,020
 * keys), 11.5 MB the names, 4.3 MB where each ends and 4.3 MB the postcodes' links; each record's
 * sketch and word count ({@link #mayBeSimilar}) add 12 bytes a record since (12 MB at a million).
 */
public final class EarlierRecords {

    /**
     * How many earlier records sharing a key one record is compared with, the latest: a file of a
     * thousand groups in one community centre stays quick, and a duplicate is usually near its original.
     */
    static final int COMPARED = 200;
    /**
     * Records whose words are also kept split, as compared: a batch, and the latest {@link #COMPARED}
     * of many keys, are compared without reading the bytes again.
     */
    private static final int RECENT = 8_192;
    private static final int FIRST_CAPACITY = 64;
    /**
     * Words given a number, the first met: a name's words are mostly the same few thousand (places,
     * communities, "centre"), so most are kept in a byte or two; bounded, as a file may have a million
     * words found once (about 2 MB at the bound).
     */
    private static final int NUMBERED = 1 << 14;
    /**
     * Linear probing stays a few probes long up to here, and the table grows by a quarter, not double:
     * it is the most of the memory kept, and a doubled table would be half empty.
     */
    private static final double MAX_LOAD = 0.8;

    private final long seed = ThreadLocalRandom.current().nextLong();
    private long[] hashes = new long[FIRST_CAPACITY];
    /** Per slot: the number of the latest record with the slot's key, plus one; 0 for an empty slot. */
    private int[] latest = new int[FIRST_CAPACITY];
    private int keys;
    /**
     * Per key kind, per record: the number, plus one, of the record before it with the same key;
     * made only once a kind's key repeats, so a kind whose every value is new costs nothing.
     */
    private final int[][] before = new int[MatchKey.values().length][];
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final List<String> numbered = new ArrayList<>();
    /**
     * Each record's words, one after another: a numbered word as its number (a byte or two), any other
     * as its bytes; see {@link #append}.
     */
    private byte[] names = new byte[1_024];
    private int namesEnd;
    /** Where each record's words end in {@link #names}; they start where the record before's end. */
    private int[] nameEnds = new int[FIRST_CAPACITY];
    /** Each record's {@link MatchKeys#sketch} and how many distinct words its name has. */
    private long[] sketches = new long[FIRST_CAPACITY];
    private int[] wordCounts = new int[FIRST_CAPACITY];
    @SuppressWarnings("unchecked")
    private final List<String>[] recent = new List[RECENT];
    /** The recent records' {@link MatchKeys#wordBits}, beside their words. */
    private final long[][] recentBits = new long[RECENT][];
    private int count;
    /** {@link #earliest}'s, kept to spare an allocation per key of every record. */
    private final int[] compared = new int[COMPARED];

    /**
     * The earliest of the latest {@link #COMPARED} earlier records with the key (for a name, with
     * exactly the name) that {@code same} accepts, or -1.
     */
    int earliest(MatchKey kind, String value, IntPredicate same) {
        int slot = find(hash(kind, value));
        int found = 0;
        int[] links = before[kind.ordinal()];
        for (int record = latest[slot] - 1; record >= 0 && found < COMPARED;
                record = links == null || record >= links.length ? -1 : links[record] - 1) {
            compared[found++] = record;
        }
        for (int i = found - 1; i >= 0; i--) {
            int record = compared[i];
            if ((kind != MatchKey.NAME || value.equals(MatchKeys.name(words(record))))
                    && same.test(record)) {
                return record;
            }
        }
        return -1;
    }

    /**
     * False where {@link MatchKeys#similarWords}{@code (words, distinctWords(record))} is certainly false,
     * told from the sketch of the name with more words ({@link MatchKeys#mayBeSimilar}); the record's
     * words are read only when it has fewer and is not among the recent.
     *
     * @param wordBits the {@link MatchKeys#wordBits} of distinct words, as {@link #add} is given them
     * @param sketch   their {@link MatchKeys#sketch}
     */
    boolean mayBeSimilar(int record, long[] wordBits, long sketch) {
        if (wordBits.length <= wordCounts[record]) {
            return MatchKeys.mayBeSimilar(wordBits, sketches[record]);
        }
        long[] kept = isRecent(record) ? recentBits[record % RECENT] : null;
        return MatchKeys.mayBeSimilar(kept != null ? kept : MatchKeys.wordBits(distinctWords(record)), sketch);
    }

    /** The record's {@link MatchKeys#distinctWords}, as given to {@link #add}. */
    List<String> distinctWords(int record) {
        List<String> kept = isRecent(record) ? recent[record % RECENT] : null;
        return kept != null ? kept : MatchKeys.distinct(words(record));
    }

    private boolean isRecent(int record) {
        return record >= count - RECENT;
    }

    /**
     * Numbers the next record and remembers its keys and the words of its name, as {@link #shared} gave
     * them, with the {@link MatchKeys#wordBits} of the distinct ones.
     */
    void add(Map<MatchKey, String> keys, List<String> words, List<String> distinctWords, long[] wordBits) {
        int record = count++;
        if (record == nameEnds.length) {
            nameEnds = Arrays.copyOf(nameEnds, record + (record >> 1));
            sketches = Arrays.copyOf(sketches, nameEnds.length);
            wordCounts = Arrays.copyOf(wordCounts, nameEnds.length);
        }
        sketches[record] = MatchKeys.sketch(wordBits);
        wordCounts[record] = distinctWords.size();
        for (String word : words) {
            Integer id = wordIds.get(word);
            if (id != null) {
                append(id << 1);
            } else {
                byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
                append(bytes.length << 1 | 1);
                room(bytes.length);
                System.arraycopy(bytes, 0, names, namesEnd, bytes.length);
                namesEnd += bytes.length;
            }
        }
        nameEnds[record] = namesEnd;
        recent[record % RECENT] = distinctWords;
        recentBits[record % RECENT] = wordBits;
        for (Map.Entry<MatchKey, String> key : keys.entrySet()) {
            long hash = hash(key.getKey(), key.getValue());
            int slot = find(hash);
            if (latest[slot] == 0) {
                hashes[slot] = hash;
                this.keys++;
            } else {
                link(key.getKey(), record, latest[slot]);
            }
            latest[slot] = record + 1;
            if (this.keys > hashes.length * MAX_LOAD) {
                grow();
            }
        }
    }

    private void link(MatchKey kind, int record, int previousPlusOne) {
        int[] links = before[kind.ordinal()];
        if (links == null || record >= links.length) {
            links = links == null ? new int[Math.max(FIRST_CAPACITY, nameEnds.length)]
                    : Arrays.copyOf(links, Math.max(record + 1, nameEnds.length));
            before[kind.ordinal()] = links;
        }
        links[record] = previousPlusOne;
    }

    /**
     * The words, each as the one String kept for it once it has a number: equal words are then
     * compared by reference, and kept in {@link #names} as their number.
     */
    List<String> shared(List<String> words) {
        List<String> shared = new ArrayList<>(words.size());
        for (String word : words) {
            Integer id = wordIds.get(word);
            if (id == null && numbered.size() < NUMBERED) {
                id = numbered.size();
                wordIds.put(word, id);
                numbered.add(word);
            }
            shared.add(id == null ? word : numbered.get(id));
        }
        return shared;
    }

    /** A word's number times two, or its length in bytes times two plus one before the bytes. */
    private void append(int value) {
        room(5);
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            names[namesEnd++] = (byte) (rest & 0x7F | 0x80);
            rest >>>= 7;
        }
        names[namesEnd++] = (byte) rest;
    }

    private void room(int bytes) {
        if (namesEnd + bytes > names.length) {
            names = Arrays.copyOf(names, Math.max(namesEnd + bytes, names.length + (names.length >> 1)));
        }
    }

    /** The words of the record's name, as {@link MatchKeys#words} gave them. */
    private List<String> words(int record) {
        int at = record == 0 ? 0 : nameEnds[record - 1];
        List<String> words = new ArrayList<>();
        while (at < nameEnds[record]) {
            int value = 0;
            int shift = 0;
            byte next;
            do {
                next = names[at++];
                value |= (next & 0x7F) << shift;
                shift += 7;
            } while (next < 0);
            if ((value & 1) == 0) {
                words.add(numbered.get(value >>> 1));
            } else {
                words.add(new String(names, at, value >>> 1, StandardCharsets.UTF_8));
                at += value >>> 1;
            }
        }
        return words;
    }

    /** The key's slot, or the empty slot it would take. */
    private int find(long hash) {
        int slot = home(hash, hashes.length);
        while (latest[slot] != 0 && hashes[slot] != hash) {
            slot = slot + 1 == hashes.length ? 0 : slot + 1;
        }
        return slot;
    }

    /** Any capacity, not only powers of two, so the table can grow by a quarter. */
    private static int home(long hash, int capacity) {
        return (int) (((hash >>> 32) * capacity) >>> 32);
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldLatest = latest;
        hashes = new long[oldHashes.length + (oldHashes.length >> 2)];
        latest = new int[hashes.length];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldLatest[i] != 0) {
                int slot = find(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                latest[slot] = oldLatest[i];
            }
        }
    }

    private long hash(MatchKey kind, String value) {
        long hash = seed ^ kind.ordinal();
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        return hash ^ (hash >>> 33);
    }
}
