package org.roadmapledger.command.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the start-up import finds its file: the one bundled with the application, or the one
 * {@code ledger.roadmap-file} ({@code LEDGER_ROADMAP_FILE}) names, a file path or a {@code classpath:} location.
 */
@Component
class RoadmapFileSource {

    static final String BUNDLED = "roadmap/roadmap.json";
    private static final String CLASSPATH_PREFIX = "classpath:";

    private final ObjectMapper objectMapper;

    RoadmapFileSource(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** @param location empty or null for the bundled file */
    RoadmapFile read(String location) {
        Resource resource = resource(location);
        try (InputStream in = resource.getInputStream()) {
            RoadmapFile file = objectMapper.readValue(in, RoadmapFile.class);
            if (file == null) {
                throw new IOException("the file holds no roadmap");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roadmap file " + resource.getDescription() + ": "
                    + e.getMessage(), e);
        }
    }

    static Resource resource(String location) {
        if (location == null || location.isBlank()) {
            return new ClassPathResource(BUNDLED);
        }
        if (location.startsWith(CLASSPATH_PREFIX)) {
            return new ClassPathResource(location.substring(CLASSPATH_PREFIX.length()));
        }
        return new FileSystemResource(location);
    }
}
