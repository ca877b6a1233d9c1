package io.yusuan;

import io.yusuan.auth.Passwords;
import io.yusuan.config.Settings;
import io.yusuan.store.pg.PgCatalog;
import java.io.Console;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code add-user USERNAME DISPLAY_NAME ROLE}: creates a real user. The password comes from the
 * YUSUAN_PASSWORD environment variable or is asked on the console, never from the command line
 * (it would sit in the shell history).
 */
final class AddUserCommand {

    private static final List<String> ROLES = List.of("editor", "reviewer", "supervisor", "admin");

    private AddUserCommand() {
    }

    static int run(Settings settings, String[] args) {
        if (args.length != 3 || !ROLES.contains(args[2])) {
            System.err.println("usage: add-user USERNAME DISPLAY_NAME editor|reviewer|supervisor|admin");
            return 2;
        }
        String password = System.getenv("YUSUAN_PASSWORD");
        Console console = System.console();
        if (password == null && console != null) {
            char[] typed = console.readPassword("Password for %s: ", args[0]);
            password = typed == null ? null : new String(typed);
        }
        if (password == null || password.length() < 8) {
            System.err.println("a password of at least 8 characters is needed (YUSUAN_PASSWORD or the console)");
            return 2;
        }
        try (CommandDatabase database = new CommandDatabase(settings)) {
            PgCatalog catalog = new PgCatalog(database.pool());
            if (catalog.userByName(args[0]).await(30, TimeUnit.SECONDS).isPresent()) {
                System.err.println("user " + args[0] + " already exists");
                return 1;
            }
            catalog.createUser(args[0], args[1], Passwords.hash(password), args[2]).await(30, TimeUnit.SECONDS);
            System.out.println("created user " + args[0] + " (" + args[2] + ")");
            return 0;
        } catch (Exception e) {
            System.err.println("could not create the user: " + e.getMessage());
            return 1;
        }
    }
}
