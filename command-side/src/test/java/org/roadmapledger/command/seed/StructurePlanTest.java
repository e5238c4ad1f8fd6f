package org.roadmapledger.command.seed;

import org.junit.jupiter.api.Test;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.command.seed.StructurePlan.Structure;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StructurePlanTest {

    private static final PriorityDefinition P1 = new PriorityDefinition("1.P1", "Priorité 1.1");
    private static final PriorityDefinition P2 = new PriorityDefinition("1.P2", "Priorité 1.2");
    private static final PriorityDefinition P3 = new PriorityDefinition("1.P3", "Priorité 1.3");
    private static final PriorityDefinition Q1 = new PriorityDefinition("2.P1", "Priorité 2.1");

    @Test
    void a_first_import_publishes_the_file_s_structure_before_the_objectives() {
        // given
        Structure target = structure("Roadmap", axis("1", P1, P2));

        // when
        StructurePlan plan = StructurePlan.between(null, target);

        // then
        assertThat(plan).isEqualTo(new StructurePlan(target, null));
    }

    @Test
    void the_same_structure_is_not_published_again() {
        // given
        Structure current = structure("Roadmap", axis("1", P1, P2));

        // when
        StructurePlan plan = StructurePlan.between(current, structure("Roadmap", axis("1", P1, P2)));

        // then
        assertThat(plan).isEqualTo(new StructurePlan(null, null));
    }

    @Test
    void added_or_retitled_priorities_are_published_before_the_objectives_that_may_move_there() {
        // given
        Structure current = structure("Roadmap", axis("1", P1, P2));
        Structure target = structure("Roadmap", axis("1", new PriorityDefinition("1.P1", "Nouveau titre"), P2, P3));

        // when
        StructurePlan plan = StructurePlan.between(current, target);

        // then
        assertThat(plan).isEqualTo(new StructurePlan(target, null));
    }

    @Test
    void a_file_that_adds_and_drops_priorities_publishes_the_union_first_and_its_own_structure_last() {
        // given
        Structure current = structure("Roadmap", axis("1", P1, P2), axis("2", Q1));
        Structure target = structure("Roadmap 2", axis("1", P1, P3));

        // when
        StructurePlan plan = StructurePlan.between(current, target);

        // then
        assertThat(plan.beforeObjectives()).isEqualTo(structure("Roadmap 2", axis("1", P1, P3, P2), axis("2", Q1)));
        assertThat(plan.afterObjectives()).isEqualTo(target);
    }

    @Test
    void a_file_that_only_drops_priorities_publishes_once_after_the_objectives() {
        // given
        Structure current = structure("Roadmap", axis("1", P1, P2));
        Structure target = structure("Roadmap", axis("1", P1));

        // when
        StructurePlan plan = StructurePlan.between(current, target);

        // then
        assertThat(plan).isEqualTo(new StructurePlan(null, target));
    }

    private static Structure structure(String title, AxisDefinition... axes) {
        return new Structure(title, List.of(axes));
    }

    private static AxisDefinition axis(String code, PriorityDefinition... priorities) {
        return new AxisDefinition(code, "Axe " + code, List.of(priorities));
    }
}
