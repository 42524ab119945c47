package org.sectormap.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The areas organisations are counted under (Table 2 of the report), in report order.
 * Set {@code sectormap.areas} to map another region.
 */
@ConfigurationProperties("sectormap")
public record Areas(@DefaultValue({"Derby city", "Derbyshire", "Nottingham", "Nottinghamshire", "Leicester",
        "Leicestershire", "Rutland", "Lincolnshire", "Northamptonshire", "Regional", "National"}) List<String> areas) {

    public Areas {
        areas = List.copyOf(areas);
    }

    /** The configured spelling of an area typed in any case, if it is one of ours. */
    public Optional<String> find(String typed) {
        String wanted = typed.trim().toLowerCase(Locale.ROOT);
        return areas.stream().filter(a -> a.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
