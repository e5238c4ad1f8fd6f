package org.roadmapledger.proof;

/**
 * Something verification found wrong, naming the first event or seal where it shows.
 *
 * @param eventId   the event that breaks, when an event does
 * @param sealId    the seal that fails, when a seal does
 */
public record Finding(Kind kind, String aggregateId, Long sequence, String eventId, String sealId, String detail) {

    public enum Kind {
        /** the event's content does not give the hash it carries: it was altered */
        HASH_MISMATCH,
        /** the event's prevHash is not the hash of the event before it: one was inserted, removed or moved */
        LINK_BROKEN,
        /** sequence numbers skip: events are missing */
        EVENT_MISSING,
        /** sequence numbers go back or repeat: events were moved */
        OUT_OF_ORDER,
        /** the event has no hash at all */
        UNCHAINED,
        /** a seal's signature does not verify with the key it names */
        SEAL_SIGNATURE_INVALID,
        /** a seal names a key nobody trusts */
        SEAL_KEY_UNKNOWN,
        /** a seal's root is not the root of its heads, or a head is not on its aggregate's chain */
        SEAL_ROOT_MISMATCH,
        /** a later seal does not extend an earlier one */
        SEAL_NOT_EXTENDED,
        /** the export ends before its end */
        EXPORT_TRUNCATED,
        /** the export is not one this verifier reads */
        EXPORT_UNREADABLE
    }

    public static Finding ofEvent(Kind kind, ChainedEvent event, String detail) {
        return new Finding(kind, event.aggregateId(), event.sequence(), event.eventId(), null, detail);
    }

    public static Finding ofSeal(Kind kind, String sealId, String detail) {
        return new Finding(kind, null, null, null, sealId, detail);
    }

    public static Finding ofExport(Kind kind, String detail) {
        return new Finding(kind, null, null, null, null, detail);
    }

    /** One line for a person. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.name());
        if (eventId != null) {
            text.append(": event ").append(eventId).append(" (").append(aggregateId).append(" #").append(sequence)
                    .append(')');
        }
        if (sealId != null) {
            text.append(": seal ").append(sealId);
        }
        return text.append(": ").append(detail).toString();
    }
}
