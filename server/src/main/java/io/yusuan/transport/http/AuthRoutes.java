package io.yusuan.transport.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.auth.AuthUser;
import io.yusuan.auth.Passwords;
import io.yusuan.auth.Tokens;
import io.yusuan.domain.ErrorCode;
import io.yusuan.store.Catalog;

/** POST /api/login, and the bearer-token check in front of every other /api/** route. */
public final class AuthRoutes {

    static final String USER = "yusuan.user";

    /** Verified when the user is unknown too, so response time does not reveal who exists. */
    private static final String DUMMY_HASH = Passwords.hash("not-a-password");

    private final Vertx vertx;
    private final Catalog catalog;
    private final Tokens tokens;

    public AuthRoutes(Vertx vertx, Catalog catalog, Tokens tokens) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.tokens = tokens;
    }

    public void mount(Router router) {
        router.post("/api/login").handler(this::login);
        router.route("/api/*").handler(this::authenticate);
    }

    public static AuthUser user(RoutingContext ctx) {
        return ctx.get(USER);
    }

    /** The bearer token of a request: the Authorization header, or ?access_token= for WebSockets. */
    public static String bearerToken(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return ctx.request().getParam("access_token");
    }

    private void login(RoutingContext ctx) {
        JsonObject body = JsonBodies.object(ctx);
        String username = JsonBodies.string(body, "username");
        String password = JsonBodies.string(body, "password");
        catalog.userByName(username)
                .compose(found -> vertx.executeBlocking(() -> {
                    boolean ok = Passwords.verify(found.map(Catalog.UserAccount::passwordHash).orElse(DUMMY_HASH),
                            password);
                    return ok ? found : java.util.Optional.<Catalog.UserAccount>empty();
                }, false))
                .compose(account -> account.isEmpty()
                        ? Future.failedFuture(new ApiException(ErrorCode.UNAUTHENTICATED, "用户名或密码不对"))
                        : Future.succeededFuture(account.get()))
                .onSuccess(account -> {
                    AuthUser user = new AuthUser(account.id(), account.username(), account.displayName(),
                            account.globalRole());
                    ctx.json(new JsonObject().put("token", tokens.issue(user)).put("user", userJson(user)));
                })
                .onFailure(ctx::fail);
    }

    static JsonObject userJson(AuthUser user) {
        return new JsonObject().put("id", user.id()).put("username", user.username()).put("name", user.name())
                .put("roles", new JsonArray().add(user.globalRole()));
    }

    private void authenticate(RoutingContext ctx) {
        tokens.check(bearerToken(ctx)).onSuccess(user -> {
            ctx.put(USER, user);
            ctx.next();
        }).onFailure(err -> ErrorResponses.send(ctx, ErrorCode.UNAUTHENTICATED, "请先登录（令牌无效或已过期）"));
    }
}
