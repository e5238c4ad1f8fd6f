package org.roadmapledger.verifier;

import org.roadmapledger.proof.ExportVerification;
import org.roadmapledger.proof.Finding;
import org.roadmapledger.proof.PublicSealKey;
import org.roadmapledger.proof.Verdict;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar verifier.jar EXPORT [--key KEY]...}: verifies a ledger export with no network and no service.
 * Exit code 0 only when everything verifies; 1 when something does not; 2 when it could not be asked.
 */
public final class Verifier {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    static final int USAGE = 2;

    private Verifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path export = null;
        List<PublicSealKey> keys = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if ("--key".equals(args[i]) && i + 1 < args.length) {
                    keys.addAll(Keys.read(Path.of(args[++i])));
                } else if (export == null && !args[i].startsWith("--")) {
                    export = Path.of(args[i]);
                } else {
                    return usage(err, "unexpected argument " + args[i]);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return usage(err, "cannot read the key: " + e.getMessage());
        }
        if (export == null) {
            return usage(err, "no export named");
        }
        return verify(export, keys, out, err);
    }

    private static int verify(Path export, List<PublicSealKey> keys, PrintStream out, PrintStream err) {
        long size;
        try {
            size = Files.size(export);
        } catch (IOException e) {
            return usage(err, "cannot read " + export + ": " + e.getMessage());
        }
        Progress progress = new Progress(out);
        ExportVerification verification = new ExportVerification(keys, progress::events);
        Verdict verdict;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(export), 1 << 16)) {
            out.println("Verifying " + export + " (" + size + " bytes) with "
                    + (keys.isEmpty() ? "the keys inside the export" : keys.size() + " pinned key(s): " + keys));
            verdict = verification.verify(in);
        } catch (IOException e) {
            return usage(err, "cannot read " + export + ": " + e.getMessage());
        }
        progress.done(verdict.events());
        out.println(verdict.summary());
        for (Finding finding : verdict.findings()) {
            out.println("  " + finding.describe());
        }
        if (verdict.valid() && verification.keysFromExport()) {
            out.println("Note: the seals were checked with the keys the export carries. To know they are the "
                    + "ledger's, fetch its published key (GET /api/ledger/keys) and pass it with --key.");
        }
        return verdict.valid() ? VERIFIED : FAILED;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -jar verifier.jar EXPORT [--key KEY]...");
        err.println("  EXPORT  an archive from GET /api/exports/{sealId}");
        err.println("  KEY     a file with a public key: PEM, a JWK, or a JWK set (GET /api/ledger/keys)");
        return USAGE;
    }
}
