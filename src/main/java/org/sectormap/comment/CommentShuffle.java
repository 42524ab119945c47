package org.sectormap.comment;

import java.security.SecureRandom;
import java.util.Random;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The randomness that orders released comments: a bean, so a test can give a seeded one and check the order. */
@Configuration
class CommentShuffle {

    static final String BEAN = "releaseShuffle";

    @Bean(BEAN)
    Random releaseShuffle() {
        return new SecureRandom();
    }
}
