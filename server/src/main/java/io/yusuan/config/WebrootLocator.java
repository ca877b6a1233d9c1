package io.yusuan.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the static web app: the configured path, else {@code webroot/} in or above the working
 * directory, else beside the jar (server/target/yusuan.jar → ../../webroot), so the server works
 * when started from any directory of a checkout.
 */
final class WebrootLocator {

    private WebrootLocator() {
    }

    static Path locate(String configured) {
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("webroot"));
        }
        try {
            Path jar = Path.of(WebrootLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve("webroot"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code source (unusual class loader): the working-directory candidates remain.
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("index.html"))).findFirst()
                .orElse(candidates.get(0));
    }
}
