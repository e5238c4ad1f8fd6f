package org.roadmapledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of the README and of the documents it leads to, as one script: every {@code ```bash} block that calls
 * {@code curl}, file after file in {@link #FILES}' order (later examples use what earlier ones recorded), one logical
 * line each (lines ending in a backslash joined). Each line that calls curl documents the status it answers,
 * {@code → 200}, at its end or on the comment line just above it.
 */
final class ReadmeExamples {

    private static final Pattern STATUS = Pattern.compile("→ (\\d{3})");

    /** The files with examples, in the order a reader meets them. */
    static final List<String> FILES = List.of("README.md", "docs/api.md", "docs/events.md", "docs/operations.md");

    /** A line of an example; {@code expected} is its documented status, empty for a line that calls no curl. */
    record Line(String where, String command, Optional<Integer> expected) {

        /** A line that runs curl; a line defining a function runs nothing until the function is called. */
        boolean callsCurl() {
            return command.matches("(?s).*\\bcurl\\b.*") && !command.matches("(?s)^\\w+\\(\\) \\{.*");
        }
    }

    private ReadmeExamples() {
    }

    static List<Line> read(Path repository) {
        List<Line> examples = new ArrayList<>();
        for (String file : FILES) {
            examples.addAll(read(repository.resolve(file), file));
        }
        return examples;
    }

    private static List<Line> read(Path path, String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Line> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```bash")) {
                continue;
            }
            int end = i + 1;
            while (!lines.get(end).startsWith("```")) {
                end++;
            }
            List<String> block = lines.subList(i + 1, end);
            if (block.stream().anyMatch(line -> line.contains("curl "))) {
                examples.addAll(logicalLines(file, block, i + 2));
            }
            i = end;
        }
        return examples;
    }

    private static List<Line> logicalLines(String file, List<String> block, int firstLineNumber) {
        List<Line> logical = new ArrayList<>();
        String previousComment = "";
        for (int j = 0; j < block.size(); j++) {
            int number = firstLineNumber + j;
            StringBuilder command = new StringBuilder(block.get(j));
            while (command.toString().endsWith("\\") && j + 1 < block.size()) {
                command.append('\n').append(block.get(++j));
            }
            String text = command.toString();
            if (text.isBlank()) {
                continue;
            }
            if (text.strip().startsWith("#")) {
                previousComment = text;
                continue;
            }
            String above = previousComment;
            Optional<Integer> expected = status(text).or(() -> status(above));
            logical.add(new Line(file + ":" + number, text, expected));
            previousComment = "";
        }
        return logical;
    }

    private static Optional<Integer> status(String text) {
        int comment = text.lastIndexOf(" # ");
        String documented = comment >= 0 ? text.substring(comment) : text.strip().startsWith("#") ? text : "";
        Matcher matcher = STATUS.matcher(documented);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
