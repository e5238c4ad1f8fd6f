package org.roadmapledger.query.subscription;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What a {@link WebhookRunner} runs on: the store, the HTTP client, the threads and the settings all runners share. */
interface WebhookContext {
    SubscriptionStore store();

    HttpClient http();

    Executor executor();

    ScheduledExecutorService timer();

    WebhookProperties properties();

    /** Where webhooks may go, checked again before each delivery. */
    TargetPolicy targetPolicy();

    Clock clock();

    String owner();

    /** The runner stopped itself (suspended, deleted, paused, lease lost). */
    void stopped(WebhookRunner runner);
}
