package org.sectormap.imports;

import java.util.Arrays;
import java.util.Optional;

/** The demo data sets, each a folder of files under {@code demo/}. */
enum DemoDataSet {
    /** The organisations the 2007 report lists in its Appendix 1, with only what the report says of them. */
    APPENDIX_1("appendix-1");

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
