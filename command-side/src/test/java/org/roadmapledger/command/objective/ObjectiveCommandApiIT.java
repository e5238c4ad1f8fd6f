package org.roadmapledger.command.objective;

import org.junit.jupiter.api.Nested;
import org.roadmapledger.command.LedgerTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command API over HTTP on the embedded PostgreSQL (or the one named by {@code LEDGER_TEST_DB_URL}). */
class ObjectiveCommandApiIT extends ObjectiveCommandApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestDatabase.register(registry);
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
