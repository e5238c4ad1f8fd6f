package org.roadmapledger.query.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.roadmapledger.query.feed.FeedItem;
import org.roadmapledger.query.feed.FeedSubscription;
import org.roadmapledger.query.feed.Filter;
import org.roadmapledger.query.feed.Follower;
import org.roadmapledger.query.feed.LedgerFeed;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /pages/updates}: what an open "now" page listens to, to redraw itself without a reload. It says only
 * which objective changed and to which version (the page then reads itself again, as its reader may); a reader of
 * status may follow it, unlike the event stream itself, which carries every event's content and is the services'.
 */
@Controller
@Hidden
class PageUpdatesController {

    /** A page left open all day reconnects by itself (EventSource does), so no stream lives for ever. */
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private final LedgerFeed feed;

    PageUpdatesController(LedgerFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/pages/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter updates() {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        AtomicReference<FeedSubscription> subscription = new AtomicReference<>();
        subscription.set(feed.subscribe(feed.now(), Filter.ALL, new Follower() {
            @Override
            public boolean hasRoom() {
                return true;
            }

            @Override
            public void accept(FeedItem item) {
                try {
                    emitter.send(SseEmitter.event().name("changed")
                            .data(item.event().subject() + " " + item.event().subjectVersion()));
                } catch (IOException | IllegalStateException e) {
                    FeedSubscription open = subscription.get();
                    if (open != null) {
                        open.close();
                    }
                }
            }

            @Override
            public boolean fellBehind(int kept) {
                return false;
            }

            @Override
            public void ended(String reason) {
                emitter.complete();
            }
        }));
        Runnable close = () -> subscription.get().close();
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        return emitter;
    }
}
