package org.roadmapledger.query.objective;

import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.ObjectiveStatusView;
import org.roadmapledger.query.objective.versions.ObjectiveVersion;
import org.roadmapledger.query.objective.versions.VersionReads;
import org.roadmapledger.query.objective.versions.FoundVersion;
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

    private final VersionReads versions;

    ObjectiveQueries(VersionReads versions) {
        this.versions = versions;
    }

    public Optional<ObjectiveStatusView> find(String objectiveId, Viewpoint at) {
        return Optional.ofNullable(versions.at(List.of(objectiveId), at, true)
                .get(objectiveId)).map(found -> view(found, at));
    }

    /** Filters are exact matches; null means any. Sorted by objective id. */
    public PageOf<ObjectiveStatusView> list(Filter filter, Viewpoint at, Paging paging) {
        List<String> existing = versions.existingAt(null, at);
        List<String> matching = filter.any() ? existing : matching(existing, filter, at);
        int from = (int) Math.min(matching.size(), paging.offset());
        List<String> page = matching.subList(from, Math.min(matching.size(), from + paging.size()));
        Map<String, FoundVersion> found = versions.at(page, at, true);
        List<ObjectiveStatusView> items = page.stream().filter(found::containsKey).map(id -> view(found.get(id), at))
                .toList();
        return new PageOf<>(items, paging.page(), paging.size(), matching.size());
    }

    /** Every objective's version at the viewpoint, of one roadmap, for the tree and its rollups. */
    public List<ObjectiveVersion> allOf(String roadmapId, Viewpoint at) {
        List<String> existing = versions.existingAt(List.of(roadmapId), at);
        Map<String, FoundVersion> found = versions.at(existing, at, false);
        return found.values().stream().map(FoundVersion::version)
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

    private List<String> matching(List<String> existing, Filter filter, Viewpoint at) {
        List<String> matching = new ArrayList<>();
        for (int from = 0; from < existing.size(); from += ROUND) {
            List<String> round = existing.subList(from, Math.min(existing.size(), from + ROUND));
            Map<String, FoundVersion> found = versions.at(round, at, false);
            for (String id : round) {
                FoundVersion f = found.get(id);
                if (f != null && filter.matches(f.version())) {
                    matching.add(id);
                }
            }
        }
        return matching;
    }

    private static ObjectiveStatusView view(FoundVersion found, Viewpoint at) {
        return found.version().view(found.versionNumber(), at.asOf(), at.validAt());
    }
}
