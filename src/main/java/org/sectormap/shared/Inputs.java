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

    /**
     * Which page of a long list a URL asks for: {@code page}, a whole number from 1, or 1 when not given.
     *
     * @throws BadParameterException for anything else
     */
    public int page(Map<String, String> params) {
        Input in = read(params);
        Long page = in.number("page", 1, Integer.MAX_VALUE);
        if (!in.valid()) {
            throw new BadParameterException("page", params.get("page"));
        }
        return page == null ? 1 : page.intValue();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
