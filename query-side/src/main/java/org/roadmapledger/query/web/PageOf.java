package org.roadmapledger.query.web;

import java.util.List;

/** Every list of the query API: {@code page} from 0, {@code size} 1-500, and the total over all pages. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {
}
