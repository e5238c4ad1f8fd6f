package org.roadmapledger.query.objective;

import org.bson.Document;
import org.roadmapledger.api.objective.ObjectiveStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a version's state: one document of {@code objective_states} per version, {@code _id}
 * {@code objectiveId#validFrom@knownFrom} ({@link SliceVersions#stateId}). Written once, never changed: a
 * redelivered event writes the same document again. Each attribute keeps the effective date that set it.
 */
final class StateDocuments {

    static final String COLLECTION = ObjectiveVersionStore.STATES;

    private StateDocuments() {
    }

    static Document toDocument(String id, ObjectiveState s) {
        List<Document> milestones = new ArrayList<>(s.milestones().size());
        for (MilestoneState m : s.milestones()) {
            milestones.add(new Document("milestoneId", m.milestoneId()).append("title", m.title())
                    .append("dueOn", m.dueOn().toString())
                    .append("achievedOn", m.achievedOn() == null ? null : m.achievedOn().toString()));
        }
        return new Document("_id", id).append("objectiveId", s.objectiveId()).append("roadmapId", s.roadmapId())
                .append("axis", s.placement().value().axis()).append("priority", s.placement().value().priority())
                .append("title", s.wording().value().title())
                .append("description", s.wording().value().description())
                .append("sponsor", s.sponsor().value())
                .append("status", s.status().value() == null ? null : s.status().value().name())
                .append("progressPercent", s.progressPercent().value())
                .append("milestones", milestones)
                .append("since", new Document("placement", text(s.placement().since()))
                        .append("wording", text(s.wording().since()))
                        .append("sponsor", text(s.sponsor().since()))
                        .append("status", text(s.status().since()))
                        .append("progressPercent", text(s.progressPercent().since())));
    }

    static ObjectiveState from(Document d) {
        Document since = d.get("since", Document.class);
        List<MilestoneState> milestones = new ArrayList<>();
        for (Document m : d.getList("milestones", Document.class)) {
            milestones.add(new MilestoneState(m.getString("milestoneId"), m.getString("title"),
                    LocalDate.parse(m.getString("dueOn")), date(m.getString("achievedOn"))));
        }
        String status = d.getString("status");
        Number percent = (Number) d.get("progressPercent");
        return new ObjectiveState(d.getString("objectiveId"), d.getString("roadmapId"),
                new Stamped<>(new ObjectiveState.Placement(d.getString("axis"), d.getString("priority")),
                        date(since.getString("placement"))),
                new Stamped<>(new ObjectiveState.Wording(d.getString("title"), d.getString("description")),
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
