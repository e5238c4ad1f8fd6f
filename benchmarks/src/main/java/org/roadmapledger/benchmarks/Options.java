package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code key=value} arguments of the command line. Every key read is remembered, so that a misspelt one
 * ({@code client=8} for {@code clients=8}) stops the run instead of being silently ignored.
 */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new TreeSet<>();

    Options(List<String> arguments) {
        for (String argument : arguments) {
            String[] pair = argument.split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new IllegalArgumentException("expected key=value, got '" + argument + "'");
            }
            values.put(pair[0].trim(), pair[1].trim());
        }
    }

    String text(String key, String fallback) {
        read.add(key);
        String value = values.get(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    Optional<String> optional(String key) {
        read.add(key);
        String value = values.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    int integer(String key, int fallback) {
        return optional(key).map(Integer::parseInt).orElse(fallback);
    }

    long number(String key, long fallback) {
        return optional(key).map(value -> Long.parseLong(value.replace("_", ""))).orElse(fallback);
    }

    /** {@code 15}, {@code 15s}, {@code 500ms}, {@code 2m}. */
    Duration duration(String key, Duration fallback) {
        return optional(key).map(Options::parseDuration).orElse(fallback);
    }

    List<Integer> integers(String key, List<Integer> fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        List<Integer> list = new ArrayList<>();
        for (String part : value.get().split(",")) {
            list.add(Integer.parseInt(part.trim()));
        }
        return List.copyOf(list);
    }

    /** Fails on keys no workload read: a typo must not turn a 1,000,000-event run into a default one. */
    void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "; known here: " + read);
        }
    }

    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
