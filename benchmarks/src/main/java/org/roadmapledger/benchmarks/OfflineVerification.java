package org.roadmapledger.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline verifier run as an auditor runs it, in a JVM of its own with a heap limit, its resident memory read
 * from {@code /proc} while it runs ({@code VmHWM}, the process's peak).
 */
record OfflineVerification(int exitCode, double seconds, long events, double peakRssMb, String verdict) {

    private static final Pattern READ = Pattern.compile("(\\d+) events read in");

    static OfflineVerification run(Path jar, String heap, Path archive, Path keys)
            throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: ./mvnw -q -pl verifier -am package -DskipTests");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-jar", jar.toString(),
                archive.toString(), "--key", keys.toString()).redirectErrorStream(true).start();
        double[] peak = {0};
        Thread sampler = new Thread(() -> {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            while (process.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peak[0] = Math.max(peak[0], Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                        }
                    }
                    Thread.sleep(50);
                } catch (IOException | RuntimeException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "verifier-memory");
        sampler.setDaemon(true);
        sampler.start();
        long events = 0;
        String verdict = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher read = READ.matcher(line);
                if (read.find()) {
                    events = Long.parseLong(read.group(1));
                }
                if (line.startsWith("VERIFIED") || line.startsWith("FAILED")) {
                    verdict = line.length() > 200 ? line.substring(0, 200) : line;
                }
            }
        }
        int code = process.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.join(1000);
        return new OfflineVerification(code, seconds, events, peak[0], verdict);
    }
}
