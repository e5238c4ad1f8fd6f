package org.roadmapledger.query.replay;

/** A replay cannot start now: one is running, or another instance or task holds what it needs. */
class ReplayRefused extends RuntimeException {

    ReplayRefused(String message) {
        super(message);
    }
}
