package org.roadmapledger.query.feed;

/**
 * A subscriber of the {@link LedgerFeed}: an SSE client, a webhook, the subscription-query updater. The feed calls
 * it from one worker at a time, in the ledger's order, and never faster than it says it can take.
 */
public interface Follower {

    /** Whether it takes more items now; when it says no, it calls {@link FeedSubscription#wake()} once it does. */
    boolean hasRoom();

    void accept(FeedItem item);

    /**
     * It took nothing (no room) while the live events moved on further than the feed keeps ({@code kept} events).
     * A follower with room that falls behind because the feed's workers were slow is not asked: it reads on from
     * the event store.
     *
     * @return true to go on reading from the event store instead, false to end the subscription
     */
    boolean fellBehind(int kept);

    /** The subscription ended on the feed's side (shutdown, or a failure to read); it will get nothing more. */
    default void ended(String reason) {
    }
}
