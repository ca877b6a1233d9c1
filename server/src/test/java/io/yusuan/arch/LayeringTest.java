package io.yusuan.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows pointing down: the domain imports only java.* and itself; rooms and stores
 * never reach up into transport; only the composition root wires transport in.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "yusuan");

    private static List<String> violations(String pkg, Predicate<String> allowed) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        String imported = line.substring(7).replace("static ", "").replace(";", "").trim();
                        if (!allowed.test(imported)) {
                            found.add(SOURCES.relativize(file) + ": " + imported);
                        }
                    }
                }
                // Fully qualified uses in code count too.
                String text = Files.readString(file);
                for (String forbidden : List.of("io.vertx", "com.fasterxml", "java.sql", "org.postgresql")) {
                    if (pkg.startsWith("domain") && text.contains(forbidden)) {
                        found.add(SOURCES.relativize(file) + ": mentions " + forbidden);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theDomainIsPlainJava() throws IOException {
        assertTrue(Files.isDirectory(SOURCES.resolve("domain")));
        assertEquals(List.of(), violations("domain", i -> i.startsWith("java.") || i.startsWith("io.yusuan.domain.")));
    }

    @Test
    void roomsAndStoresDoNotDependOnTransport() throws IOException {
        Predicate<String> noTransport = i -> !i.startsWith("io.yusuan.transport");
        assertEquals(List.of(), violations("room", noTransport));
        assertEquals(List.of(), violations("store", noTransport.and(i -> !i.startsWith("io.yusuan.room"))));
        assertEquals(List.of(), violations("templates", noTransport.and(i -> !i.startsWith("io.yusuan.room"))));
    }
}
