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
 * Entries are in the order of the events that opened them, so also in recorded time. The oldest settled ones
 * move out into archive documents as the slice changes ({@link #archive}); {@code archived} lists them.
 */
record SliceVersions(String objectiveId, LocalDate validFrom, List<Entry> entries, List<Archived> archived) {

    static final String COLLECTION = ObjectiveVersionStore.SLICES;
    static final String ARCHIVE = ObjectiveVersionStore.SLICE_ARCHIVE;

    /**
     * Settled versions of a slice moved out together ({@link #archive}), so a slice's document keeps
     * 32 to 95 of them. 128 (128 to 383) left each write re-encoding and caching a document four times larger: on
     * the 1,000,000-event ledger at 1 GB, write C=8 383/s against 434/s with 32, and at 512 MB 25 full collections
     * in a write and read-your-write run against 3 (one run each, 2026-12-07).
     */
    static final int ARCHIVE_CHUNK = 32;

    /**
     * A document of {@code objective_slice_archive} holding settled versions moved out of the slice's document, the
     * oldest first, and when the first of them was recorded.
     */
    record Archived(String id, Instant recordedFrom) {
    }

    SliceVersions(String objectiveId, LocalDate validFrom, List<Entry> entries) {
        this(objectiveId, validFrom, entries, List.of());
    }

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
                : new SliceVersions(objectiveId, validFrom, List.copyOf(kept), archived);
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
        return new SliceVersions(objectiveId, validFrom, List.copyOf(changed), archived);
    }

    SliceVersions with(Entry entry) {
        List<Entry> changed = new ArrayList<>(entries);
        changed.add(entry);
        return new SliceVersions(objectiveId, validFrom, List.copyOf(changed), archived);
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

    /**
     * Where the version known at {@code asOf} is when this document cannot say: the archive document that holds
     * it, when none of the versions here was recorded by then (ignoring those beyond {@code lastSequence}).
     */
    Optional<String> archiveHolding(Instant asOf, long lastSequence) {
        for (Entry e : entries) {
            if (e.knownFrom() <= lastSequence && !e.recordedFrom().isAfter(asOf)) {
                return Optional.empty();
            }
        }
        String holding = null;
        for (Archived a : archived) {
            if (!a.recordedFrom().isAfter(asOf)) {
                holding = a.id();
            }
        }
        return Optional.ofNullable(holding);
    }

    /**
     * Moves the oldest versions out into archive documents of {@code chunk} versions each, once at least twice
     * that many are settled: closed by an event at or before {@code settled}, the objective's position before the
     * batch, so that nothing a crash could leave and a redelivery undo ({@link #before}) is ever archived, and the
     * same position always moves the same versions into documents of the same ids. Without it a slice's document
     * grows by a version with every change of the slice, and every write of it costs in proportion (measured:
     * objectives with 1,000-2,000 versions of one slice cost 16-17 ms of CPU a command against 8-12 ms; the
     * command budget, benchmarks/results/2026-12-07-command-budget.md). Adds the archive documents to
     * {@code archives} and returns the slice without their versions (itself when there is nothing to move).
     */
    SliceVersions archive(long settled, int chunk, List<Document> archives) {
        int settledVersions = 0;
        while (settledVersions < entries.size() && !entries.get(settledVersions).open()
                && entries.get(settledVersions).knownUntil() <= settled) {
            settledVersions++;
        }
        if (settledVersions < 2 * chunk) {
            return this;
        }
        List<Archived> moved = new ArrayList<>(archived);
        int from = 0;
        while (settledVersions - from >= 2 * chunk) {
            List<Entry> part = entries.subList(from, from + chunk);
            String id = id() + "~" + part.get(0).knownFrom();
            Document archive = new SliceVersions(objectiveId, validFrom, List.copyOf(part)).toDocument();
            archive.put("_id", id);
            archives.add(archive);
            moved.add(new Archived(id, part.get(0).recordedFrom()));
            from += chunk;
        }
        return new SliceVersions(objectiveId, validFrom, List.copyOf(entries.subList(from, entries.size())),
                List.copyOf(moved));
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
        Document document = new Document("_id", id()).append("objectiveId", objectiveId)
                .append("validFrom", validFrom.toString()).append("versions", versions);
        if (!archived.isEmpty()) {
            document.append("archived", archived.stream().map(a -> new Document("id", a.id())
                    .append("recordedFrom", Date.from(a.recordedFrom()))).toList());
        }
        return document;
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
        List<Archived> archived = new ArrayList<>();
        List<Document> archives = document.getList("archived", Document.class);
        if (archives != null) {
            archives.forEach(a -> archived.add(new Archived(a.getString("id"), a.getDate("recordedFrom").toInstant())));
        }
        return new SliceVersions(document.getString("objectiveId"), LocalDate.parse(document.getString("validFrom")),
                List.copyOf(entries), List.copyOf(archived));
    }
}
