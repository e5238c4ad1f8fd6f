package org.roadmapledger.query.proof;

import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.SealRows;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/** The proof's reads; off where the events are not in PostgreSQL's event table (profile {@code axonserver}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
class ProofQueryConfiguration {

    @Bean
    ProofReads proofReads(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new ProofReads(jdbc, transactions);
    }

    @Bean
    SealTrees sealTrees(SealRows seals) {
        return new SealTrees(seals);
    }

    @Bean
    LedgerVerification ledgerVerification(ProofReads reads, SealRows seals, ProofProperties properties, Clock clock) {
        return new LedgerVerification(reads, seals, properties, clock);
    }
}
