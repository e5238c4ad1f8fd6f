package org.roadmapledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * A hand-written SVG of the medians: throughputs (every figure per second) as bars, and latency percentiles
 * (p50, p95, p99 of every figure that has them) as grouped bars, both on log scales so a floor of 30,000/s and a
 * workload of 300/s fit one picture. Floors are grey.
 */
final class Chart {

    private record Bar(String label, double value, boolean floor) {
    }

    private record Group(String label, double p50, double p95, double p99, boolean floor) {
    }

    private static final int WIDTH = 760;
    private static final int LABEL = 230;
    private static final int ROW = 16;
    private static final String[] SHADES = {"#9ecae1", "#4292c6", "#08519c"};

    private Chart() {
    }

    static String svg(List<Report.Outcome> outcomes, String title) {
        List<Bar> bars = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (Report.Outcome outcome : outcomes) {
            boolean floor = outcome.workload().equals("floors");
            for (Map.Entry<String, Double> figure : outcome.median().values().entrySet()) {
                String name = figure.getKey();
                double value = figure.getValue();
                if (name.toLowerCase(Locale.ROOT).endsWith("persecond") && value > 0) {
                    bars.add(new Bar(outcome.workload() + " " + name.replaceAll("\\.?[pP]erSecond$", ""), value,
                            floor));
                }
                if (name.endsWith("p50Ms")) {
                    String prefix = name.substring(0, name.length() - "p50Ms".length());
                    Double p95 = outcome.median().values().get(prefix + "p95Ms");
                    Double p99 = outcome.median().values().get(prefix + "p99Ms");
                    if (p95 != null && p99 != null && !Double.isNaN(value)) {
                        groups.add(new Group(outcome.workload() + " " + prefix.replaceAll("\\.$", ""), value, p95,
                                p99, floor));
                    }
                }
            }
        }
        int throughputTop = 50;
        int latencyTop = throughputTop + bars.size() * ROW + 50;
        int height = latencyTop + groups.size() * ROW * 3 + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, 10, 18, escape(title), "font-size=\"14\" font-weight=\"bold\"");
        text(svg, 10, throughputTop - 10, "Throughput, per second (log scale; floors in grey)", "font-weight=\"bold\"");
        double[] range = range(bars.stream().mapToDouble(Bar::value).toArray());
        int y = throughputTop;
        for (Bar bar : bars) {
            text(svg, 10, y + 11, escape(bar.label()), "");
            rect(svg, LABEL, y + 2, width(bar.value(), range), ROW - 4, bar.floor() ? "#bdbdbd" : "#31a354");
            text(svg, LABEL + width(bar.value(), range) + 4, y + 11, Report.number(bar.value()), "");
            y += ROW;
        }
        text(svg, 10, latencyTop - 10, "Latency, ms: p50, p95, p99 (log scale)", "font-weight=\"bold\"");
        double[] latencyRange = range(groups.stream().flatMapToDouble(g -> DoubleStream.of(g.p50(), g.p95(),
                g.p99())).toArray());
        y = latencyTop;
        for (Group group : groups) {
            text(svg, 10, y + ROW + 11, escape(group.label()), "");
            double[] values = {group.p50(), group.p95(), group.p99()};
            for (int i = 0; i < 3; i++) {
                int w = width(values[i], latencyRange);
                rect(svg, LABEL, y + i * ROW + 2, w, ROW - 4, group.floor() ? "#bdbdbd" : SHADES[i]);
                text(svg, LABEL + w + 4, y + i * ROW + 11, "p" + (i == 0 ? 50 : i == 1 ? 95 : 99) + " "
                        + Report.number(values[i]), "");
            }
            y += ROW * 3;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Log-scale bounds: one decade under the smallest value, so the smallest bar is still visible. */
    private static double[] range(double[] values) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double value : values) {
            if (value > 0 && !Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (max == 0) {
            return new double[] {0, 1};
        }
        return new double[] {Math.log10(min) - 1, Math.log10(max)};
    }

    private static int width(double value, double[] range) {
        if (!(value > 0)) {
            return 0;
        }
        double share = (Math.log10(value) - range[0]) / Math.max(1e-9, range[1] - range[0]);
        return (int) Math.max(1, Math.round(share * (WIDTH - LABEL - 90)));
    }

    private static void rect(StringBuilder svg, int x, int y, int width, int height, String fill) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                x, y, width, height, fill));
    }

    private static void text(StringBuilder svg, int x, int y, String content, String attributes) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes, content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
