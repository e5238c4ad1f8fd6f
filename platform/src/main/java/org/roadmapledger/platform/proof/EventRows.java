package org.roadmapledger.platform.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.ChainedEvent;
import org.roadmapledger.proof.StoredEvent;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Events read from the event table as stored (never upcast), with the hash their metadata carries or the one they
 * were given at start-up.
 */
public final class EventRows {

    /** Metadata keys of the chain. */
    public static final String HASH = "hash";
    public static final String PREV_HASH = "prevHash";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    public static final String COLUMNS = "e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.event_identifier, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data, "
            + "b.prev_hash AS start_up_prev_hash, b.hash AS start_up_hash";
    public static final String FROM = "domain_event_entry e "
            + "LEFT JOIN event_chain_backfill b ON b.global_index = e.global_index";
    public static final String SELECT = "SELECT " + COLUMNS + " FROM " + FROM;

    private EventRows() {
    }

    public static StoredEvent map(ResultSet row) throws SQLException {
        JsonNode meta = metadata(row.getBytes("meta_data"));
        String hash = Canonical.text(meta, HASH);
        String prevHash = Canonical.text(meta, PREV_HASH);
        StoredEvent.Origin origin = StoredEvent.Origin.APPENDED;
        if (hash == null) {
            hash = row.getString("start_up_hash");
            prevHash = row.getString("start_up_prev_hash");
            origin = hash == null ? StoredEvent.Origin.UNCHAINED : StoredEvent.Origin.CHAINED_AT_START_UP;
        }
        ChainedEvent event = ChainedEvent.of(row.getString("type"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("payload_type"),
                row.getString("payload_revision"), row.getString("time_stamp"), Canonical.text(meta, ACTOR),
                Canonical.text(meta, CORRELATION_ID), Canonical.parse(row.getBytes("payload")), prevHash);
        return new StoredEvent(event, hash, origin);
    }

    static JsonNode metadata(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? Canonical.object() : Canonical.parse(bytes);
    }

}
