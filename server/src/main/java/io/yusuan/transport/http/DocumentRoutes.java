package io.yusuan.transport.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.auth.AuthUser;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.Template;
import io.yusuan.domain.workflow.Role;
import io.yusuan.room.DocumentView;
import io.yusuan.room.RoomRegistry;
import io.yusuan.store.Catalog;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import io.yusuan.transport.ws.protocol.WireEncoder;
import java.util.List;
import java.util.Map;

/** Documents, templates and memberships over HTTP (docs/protocol.md, section HTTP). */
public final class DocumentRoutes {

    private final Catalog catalog;
    private final RoomRegistry rooms;
    private final TemplateLibrary templates;
    private final WireEncoder encoder;
    private final DocumentAccess access;

    public DocumentRoutes(Catalog catalog, RoomRegistry rooms, TemplateLibrary templates, WireEncoder encoder) {
        this.catalog = catalog;
        this.rooms = rooms;
        this.templates = templates;
        this.encoder = encoder;
        this.access = new DocumentAccess(catalog);
    }

    public void mount(Router router) {
        router.get("/api/me").handler(ctx -> ctx.json(AuthRoutes.userJson(AuthRoutes.user(ctx))));
        router.get("/api/templates").handler(this::listTemplates);
        router.get("/api/users").handler(this::listUsers);
        router.get("/api/documents").handler(this::listDocuments);
        router.post("/api/documents").handler(this::createDocument);
        router.get("/api/documents/:id").handler(this::getDocument);
        router.get("/api/documents/:id/checks").handler(this::getChecks);
        router.get("/api/documents/:id/members").handler(this::listMembers);
        router.put("/api/documents/:id/members/:username").handler(this::putMember);
        router.delete("/api/documents/:id/members/:username").handler(this::removeMember);
    }

    private Future<Role> access(RoutingContext ctx, long documentId) {
        return access.role(ctx, documentId);
    }

    /** Users to choose members from: for those who may administer documents (admins, budget creators). */
    private void listUsers(RoutingContext ctx) {
        AuthUser user = AuthRoutes.user(ctx);
        if (!user.mayCreateDocuments()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "只有管理员和填报人可以查看用户列表");
        }
        catalog.users().onSuccess(users -> {
            JsonArray list = new JsonArray();
            users.forEach(u -> list.add(new JsonObject().put("username", u.username()).put("name", u.displayName())
                    .put("globalRole", u.globalRole())));
            ctx.json(list);
        }).onFailure(ctx::fail);
    }

    private void listTemplates(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        for (Template template : templates.all()) {
            JsonArray sections = new JsonArray();
            for (SectionDef section : template.sections()) {
                sections.add(new JsonObject().put("key", section.key()).put("number", section.number())
                        .put("title", section.title()));
            }
            list.add(new JsonObject().put("id", template.id()).put("title", template.title())
                    .put("displayUnit", template.displayUnit()).put("sections", sections));
        }
        ctx.json(list);
    }

    private void listDocuments(RoutingContext ctx) {
        AuthUser user = AuthRoutes.user(ctx);
        catalog.documentsOf(user.id(), user.admin()).onSuccess(documents -> {
            JsonArray list = new JsonArray();
            documents.forEach(d -> list.add(WireEncoder.summary(d)));
            ctx.json(list);
        }).onFailure(ctx::fail);
    }

    private void createDocument(RoutingContext ctx) {
        AuthUser user = AuthRoutes.user(ctx);
        if (!user.mayCreateDocuments()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "只有填报人和管理员可以新建预算");
        }
        JsonObject body = JsonBodies.object(ctx);
        String templateId = JsonBodies.string(body, "template");
        String title = JsonBodies.string(body, "title");
        String unit = JsonBodies.string(body, "unit");
        int year = JsonBodies.integer(body, "year");
        if (templates.get(templateId).isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "没有这个模板：" + templateId);
        }
        if (year < 2000 || year > 2100) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "年度必须在 2000–2100 之间");
        }
        catalog.createDocument(templateId, title, unit, year, Map.of(), user.id(), List.of()).onSuccess(created -> {
            ctx.response().setStatusCode(201);
            ctx.json(WireEncoder.summary(created).put("version", 0));
        }).onFailure(ctx::fail);
    }

    private void getDocument(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        access(ctx, id).compose(role -> rooms.open(id).compose(room -> room.read(state -> {
            DocumentInfo info = room.info();
            return encoder.document(new DocumentView(info, state, role));
        }))).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void getChecks(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        access(ctx, id).compose(role -> rooms.open(id)).compose(room -> room.read(WireEncoder::checks))
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void listMembers(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        access(ctx, id).compose(role -> catalog.members(id)).onSuccess(members -> {
            JsonArray list = new JsonArray();
            members.forEach(m -> list.add(new JsonObject().put("username", m.username()).put("name", m.displayName())
                    .put("role", m.role().wireName())));
            ctx.json(list);
        }).onFailure(ctx::fail);
    }

    private void putMember(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        Role newRole = Role.fromWire(JsonBodies.string(JsonBodies.object(ctx), "role"))
                .orElseThrow(() -> new ApiException(ErrorCode.BAD_MESSAGE,
                        "role 必须是 editor、reviewer、supervisor 或 admin"));
        String username = ctx.pathParam("username");
        access(ctx, id).compose(role -> requireAdmin(role))
                .compose(ok -> existingUser(username))
                .compose(account -> catalog.putMember(id, account.id(), newRole).map(account))
                .onSuccess(account -> {
                    rooms.ifOpen(id, room -> room.setMember(account.id(), newRole));
                    ctx.json(new JsonObject().put("username", account.username()).put("role", newRole.wireName()));
                })
                .onFailure(ctx::fail);
    }

    private void removeMember(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        String username = ctx.pathParam("username");
        access(ctx, id).compose(role -> requireAdmin(role))
                .compose(ok -> existingUser(username))
                .compose(account -> catalog.removeMember(id, account.id()).map(removed -> {
                    if (!removed) {
                        throw new ApiException(ErrorCode.NOT_FOUND, username + " 不是该预算的成员");
                    }
                    rooms.ifOpen(id, room -> room.setMember(account.id(), null));
                    return removed;
                }))
                .onSuccess(removed -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private Future<Catalog.UserAccount> existingUser(String username) {
        return catalog.userByName(username).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                : Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "没有这个用户：" + username)));
    }

    private static Future<Void> requireAdmin(Role role) {
        return role.mayManageMembers() ? Future.succeededFuture()
                : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "只有预算管理员可以管理成员"));
    }
}
