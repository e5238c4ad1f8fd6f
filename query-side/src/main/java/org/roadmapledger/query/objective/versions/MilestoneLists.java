package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.MilestoneState;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The milestones of one or more versions: one document of {@code objective_milestones}, {@code _id} the id of
 * the first version that had that list ({@link SliceVersions#stateId}). Written once, never changed. A version
 * whose event leaves the milestones as they were in the version it derives from points to that version's list:
 * most events are not about milestones, and a long-lived objective has hundreds of them, so copying the list into
 * every state made the views grow with the square of the history (about 9 KB per state, 71 MB for one objective
 * of 7,700 events, before).
 */
final class MilestoneLists {

    static final String COLLECTION = ObjectiveVersionStore.MILESTONES;

    private MilestoneLists() {
    }

    static Document toDocument(String id, List<MilestoneState> milestones) {
        return new Document("_id", id).append("milestones", toList(milestones));
    }

    static List<MilestoneState> from(Document document) {
        return fromList(document.getList("milestones", Document.class));
    }

    static List<Document> toList(List<MilestoneState> milestones) {
        List<Document> list = new ArrayList<>(milestones.size());
        for (MilestoneState m : milestones) {
            list.add(new Document("milestoneId", m.milestoneId()).append("title", m.title())
                    .append("dueOn", m.dueOn().toString())
                    .append("achievedOn", m.achievedOn() == null ? null : m.achievedOn().toString()));
        }
        return list;
    }

    static List<MilestoneState> fromList(List<Document> list) {
        List<MilestoneState> milestones = new ArrayList<>(list.size());
        for (Document m : list) {
            String achievedOn = m.getString("achievedOn");
            milestones.add(new MilestoneState(m.getString("milestoneId"), m.getString("title"),
                    LocalDate.parse(m.getString("dueOn")), achievedOn == null ? null : LocalDate.parse(achievedOn)));
        }
        return List.copyOf(milestones);
    }
}
