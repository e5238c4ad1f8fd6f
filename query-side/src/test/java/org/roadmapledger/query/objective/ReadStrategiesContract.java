package org.roadmapledger.query.objective;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.query.LedgerEvents;
import org.roadmapledger.query.QueryContract;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.Paging;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways lists and the roadmap find each objective's rectangle (one seek per objective for MongoDB, one
 * scan for the embedded server) give the same answers, on seeded random histories and whatever else the ledger
 * holds, at random viewpoints, with every filter and paging.
 */
public abstract class ReadStrategiesContract extends QueryContract {

    @Autowired
    private ObjectiveVersionStore store;

    private final List<Instant> instants = new ArrayList<>();
    private final List<LocalDate> dates = new ArrayList<>();

    @BeforeAll
    void recordRandomHistories() {
        LedgerEvents ledger = ledger();
        for (long seed = 101; seed <= 115; seed++) {
            List<RecordedEvent> history = RandomHistories.generate(id("rs-" + seed), seed, 25);
            history.forEach(e -> ledger.record(e.event(), e.recordedAt()));
            instants.addAll(RandomHistories.interestingInstants(history));
            dates.addAll(RandomHistories.interestingDates(history));
        }
        awaitAllProcessed();
    }

    @Test
    void seeking_per_objective_and_scanning_once_give_the_same_roadmap_and_the_same_pages() {
        ObjectiveQueries seeks = new ObjectiveQueries(mongo, store, true);
        ObjectiveQueries scan = new ObjectiveQueries(mongo, store, false);
        List<ObjectiveQueries.Filter> filters = List.of(new ObjectiveQueries.Filter(null, null, null, null),
                new ObjectiveQueries.Filter("1", null, null, null),
                new ObjectiveQueries.Filter(null, "1.P2", null, null),
                new ObjectiveQueries.Filter(null, null, "ANS", null),
                new ObjectiveQueries.Filter("2", "2.P1", null, ObjectiveStatus.ON_TRACK));
        Random random = new Random(7);
        int nonEmpty = 0;
        for (int i = 0; i < 40; i++) {
            // given
            Viewpoint at = new Viewpoint(instants.get(random.nextInt(instants.size())),
                    dates.get(random.nextInt(dates.size())));
            ObjectiveQueries.Filter filter = filters.get(random.nextInt(filters.size()));
            Paging paging = Paging.of(random.nextInt(3), 1 + random.nextInt(4));

            // when
            List<ObjectiveVersion> tree = seeks.allOf(RandomHistories.ROADMAP.value(), at);

            // then
            assertThat(tree).as("roadmap at " + at).isEqualTo(scan.allOf(RandomHistories.ROADMAP.value(), at));
            assertThat(seeks.list(filter, at, paging)).as(filter + " " + paging + " at " + at)
                    .isEqualTo(scan.list(filter, at, paging));
            nonEmpty += tree.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(12);
    }
}
