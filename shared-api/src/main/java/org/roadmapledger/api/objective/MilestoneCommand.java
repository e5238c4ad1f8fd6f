package org.roadmapledger.api.objective;

/** A request about one milestone of an objective. */
public sealed interface MilestoneCommand extends ObjectiveCommand
        permits PlanMilestone, RescheduleMilestone, MarkMilestoneAchieved, RevokeMilestoneAchievement {

    MilestoneId milestoneId();
}
