package org.roadmapledger.query.objective;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Every version of one slice of an objective, the slice that starts on {@code validFrom}: one document of
 * {@code objective_slices}, {@code _id} {@code objectiveId#validFrom}. An entry says which event opened the
 * version and which closed it, when they were recorded, and where the slice ended then ({@code validTo}, null
 * while open-ended: a later boundary may cut it shorter); its state is a document of {@code objective_states}
 * under {@link #stateId}. Entries are in the order of the events that opened them, so also in recorded time.
 */
record SliceVersions(String objectiveId, LocalDate validFrom, List<Entry> entries) {

    static final String COLLECTION = ObjectiveVersionStore.SLICES;

    record Entry(long knownFrom, long knownUntil, Instant recordedFrom, Instant recordedTo, LocalDate validTo) {

        boolean open() {
            return knownUntil == ObjectiveVersion.OPEN_SEQUENCE;
        }
    }

    static String id(String objectiveId, LocalDate validFrom) {
        return objectiveId + "#" + validFrom;
    }

    static String stateId(String objectiveId, LocalDate validFrom, long knownFrom) {
        return id(objectiveId, validFrom) + "@" + knownFrom;
    }

    static SliceVersions empty(String objectiveId, LocalDate validFrom) {
        return new SliceVersions(objectiveId, validFrom, List.of());
    }

    String id() {
        return id(objectiveId, validFrom);
    }

    String stateId(Entry entry) {
        return stateId(objectiveId, validFrom, entry.knownFrom());
    }

    /**
     * The slice as it was just before the event with that sequence number: what a crash between writing this
     * document and the objective's position left of that event and later ones is undone, so applying them again
     * gives the same documents.
     */
    SliceVersions before(long sequence) {
        List<Entry> kept = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.knownFrom() >= sequence) {
                continue;
            }
            kept.add(e.knownUntil() >= sequence && !e.open() ? reopened(e) : e);
        }
        return kept.size() == entries.size() && kept.equals(entries) ? this
                : new SliceVersions(objectiveId, validFrom, List.copyOf(kept));
    }

    private static Entry reopened(Entry e) {
        return new Entry(e.knownFrom(), ObjectiveVersion.OPEN_SEQUENCE, e.recordedFrom(), ObjectiveVersion.OPEN_INSTANT,
                e.validTo());
    }

    Optional<Entry> open() {
        return entries.isEmpty() || !entries.get(entries.size() - 1).open() ? Optional.empty()
                : Optional.of(entries.get(entries.size() - 1));
    }

    SliceVersions closedBy(long sequence, Instant recordedAt) {
        List<Entry> changed = new ArrayList<>(entries);
        Entry last = changed.remove(changed.size() - 1);
        changed.add(new Entry(last.knownFrom(), sequence, last.recordedFrom(), recordedAt, last.validTo()));
        return new SliceVersions(objectiveId, validFrom, List.copyOf(changed));
    }

    SliceVersions with(Entry entry) {
        List<Entry> changed = new ArrayList<>(entries);
        changed.add(entry);
        return new SliceVersions(objectiveId, validFrom, List.copyOf(changed));
    }

    /**
     * The version known at {@code asOf}, ignoring what events beyond {@code lastSequence} wrote (a crash before
     * the position moved on): the last one recorded by then, if it was not yet superseded by then.
     */
    Optional<Entry> knownAt(Instant asOf, long lastSequence) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.knownFrom() > lastSequence || e.recordedFrom().isAfter(asOf)) {
                continue;
            }
            if (e.knownUntil() > lastSequence) {
                return Optional.of(e.open() ? e : reopened(e));
            }
            return e.recordedTo().isAfter(asOf) ? Optional.of(e) : Optional.empty();
        }
        return Optional.empty();
    }

    Document toDocument() {
        List<Document> versions = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            versions.add(new Document("knownFrom", e.knownFrom()).append("knownUntil", e.knownUntil())
                    .append("recordedFrom", Date.from(e.recordedFrom()))
                    .append("recordedTo", Date.from(e.recordedTo()))
                    .append("validTo", e.validTo() == null ? ObjectiveVersion.OPEN_DATE : e.validTo().toString()));
        }
        return new Document("_id", id()).append("objectiveId", objectiveId)
                .append("validFrom", validFrom.toString()).append("versions", versions);
    }

    static SliceVersions from(Document document) {
        List<Entry> entries = new ArrayList<>();
        for (Document v : document.getList("versions", Document.class)) {
            String validTo = v.getString("validTo");
            entries.add(new Entry(((Number) v.get("knownFrom")).longValue(), ((Number) v.get("knownUntil")).longValue(),
                    v.getDate("recordedFrom").toInstant(), v.getDate("recordedTo").toInstant(),
                    ObjectiveVersion.OPEN_DATE.equals(validTo) ? null : LocalDate.parse(validTo)));
        }
        return new SliceVersions(document.getString("objectiveId"), LocalDate.parse(document.getString("validFrom")),
                List.copyOf(entries));
    }
}
