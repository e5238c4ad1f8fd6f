package org.roadmapledger.command.objective;

import org.junit.jupiter.api.Nested;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same command API suite on a PostgreSQL server in a container, as the split-services deployment runs it
 * (profile {@code postgres}). Skipped, and reported so, where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ObjectiveCommandApiOnPostgresContainerIT extends ObjectiveCommandApiContract {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres", () -> "false");
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
    }

    @Nested
    class PostObjectives extends DefineObjectiveSpec {
    }

    @Nested
    class PatchObjective extends AmendObjectiveSpec {
    }

    @Nested
    class PutPlacement extends MoveObjectiveSpec {
    }

    @Nested
    class PutSponsor extends AssignSponsorSpec {
    }

    @Nested
    class PostMilestones extends PlanMilestoneSpec {
    }

    @Nested
    class PutMilestoneDueOn extends RescheduleMilestoneSpec {
    }

    @Nested
    class PostMilestoneAchievement extends MarkMilestoneAchievedSpec {
    }

    @Nested
    class PostAchievementRevocation extends RevokeMilestoneAchievementSpec {
    }

    @Nested
    class PostStatusReports extends ReportStatusSpec {
    }

    @Nested
    class MalformedRequests extends MalformedRequestSpec {
    }

    @Nested
    class UnknownTargets extends UnknownTargetSpec {
    }

    @Nested
    class BusinessRules extends BusinessRuleSpec {
    }

    @Nested
    class IfMatch extends ConditionalCommandSpec {
    }

    @Nested
    class Concurrency extends ConcurrentCommandSpec {
    }

    @Nested
    class IdempotencyKey extends IdempotentCommandSpec {
    }
}
