package org.sectormap.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/** Starts reading a submission; "today" comes from the clock so tests can fix it. */
@Component
public class Inputs {

    private final Labels labels;
    private final Clock clock;

    public Inputs(Labels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    public Input read(Function<String, String> typed) {
        return new Input(null, typed, labels, today());
    }

    public Input read(Map<String, String> typed) {
        return read(typed::get);
    }

    /** For a form whose field names mean something of their own: labels come from {@code field.<form>.<name>} first. */
    public Input read(String form, Map<String, String> typed) {
        return new Input(form, typed::get, labels, today());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
