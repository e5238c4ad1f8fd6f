package org.roadmapledger.query.objective.versions;

import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The view documents in maps, found and written by id like in MongoDB: the stored form without a database. */
class InMemoryDocuments implements ViewDocuments {

    final Map<String, Map<String, Document>> collections = new TreeMap<>();
    final Set<DirectoryEntry> directory = new TreeSet<>(java.util.Comparator.comparing(DirectoryEntry::objectiveId));

    @Override
    public Map<String, Document> find(String collection, Collection<String> ids) {
        Map<String, Document> stored = collections.getOrDefault(collection, Map.of());
        Map<String, Document> found = new HashMap<>();
        for (String id : ids) {
            if (stored.containsKey(id)) {
                found.put(id, stored.get(id));
            }
        }
        return found;
    }

    @Override
    public void replace(String collection, List<Document> documents) {
        Map<String, Document> stored = collections.computeIfAbsent(collection, c -> new TreeMap<>());
        documents.forEach(d -> stored.put(d.getString("_id"), d));
    }

    @Override
    public void insertOnce(String collection, List<Document> documents) {
        Map<String, Document> stored = collections.computeIfAbsent(collection, c -> new TreeMap<>());
        documents.forEach(d -> stored.putIfAbsent(d.getString("_id"), d));
    }

    @Override
    public void enroll(List<DirectoryEntry> objectives) {
        directory.addAll(objectives);
    }

    Collection<Document> all(String collection) {
        return collections.getOrDefault(collection, Map.of()).values();
    }
}
