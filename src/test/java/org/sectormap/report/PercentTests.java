package org.sectormap.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentTests {

    @Test
    void shouldRoundHalfUpToAWholePercent() {
        assertThat(Percent.of(4, 16)).isEqualTo(25);
        assertThat(Percent.of(5, 16)).isEqualTo(31);
        assertThat(Percent.of(10, 18)).isEqualTo(56);
        assertThat(Percent.of(1, 8)).isEqualTo(13);
        assertThat(Percent.of(2, 3)).isEqualTo(67);
        assertThat(Percent.of(1, 3)).isEqualTo(33);
        assertThat(Percent.of(0, 5)).isZero();
        assertThat(Percent.of(5, 5)).isEqualTo(100);
    }

    @Test
    void shouldGiveNoPercentageOfNothing() {
        assertThat(Percent.of(0, 0)).isNull();
    }
}
