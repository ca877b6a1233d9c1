package io.yusuan.auth;

import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password hashing with PBKDF2-HMAC-SHA512 at 210,000 iterations (OWASP's floor for this
 * algorithm), through Vert.x's vetted implementation; the PHC-style string stores the salt and
 * the iteration count. About 0.2 s per hash by design, so callers run it on a worker thread.
 */
public final class Passwords {

    private static final int ITERATIONS = 210_000;
    private static final HashingStrategy STRATEGY = HashingStrategy.load();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().withoutPadding().encodeToString(salt);
        return STRATEGY.hash("pbkdf2", Map.of("it", String.valueOf(ITERATIONS)), saltText, password);
    }

    public static boolean verify(String storedHash, String password) {
        try {
            return STRATEGY.verify(storedHash, password);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
