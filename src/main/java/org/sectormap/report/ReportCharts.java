package org.sectormap.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The mapping report's bar charts, drawn on the server as PNG with JFreeChart so the page and the
 * PDF show the same picture and no script runs in the browser. Each bar carries its figure as a
 * label and the second series is hatched, so a chart still reads when printed in grey.
 */
@Component
class ReportCharts {

    static {
        // Spring Boot starts the app headless already; a server without a display must never try to open one.
        System.setProperty("java.awt.headless", "true");
    }

    /** The charts, by the name they have in URLs. */
    enum Kind {
        OUTREACH("outreach"), BY_CATEGORY("by-category"), BY_AREA("by-area"), ENGAGEMENT("engagement"),
        THEMES("themes");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        String slug() {
            return slug;
        }

        static Optional<Kind> fromSlug(String slug) {
            return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
        }
    }

    /** One bar per label and series; a null value is a figure that does not exist (no bar, no label). */
    record Data(Kind kind, List<String> labels, List<Series> series, boolean percent) {
    }

    record Series(String name, List<Number> values) {
    }

    /** A drawn chart with the sentence that says what it shows, for those who cannot see it. */
    record Chart(Kind kind, String title, String alt, byte[] png) {
    }

    static final int WIDTH = 800;
    private static final Color TEXT = new Color(0x0b0c0c);
    private static final Color BLUE = new Color(0x1d70b8);
    private static final Color BORDER = new Color(0xb1b4b6);

    private final MessageSource messages;

    /** Read at the first chart drawn rather than at start-up, which has no chart to draw (about 50 ms of it). */
    private static final class Fonts {
        static final Font REGULAR = ChartFont.REGULAR.awt(13f);
        static final Font BOLD = ChartFont.BOLD.awt(16f);
    }

    ReportCharts(MessageSource messages) {
        this.messages = messages;
    }

    Chart draw(Data data) {
        String title = text("chart." + data.kind().slug() + ".title");
        return new Chart(data.kind(), title, alt(title, data), png(title, data));
    }

    private String alt(String title, Data data) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < data.labels().size(); i++) {
            List<String> figures = new ArrayList<>();
            for (Series s : data.series()) {
                Number value = s.values().get(i);
                String figure = value == null ? text("chart.noFigure")
                        : data.percent() ? value + "%" : value.toString();
                figures.add(data.series().size() == 1 ? figure : s.name() + " " + figure);
            }
            rows.add(data.labels().get(i) + ": " + String.join(", ", figures));
        }
        return text("chart.alt", title, String.join("; ", rows));
    }

    private byte[] png(String title, Data data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Series s : data.series()) {
            for (int i = 0; i < data.labels().size(); i++) {
                dataset.addValue(s.values().get(i), s.name(), data.labels().get(i));
            }
        }
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), new NumberAxis(), renderer(data));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(BORDER);
        plot.getDomainAxis().setTickLabelFont(Fonts.REGULAR);
        plot.getDomainAxis().setTickLabelPaint(TEXT);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setTickLabelFont(Fonts.REGULAR);
        range.setTickLabelPaint(TEXT);
        // Room past the longest bar for its label.
        range.setUpperMargin(0.15);
        if (data.percent()) {
            range.setNumberFormatOverride(percentFormat());
        }
        JFreeChart chart = new JFreeChart(title, Fonts.BOLD, plot, data.series().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setPaint(TEXT);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(Fonts.REGULAR);
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        int bars = data.labels().size() * data.series().size();
        int height = 110 + bars * 26 + data.labels().size() * 10;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BarRenderer renderer(Data data) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.2);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, hatched());
        for (int i = 0; i < data.series().size(); i++) {
            renderer.setSeriesOutlinePaint(i, TEXT);
            renderer.setSeriesOutlineStroke(i, new BasicStroke(1f));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                data.percent() ? percentFormat() : NumberFormat.getIntegerInstance()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Fonts.REGULAR);
        renderer.setDefaultItemLabelPaint(TEXT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        return renderer;
    }

    /** Diagonal dark lines on white: unlike a second colour, it stays apart from the blue in grey print. */
    private static Paint hatched() {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 8, 8);
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(0, 8, 8, 0);
        g.drawLine(-4, 4, 4, -4);
        g.drawLine(4, 12, 12, 4);
        g.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, 8, 8));
    }

    private static NumberFormat percentFormat() {
        return new DecimalFormat("0'%'");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
