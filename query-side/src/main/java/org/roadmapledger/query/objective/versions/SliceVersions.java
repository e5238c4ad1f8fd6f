package org.roadmapledger.query.objective.versions;

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
 * under {@link #stateId}: its own, or, when its state equals that of the version it supersedes in the same slice
 * (the earlier part of a split slice, or an event that changes nothing there), that version's ({@code state}).
 * Entries are in the order of the events that opened them, so also in recorded time.
 */
record SliceVersions(String objectiveId, LocalDate validFrom, List<Entry> entries) {

    static final String COLLECTION = ObjectiveVersionStore.SLICES;

    /** {@code state}: the id of the state document when it is an earlier version's, else null (its own). */
    record Entry(long knownFrom, long knownUntil, Instant recordedFrom, Instant recordedTo, LocalDate validTo,
                 String state) {

        Entry(long knownFrom, long knownUntil, Instant recordedFrom, Instant recordedTo, LocalDate validTo) {
            this(knownFrom, knownUntil, recordedFrom, recordedTo, validTo, null);
        }

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

    /** The id of the entry's state document, which may be an earlier version's. */
    String stateId(Entry entry) {
        return entry.state() != null ? entry.state() : versionId(entry);
    }

    /** The id of the version itself (and of its own state document, when it has one). */
    String versionId(Entry entry) {
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
                e.validTo(), e.state());
    }

    Optional<Entry> open() {
        return entries.isEmpty() || !entries.get(entries.size() - 1).open() ? Optional.empty()
                : Optional.of(entries.get(entries.size() - 1));
    }

    SliceVersions closedBy(long sequence, Instant recordedAt) {
        List<Entry> changed = new ArrayList<>(entries);
        Entry last = changed.remove(changed.size() - 1);
        changed.add(new Entry(last.knownFrom(), sequence, last.recordedFrom(), recordedAt, last.validTo(),
                last.state()));
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
            Document version = new Document("knownFrom", e.knownFrom()).append("knownUntil", e.knownUntil())
                    .append("recordedFrom", Date.from(e.recordedFrom()))
                    .append("recordedTo", Date.from(e.recordedTo()))
                    .append("validTo", e.validTo() == null ? ObjectiveVersion.OPEN_DATE : e.validTo().toString());
            if (e.state() != null) {
                version.append("state", e.state());
            }
            versions.add(version);
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
                    ObjectiveVersion.OPEN_DATE.equals(validTo) ? null : LocalDate.parse(validTo),
                    v.getString("state")));
        }
        return new SliceVersions(document.getString("objectiveId"), LocalDate.parse(document.getString("validFrom")),
                List.copyOf(entries));
    }
}
