package org.roadmapledger.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of one run of the generator: {@code <date>-<profile>.json} (every run's figures, the medians, the
 * ratios to the floors, the targets), {@code <date>-<profile>.md} (the same for a reader) and
 * {@code <date>-<profile>.svg} (throughput and latency percentiles).
 */
final class Report {

    record Outcome(String workload, List<Figures> runs, Figures median) {
    }

    record Written(Path json, Path markdown, Path svg) {
    }

    private final String date;
    private final String profile;
    private final Map<String, Object> header;
    private final List<Outcome> outcomes;
    private final List<Comparisons.Ratio> ratios;
    private final List<Comparisons.Target> targets;

    Report(String date, String profile, Map<String, Object> header, List<Outcome> outcomes,
           List<Comparisons.Ratio> ratios, List<Comparisons.Target> targets) {
        this.date = date;
        this.profile = profile;
        this.header = header;
        this.outcomes = outcomes;
        this.ratios = ratios;
        this.targets = targets;
    }

    Written write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String base = date + "-" + profile;
        Written files = new Written(directory.resolve(base + ".json"), directory.resolve(base + ".md"),
                directory.resolve(base + ".svg"));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(files.json().toFile(), json());
        Files.writeString(files.svg(), Chart.svg(outcomes, "Roadmap Ledger " + base));
        Files.writeString(files.markdown(), markdown(files.svg().getFileName().toString()));
        return files;
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date);
        json.put("profile", profile);
        json.putAll(header);
        Map<String, Object> workloads = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            Map<String, Object> workload = new LinkedHashMap<>();
            workload.put("median", finite(outcome.median().values()));
            workload.put("notes", outcome.median().notes());
            List<Object> runs = new ArrayList<>();
            outcome.runs().forEach(run -> runs.add(finite(run.values())));
            workload.put("runs", runs);
            workloads.put(outcome.workload(), workload);
        }
        json.put("workloads", workloads);
        List<Object> ratioList = new ArrayList<>();
        for (Comparisons.Ratio ratio : ratios) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("figure", ratio.figure());
            row.put("value", ratio.value());
            row.put("floor", ratio.floor());
            row.put("floorValue", ratio.floorValue());
            row.put("ratio", ratio.ratio());
            ratioList.add(row);
        }
        json.put("ratios", ratioList);
        List<Object> targetList = new ArrayList<>();
        for (Comparisons.Target target : targets) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", target.target());
            row.put("figure", target.figure());
            row.put("value", target.known() ? target.value() : null);
            row.put("limit", target.limit());
            row.put("met", target.known() ? target.met() : null);
            row.put("distance", target.known() ? target.distance() : null);
            row.put("verdict", target.verdict());
            row.put("note", target.note());
            targetList.add(row);
        }
        json.put("targets", targetList);
        return json;
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static Map<String, Object> finite(Map<String, Double> values) {
        Map<String, Object> finite = new LinkedHashMap<>();
        values.forEach((name, value) -> finite.put(name, value == null || value.isNaN() ? null : value));
        return finite;
    }

    private String markdown(String chart) {
        StringBuilder md = new StringBuilder();
        md.append("# Roadmap Ledger benchmark, ").append(date).append(", profile ").append(profile).append("\n\n");
        header.forEach((key, value) -> md.append("- **").append(key).append("**: ").append(value).append('\n'));
        md.append("\nEvery figure is the median of the runs; the JSON beside this file has each run's.\n");
        md.append("\n## Targets\n\n| target | figure | value | limit | verdict | note |\n| --- | --- | ---: | ---: | --- "
                + "| --- |\n");
        for (Comparisons.Target target : targets) {
            md.append("| ").append(target.target()).append(" | `").append(target.figure()).append("` | ")
                    .append(number(target.value())).append(" | ").append(number(target.limit())).append(" | ")
                    .append(target.verdict()).append(" | ").append(target.note()).append(" |\n");
        }
        md.append("\n## Figures against their floors\n\n| figure | value | floor | floor value | ratio |\n"
                + "| --- | ---: | --- | ---: | ---: |\n");
        for (Comparisons.Ratio ratio : ratios) {
            md.append("| `").append(ratio.figure()).append("` | ").append(number(ratio.value())).append(" | `")
                    .append(ratio.floor()).append("` | ").append(number(ratio.floorValue())).append(" | ")
                    .append(String.format("%.3f", ratio.ratio())).append(" |\n");
        }
        md.append("\n![throughput and latency percentiles](").append(chart).append(")\n");
        for (Outcome outcome : outcomes) {
            md.append("\n## ").append(outcome.workload()).append("\n\n");
            outcome.median().notes().forEach((key, note) ->
                    md.append("- ").append(key).append(": ").append(note).append('\n'));
            if (!outcome.median().values().isEmpty()) {
                md.append(outcome.median().notes().isEmpty() ? "" : "\n");
                md.append("| figure | median | runs |\n| --- | ---: | --- |\n");
                outcome.median().values().forEach((name, value) -> {
                    List<String> runs = new ArrayList<>();
                    outcome.runs().forEach(run -> runs.add(number(run.get(name))));
                    md.append("| ").append(name).append(" | ").append(number(value)).append(" | ")
                            .append(String.join(", ", runs)).append(" |\n");
                });
            }
        }
        return md.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format("%,.0f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format("%.2f", value);
        }
        return String.format("%.3f", value);
    }
}
