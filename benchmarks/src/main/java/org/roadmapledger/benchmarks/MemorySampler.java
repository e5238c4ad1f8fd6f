package org.roadmapledger.benchmarks;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Workload 6, memory: while workloads 1-3 run, samples the service's heap in use (actuator
 * {@code jvm.memory.used}, area heap) and its resident set ({@code VmRSS}) twice a second, and reads the process's
 * lifetime peak resident set ({@code VmHWM}) at the end. The process is the one given by {@code pid=} or found
 * listening on the query port; without it, only the heap is known.
 */
final class MemorySampler {

    private static final double MB = 1024 * 1024;

    private final Service service;
    private ScheduledExecutorService sampler;
    private volatile double peakHeap = Double.NaN;
    private volatile double peakRss = Double.NaN;
    private volatile long samples;

    MemorySampler(Service service) {
        this.service = service;
    }

    void start() {
        peakHeap = Double.NaN;
        peakRss = Double.NaN;
        samples = 0;
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-memory");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    Figures stop() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        sample();
        Figures figures = new Figures();
        figures.put("peakHeapMb", peakHeap / MB);
        OptionalDouble heapMax = service.heapMaxBytes();
        figures.put("heapMaxMb", heapMax.isPresent() ? heapMax.getAsDouble() / MB : Double.NaN);
        figures.put("peakRssMb", peakRss / MB);
        OptionalLong hwm = service.process.map(LocalProcess::peakResidentBytes).orElse(OptionalLong.empty());
        figures.put("vmHwmMb", hwm.isPresent() ? hwm.getAsLong() / MB : Double.NaN);
        figures.put("samples", samples);
        if (service.process.isEmpty()) {
            figures.note("rss", "no local process (pass pid=…): resident memory not measured");
        } else {
            figures.note("process", "pid " + service.process.get().pid);
        }
        System.out.printf("memory: peak heap %.0f MB (max %.0f MB), peak RSS sampled %.0f MB, VmHWM %.0f MB%n",
                figures.get("peakHeapMb"), figures.get("heapMaxMb"), figures.get("peakRssMb"),
                figures.get("vmHwmMb"));
        return figures;
    }

    private synchronized void sample() {
        OptionalDouble heap = service.heapUsedBytes();
        if (heap.isPresent()) {
            peakHeap = Double.isNaN(peakHeap) ? heap.getAsDouble() : Math.max(peakHeap, heap.getAsDouble());
        }
        service.process.ifPresent(process -> process.residentBytes().ifPresent(rss ->
                peakRss = Double.isNaN(peakRss) ? rss : Math.max(peakRss, rss)));
        samples++;
    }
}
