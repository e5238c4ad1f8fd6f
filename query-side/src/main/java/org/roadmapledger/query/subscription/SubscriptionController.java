package org.roadmapledger.query.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.platform.security.Caller;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Webhook subscriptions: {@code /api/subscriptions} (docs/events.md). */
@RestController
@KnownParametersOnly
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final Webhooks webhooks;
    private final SubscriptionStore store;
    private final LedgerFeed feed;

    SubscriptionController(Webhooks webhooks, SubscriptionStore store, LedgerFeed feed) {
        this.webhooks = webhooks;
        this.store = store;
        this.feed = feed;
    }

    /** A subscription as shown; the secret only in the answer to its creation. */
    record View(String id, String url, FilterView filter, String description, WebhookSubscription.State state,
                Instant createdAt, String position, int attempts, Instant failingSince, Instant nextAttemptAt,
                String lastError, Instant lastDeliveredAt, long delivered,
                @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static View of(WebhookSubscription s, boolean withSecret) {
            return new View(s.id(), s.url(), new FilterView(s.objective(), s.axis(),
                    s.types() == null ? List.of() : s.types()), s.description(), s.state(), s.createdAt(),
                    s.position(), s.attempts(), s.failingSince(), s.nextAttemptAt(), s.lastError(),
                    s.lastDeliveredAt(), s.delivered(), withSecret ? s.secret() : null);
        }
    }

    record FilterView(String objective, String axis, List<String> types) {
    }

    record Attempt(long seq, String eventId, String type, int attempt, Instant attemptedAt, Integer statusCode,
                   long latencyMs, String error, boolean delivered) {
    }

    record Letter(String eventId, String type, String position, int attempts, Instant failingSince, Instant deadAt,
                  String lastError, Instant redeliveredAt, Instant deliveredAt) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<View> create(@RequestBody JsonNode body) {
        SubscriptionRequest request = SubscriptionRequest.read(body, feed, webhooks.targetPolicy());
        WebhookSubscription created = webhooks.create(request.url(), request.filter(), request.secret(),
                request.description(), request.from(), caller());
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.id()))
                .body(View.of(created, true));
    }

    @GetMapping
    PageOf<View> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageOf<WebhookSubscription> subscriptions = store.list(caller(), Paging.of(page, size));
        return new PageOf<>(subscriptions.items().stream().map(s -> View.of(s, false)).toList(),
                subscriptions.page(), subscriptions.size(), subscriptions.totalItems());
    }

    @GetMapping("/{id}")
    View one(@PathVariable String id) {
        return View.of(owned(id), false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        owned(id);
        webhooks.delete(id);
    }

    @PostMapping("/{id}/pause")
    View pause(@PathVariable String id) {
        owned(id);
        return View.of(webhooks.pause(id), false);
    }

    @PostMapping("/{id}/resume")
    View resume(@PathVariable String id) {
        owned(id);
        return View.of(webhooks.resume(id), false);
    }

    @PostMapping("/{id}/redeliver")
    View redeliver(@PathVariable String id) {
        owned(id);
        return View.of(webhooks.redeliver(id), false);
    }

    /** The delivery log, newest attempt first. */
    @GetMapping("/{id}/deliveries")
    PageOf<Attempt> deliveries(@PathVariable String id, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        owned(id);
        PageOf<DeliveryAttempt> attempts = store.attempts(id, Paging.of(page, size));
        return new PageOf<>(attempts.items().stream().map(a -> new Attempt(a.seq(), a.eventId(), a.type(),
                a.attempt(), a.attemptedAt(), a.statusCode(), a.latencyMs(), a.error(), a.delivered())).toList(),
                attempts.page(), attempts.size(), attempts.totalItems());
    }

    @GetMapping("/{id}/dead-letters")
    PageOf<Letter> deadLetters(@PathVariable String id, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        owned(id);
        PageOf<DeadLetter> letters = store.deadLetters(id, Paging.of(page, size));
        return new PageOf<>(letters.items().stream().map(l -> new Letter(l.eventId(), l.type(), l.position(),
                l.attempts(), l.failingSince(), l.deadAt(), l.lastError(), l.redeliveredAt(), l.deliveredAt()))
                .toList(), letters.page(), letters.size(), letters.totalItems());
    }

    /** A subscription of the caller's; another's is as unknown to it as one that does not exist. */
    private WebhookSubscription owned(String id) {
        WebhookSubscription subscription = webhooks.find(id);
        if (!caller().equals(subscription.createdBy())) {
            throw new NotFound("no subscription " + id);
        }
        return subscription;
    }

    private static String caller() {
        return Caller.current().map(Caller::principalId)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("a subscription has an owner"));
    }
}
