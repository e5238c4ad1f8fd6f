package org.roadmapledger.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The body of every successful command: which objective, at which version; the ETag says the same. */
public record CommandResult(String objectiveId, long version) {

    public ResponseEntity<CommandResult> ok() {
        return ResponseEntity.ok().eTag(etag()).body(this);
    }

    public ResponseEntity<CommandResult> created(URI location) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.CREATED).eTag(etag());
        if (location != null) {
            builder.location(location);
        }
        return builder.body(this);
    }

    private String etag() {
        return "\"" + version + "\"";
    }
}
