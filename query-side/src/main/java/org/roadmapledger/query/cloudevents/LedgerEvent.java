package org.roadmapledger.query.cloudevents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event of the ledger as subscribers receive it: its names, subject and time, the payload for filters, and
 * its CloudEvents envelope pre-rendered around the one attribute that depends on the reader, the position.
 *
 * @param type           the short name, e.g. {@code MilestoneAchieved}
 * @param cloudEventType e.g. {@code org.roadmapledger.objective.milestone-achieved.v1}
 * @param subject        the objective id, or the roadmap id for structure events
 * @param subjectVersion the aggregate's sequence number of the event: the objective's version once it applied
 */
public record LedgerEvent(
        String eventId,
        String type,
        String cloudEventType,
        String aggregate,
        String subject,
        long subjectVersion,
        Instant recordedAt,
        Object payload,
        byte[] envelopeHead,
        byte[] envelopeTail) {

    /** The CloudEvents JSON of this event for a reader at {@code position} (already encoded, base64url). */
    public byte[] cloudEvent(String position) {
        byte[] pos = position.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(envelopeHead.length + pos.length + envelopeTail.length);
        out.writeBytes(envelopeHead);
        out.writeBytes(pos);
        out.writeBytes(envelopeTail);
        return out.toByteArray();
    }
}
