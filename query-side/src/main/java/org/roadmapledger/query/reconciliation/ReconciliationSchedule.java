package org.roadmapledger.query.reconciliation;

import org.roadmapledger.query.QueryProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Runs the reconciliation every {@code ledger.reconciliation-interval} (0 turns it off), first after one interval. */
@Component
class ReconciliationSchedule implements SchedulingConfigurer {

    private final Reconciliation reconciliation;
    private final QueryProperties properties;

    ReconciliationSchedule(Reconciliation reconciliation, QueryProperties properties) {
        this.reconciliation = reconciliation;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration interval = properties.reconciliationInterval();
        if (!interval.isZero() && !interval.isNegative()) {
            registrar.addFixedDelayTask(new FixedDelayTask(
                    () -> reconciliation.run("scheduled"), interval, interval));
        }
    }
}
