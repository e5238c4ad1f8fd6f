package org.roadmapledger.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The peer baseline: the same commands as the ledger's write workloads (define an objective, report its status,
 * plan, reschedule and achieve a milestone) and the same read-your-write query, built the way the framework's
 * guides build them and nothing more: no identity, no idempotency, no bitemporal views, no history, no feed, no
 * proof. The benchmarks start it with {@code java -jar peer-baseline/target/peer-baseline-*-exec.jar} and the
 * stores' addresses on the command line.
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
