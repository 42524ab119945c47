package org.sectormap.comment;

import java.util.List;
import java.util.Optional;

import org.sectormap.shared.RestoreCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A backup's comments still waiting for release travel sealed: restored where the key differs, they
 * would make the interview that should release them fail, and every interview after it. Each is
 * opened once (the pool holds fewer rows than the release size), so such a file is refused instead.
 */
@Component
class PoolKeyCheck implements RestoreCheck {

    private final CommentPoolCipher cipher;

    PoolKeyCheck(CommentPoolCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Optional<Refusal> check(JdbcClient restored) {
        List<byte[]> sealed = restored.sql("SELECT sealed FROM comment_pool").query(byte[].class).list();
        for (byte[] row : sealed) {
            try {
                cipher.open(row);
            } catch (RuntimeException e) {
                // Another key, or a row too damaged to open (shorter than its IV, empty): unusable alike.
                return Optional.of(new Refusal("backup.error.poolKey", sealed.size()));
            }
        }
        return Optional.empty();
    }
}
