package org.sectormap.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, shipped in the jar (Bitstream Vera licence, fonts/DejaVu-LICENSE.txt), so charts and
 * the PDF look the same on any server, whatever fonts its system has or lacks.
 */
enum ChartFont {
    REGULAR("/fonts/DejaVuSans.ttf"), BOLD("/fonts/DejaVuSans-Bold.ttf"), ITALIC("/fonts/DejaVuSans-Oblique.ttf");

    static final String FAMILY = "DejaVu Sans";

    private final String resource;

    ChartFont(String resource) {
        this.resource = resource;
    }

    InputStream open() {
        InputStream in = ChartFont.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing font " + resource);
        }
        return in;
    }

    Font awt(float size) {
        try (InputStream in = open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
