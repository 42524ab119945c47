package org.sectormap.imports;

import java.util.Arrays;
import java.util.Optional;

/** The demo data sets, each a folder of files under {@code demo/}. */
enum DemoDataSet {
    /** The organisations the 2007 report lists in its Appendix 1, with only what the report says of them. */
    APPENDIX_1("appendix-1"),
    /**
     * Fictional organisations, each named "(example)", whose records reproduce the report's
     * published figures, with the research record behind them.
     */
    WORKED_EXAMPLE("worked-example");

    private final String code;

    DemoDataSet(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    String file(String name) {
        return "demo/" + code + "/" + name;
    }

    static Optional<DemoDataSet> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
