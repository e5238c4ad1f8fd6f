package org.roadmapledger.query.access;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One read of something an auditor may need to know was read: who (as the token said), when, what kind of thing
 * ({@code history}, later {@code proof} and {@code export}), which one, and the request as it came.
 */
@Document(AccessRecord.COLLECTION)
public record AccessRecord(
        @Id String id,
        Instant at,
        String actor,
        String issuer,
        String subject,
        String clientId,
        List<String> roles,
        String kind,
        String subjectOfRead,
        String request) {

    public static final String COLLECTION = "access_log";
}
