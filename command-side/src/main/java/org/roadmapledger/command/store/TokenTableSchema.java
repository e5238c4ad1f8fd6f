package org.roadmapledger.command.store;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names of the command side's token table (its own processors' tracking tokens, created by the Flyway
 * migrations): the snake_case names Axon's JPA entities get in Spring Boot. The event tables' names are the
 * platform's ({@code EventStoreSchema}).
 */
@Configuration(proxyBeanMethods = false)
class TokenTableSchema {

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
