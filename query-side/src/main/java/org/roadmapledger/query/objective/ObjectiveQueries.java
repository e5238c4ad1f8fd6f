package org.roadmapledger.query.objective;

import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers questions about objectives at a viewpoint from the views, never from the event store, and only by
 * lookups by {@code _id}: the same on MongoDB and on the embedded MongoDB-wire server. Lists and the roadmap
 * start from the directory, which tells which objectives exist at the viewpoint; only the objectives shown are
 * read, except when a filter on attributes (axis, priority, sponsor, status) needs each one's state there.
 */
@Component
public class ObjectiveQueries {

    // a filtered list reads the states of the objectives in existence in rounds of this many
    private static final int ROUND = 500;

    private final ObjectiveVersionStore store;
    private final ObjectiveDirectory directory;

    ObjectiveQueries(ObjectiveVersionStore store, ObjectiveDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    public Optional<ObjectiveView> find(String objectiveId, Viewpoint at) {
        return Optional.ofNullable(ViewReader.at(store, List.of(objectiveId), at.asOf(), at.validAt(), true)
                .get(objectiveId)).map(found -> view(found, at));
    }

    /** Filters are exact matches; null means any. Sorted by objective id. */
    public PageOf<ObjectiveView> list(Filter filter, Viewpoint at, Paging paging) {
        List<String> existing = existingAt(null, at);
        List<String> matching = filter.any() ? existing : matching(existing, filter, at);
        int from = (int) Math.min(matching.size(), paging.offset());
        List<String> page = matching.subList(from, Math.min(matching.size(), from + paging.size()));
        Map<String, ViewReader.Found> found = ViewReader.at(store, page, at.asOf(), at.validAt(), true);
        List<ObjectiveView> items = page.stream().filter(found::containsKey).map(id -> view(found.get(id), at))
                .toList();
        return new PageOf<>(items, paging.page(), paging.size(), matching.size());
    }

    /** Every objective's version at the viewpoint, of one roadmap, for the tree and its rollups. */
    public List<ObjectiveVersion> allOf(String roadmapId, Viewpoint at) {
        List<String> existing = existingAt(List.of(roadmapId), at);
        Map<String, ViewReader.Found> found = ViewReader.at(store, existing, at.asOf(), at.validAt(), false);
        return found.values().stream().map(ViewReader.Found::version)
                .sorted(Comparator.comparing(ObjectiveVersion::objectiveId)).toList();
    }

    public record Filter(String axis, String priority, String sponsor, ObjectiveStatus status) {

        boolean any() {
            return axis == null && priority == null && sponsor == null && status == null;
        }

        boolean matches(ObjectiveVersion v) {
            return (axis == null || axis.equals(v.axis())) && (priority == null || priority.equals(v.priority()))
                    && (sponsor == null || sponsor.equals(v.sponsor())) && (status == null || status == v.status());
        }
    }

    private List<String> existingAt(List<String> roadmapIds, Viewpoint at) {
        return directory.entries(roadmapIds).stream().filter(e -> e.existsAt(at.asOf(), at.validAt()))
                .map(DirectoryEntry::objectiveId).distinct().toList();
    }

    private List<String> matching(List<String> existing, Filter filter, Viewpoint at) {
        List<String> matching = new ArrayList<>();
        for (int from = 0; from < existing.size(); from += ROUND) {
            List<String> round = existing.subList(from, Math.min(existing.size(), from + ROUND));
            Map<String, ViewReader.Found> found = ViewReader.at(store, round, at.asOf(), at.validAt(), false);
            for (String id : round) {
                ViewReader.Found f = found.get(id);
                if (f != null && filter.matches(f.version())) {
                    matching.add(id);
                }
            }
        }
        return matching;
    }

    private static ObjectiveView view(ViewReader.Found found, Viewpoint at) {
        return ObjectiveView.of(found.version(), found.versionNumber(), at.asOf(), at.validAt());
    }
}
