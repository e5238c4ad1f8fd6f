package org.roadmapledger.platform.proof;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What both sides read of the proof: its settings and the stored seals. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProofProperties.class)
public class ProofPlatform {

    @Bean
    @ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
    SealRows sealRows(JdbcTemplate jdbc) {
        return new SealRows(jdbc);
    }
}
