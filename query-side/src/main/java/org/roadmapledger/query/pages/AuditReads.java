package org.roadmapledger.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.query.access.AccessLog;
import org.roadmapledger.query.history.ObjectiveHistories;
import org.roadmapledger.query.proof.ObjectiveChecks;
import org.roadmapledger.query.proof.ObjectiveVerification;
import org.roadmapledger.query.time.Viewpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an objective's audit view for the pages: the history and the chain, each recorded in the access log as
 * the API records the same reads, since a page shows what the API would answer.
 */
@Component
class AuditReads {

    private final ObjectiveHistories histories;
    private final ObjectProvider<ObjectiveChecks> checks;
    private final AccessLog accessLog;

    AuditReads(ObjectiveHistories histories, ObjectProvider<ObjectiveChecks> checks, AccessLog accessLog) {
        this.histories = histories;
        this.checks = checks;
        this.accessLog = accessLog;
    }

    ObjectiveAudit audit(String objectiveId, int page, List<Seal> newestFirst, HttpServletRequest request) {
        long total = histories.length(objectiveId).orElse(0);
        accessLog.record("history", objectiveId, request);
        int pages = (int) Math.max(1, (total + ObjectiveAudit.PAGE_SIZE - 1) / ObjectiveAudit.PAGE_SIZE);
        int shown = Math.max(0, Math.min(page, pages - 1));
        long to = total - (long) shown * ObjectiveAudit.PAGE_SIZE;
        List<ObjectiveAudit.Row> rows = new ArrayList<>();
        for (ObjectiveHistories.Item item : histories.range(objectiveId, Math.max(0, to - ObjectiveAudit.PAGE_SIZE), to)) {
            rows.add(0, ObjectiveAudit.Row.of(item, Viewpoint.LEDGER_ZONE));
        }
        ObjectiveChecks checker = checks.getIfAvailable();
        ObjectiveVerification verification = null;
        if (checker != null) {
            accessLog.record("proof", objectiveId, request);
            verification = checker.verify(objectiveId).orElse(null);
        }
        List<String> holding = verification == null ? List.of() : verification.sealedIn();
        List<ObjectiveAudit.SealedIn> sealedIn = newestFirst.stream()
                .filter(seal -> holding.contains(seal.statement().sealId()))
                .map(seal -> new ObjectiveAudit.SealedIn(seal.statement().sealId(), seal.statement().label(),
                        java.time.Instant.parse(seal.statement().sealedAt()).atZone(Viewpoint.LEDGER_ZONE).toLocalDate()))
                .toList();
        return new ObjectiveAudit(rows, shown, pages, total, verification, sealedIn);
    }
}
