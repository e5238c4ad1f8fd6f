package org.roadmapledger.standalone;

import org.roadmapledger.command.LedgerCommandApplication;
import org.roadmapledger.query.LedgerQueryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the command side or the query side alone, as its image does: its own application class, its own settings
 * file (not the standalone's application.yml, which comes first on this class path) and the given profiles.
 */
final class SplitServices {

    private SplitServices() {
    }

    static ConfigurableApplicationContext commandSide(Path dataDir, String profiles, String... properties) {
        List<String> args = common("ledger-command-side.yml", profiles, properties);
        args.add("--ledger.data-dir=" + dataDir.toAbsolutePath());
        return new SpringApplicationBuilder(LedgerCommandApplication.class).run(args.toArray(String[]::new));
    }

    static ConfigurableApplicationContext querySide(String profiles, String... properties) {
        List<String> args = common("ledger-query-side.yml", profiles, properties);
        return new SpringApplicationBuilder(LedgerQueryApplication.class).run(args.toArray(String[]::new));
    }

    private static List<String> common(String settings, String profiles, String... properties) {
        List<String> args = new ArrayList<>();
        args.add("--spring.config.name=no-application-file");
        args.add("--spring.config.import=classpath:" + settings);
        args.add("--spring.profiles.active=" + profiles);
        args.add("--server.port=0");
        args.addAll(List.of(properties));
        return args;
    }
}
