package org.roadmapledger.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every example of the README and of {@code docs/} runs as written, in order, against a fresh standalone, and
 * answers the status it documents ({@link ReadmeExamples}). The script is the README's lines with two changes that the reader does not
 * see: the port is the test's, and {@code curl} is a function that reports each answer's status on standard
 * error and ends a stream after 2 s (which a reader ends with Ctrl-C).
 */
class ReadmeExamplesIT {

    private static final Pattern MARK = Pattern.compile("^@@(line|status) (\\d+)$");
    private static final String PRELUDE = """
            curl() {
              command curl --max-time 2 -w '%{stderr}@@status %{http_code}\\n' "$@"
              local code=$?
              [ "$code" -eq 28 ] && return 0
              return "$code"
            }
            """;

    @TempDir
    Path dataDir;

    @Test
    void every_readme_example_runs_as_written_on_a_fresh_ledger_and_answers_the_status_it_documents()
            throws Exception {
        Path repository = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
        List<ReadmeExamples.Line> lines = ReadmeExamples.read(repository);
        assertThat(lines).as("examples found").hasSizeGreaterThan(30);
        assertThat(lines.stream().filter(ReadmeExamples.Line::callsCurl).filter(line -> line.expected().isEmpty())
                .map(line -> line.where() + ": " + line.command()))
                .as("examples that call curl without documenting the status they answer").isEmpty();

        // as docs/events.md says its example needs: webhooks to this machine, for development
        try (ConfigurableApplicationContext ledger = Standalone.start(dataDir, "--ledger.webhooks.allow-loopback=true")) {
            Http http = Standalone.http(ledger);
            await().atMost(Duration.ofMinutes(2)).until(() -> http.get("/actuator/health/readiness").status() == 200);
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) ledger).getWebServer()
                    .getPort();

            // when
            StringBuilder script = new StringBuilder(PRELUDE);
            for (int i = 0; i < lines.size(); i++) {
                script.append("echo '@@line ").append(i).append("' >&2\n")
                        .append(lines.get(i).command().replace("localhost:8080", "localhost:" + port)).append('\n');
            }
            Map<Integer, List<Integer>> statuses = run(script.toString(), repository, dataDir);

            // then
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                ReadmeExamples.Line line = lines.get(i);
                if (!line.callsCurl()) {
                    continue;
                }
                List<Integer> answered = statuses.getOrDefault(i, List.of());
                if (answered.isEmpty() || answered.stream().anyMatch(s -> !s.equals(line.expected().orElseThrow()))) {
                    wrong.add(line.where() + " documents " + line.expected().orElseThrow()
                            + ", answered " + answered + ": " + line.command());
                }
            }
            assertThat(wrong).as("examples that do not answer what they document").isEmpty();
        }
    }

    /** In the repository, as the reader; LEDGER_DATA_DIR tells the examples where the test's ledger keeps its data. */
    private static Map<Integer, List<Integer>> run(String script, Path directory, Path dataDir)
            throws IOException, InterruptedException {
        Path err = Files.createTempFile("readme-examples", ".err");
        ProcessBuilder builder = new ProcessBuilder("bash", "-s").directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().put("LEDGER_DATA_DIR", dataDir.toAbsolutePath().toString());
        Process bash = builder.start();
        bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        if (!bash.waitFor(5, TimeUnit.MINUTES)) {
            bash.destroyForcibly();
            throw new AssertionError("the examples did not finish within 5 minutes");
        }
        Map<Integer, List<Integer>> statuses = new HashMap<>();
        int line = -1;
        for (String text : Files.readAllLines(err)) {
            Matcher mark = MARK.matcher(text);
            if (mark.matches() && mark.group(1).equals("line")) {
                line = Integer.parseInt(mark.group(2));
            } else if (mark.matches()) {
                statuses.computeIfAbsent(line, l -> new ArrayList<>()).add(Integer.parseInt(mark.group(2)));
            }
        }
        return statuses;
    }
}
