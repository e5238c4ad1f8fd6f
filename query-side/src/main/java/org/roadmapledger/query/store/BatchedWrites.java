package org.roadmapledger.query.store;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The writes a projection collects over one batch of events (the processor's {@code batch-size}) and makes once:
 * when the batch's last event has been handled, before the processor stores its token, so a token never passes
 * events whose writes were not made. A unit of work that is not a batch (a dead letter processed again) writes
 * when it prepares to commit. A new batch is first shown every event it will handle ({@code prepare}), so that a
 * projection can read what they need in a few requests instead of a few per event.
 *
 * @param <B> what the projection collects
 */
public final class BatchedWrites<B> {

    private final String processingGroup;
    private final String resource;
    private final Supplier<B> newBatch;
    private final Consumer<B> write;
    private final BiConsumer<B, List<? extends EventMessage<?>>> prepare;

    public BatchedWrites(String processingGroup, Supplier<B> newBatch, Consumer<B> write) {
        this(processingGroup, newBatch, (batch, events) -> {
        }, write);
    }

    public BatchedWrites(String processingGroup, Supplier<B> newBatch,
                         BiConsumer<B, List<? extends EventMessage<?>>> prepare, Consumer<B> write) {
        this.processingGroup = processingGroup;
        this.resource = BatchedWrites.class.getName() + "/" + processingGroup;
        this.newBatch = newBatch;
        this.prepare = prepare;
        this.write = write;
    }

    /** The batch of the current unit of work, or null outside one. */
    public B current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resource, key -> {
            B batch = newBatch.get();
            if (root instanceof BatchingUnitOfWork<?> batching) {
                prepare.accept(batch, eventsOf(batching));
            }
            root.onPrepareCommit(u -> write.accept(batch));
            return batch;
        });
    }

    private static List<? extends EventMessage<?>> eventsOf(BatchingUnitOfWork<?> batching) {
        return batching.getMessages().stream().filter(EventMessage.class::isInstance)
                .map(message -> (EventMessage<?>) message).toList();
    }

    /** Registers the interceptor that writes each batch after its last event; declare it as a bean. */
    public ConfigurerModule module() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                processingGroup, c -> new WriteAfterLastEvent()));
    }

    private final class WriteAfterLastEvent implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
                B batch = batching.root().getResource(resource);
                if (batch != null) {
                    write.accept(batch);
                }
            }
            return result;
        }
    }
}
