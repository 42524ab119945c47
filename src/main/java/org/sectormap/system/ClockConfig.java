package org.sectormap.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfig {

    /** "Today" for rules such as "an interview date cannot be in the future", fixed in tests. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
