package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of the embedded server kept in H2 maps as mongo-java-server's H2 backend keeps them (the same map
 * names, the same positions: the {@code _id}), except that its documents are stored as {@link StoredBson} and
 * decoded one at a time, when asked for. Documents a file holds in an earlier form are read as they are.
 */
final class CompactCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE = "dataSize";

    private final MVMap<Object, Object> documents;
    private final MVMap<String, Object> meta;

    CompactCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Object> documents,
                      MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.documents = documents;
        this.meta = meta;
        meta.putIfAbsent(DATA_SIZE, 0L);
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE, ((Number) meta.get(DATA_SIZE)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = getIdField() == null ? UUID.randomUUID() : Utils.getSubdocumentValue(document, getIdField());
        Object key = Missing.ofNullable(position);
        if (documents.putIfAbsent(key, stored(document)) != null) {
            throw new IllegalStateException("a document with position " + position + " is stored already");
        }
        return position;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        return decoded(documents.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(decoded(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Stream<Document> candidates = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(CompactCollection::decoded);
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The documents the {@code _id} index found for a query on string ids alone ({@code {_id: "a"}} or
     * {@code {_id: {$in: [...]}}}, how the projections read and write) are those the query asks for: the server
     * matched each one against the query again, comparing it with every id of the list through streams: 6.7 -> 0.2 %
     * of a replay's CPU samples (JFR, 200,000 events; benchmarks/results/2026-12-07-replay-profile.md). Any other
     * query is matched as the server does.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (!byStringIds(query)) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> found = StreamSupport.stream(positions.spliterator(), false).map(this::getDocument);
        return matchDocumentsFromStream(found, new Document(), orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    private boolean byStringIds(Document query) {
        if (query.size() != 1 || !query.containsKey(getIdField())) {
            return false;
        }
        Object ids = query.get(getIdField());
        return ids instanceof String || ids instanceof Document operator && operator.size() == 1
                && operator.get("$in") instanceof Collection<?> list
                && list.stream().allMatch(String.class::isInstance);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), stored(newDocument));
    }

    private static Object stored(Document document) {
        StoredBson bson = StoredBson.of(document);
        return bson == null ? document : bson;
    }

    private static Document decoded(Object stored) {
        return stored instanceof StoredBson bson ? bson.document() : (Document) stored;
    }
}
