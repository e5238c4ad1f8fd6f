package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.ObjectiveState;
import org.roadmapledger.query.objective.fold.Stamped;
import org.roadmapledger.query.objective.fold.MilestoneState;
import org.bson.Document;
import org.roadmapledger.api.objective.ObjectiveStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stored form of a version's state: one document of {@code objective_states} per version, {@code _id}
 * {@code objectiveId#validFrom@knownFrom} ({@link SliceVersions#stateId}). Written once, never changed: a
 * redelivered event writes the same document again. Each attribute keeps the effective date that set it. The
 * milestones are a document of {@link MilestoneLists} that versions share, named by {@code milestones} (null
 * while there are none); views written before that kept them inline, as a list, and are still read.
 */
final class StateDocuments {

    static final String COLLECTION = ObjectiveVersionStore.STATES;

    private StateDocuments() {
    }

    static Document toDocument(String id, ObjectiveState s, String milestonesId) {
        return new Document("_id", id).append("objectiveId", s.objectiveId()).append("roadmapId", s.roadmapId())
                .append("axis", s.placement().value().axis()).append("priority", s.placement().value().priority())
                .append("title", s.wording().value().title())
                .append("description", s.wording().value().description())
                .append("titleProvisional", s.wording().value().titleProvisional())
                .append("sponsor", s.sponsor().value())
                .append("status", s.status().value() == null ? null : s.status().value().name())
                .append("progressPercent", s.progressPercent().value())
                .append("milestones", milestonesId)
                .append("since", new Document("placement", text(s.placement().since()))
                        .append("wording", text(s.wording().since()))
                        .append("sponsor", text(s.sponsor().since()))
                        .append("status", text(s.status().since()))
                        .append("progressPercent", text(s.progressPercent().since())));
    }

    /** A state as read, with the id of its milestone list: null when it has none, or keeps them inline. */
    record Stored(ObjectiveState state, String milestonesId) {
    }

    /**
     * The states with those ids that exist, read with their milestone lists in two requests; {@code lists} holds
     * the lists read before, and then these too.
     */
    static Map<String, Stored> read(ViewDocuments documents, Collection<String> ids,
                                    Map<String, List<MilestoneState>> lists) {
        Map<String, Stored> states = new HashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        Map<String, Document> found = documents.find(COLLECTION, ids);
        Set<String> missing = new HashSet<>();
        for (Document d : found.values()) {
            if (d.get("milestones") instanceof String id && !lists.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            lists.putAll(documents.milestoneLists(missing));
        }
        found.forEach((id, d) -> states.put(id, new Stored(from(d, lists),
                d.get("milestones") instanceof String listId ? listId : null)));
        return states;
    }

    /** The state, its milestones taken from {@code lists} by {@link #milestonesId}, which must hold them. */
    private static ObjectiveState from(Document d, Map<String, List<MilestoneState>> lists) {
        Document since = d.get("since", Document.class);
        Object stored = d.get("milestones");
        List<MilestoneState> milestones;
        if (stored instanceof String id) {
            milestones = Objects.requireNonNull(lists.get(id), () -> "milestone list " + id + " not read");
        } else if (stored instanceof List<?>) {
            milestones = MilestoneLists.fromList(d.getList("milestones", Document.class));
        } else {
            milestones = List.of();
        }
        String status = d.getString("status");
        Number percent = (Number) d.get("progressPercent");
        return new ObjectiveState(d.getString("objectiveId"), d.getString("roadmapId"),
                new Stamped<>(new ObjectiveState.Placement(d.getString("axis"), d.getString("priority")),
                        date(since.getString("placement"))),
                // states written before titles could be provisional have no such field: their titles are official
                new Stamped<>(new ObjectiveState.Wording(d.getString("title"), d.getString("description"),
                        Boolean.TRUE.equals(d.getBoolean("titleProvisional"))),
                        date(since.getString("wording"))),
                new Stamped<>(d.getString("sponsor"), date(since.getString("sponsor"))),
                new Stamped<>(status == null ? null : ObjectiveStatus.valueOf(status), date(since.getString("status"))),
                new Stamped<>(percent == null ? null : percent.intValue(), date(since.getString("progressPercent"))),
                milestones);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
