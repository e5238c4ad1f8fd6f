package org.roadmapledger.query.subscription;

import org.axonframework.common.AxonThreadFactory;
import org.roadmapledger.query.feed.Filter;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.roadmapledger.query.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The webhook subscriptions this instance delivers, and the operations on all of them. Each active subscription is
 * delivered by exactly one instance: the one holding its lease in MongoDB, renewed every
 * {@code lease-renewal}; a lease that runs out (its instance died) is claimed by another. On a graceful shutdown
 * the deliveries in flight finish and are recorded, and the leases are released for the next instance.
 */
@Component
class Webhooks implements SmartLifecycle, WebhookContext {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final SubscriptionStore store;
    private final LedgerFeed feed;
    private final WebhookProperties properties;
    private final TargetPolicy targetPolicy;
    private final Clock clock;
    private final String owner = "query-side-" + UUID.randomUUID();
    private final Map<String, WebhookRunner> runners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private ExecutorService executor;
    private ExecutorService httpExecutor;
    private ScheduledExecutorService timer;
    private HttpClient http;

    Webhooks(SubscriptionStore store, LedgerFeed feed, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.properties = properties;
        this.targetPolicy = properties.targetPolicy();
        this.clock = clock;
    }

    // --- operations -------------------------------------------------------------------------------------------------

    WebhookSubscription create(String url, Filter filter, String secret, String description, Position from,
                               String createdBy) {
        Instant now = clock.instant();
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), url,
                filter.objective(), filter.axis(), List.copyOf(filter.types()), secret, description,
                WebhookSubscription.State.ACTIVE, now, from.encode(), 0, null, null, null, null, 0, owner,
                now.plus(properties.lease()), createdBy);
        store.insert(subscription);
        start(subscription);
        return subscription;
    }

    WebhookSubscription pause(String id) {
        WebhookSubscription paused = store.changeState(id, List.of(WebhookSubscription.State.ACTIVE),
                WebhookSubscription.State.PAUSED, new Update()).orElseThrow(() -> conflict(id, "pause", "active"));
        stopRunner(id);
        return paused;
    }

    WebhookSubscription resume(String id) {
        store.changeState(id, List.of(WebhookSubscription.State.PAUSED), WebhookSubscription.State.ACTIVE,
                new Update()).orElseThrow(() -> conflict(id, "resume", "paused"));
        return claimAndStart(id);
    }

    WebhookSubscription redeliver(String id) {
        WebhookSubscription subscription = find(id);
        if (subscription.state() != WebhookSubscription.State.SUSPENDED || store.pendingDeadLetters(id) == 0) {
            throw new SubscriptionConflict("subscription " + id + " has no dead letters to redeliver (it is "
                    + subscription.state() + ")");
        }
        store.redeliveryRequested(id, clock.instant());
        store.changeState(id, List.of(WebhookSubscription.State.SUSPENDED), WebhookSubscription.State.ACTIVE,
                        new Update().set("attempts", 0).unset("failingSince").unset("nextAttemptAt"))
                .orElseThrow(() -> conflict(id, "redeliver", "suspended"));
        return claimAndStart(id);
    }

    void delete(String id) {
        find(id);
        stopRunner(id);
        store.delete(id);
    }

    WebhookSubscription find(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("no subscription " + id));
    }

    private WebhookSubscription claimAndStart(String id) {
        Instant now = clock.instant();
        Optional<WebhookSubscription> claimed = store.claim(id, owner, now, now.plus(properties.lease()));
        claimed.ifPresent(this::start);
        return claimed.orElseGet(() -> find(id));
    }

    private SubscriptionConflict conflict(String id, String action, String needed) {
        WebhookSubscription subscription = find(id);
        return new SubscriptionConflict("cannot " + action + " subscription " + id + ": it is "
                + subscription.state() + ", not " + needed);
    }

    // --- runners ----------------------------------------------------------------------------------------------------

    private void start(WebhookSubscription subscription) {
        if (!running || subscription.state() != WebhookSubscription.State.ACTIVE) {
            return;
        }
        runners.computeIfAbsent(subscription.id(), id -> {
            WebhookRunner runner = new WebhookRunner(this, subscription);
            Filter filter = new Filter(subscription.objective(), subscription.axis(),
                    subscription.types() == null ? Set.of() : new HashSet<>(subscription.types()));
            runner.attach(feed.subscribe(Position.decode(subscription.position()), filter, runner));
            // the host only: a receiver's path or query may carry its own token
            log.info("Delivering webhook {} to {} from {}", id, URI.create(subscription.url()).getHost(),
                    subscription.position());
            return runner;
        });
    }

    private void stopRunner(String id) {
        WebhookRunner runner = runners.get(id);
        if (runner != null) {
            await(runner.stop());
        }
    }

    @Override
    public void stopped(WebhookRunner runner) {
        runners.remove(runner.id(), runner);
    }

    /** Renews leases, stops runners whose subscription went elsewhere, starts those it holds or can claim. */
    private void maintain() {
        try {
            Instant now = clock.instant();
            Instant until = now.plus(properties.lease());
            Set<String> held = new HashSet<>();
            for (WebhookSubscription subscription : store.renew(owner, until)) {
                held.add(subscription.id());
                start(subscription);
            }
            for (WebhookRunner runner : new ArrayList<>(runners.values())) {
                if (!held.contains(runner.id())) {
                    runner.stop();
                }
            }
            Optional<WebhookSubscription> claimed;
            while (running && (claimed = store.claimAny(owner, now, until)).isPresent()) {
                start(claimed.get());
            }
            for (WebhookRunner runner : runners.values()) {
                runner.saveIdlePosition();
            }
        } catch (RuntimeException e) {
            log.warn("Webhook leases could not be renewed; trying again in {}", properties.leaseRenewal(), e);
        }
    }

    private void trimLog() {
        try {
            store.trimLogBefore(clock.instant().minus(properties.logAge()));
        } catch (RuntimeException e) {
            log.warn("Old webhook delivery attempts could not be deleted", e);
        }
    }

    private void await(CompletableFuture<Void> stopped) {
        try {
            stopped.get(properties.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("A webhook delivery did not finish in time; it will be delivered again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.debug("Stopping a webhook failed", e);
        }
    }

    // --- Context ----------------------------------------------------------------------------------------------------

    @Override
    public SubscriptionStore store() {
        return store;
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    @Override
    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public WebhookProperties properties() {
        return properties;
    }

    @Override
    public TargetPolicy targetPolicy() {
        return targetPolicy;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String owner() {
        return owner;
    }

    // --- lifecycle --------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        executor = Executors.newFixedThreadPool(2, new AxonThreadFactory("ledger-webhooks"));
        httpExecutor = Executors.newFixedThreadPool(2, new AxonThreadFactory("ledger-webhooks-http"));
        timer = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("ledger-webhooks-timer"));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        running = true;
        long renewal = Math.max(10, properties.leaseRenewal().toMillis());
        timer.scheduleWithFixedDelay(this::maintain, 0, renewal, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::trimLog, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        running = false;
        List<WebhookRunner> all = new ArrayList<>(runners.values());
        List<CompletableFuture<Void>> stopping = all.stream().map(WebhookRunner::stop).toList();
        stopping.forEach(this::await);
        for (WebhookRunner runner : all) {
            try {
                store.release(runner.id(), owner);
            } catch (RuntimeException e) {
                log.warn("Lease of webhook {} could not be released; it expires in {}", runner.id(),
                        properties.lease());
            }
        }
        timer.shutdownNow();
        executor.shutdown();
        httpExecutor.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the feed stops (higher phases stop first), so deliveries in flight can finish. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
