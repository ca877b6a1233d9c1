package io.yusuan;

import io.yusuan.config.Settings;
import io.yusuan.demo.DemoData;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar yusuan.jar} runs the server; {@code add-user …} creates a user and
 * {@code import …} imports a published budget text (see README). Ctrl-C stops cleanly: rooms flushed, embedded PostgreSQL stopped.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.load(System.getenv());
        if (args.length > 0 && args[0].equals("add-user")) {
            System.exit(AddUserCommand.run(settings, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(settings, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar yusuan.jar [add-user USERNAME DISPLAY_NAME ROLE | import FILE USERNAME"
                    + " | import FILE --dry-run]");
            System.exit(2);
        }
        App app = App.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "yusuan-shutdown"));
        String url = "http://" + ("0.0.0.0".equals(settings.host()) ? "localhost" : settings.host()) + ":" + app.port()
                + "/";
        StringBuilder banner = new StringBuilder("\n  Yusuan 预算协同编制 is running at ").append(url).append('\n');
        if (settings.demoData()) {
            banner.append("  Demo logins (password '").append(DemoData.PASSWORD).append("'): ");
            DemoData.USERS.forEach(u -> banner.append(u.username()).append(" (").append(u.globalRole()).append(") "));
            banner.append('\n');
        }
        LOG.info(banner.toString());
    }
}
