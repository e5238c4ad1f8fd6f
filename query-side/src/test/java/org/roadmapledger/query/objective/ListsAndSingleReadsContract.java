package org.roadmapledger.query.objective;

import org.roadmapledger.query.objective.versions.ObjectiveVersion;
import org.roadmapledger.api.objective.ObjectiveStatusView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.query.LedgerEvents;
import org.roadmapledger.query.QueryContract;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists and the roadmap read many objectives at once, starting from the directory; a single read starts from
 * the objective's position. On seeded random histories, at random viewpoints, with every filter and paging,
 * both ways give the same answers.
 */
public abstract class ListsAndSingleReadsContract extends QueryContract {

    @Autowired
    private ObjectiveQueries queries;

    private final List<String> objectives = new ArrayList<>();
    private final List<Instant> instants = new ArrayList<>();
    private final List<LocalDate> dates = new ArrayList<>();

    @BeforeAll
    void recordRandomHistories() {
        LedgerEvents ledger = ledger();
        for (long seed = 101; seed <= 115; seed++) {
            List<RecordedEvent> history = RandomHistories.generate(id("rs-" + seed), seed, 25);
            history.forEach(e -> ledger.record(e.event(), e.recordedAt()));
            objectives.add(id("rs-" + seed));
            instants.addAll(RandomHistories.interestingInstants(history));
            dates.addAll(RandomHistories.interestingDates(history));
        }
        awaitAllProcessed();
    }

    @Test
    void lists_and_the_roadmap_show_what_single_reads_show_at_every_viewpoint() {
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
            List<ObjectiveStatusView> single = objectives.stream().map(id -> queries.find(id, at))
                    .flatMap(Optional::stream).toList();

            // when
            List<ObjectiveVersion> tree = queries.allOf(RandomHistories.ROADMAP.value(), at);
            PageOf<ObjectiveStatusView> page = queries.list(filter, at, paging);

            // then
            assertThat(tree.stream().map(ObjectiveVersion::objectiveId).filter(objectives::contains).toList())
                    .as("roadmap at " + at).isEqualTo(single.stream().map(ObjectiveStatusView::objectiveId).toList());
            List<ObjectiveStatusView> mine = page.items().stream().filter(v -> objectives.contains(v.objectiveId()))
                    .toList();
            List<ObjectiveStatusView> expected = single.stream().filter(v -> matches(filter, v))
                    .filter(v -> page.items().stream().anyMatch(p -> p.objectiveId().equals(v.objectiveId())))
                    .toList();
            assertThat(mine).as(filter + " " + paging + " at " + at).isEqualTo(expected);
            assertThat(page.totalItems()).isGreaterThanOrEqualTo(single.stream().filter(v -> matches(filter, v))
                    .count());
            nonEmpty += tree.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(12);
    }

    @Test
    void pages_of_the_whole_list_hold_every_objective_of_the_single_reads_once_in_id_order() {
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            // given
            Viewpoint at = new Viewpoint(instants.get(random.nextInt(instants.size())),
                    dates.get(random.nextInt(dates.size())));
            List<ObjectiveStatusView> single = objectives.stream().sorted().map(id -> queries.find(id, at))
                    .flatMap(Optional::stream).toList();

            // when
            List<ObjectiveStatusView> listed = new ArrayList<>();
            PageOf<ObjectiveStatusView> page;
            int number = 0;
            do {
                page = queries.list(new ObjectiveQueries.Filter(null, null, null, null), at, Paging.of(number++, 7));
                listed.addAll(page.items());
            } while (!page.items().isEmpty());

            // then
            assertThat(listed).hasSize((int) page.totalItems());
            assertThat(listed.stream().filter(v -> objectives.contains(v.objectiveId())).toList())
                    .as("at " + at).isEqualTo(single);
        }
    }

    private static boolean matches(ObjectiveQueries.Filter f, ObjectiveStatusView v) {
        return (f.axis() == null || f.axis().equals(v.axis())) && (f.priority() == null
                || f.priority().equals(v.priority())) && (f.sponsor() == null || f.sponsor().equals(v.sponsor()))
                && (f.status() == null || f.status() == v.status());
    }
}
