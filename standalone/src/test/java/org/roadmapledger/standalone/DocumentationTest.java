package org.roadmapledger.standalone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation stands alone and leads where it says: the README stays short, and every relative link of the
 * README, of {@code docs/} and of the benchmarks' README resolves to a file of the repository, and its
 * {@code #anchor} to a heading of that file (as GitHub makes anchors of headings).
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void the_readme_is_what_a_newcomer_needs_first() throws IOException {
        List<String> readme = Files.readAllLines(REPOSITORY.resolve("README.md"));
        assertThat(readme.size()).as("README lines").isLessThanOrEqualTo(200);
        assertThat(String.join("\n", readme)).contains("./mvnw -q -pl standalone -am spring-boot:run",
                "./mvnw -B verify");
    }

    @Test
    void every_relative_link_of_the_documentation_resolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            for (String target : links(document)) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http, https, mailto: outside the repository
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!resolved.startsWith(REPOSITORY) || !Files.exists(resolved)) {
                    broken.add(REPOSITORY.relativize(document) + ": " + target + " (no such file)");
                } else if (anchor != null && !anchors(resolved).contains(anchor)) {
                    broken.add(REPOSITORY.relativize(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(REPOSITORY.resolve("README.md"),
                REPOSITORY.resolve("benchmarks/README.md")));
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<String> links(Path document) throws IOException {
        List<String> links = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(document)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            Matcher link = LINK.matcher(line);
            while (!inCode && link.find()) {
                links.add(link.group(1));
            }
        }
        return links;
    }

    // GitHub's anchors: the heading in lower case, without punctuation but hyphens, spaces made hyphens
    private static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(document)) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
