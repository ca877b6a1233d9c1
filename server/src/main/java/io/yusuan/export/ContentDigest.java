package io.yusuan.export;

import io.yusuan.domain.publish.PublishedBudget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a budget's JSON export: a fingerprint of everything a file shows, used where a format wants
 * an identifier (the PDF's document ID, its font subset name) that would otherwise be random.
 */
final class ContentDigest {

    private ContentDigest() {
    }

    static byte[] of(PublishedBudget budget) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                new JsonBudgetWriter().write(budget, out, ExportProgress.NONE);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
