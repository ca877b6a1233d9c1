package io.yusuan;

import io.yusuan.config.Settings;
import io.yusuan.documents.DocumentCreator;
import io.yusuan.domain.budget.Actor;
import io.yusuan.importer.BudgetImporter;
import io.yusuan.importer.ImportException;
import io.yusuan.importer.ImportReport;
import io.yusuan.store.Catalog;
import io.yusuan.store.pg.PgCatalog;
import io.yusuan.templates.TemplateLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code import FILE USERNAME}: imports a published budget text as a new document owned by the
 * user, and prints the import report. {@code import FILE --dry-run} only prints the report.
 */
final class ImportCommand {

    private ImportCommand() {
    }

    static int run(Settings settings, String[] args) {
        if (args.length != 2) {
            System.err.println("usage: import FILE USERNAME   |   import FILE --dry-run");
            return 2;
        }
        TemplateLibrary templates = TemplateLibrary.shipped();
        BudgetImporter.Result result;
        try {
            result = new BudgetImporter(templates).read(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        } catch (ImportException e) {
            System.err.println("not imported: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            return 1;
        }
        print(result.report());
        if (args[1].equals("--dry-run")) {
            return 0;
        }
        try (CommandDatabase database = new CommandDatabase(settings)) {
            Catalog catalog = new PgCatalog(database.pool());
            Optional<Catalog.UserAccount> user = catalog.userByName(args[1]).await(30, TimeUnit.SECONDS);
            if (user.isEmpty()) {
                System.err.println("no user " + args[1]);
                return 1;
            }
            BudgetImporter.Draft draft = result.draft();
            var info = new DocumentCreator(catalog, templates).create(draft.templateId(), draft.title(),
                    draft.unit(), draft.year(), draft.rows(), draft.inputs(), draft.texts(), draft.emptySections(),
                    new Actor(user.get().id(), user.get().displayName()), "import-cli").await(60, TimeUnit.SECONDS);
            System.out.println("created document " + info.id() + ": " + info.title());
            return 0;
        } catch (Exception e) {
            System.err.println("not imported: " + e.getMessage());
            return 1;
        }
    }

    private static void print(ImportReport report) {
        System.out.println("template " + report.templateId() + " · " + report.entity() + " · " + report.year());
        for (ImportReport.Table table : report.tables()) {
            System.out.printf("表%-3d %-18s imported %3d, derived equal %3d, different %3d  %s%s%n", table.number(),
                    table.section() == null ? "(not in template)" : table.section(), table.imported(),
                    table.derivedEqual(), table.differences().size(), table.title(),
                    table.emptyNote() == null ? "" : "  [空表：" + table.emptyNote() + "]");
            table.differences().forEach(d -> System.out.println("      " + d.cell() + " printed " + d.printed()
                    + " derived " + d.derived() + " — " + d.explanation()));
        }
        report.unplaced().forEach(u -> System.out.println("  not placed: " + u));
        report.checks().forEach(c -> System.out.println("  " + c.severity().wireName() + " " + c.key() + " "
                + c.message()));
    }
}
