package org.roadmapledger.proof;

/**
 * An event as the store holds it, with the hash it was given.
 *
 * @param hash   null when it has none: recorded before chaining existed and not chained since
 * @param origin how it got its hash
 */
public record StoredEvent(ChainedEvent event, String hash, Origin origin) {

    public enum Origin {
        /** hashed at append, in the event's metadata */
        APPENDED,
        /** recorded before chaining existed, chained once at start-up in a record of its own */
        CHAINED_AT_START_UP,
        /** no hash anywhere */
        UNCHAINED
    }
}
