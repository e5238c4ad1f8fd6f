package org.roadmapledger.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named figures of one run of one workload ({@code write.c8.perSecond} → 2,310), with notes such as why a
 * workload was not available; and the medians over several runs.
 */
final class Figures {

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    void put(String name, double value) {
        values.put(name, value);
    }

    void note(String name, String text) {
        notes.put(name, text);
    }

    Map<String, Double> values() {
        return values;
    }

    Map<String, String> notes() {
        return notes;
    }

    double get(String name) {
        return values.getOrDefault(name, Double.NaN);
    }

    boolean has(String name) {
        Double value = values.get(name);
        return value != null && !value.isNaN();
    }

    void addAll(Figures other) {
        values.putAll(other.values);
        notes.putAll(other.notes);
    }

    /** Per figure, the median of the runs that have it (the mean of the middle two for an even count). */
    static Figures median(List<Figures> runs) {
        Figures median = new Figures();
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (Figures run : runs) {
            run.values.forEach((name, value) -> {
                if (!value.isNaN()) {
                    byName.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                }
            });
            median.notes.putAll(run.notes);
        }
        byName.forEach((name, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int middle = sorted.length / 2;
            median.put(name, sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
        });
        return median;
    }

    @Override
    public String toString() {
        return values + (notes.isEmpty() ? "" : " " + notes);
    }
}
