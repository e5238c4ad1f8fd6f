package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.MilestoneState;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What the reads decode again and again, kept decoded: objective positions (a long-lived objective's holds a
 * boundary for nearly every day, 25 KB at 7,700 events, and every roadmap read needs all 65) and milestone lists
 * (written once, shared by many versions). A position is used only while the stored one has the same
 * {@code lastSequence}, so the cache never answers with less than the views hold. Least recently used entries go
 * first once the weights (boundaries, milestones) pass their bounds; a roadmap read over 1,000,000 events decoded
 * about 28 MB before (JFR), and the garbage collections it caused made its p99.
 */
final class ReadCache {

    private static final int MAX_BOUNDARIES = 400_000;
    private static final int MAX_MILESTONES = 200_000;

    private final Weighted<ObjectivePosition> timelines = new Weighted<>(MAX_BOUNDARIES, t -> 8 + t.boundaryCount());
    private final Weighted<List<MilestoneState>> milestoneLists = new Weighted<>(MAX_MILESTONES, l -> 1 + l.size());

    /** The decoded position of the objective if it is the one at that sequence number, else null. */
    ObjectivePosition timeline(String objectiveId, long lastSequence) {
        ObjectivePosition timeline = timelines.get(objectiveId);
        return timeline != null && timeline.lastSequence() == lastSequence ? timeline : null;
    }

    void put(ObjectivePosition timeline) {
        timelines.put(timeline.objectiveId(), timeline);
    }

    List<MilestoneState> milestones(String id) {
        return milestoneLists.get(id);
    }

    void putMilestones(String id, List<MilestoneState> milestones) {
        milestoneLists.put(id, milestones);
    }

    void clear() {
        timelines.clear();
        milestoneLists.clear();
    }

    private static final class Weighted<V> {

        private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(256, 0.75f, true);
        private final int maxWeight;
        private final ToIntFunction<V> weigher;
        private long weight;

        Weighted(int maxWeight, ToIntFunction<V> weigher) {
            this.maxWeight = maxWeight;
            this.weigher = weigher;
        }

        synchronized V get(String key) {
            return entries.get(key);
        }

        synchronized void put(String key, V value) {
            V previous = entries.put(key, value);
            weight += weigher.applyAsInt(value) - (previous == null ? 0 : weigher.applyAsInt(previous));
            Iterator<Map.Entry<String, V>> eldest = entries.entrySet().iterator();
            while (weight > maxWeight && eldest.hasNext()) {
                weight -= weigher.applyAsInt(eldest.next().getValue());
                eldest.remove();
            }
        }

        synchronized void clear() {
            entries.clear();
            weight = 0;
        }
    }
}
