package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** The demo data's files: UTF-8 CSV with a header row, shipped on the classpath. */
final class DemoDataCsv {

    private DemoDataCsv() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CSVRecord> rows(String file) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(bytes(file), StandardCharsets.UTF_8))).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean yes(String value) {
        return "yes".equals(value.strip());
    }

    /** A cell holding several values, separated by semicolons. */
    static List<String> list(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
