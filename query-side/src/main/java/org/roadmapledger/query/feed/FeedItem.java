package org.roadmapledger.query.feed;

import org.roadmapledger.query.cloudevents.LedgerEvent;
import java.util.function.Function;

/**
 * One event for one reader position: the event, the position just after it, and renderings of it. The live events
 * are the same items for every subscriber that is at the same place, so what one renders, the others reuse.
 */
public final class FeedItem {

    private record Memo(Object key, Object value) {
    }

    private final LedgerEvent event;
    private final Position position;
    private volatile byte[] cloudEvent;
    private volatile Memo memo;

    FeedItem(LedgerEvent event, Position position) {
        this.event = event;
        this.position = position;
    }

    public LedgerEvent event() {
        return event;
    }

    /** The position after this event: where a reader that got it resumes. */
    public Position position() {
        return position;
    }

    /** The CloudEvents JSON of the event, with this position in {@code ledgerposition}. */
    public byte[] cloudEvent() {
        byte[] rendered = cloudEvent;
        if (rendered == null) {
            rendered = event.cloudEvent(position.encode());
            cloudEvent = rendered;
        }
        return rendered;
    }

    /** A rendering made once per item for a given {@code key} (the last key asked for is kept). */
    @SuppressWarnings("unchecked")
    public <T> T rendered(Object key, Function<FeedItem, T> renderer) {
        Memo current = memo;
        if (current != null && current.key() == key) {
            return (T) current.value();
        }
        T value = renderer.apply(this);
        memo = new Memo(key, value);
        return value;
    }
}
