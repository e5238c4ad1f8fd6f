package org.roadmapledger.query.web;

/** Reads and checks {@code page} and {@code size}. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidParameter("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            // MongoDB skips at most 2^31 - 1 documents; past that the driver's int would wrap around
            throw new InvalidParameter("page", "times size must stay below " + (1L << 31));
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
