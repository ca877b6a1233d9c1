package io.yusuan.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Issues and checks the HS256 JWTs of /api/login; the key comes from config or DATA_DIR. */
public final class Tokens {

    private static final int LIFETIME_MINUTES = 12 * 60;

    private final JWTAuth jwt;

    public Tokens(Vertx vertx, String secret) {
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    }

    /** The configured secret, else the one kept in {@code dataDir/jwt-secret}, created on first start. */
    public static String secret(String configured, Path dataDir) {
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve("jwt-secret");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String secret = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Non-POSIX file system: the file keeps default permissions.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("keeping the JWT secret in " + file, e);
        }
    }

    public String issue(AuthUser user) {
        JsonObject claims = new JsonObject().put("uid", user.id()).put("username", user.username())
                .put("name", user.name()).put("role", user.globalRole());
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(LIFETIME_MINUTES)
                .setSubject(user.username()));
    }

    /** The token's user; fails for a missing, malformed, forged or expired token. */
    public Future<AuthUser> check(String token) {
        if (token == null || token.isBlank()) {
            return Future.failedFuture("no token");
        }
        return jwt.authenticate(new TokenCredentials(token)).map(user -> {
            JsonObject p = user.principal();
            return new AuthUser(p.getLong("uid"), p.getString("username"), p.getString("name"),
                    p.getString("role", "editor"));
        });
    }
}
