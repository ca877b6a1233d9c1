package io.yusuan.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.yusuan.auth.Passwords;
import io.yusuan.documents.DocumentCreator;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog;
import io.yusuan.store.Catalog.UserAccount;
import io.yusuan.templates.TemplateLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo users and budgets on a database that lacks them (idempotent, so every start
 * may call it). The demo users share one published password: never enable this on a real
 * database.
 */
public final class DemoData {

    public static final String PASSWORD = "yusuan";
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("editor1", "编辑一", "editor", Role.EDITOR),
            new DemoUser("editor2", "编辑二", "editor", Role.EDITOR),
            new DemoUser("reviewer1", "审核人一", "reviewer", Role.REVIEWER),
            new DemoUser("supervisor1", "审批人一", "supervisor", Role.SUPERVISOR),
            new DemoUser("admin", "管理员", "admin", Role.ADMIN));
    private static final List<String> BUDGETS = List.of("suzhou-2024.json", "xixiang-2024.json", "nangong-2023.json");
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    public record DemoUser(String username, String name, String globalRole, Role documentRole) {
    }

    private final Vertx vertx;
    private final Catalog catalog;
    private final TemplateLibrary templates;

    public DemoData(Vertx vertx, Catalog catalog, TemplateLibrary templates) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.templates = templates;
    }

    public Future<Void> ensure() {
        return ensureUsers().compose(this::ensureBudgets);
    }

    private Future<Map<DemoUser, UserAccount>> ensureUsers() {
        Map<DemoUser, UserAccount> accounts = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (DemoUser user : USERS) {
            chain = chain.compose(v -> catalog.userByName(user.username())).compose(found -> {
                if (found.isPresent()) {
                    return Future.succeededFuture(found.get());
                }
                return vertx.executeBlocking(() -> Passwords.hash(PASSWORD), false)
                        .compose(hash -> catalog.createUser(user.username(), user.name(), hash, user.globalRole()));
            }).map(account -> {
                accounts.put(user, account);
                return null;
            });
        }
        return chain.map(accounts);
    }

    private Future<Void> ensureBudgets(Map<DemoUser, UserAccount> accounts) {
        UserAccount admin = accounts.get(USERS.get(USERS.size() - 1));
        return catalog.documentsOf(admin.id(), true).compose(existing -> {
            Future<Void> chain = Future.succeededFuture();
            for (String name : BUDGETS) {
                DemoBudget budget = DemoBudget.resource(name);
                boolean present = existing.stream().anyMatch(d -> d.title().equals(budget.title())
                        && d.year() == budget.year() && d.unit().equals(budget.unit()));
                if (!present) {
                    chain = chain.compose(v -> createBudget(budget, admin, accounts));
                }
            }
            return chain;
        });
    }

    private Future<Void> createBudget(DemoBudget budget, UserAccount admin, Map<DemoUser, UserAccount> accounts) {
        Actor creator = new Actor(admin.id(), admin.displayName());
        return new DocumentCreator(catalog, templates).create(budget.templateId(), budget.title(), budget.unit(),
                budget.year(), budget.rows(), budget.values(), budget.texts(), budget.emptySections(), creator,
                "demo-data").compose(info -> {
                    List<Future<Void>> memberships = new ArrayList<>();
                    accounts.forEach((user, account) ->
                            memberships.add(catalog.putMember(info.id(), account.id(), user.documentRole())));
                    return Future.all(memberships).<Void>mapEmpty()
                            .onSuccess(v -> LOG.info("demo budget '{}' created as document {}", budget.title(), info.id()));
                });
    }
}
