package org.sectormap.comment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous comments: held back in a sealed pool when an interview is recorded, and released
 * together, in random order and as new rows, once enough interviews have added to the pool that
 * nobody comparing the comments before and after can tell which interview gave which.
 */
@Service
public class CommentService {

    /** The order comments enter the shuffle: by content alone, so nothing of the pool's order can survive it. */
    private static final Comparator<NewComment> CONTENT = Comparator.comparing(NewComment::sectionCode)
            .thenComparing(NewComment::sectionTitle).thenComparing(NewComment::text);

    private final CommentRepository comments;
    private final CommentPoolRepository pool;
    private final CommentPoolCipher cipher;
    private final Random shuffle;
    private final int releaseAfter;

    CommentService(CommentRepository comments, CommentPoolRepository pool, CommentPoolCipher cipher,
            @Qualifier(CommentShuffle.BEAN) Random shuffle, AnonymitySettings settings) {
        this.comments = comments;
        this.pool = pool;
        this.cipher = cipher;
        this.shuffle = shuffle;
        this.releaseAfter = settings.releaseAfter();
    }

    /**
     * How many interviews' comments wait in the pool, and how many interviews release it: the
     * numbers only, as the interview table already shows that interviews happened.
     */
    public record Waiting(int interviews, int releaseAfter) {

        /** At least one: a pool that two interviews at once left full goes with the next. */
        public int more() {
            return Math.max(1, releaseAfter - interviews);
        }
    }

    /**
     * Holds one interview's sector comments, none or many, as one sealed row of the pool, and
     * releases the pool once {@code sectormap.anonymity.release-after} interviews have added to it.
     * Nothing identifying goes in and nothing comes back, so the caller holds no key to link them.
     *
     * @param titles each section's title now, by its code, which every comment of a release takes
     */
    @Transactional
    public void hold(List<NewComment> fromOneInterview, Map<String, String> titles) {
        pool.add(cipher.seal(fromOneInterview));
        if (pool.count() >= releaseAfter) {
            release(releaseAfter, titles);
        }
    }

    /**
     * Releases whatever waits, however few interviews added it. Only the demo data calls this, for
     * its last few fictional interviews, and it loads only while the pool is empty, so no real
     * comment is ever released in a batch smaller than the setting.
     *
     * @param titles each section's title now, by its code
     */
    @Transactional
    public void releaseNow(Map<String, String> titles) {
        release(1, titles);
    }

    @Transactional(readOnly = true)
    public Waiting waiting() {
        return new Waiting(pool.count(), releaseAfter);
    }

    /**
     * Every comment, held in a list: for a register known to be small, such as the demo's. Pages and
     * downloads read a page at a time or stream (see {@link ThemeService}).
     */
    @Transactional(readOnly = true)
    public List<AnonymousComment> all() {
        List<AnonymousComment> all = new ArrayList<>();
        comments.forEach(all::add);
        return all;
    }

    /** Hands every comment over in order, one at a time. */
    @Transactional(readOnly = true)
    public void forEach(Consumer<AnonymousComment> consumer) {
        comments.forEach(consumer);
    }

    /** The comments of these keys that exist, in the comments' order. */
    @Transactional(readOnly = true)
    public List<AnonymousComment> find(Collection<String> ids) {
        return comments.find(ids);
    }

    /**
     * Counts again under lock: another interview may have released the pool since it was counted.
     * The comments become new rows with new random keys, written in shuffled order, so neither the
     * keys nor the order they are stored in say which interview gave them. Each takes its section's
     * title as it stands now, not as it was worded at its interview: a section renamed between two
     * interviews would otherwise tell their comments apart, and the questionnaire's History says when.
     * A section gone since takes one of its comments' titles for all of them.
     */
    private void release(int atLeast, Map<String, String> titles) {
        List<CommentPoolRepository.Row> rows = pool.lockAll();
        if (rows.size() < atLeast) {
            return;
        }
        List<NewComment> released = new ArrayList<>();
        rows.forEach(row -> released.addAll(cipher.open(row.sealed())));
        Map<String, String> shared = new HashMap<>(titles);
        released.forEach(c -> shared.merge(c.sectionCode(), c.sectionTitle(), (kept, other) -> kept));
        released.sort(CONTENT);
        Collections.shuffle(released, shuffle);
        released.forEach(c -> comments.insert(c.sectionCode(), shared.get(c.sectionCode()), c.text()));
        pool.delete(rows);
    }
}
