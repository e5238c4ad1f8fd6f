package org.roadmapledger.command.ops;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.roadmapledger.command.store.LedgerMetadataProvider;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts a message's correlation id into the log context while it is handled. On one JVM the HTTP filter has put
 * it there already; with Axon Server a command is handled on another thread, often on another instance, and its
 * log lines would lose it. Registered by Axon's Spring support on the command bus and every event processor.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdLogging implements MessageHandlerInterceptor<Message<?>> {

    static final String MDC_KEY = "correlationId";

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(LedgerMetadataProvider.CORRELATION_ID);
        String previous = MDC.get(MDC_KEY);
        if (correlationId == null || correlationId.toString().equals(previous)) {
            return chain.proceed();
        }
        MDC.put(MDC_KEY, correlationId.toString());
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
