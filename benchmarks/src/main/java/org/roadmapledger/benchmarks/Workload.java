package org.roadmapledger.benchmarks;

/** One selectable workload (or the floors): each call of {@link #run} is one run, whose figures are kept. */
interface Workload {

    /** The note under which a workload tells why it has no figures. */
    String UNAVAILABLE = "notAvailable";

    String name();

    Figures run(int run) throws Exception;

    static Figures unavailable(String why) {
        Figures figures = new Figures();
        figures.note(UNAVAILABLE, why);
        return figures;
    }
}
