package org.roadmapledger.api.objective;

/** A fact recorded about one milestone of an objective. */
public sealed interface MilestoneEvent extends ObjectiveEvent
        permits MilestonePlanned, MilestoneRescheduled, MilestoneAchieved, MilestoneAchievementRevoked {

    MilestoneId milestoneId();
}
